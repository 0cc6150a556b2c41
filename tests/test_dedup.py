"""Near-duplicate articles: syndicated, truncated and edited copies of a story share a cluster."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("datasketch")

sys.path.insert(0, str(Path(__file__).parent))

from test_run import rows_of  # noqa: E402

from newsmill.cli import main as cli_main  # noqa: E402
from newsmill.corpus.dedup import DedupConfig, cluster, shingles  # noqa: E402

VOCAB = [f"w{i}" for i in range(3000)]


def story(seed: int, paras: int = 8) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(40)) + "." for _ in range(paras)]


def edited(paras: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    out = [" ".join(w if rng.random() > 0.03 else "changed" for w in p.split()) for p in paras]
    del out[3]
    return ["LONDON (Wire) - " + out[0], *out[1:], "Originally published by The Wire."]


def corpus() -> list[tuple[str, str | None]]:
    a = story(1)
    return [
        ("a-full", "\n\n".join(a)),
        ("b", "\n\n".join(story(2))),
        ("a-truncated", "\n\n".join(a[:3] + ["Read the full story on our partner site."])),
        ("broken", None),
        ("a-edited", "\n\n".join(edited(a, 5))),
        ("c", "\n\n".join(story(3))),
        ("a-site2", "Home | News | Sports\n\n" + "\n\n".join(a) + "\n\nSubscribe to our newsletter."),
        ("tiny", "too short to say"),
    ]


def test_copies_of_a_story_share_a_cluster_and_others_stand_alone() -> None:
    rows = corpus()
    marks = cluster(lambda: iter(rows))
    by_id = {rows[i][0]: m for i, m in marks.items()}
    # The longest copy (with the other site's furniture) is the cluster's id.
    assert by_id["a-site2"] == ("a-site2", None)
    for copy in ("a-full", "a-truncated", "a-edited"):
        assert by_id[copy] == ("a-site2", "a-site2"), copy
    assert by_id["b"] == ("b", None) and by_id["c"] == ("c", None)
    assert "broken" not in by_id and "tiny" not in by_id  # no text, nothing to compare


def test_clusters_are_the_same_run_after_run() -> None:
    rows = corpus()
    assert cluster(lambda: iter(rows)) == cluster(lambda: iter(rows))


def test_unrelated_stories_sharing_boilerplate_stay_apart() -> None:
    footer = "Sign up for our newsletter to get the latest local news delivered to your inbox every morning."
    rows = [(f"s{i}", "\n\n".join(story(100 + i, paras=3)) + "\n\n" + footer) for i in range(20)]
    marks = cluster(lambda: iter(rows))
    assert all(dup is None for _, dup in marks.values())


def test_shingles_ignore_case_and_punctuation() -> None:
    assert list(shingles("The Cat, sat on the mat!", 3)) == list(shingles("the cat sat on THE mat", 3))
    assert len(shingles("one two", 5)) == 1 and len(shingles("", 5)) == 0


def _pages(tmp_path: Path) -> Path:
    d = tmp_path / "pages"
    d.mkdir()
    for ident, text in corpus():
        if text is None:
            continue
        paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        (d / f"{ident}.html").write_text(
            f"<html><head><title>{ident}</title></head><body><article><h1>News</h1>{paras}</article></body></html>"
        )
    return d


def test_run_with_dedup_and_the_dedup_command(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    out = tmp_path / "run"
    assert cli_main(["run", str(pages), "-o", str(out), "--format", "parquet", "--jobs", "0", "--no-progress", "--dedup"]) == 0
    rows = {Path(r["id"]).stem: r for r in rows_of(out)}
    site2 = str(pages / "a-site2.html")
    assert rows["a-truncated"]["duplicate_of"] == site2 and rows["a-full"]["cluster_id"] == site2
    assert rows["b"]["duplicate_of"] is None and rows["b"]["cluster_id"] == str(pages / "b.html")

    # The same marks from the command, into a new directory, from a JSONL run.
    run2 = tmp_path / "run2"
    assert cli_main(["run", str(pages), "-o", str(run2), "--jobs", "0", "--no-progress"]) == 0
    assert all(r["cluster_id"] is None for r in rows_of(run2))
    out2 = tmp_path / "dedup"
    assert cli_main(["dedup", str(run2), "-o", str(out2)]) == 0
    rows2 = {Path(r["id"]).stem: r for r in rows_of(out2)}
    assert {k: (r["cluster_id"], r["duplicate_of"]) for k, r in rows2.items()} == {
        k: (r["cluster_id"], r["duplicate_of"]) for k, r in rows.items()
    }
    assert cli_main(["dedup", str(run2), "-o", str(out2)]) == 2  # will not mix with parts there


def test_config_thresholds_are_used() -> None:
    rows = corpus()
    strict = cluster(lambda: iter(rows), DedupConfig(jaccard=0.99, containment=0.99))
    by_id = {rows[i][0]: m for i, m in strict.items()}
    assert by_id["a-edited"][1] is None  # an edited copy is not 99 % the same
