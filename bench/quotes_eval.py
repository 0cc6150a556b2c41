"""Score ``newsmill.quotes.find_quotes`` on the hand-annotated passages in bench/quotes/.

    python bench/quotes_eval.py [--file bench/quotes/passages.jsonl] [--split dev|heldout] [-v]

A predicted quote matches a gold quote when their character spans overlap by at least half
of the shorter one (each gold quote is located in its passage by its exact text). A match is
correct when the speakers agree after normalization (case, accents, titles, leading
articles and punctuation ignored). Precision = correct / predicted, recall = correct / gold.
``reported_by`` is scored the same way over matched quotes, separately.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsmill.quotes import find_quotes  # noqa: E402

DEFAULT_FILE = ROOT / "bench" / "quotes" / "passages.jsonl"
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "professor", "sen", "senator", "the", "a", "an"}


def norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    words = re.findall(r"[\w']+", s)
    while words and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


def score(passages: list[dict], verbose: bool = False) -> dict[str, float]:
    n_pred = n_gold = n_match = n_correct = 0
    n_outlet_gold = n_outlet_pred = n_outlet_ok = 0
    for p in passages:
        text = p["text"]
        gold = []
        for g in p["quotes"]:
            i = text.find(g["text"])
            if i < 0:
                raise SystemExit(f"{p['id']}: gold quote not in text: {g['text']!r}")
            gold.append(((i, i + len(g["text"])), g))
        pred = find_quotes(text)
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for q in pred:
            best, best_j = 0.0, -1
            for j, (span, _g) in enumerate(gold):
                if j in used:
                    continue
                ov = overlap((q.start, q.end), span)
                if ov > best:
                    best, best_j = ov, j
            ok_speaker = ok_outlet = False
            if best >= 0.5:
                used.add(best_j)
                g = gold[best_j][1]
                n_match += 1
                ok_speaker = norm_name(q.speaker) == norm_name(g["speaker"])
                n_correct += ok_speaker
                if g["reported_by"]:
                    n_outlet_gold += 1
                if q.reported_by:
                    n_outlet_pred += 1
                ok_outlet = norm_name(q.reported_by) == norm_name(g["reported_by"])
                if g["reported_by"] and q.reported_by and ok_outlet:
                    n_outlet_ok += 1
            elif q.reported_by:
                n_outlet_pred += 1
            if verbose and not (best >= 0.5 and ok_speaker and ok_outlet):
                want = gold[best_j][1] if best >= 0.5 else None
                print(f"{p['id']}: predicted {q.text[:50]!r} speaker={q.speaker!r} via={q.reported_by!r}"
                      f" | gold: {(want or {}).get('speaker')!r} via={(want or {}).get('reported_by')!r}")
        if verbose:
            for j, (_span, g) in enumerate(gold):
                if j not in used:
                    print(f"{p['id']}: missed {g['text'][:50]!r} ({g['speaker']})")
                    if g["reported_by"]:
                        n_outlet_gold += 0
        for j, (_span, g) in enumerate(gold):
            if j not in used and g["reported_by"]:
                n_outlet_gold += 1
    prec = n_correct / n_pred if n_pred else 1.0
    rec = n_correct / n_gold if n_gold else 1.0
    return {
        "passages": len(passages),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "correct": n_correct,
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "outlet_gold": n_outlet_gold,
        "outlet_predicted": n_outlet_pred,
        "outlet_correct": n_outlet_ok,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--split", default=None, help="dev or heldout (default: each, then all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    passages = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = [args.split] if args.split else sorted({p.get("split", "dev") for p in passages}) + ["all"]
    print(f"{'split':8s} {'pass':>5s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'outlets ok/gold/pred':>21s}")
    for split in splits:
        sel = passages if split == "all" else [p for p in passages if p.get("split", "dev") == split]
        if not sel:
            continue
        r = score(sel, verbose=args.verbose and split != "all")
        print(
            f"{split:8s} {r['passages']:5d} {r['gold']:5d} {r['predicted']:5d} {r['precision']:6.3f} "
            f"{r['recall']:6.3f} {r['f1']:6.3f} {r['outlet_correct']:>9d}/{r['outlet_gold']}/{r['outlet_predicted']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
