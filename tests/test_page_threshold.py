"""Each page's decision threshold maximises its expected word F1 (score.expected_f1_threshold),
and a fold's model file names its own page-type model."""

import json
from pathlib import Path

import numpy as np
import pytest

import newsmill
from newsmill import model, score
from newsmill.decode import decode_html
from newsmill.pipeline import analyse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _thr(probs: list[float], words: list[float], fallback: float = 0.4) -> float:
    return score.expected_f1_threshold(np.array(probs), np.array(words, dtype=float), 0.4, -1.0, fallback)


def test_a_sure_page_leaves_out_its_doubtful_block() -> None:
    # Ten sure paragraphs: one more at 0.6 would cost more precision than it could bring.
    t = _thr([0.99] * 10 + [0.6, 0.01], [50] * 12)
    assert 0.6 < t <= 0.99


def test_a_thin_page_keeps_its_likelier_blocks() -> None:
    # Nothing is sure: the two likelier blocks are kept (a fixed 0.5 would keep one),
    # the unlikely one is not.
    t = _thr([0.5, 0.45, 0.1], [50, 50, 50])
    assert t == pytest.approx(0.45)


def test_the_threshold_is_one_of_the_probabilities() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        probs = rng.random(40) * (rng.random(40) > 0.3)
        t = _thr(list(probs), list(rng.integers(1, 200, 40)), fallback=0.0)
        assert t in probs and t > 0


def test_a_page_without_a_likely_block_gets_the_fallback() -> None:
    assert _thr([0.0, 0.0], [10, 20]) == 0.4
    assert _thr([0.3, 0.2], [10, 20]) == 0.4  # best block under the fallback
    assert _thr([], []) == 0.4


def test_an_error_page_stays_empty() -> None:
    page = "<html><body><h1>Access denied</h1><p>You do not have permission to access this page.</p></body></html>"
    assert newsmill.extract(page).text == ""


def test_switches_keep_less_or_more_than_the_default() -> None:
    # A news page with doubtful lines around the story (a probe page; on the shipped examples
    # the three settings now keep the same words).
    html = (EXAMPLES.parent / "bench" / "probes" / "bignews" / "bbc_bakery.html").read_bytes()
    text, _ = decode_html(html)
    _ctx, seg, X = analyse(text, None)
    probs, fixed = score.score_blocks(seg, X)
    default = score.page_threshold(probs, X, fixed)
    assert score.page_threshold(probs, X, fixed, lean=-1.0) > default
    assert score.page_threshold(probs, X, fixed, lean=1.0) < default
    words = {
        name: set(newsmill.extract(html, **kw).text.split())
        for name, kw in (("precision", {"favor_precision": True}), ("default", {}), ("recall", {"favor_recall": True}))
    }
    assert words["precision"] <= words["default"] <= words["recall"]
    assert words["precision"] != words["recall"]


def _spec(tmp: Path, pagetype: str | None = None) -> str:
    spec = json.loads((model.MODEL_DIR / "blocks.json").read_text())
    if pagetype:
        spec["pagetype_model"] = pagetype
    else:
        spec.pop("pagetype_model", None)
    path = tmp / "fold0.json"
    path.write_text(json.dumps(spec))
    model.load.cache_clear()
    return str(path)


def test_fold_model_names_its_page_type_model_relative_to_itself(tmp_path: Path) -> None:
    path = _spec(tmp_path, pagetype="pagetype_fold0.json")
    assert score.pagetype_model(path) == str(tmp_path / "pagetype_fold0.json")
    assert score.pagetype_model(_spec(tmp_path)) == "pagetype"


def test_packaged_model_ships_its_score_map() -> None:
    model.load.cache_clear()
    scorer = model.load("blocks")
    assert scorer is not None and scorer.score_map is not None
    temperature, shift = scorer.score_map
    assert 0.1 <= temperature <= 2.0 and -3.0 <= shift <= 1.0
