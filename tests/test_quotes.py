"""Direct quotes, their speakers and the outlets they came through."""

from __future__ import annotations

import pytest

from newsmill.quotes import find_quotes


def one(text: str):
    qs = find_quotes(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_offsets_point_at_the_quoted_words():
    text = 'Intro line.\n\n"We will rebuild the pier before summer," Mayor Ines Duarte said.'
    q = one(text)
    assert text[q.start : q.end] == q.text == "We will rebuild the pier before summer"


def test_verb_after_with_surname_resolves_to_full_name():
    text = (
        "Harbour master Colin Achebe inspected the damage on Monday.\n\n"
        '"The east wall took the worst of it," Achebe said.'
    )
    q = one(text)
    assert q.speaker == "Colin Achebe"
    assert q.reported_by is None


def test_inverted_said_name_drops_role_and_apposition():
    q = one('"Nobody expected the river to rise this fast," said Petra Novak, a volunteer firefighter.')
    assert q.speaker == "Petra Novak"


def test_verb_before_with_colon_and_that():
    q = one('Governor Alan Brooks said on Friday: "The state will cover the cost of the cleanup."')
    assert q.speaker == "Alan Brooks"
    q = one('Brooks later said that "no family will pay for repairs out of pocket."')
    assert q.speaker == "Brooks"


def test_split_quote_gives_two_records_with_one_speaker():
    qs = find_quotes('"The trains will run," transport chief Mei Lin said, "but slower than usual."')
    assert [q.text for q in qs] == ["The trains will run", "but slower than usual."]
    assert [q.speaker for q in qs] == ["Mei Lin", "Mei Lin"]


def test_curly_quotes_and_pronoun_resolution():
    text = "Chancellor Olaf Brandt arrived late.\n\n\u201cWe have a deal on the table,\u201d he said."
    q = one(text)
    assert q.text == "We have a deal on the table"
    assert q.speaker == "Olaf Brandt"


def test_multi_paragraph_quote_is_one_record():
    text = (
        "Coach Ana Ruiz was blunt.\n\n"
        '"We lost every duel in midfield. That is on me.\n\n'
        '"Next week we start again from zero," Ruiz said.'
    )
    q = one(text)
    assert q.text.startswith("We lost every duel") and q.text.endswith("from zero")
    assert "\n\n" in q.text
    assert q.speaker == "Ana Ruiz"


def test_standalone_quote_keeps_previous_speaker():
    qs = find_quotes('"Prices are falling," analyst Ravi Menon said. "They will fall further in spring."')
    assert [q.speaker for q in qs] == ["Ravi Menon", "Ravi Menon"]


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        ('"The plant will close in May," the Valley Courier quotes manager Tom Reid as saying.', "Tom Reid", "Valley Courier"),
        ('"We have enough fuel for a week," Reuters quoted port official Sara Kim.', "Sara Kim", "Reuters"),
        ('"The ceasefire is holding," a commander, Yusuf Demir, said, according to The Associated Press.', "Yusuf Demir", "Associated Press"),
        ('"I am not resigning," Senator Dana Holt told CNN on Sunday.', "Dana Holt", "CNN"),
        ('In an interview with the BBC, Dr. Lena Berg said: "The second wave was smaller."', "Lena Berg", "BBC"),
    ],
)
def test_reported_by(text, speaker, outlet):
    q = one(text)
    assert q.speaker == speaker
    assert q.reported_by == outlet


def test_told_reporters_is_not_an_outlet():
    q = one('"We will appeal the ruling," lawyer Ben Ortiz told reporters.')
    assert q.speaker == "Ben Ortiz"
    assert q.reported_by is None


def test_the_spokesman_resolves_to_the_named_spokesman():
    text = (
        "The ministry spokesman, Karl Weiss, gave no figures.\n\n"
        '"We do not comment on ongoing operations," the spokesman said.'
    )
    assert one(text).speaker == "Karl Weiss"


def test_not_quotes_scare_quotes_titles_indirect_speech():
    text = (
        'Critics called the deal a "betrayal" of voters. The minister said that the deal was fair '
        'and that talks would go on. Her memoir, "Notes From A Long Winter," comes out in May. '
        'The sign on the gate read "No entry after dark for visitors."'
    )
    assert find_quotes(text) == []


