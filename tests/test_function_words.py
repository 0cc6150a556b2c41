"""Prose in many languages is recognised by its function words, as English prose is."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsmill.features import FEATURE_NAMES, STOPWORDS, block_features
from newsmill.segment import segment

PROSE = {
    "en": "The council said that the budget was approved after a long debate with the residents of the city.",
    "ru": "Совет заявил, что бюджет был принят после долгих споров с жителями города, и это было не просто.",
    "pl": "Rada powiedziała, że budżet został przyjęty po długiej debacie z mieszkańcami, ale nie jest to koniec.",
    "sv": "Rådet sade att budgeten antogs efter en lång debatt med invånarna, och det var inte enkelt för dem.",
    "tr": "Konsey, bütçenin sakinlerle uzun bir tartışmadan sonra kabul edildiğini ve bu kararın çok önemli olduğunu söyledi.",
    "id": "Dewan mengatakan bahwa anggaran itu disetujui setelah perdebatan panjang dengan warga kota dan tidak mudah.",
}


def _stop_ratio(text: str) -> float:
    seg = segment(LexborHTMLParser(f"<html><body><p>{text}</p></body></html>").body)
    X = block_features(seg, None, None, [0.0] * 11)
    return float(X[0, FEATURE_NAMES.index("stop_ratio")])


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_prose_has_function_words_in_every_listed_language(lang: str) -> None:
    assert _stop_ratio(PROSE[lang]) >= 0.15, lang


def test_a_menu_has_none() -> None:
    assert _stop_ratio("Главная Новости Спорт Погода Контакты") == 0.0
    assert _stop_ratio("Home News Sports Weather Contact") == 0.0


def test_common_english_words_and_names_are_not_other_languages_function_words() -> None:
    for word in ("men", "care", "pro", "yang", "med", "man", "mint"):
        assert word not in STOPWORDS, word
