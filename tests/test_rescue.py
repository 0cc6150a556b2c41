"""The rescue classifier: blocks the scorer doubted among the story's kept ones."""

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from newsmill import assemble, model
from newsmill.model import Rescue, make_forest
from newsmill.segment import segment

PARA = "This paragraph of the report explains, in plain words, how the council spent its budget."


def _seg():
    html = (
        "<html><body><article><div class='entry-content'>"
        + "".join(f"<p>{i}. {PARA}</p>" for i in range(5))
        + "</div></article><div class='more'><p>9. Other stories from around the region this week.</p></div>"
        "</body></html>"
    )
    return segment(LexborHTMLParser(html).body)


def _constant(p: float) -> Rescue:
    """A rescue model that gives every candidate the same probability."""
    logit = float(np.log(p / (1 - p)))
    spec = {
        "kind": "oblivious", "feature_names": assemble.RESCUE_NAMES, "feat": [[0]], "border": [[0.0]],
        "values": [[logit, logit]],
    }
    return Rescue(make_forest(spec), 0.8)


def _kept(rescue: Rescue | None) -> list[str]:
    seg = _seg()
    # Paragraph 2 is doubted (0.2 with a threshold of 0.6: a third of it), and so is the
    # teaser after the story; the others are sure.
    probs = np.array([0.2 if b.text[:1] in "29" else 0.9 for b in seg.blocks])
    return [seg.blocks[i].text[:2] for i in assemble.select(seg, probs, 0.6, None, rescue)]


def test_rescue_keeps_a_trusted_doubted_block_inside_the_story() -> None:
    assert _kept(None) == ["0.", "1.", "3.", "4."]
    assert _kept(_constant(0.3)) == ["0.", "1.", "3.", "4."]  # under the cut
    # Trusted: kept between the story's kept blocks; the teaser after the story never asked.
    assert _kept(_constant(0.95)) == ["0.", "1.", "2.", "3.", "4."]


def test_rescue_features_describe_the_candidates() -> None:
    seg = _seg()
    probs = np.array([0.2 if b.text[:1] in "29" else 0.9 for b in seg.blocks])
    keep = probs >= 0.6
    container = seg.elems[seg.elems[seg.blocks[0].elem].parent]  # the story's <div>
    cand, X = assemble.rescue_features(seg, probs, keep, 0.6, "article", container)
    # The teaser after the story is no candidate; without a container, nothing is.
    assert [seg.blocks[i].text[:2] for i in cand] == ["2."]
    assert X.shape == (1, len(assemble.RESCUE_NAMES))
    row = dict(zip(assemble.RESCUE_NAMES, X[0], strict=True))
    assert row["prev_kept"] == 1 and row["next_kept"] == 1 and row["between"] == 1 and row["in_container"] == 1
    assert not len(assemble.rescue_features(seg, probs, keep, 0.6, "article", None)[0])
    assert abs(row["prob_ratio"] - 0.2 / 0.6) < 1e-9


def test_packaged_scorer_carries_its_rescue_model() -> None:
    scorer = model.load("blocks")
    assert scorer is not None and scorer.rescue is not None
    assert scorer.rescue.forest.feature_names == assemble.RESCUE_NAMES
    assert 0 < scorer.rescue.cut < 1