def test_other_languages_marks_detected_without_speaker():
    fr = find_quotes("Le ministre a déclaré : « Nous ne reculerons pas sur cette réforme. »")
    assert [q.text for q in fr] == ["Nous ne reculerons pas sur cette réforme."]
    assert fr[0].speaker is None
    de = find_quotes("Die Ministerin sagte: „Wir werden die Schulen offen halten.“")
    assert [q.text for q in de] == ["Wir werden die Schulen offen halten."]


def test_a_speaker_no_rule_reads_is_not_guessed_from_the_paragraph_before():
    # The sentence goes on after the quote and names its speaker in words no rule reads: the
    # person named just before did not say it, so no speaker beats a wrong one.
    text = (
        "Der Stadtrat hat am Montagabend beschlossen, das Freibad zu schließen.\n\n"
        "„Wir haben uns diese Entscheidung nicht leicht gemacht“, sagte Bürgermeister Thomas Reed.\n\n"
        "Councilwoman Ann Lee voted against the plan.\n\n"
        '"We did not make this decision lightly," the mayor grumbled after the vote.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Thomas Reed", None]
    # A quote that stands as its own sentence still takes the person just named.
    q = find_quotes("Councilwoman Ann Lee voted against the plan.\n\n\"This pool is the heart of our town.\"")
    assert [x.speaker for x in q] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Designer Mindy Weiss plans about forty weddings a year. Her partner Cameron Forbes does the flowers.\n\n"
            '"Guests want to move around and talk," Weiss shares. "Nobody wants a four-hour dinner."\n\n'
            '"Start with a textile you love," Weiss has said.',
            ["Mindy Weiss", "Mindy Weiss", "Mindy Weiss"],
            id="feature_writing_speech_tags_after_the_quote",
        ),
        pytest.param(
            '"Hosts are weaving in personal narratives," says Estera Events Co-Owner and Lead Planner Erica Vanco.\n\n'
            "Photographer Candida Höfer studies public interiors. "
            '"It became apparent to me that people shape rooms," she said.\n\n'
            "Yeun Joon Kim of Cambridge Judge Business School led the study.\n\n"
            '"Creativity did not increase over time," Kim said.',
            ["Erica Vanco", "Candida Höfer", "Yeun Joon Kim"],
            id="roles_before_a_name_are_not_the_name",
        ),
    ],
)
def test_speakers_of_feature_writing(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers


def test_verbs_that_take_objects_do_not_make_quotes_before_them():
    # Before a quote, "recommends" and "shares" take an object: a product, a phrase.
    text = (
        'Audio engineer Kevin Cureghian recommends "the Sony MDR7506" for beginners. '
        'Fedora shares strategy updates and "weird research university" plans. '
        'In this layout, each column is given "two hundred pixels of the available space" and the rest is shared.'
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == []


def test_empty_and_markless_text():
    assert find_quotes("") == []
    assert find_quotes("No quotes in this sentence at all.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Das ist ein guter Tag für alle, die hier Rad fahren“, sagte Oberbürgermeisterin Sabine Hoffmann "
         "nach der Sitzung.", "Sabine Hoffmann"),
        ("„Wir achten darauf, dass die Geschäfte erreichbar bleiben“, erklärte Stadtbaurat Jens Becker.",
         "Jens Becker"),
        ("„Wir achten darauf, dass die Geschäfte erreichbar bleiben“, sagte Sabine Hofmeister.", "Sabine Hofmeister"),
        ("Sabine Hoffmann war zufrieden. „Wir bauen den Radweg im Frühjahr“, sagte sie.", "Sabine Hoffmann"),
        ("« Nous allons reconstruire la ville avec tous les habitants », a déclaré le ministre de l'Intérieur "
         "Gérald Darmanin.", "Gérald Darmanin"),
        ("« Nous n'avions jamais vu l'eau monter aussi vite », a confié Jean-Pierre Roux, maire d'une commune "
         "voisine.", "Jean-Pierre Roux"),
        ("Marie Dupont était satisfaite. « Nous allons reconstruire la ville ensemble », explique-t-elle.",
         "Marie Dupont"),
        ("«Vamos a reconstruir la ciudad con todos los vecinos», dijo el alcalde José García.", "José García"),
        ('"Ricostruiremo la città con tutti gli abitanti", ha detto Giorgia Meloni.', "Giorgia Meloni"),
        ('"We zullen de stad samen opnieuw opbouwen", aldus burgemeester Femke Halsema.', "Femke Halsema"),
    ],
)
def test_speech_tags_after_a_quote_in_other_languages(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]
