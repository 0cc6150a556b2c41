"""Per-page-type decision thresholds: the factor of the page's type scales the threshold, and a
fold's model file names its own page-type model."""

import json
from pathlib import Path

from newsmill import model, score


def _spec(tmp: Path, factors: dict[str, float], pagetype: str | None = None) -> str:
    spec = json.loads((model.MODEL_DIR / "blocks.json").read_text())
    spec["type_thresholds"] = factors
    if pagetype:
        spec["pagetype_model"] = pagetype
    else:
        spec.pop("pagetype_model", None)
    path = tmp / "fold0.json"
    path.write_text(json.dumps(spec))
    model.load.cache_clear()
    return str(path)


def test_factor_of_the_page_type_scales_the_threshold(tmp_path: Path) -> None:
    path = _spec(tmp_path, {"article": 1.5, "listing": 0.5})
    assert abs(score.type_threshold(0.4, "article", path) - 0.6) < 1e-9
    assert abs(score.type_threshold(0.4, "listing", path) - 0.2) < 1e-9
    assert score.type_threshold(0.4, "forum", path) == 0.4  # no factor: unchanged
    assert score.type_threshold(0.4, None, path) == 0.4


def test_threshold_never_above_095(tmp_path: Path) -> None:
    path = _spec(tmp_path, {"article": 5.0})
    assert score.type_threshold(0.4, "article", path) == 0.95


def test_fold_model_names_its_page_type_model_relative_to_itself(tmp_path: Path) -> None:
    path = _spec(tmp_path, {}, pagetype="pagetype_fold0.json")
    assert score.pagetype_model(path) == str(tmp_path / "pagetype_fold0.json")
    assert score.pagetype_model(_spec(tmp_path, {})) == "pagetype"


def test_packaged_model_has_a_factor_for_every_type() -> None:
    model.load.cache_clear()
    scorer = model.load("blocks")
    assert scorer is not None
    assert set(scorer.type_factor) == {
        "article", "forum", "product", "collection", "listing", "documentation", "service"
    }
    assert all(0.3 <= f <= 2.5 for f in scorer.type_factor.values())
