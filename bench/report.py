"""Turning per-page records into figures, and figures into the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import Any

from bench.dataset import PAGE_TYPES, Page
from bench.measure import ToolRun
from bench.metrics import score_page, tokens

META_FIELDS = ("title", "author", "date")
SPURIOUS_FIELDS = ("author", "date")  # a page always has a title


def score_run(pages: dict[str, Page], ids: list[str], run: ToolRun) -> dict[str, dict[str, Any]]:
    """Per-page scores. A page where the tool raised or crashed scores as empty output."""
    out: dict[str, dict[str, Any]] = {}
    for pid in ids:
        rec = run.records.get(pid, {})
        s = score_page(
            pages[pid].truth,
            rec.get("text") or "",
            rec.get("title"),
            rec.get("authors"),
            rec.get("published"),
        )
        if not run.metadata:
            s.update(dict.fromkeys(META_FIELDS))
            s.update(dict.fromkeys(f"{f}_spurious" for f in SPURIOUS_FIELDS))
        else:  # what was extracted, for reading the misses later
            s["got"] = {k: rec.get(k) for k in ("title", "authors", "published")}
        if rec.get("page_type") is not None:
            s["page_type"] = rec["page_type"]
        s["n_tokens"] = len(tokens(rec.get("text")))
        s["seconds"] = rec.get("seconds")
        s["cpu_seconds"] = rec.get("cpu_seconds")
        if "error" in rec:
            s["error"] = rec["error"]
        if pid in run.crashed:
            s["error"] = run.crashed[pid]
        out[pid] = s
    return out


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def aggregate(scores: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(scores)
    n = len(rows)
    agg: dict[str, Any] = {"n": n}
    for k in ("f1", "precision", "recall"):
        agg[k] = sum(r[k] for r in rows) / n if n else None
    wf, wt = sum(r["with_found"] for r in rows), sum(r["with_total"] for r in rows)
    lf, lt = sum(r["without_leaked"] for r in rows), sum(r["without_total"] for r in rows)
    agg.update(with_found=wf, with_total=wt, with_rate=_rate(wf, wt))
    agg.update(without_leaked=lf, without_total=lt, without_rate=_rate(lf, lt))
    for f in META_FIELDS:
        judged = [r[f] for r in rows if r[f] is not None]
        agg[f"{f}_n"] = len(judged)
        agg[f"{f}_acc"] = _rate(sum(judged), len(judged))
    for f in SPURIOUS_FIELDS:
        judged = [r.get(f"{f}_spurious") for r in rows if r.get(f"{f}_spurious") is not None]
        agg[f"{f}_spurious_n"] = len(judged)
        agg[f"{f}_spurious"] = _rate(sum(judged), len(judged))
    return agg


def type_order(types: Iterable[str]) -> list[str]:
    present = set(types)
    return [t for t in PAGE_TYPES if t in present] + sorted(present - set(PAGE_TYPES))


def summarize(pages: dict[str, Page], scores: dict[str, dict[str, Any]]) -> dict[str, Any]:
    by_type: dict[str, list[dict[str, Any]]] = {}
    for pid, s in scores.items():
        by_type.setdefault(pages[pid].page_type, []).append(s)
    return {
        "all": aggregate(scores.values()),
        "by_type": {t: aggregate(by_type[t]) for t in type_order(by_type)},
    }


def page_types(pages: dict[str, Page], scores: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Page-type accuracy and confusion (rows: truth, columns: predicted), when typed."""
    pairs = [(pages[pid].page_type, s["page_type"]) for pid, s in scores.items() if "page_type" in s]
    if not pairs:
        return None
    types = type_order({t for pair in pairs for t in pair})
    confusion = {t: dict.fromkeys(types, 0) for t in types}
    for truth, got in pairs:
        confusion[truth][got] += 1
    return {
        "n": len(pairs),
        "accuracy": sum(t == g for t, g in pairs) / len(pairs),
        "confusion": confusion,
    }


def speed(run: ToolRun, scores: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Throughput over every timed call (pages that raised included, crashed ones not)."""
    timed = sorted((s["seconds"], pid) for pid, s in scores.items() if s.get("seconds") is not None)
    secs = [t for t, _ in timed]
    total = sum(secs)
    cpu_total = sum(s.get("cpu_seconds") or 0.0 for s in scores.values() if s.get("seconds") is not None)
    q = statistics.quantiles(secs, n=20, method="inclusive") if len(secs) >= 2 else secs or [None]
    return {
        "pages_timed": len(secs),
        "total_seconds": total,
        "total_cpu_seconds": cpu_total,
        "pages_per_second": len(secs) / total if total else None,
        "pages_per_cpu_second": len(secs) / cpu_total if cpu_total else None,
        "mean_ms": 1000 * total / len(secs) if secs else None,
        "median_ms": 1000 * statistics.median(secs) if secs else None,
        "p95_ms": 1000 * q[-1] if secs else None,
        "max_ms": 1000 * secs[-1] if secs else None,
        "slowest": [{"id": pid, "ms": 1000 * t} for t, pid in reversed(timed[-5:])],
        "warmup_seconds": run.warmup_seconds,
        "cpu": run.cpu,
    }


def speed_by_size(result: dict[str, Any], parts: int = 5) -> list[str]:
    """CPU ms a page and the ratio to the first tool, pages cut into fifths by HTML size.

    Part of the cost of a page does not grow with it (models, metadata), so the ratio on small
    pages can differ much from the whole run's."""
    names = list(result["tools"])
    pages = result["pages"]
    ids = [
        i for i, p in pages.items()
        if p.get("html_bytes") is not None and all((p.get(n) or {}).get("cpu_seconds") is not None for n in names)
    ]
    if len(names) < 2 or len(ids) < parts:
        return []
    ids.sort(key=lambda i: pages[i]["html_bytes"])
    out = [f"CPU ms/page by HTML size (fifths of the pages):{'':<4}" + "".join(f"{n:>13}" for n in names)
           + "".join(f"  {names[0]}/{n}" for n in names[1:])]
    for k in range(parts):
        part = ids[k * len(ids) // parts:(k + 1) * len(ids) // parts]
        ms = [1000 * sum(pages[i][n]["cpu_seconds"] for i in part) / len(part) for n in names]
        lo, hi = pages[part[0]]["html_bytes"] // 1000, pages[part[-1]]["html_bytes"] // 1000
        label = f"  {lo}-{hi} KB ({len(part)} pages)"
        out.append(f"{label:<50}" + "".join(f"{m:>13.1f}" for m in ms)
                   + "".join(f"  {_f(m / ms[0] if ms[0] else None, '{:.2f}x'):>{len(names[0]) + len(n) + 1}}" for m, n in zip(ms[1:], names[1:], strict=True)))
    return out


def memory(run: ToolRun) -> dict[str, Any]:
    after = run.rss_after_imports_kb
    peak = run.peak_rss_kb
    return {
        "rss_after_imports_mb": after / 1024 if after is not None else None,
        "peak_rss_mb": peak / 1024 if peak is not None else None,
        "growth_mb": (peak - after) / 1024 if peak is not None and after is not None else None,
        "peak_page": run.peak_page,
        "child_processes": run.children,
    }


def errors(scores: dict[str, dict[str, Any]]) -> list[dict[str, str]]:
    return [{"id": pid, "error": s["error"]} for pid, s in scores.items() if "error" in s]


# --- the printed table ------------------------------------------------------------------------


def _f(v: float | None, fmt: str = "{:.3f}") -> str:
    return "-" if v is None else fmt.format(v)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def format_table(result: dict[str, Any]) -> str:
    run, tools = result["run"], result["tools"]
    names = list(tools)
    lines: list[str] = []
    add = lines.append
    sel = f"{run['n_pages']} pages"
    if run.get("sample"):
        sel += f" (stratified sample, seed {run['seed']})"
    if run.get("pages_file"):
        sel += f" (from {run['pages_file']})"
    if run.get("types"):
        sel += f", types: {','.join(run['types'])}"
    add(f"newsmill bench - WCXB-dev, {sel}")
    if run.get("oldstyle"):
        add("OLD-STYLE: every page rewritten as a 2000s site would have served it (bench/oldstyle.py), no URL")
    add(f"data: {run['data_dir']}")
    add(f"NEWSMILL MODEL: {run['model']}")
    for name in names:
        add(f"  {name} {tools[name]['version']}: {tools[name]['call']}")
    add("")

    types = ["all"] + list(tools[names[0]]["summary"]["by_type"])

    def agg(name: str, t: str) -> dict[str, Any]:
        s = tools[name]["summary"]
        return s["all"] if t == "all" else s["by_type"][t]

    add("Word-bag F1 / precision / recall (mean over pages)")
    head = f"{'type':<14}{'n':>5}" + "".join(f"   {name:<22}" for name in names)
    add(head)
    add(f"{'':<19}" + "".join(f"   {'F1':>6} {'P':>6} {'R':>6}   " for _ in names))
    for t in types:
        row = f"{t:<14}{agg(names[0], t)['n']:>5}"
        for name in names:
            a = agg(name, t)
            row += f"   {_f(a['f1']):>6} {_f(a['precision']):>6} {_f(a['recall']):>6}   "
        add(row.rstrip())
    add("")

    add("Snippets: 'with' found (higher is better) / 'without' leaked (lower is better), pooled")
    add(f"{'type':<14}{'#with':>6}{'#w/o':>6}" + "".join(f"   {name:<17}" for name in names))
    add(f"{'':<26}" + "".join(f"   {'with':>7} {'w/o':>7}  " for _ in names))
    for t in types:
        a0 = agg(names[0], t)
        row = f"{t:<14}{a0['with_total']:>6}{a0['without_total']:>6}"
        for name in names:
            a = agg(name, t)
            row += f"   {_pct(a['with_rate']):>7} {_pct(a['without_rate']):>7}  "
        add(row.rstrip())
    add("")

    add("Metadata accuracy (pages whose ground truth has the field)")
    w = max(14, 2 + max(len(n) for n in names))
    add(f"{'field':<20}{'n':>5}" + "".join(f"{name:>{w}}" for name in names))
    for scope in ("all", "article"):
        if scope != "all" and scope not in types:
            continue
        for f in META_FIELDS:
            a0 = agg(names[0], scope)
            label = f if scope == "all" else f"{f} [{scope}]"
            row = f"{label:<20}{a0[f + '_n']:>5}"
            for name in names:
                row += f"{_pct(agg(name, scope)[f + '_acc']):>{w}}"
            add(row)
    # Say where newsmill's title came from, next to its figure.
    if "title chooser of the page's title fold" in tools[names[0]]["call"]:
        add("newsmill's title: cross-validated (each page's chooser never saw its domain).")
    else:
        add("newsmill's title comes from the packaged title chooser, which learned from wcxb-dev;")
        add("its cross-validated accuracy: bench/meta_eval.py --title-folds bench/cv/title (README).")
    add("")
    # The accuracy above never sees a value given where there is none (a review's date as a
    # product's publication date, a commenter as a shop page's author): count those too.
    if agg(names[0], "all").get("author_spurious_n"):
        add("Given anyway (pages whose ground truth has no author / no date; lower is better)")
        add(f"{'type':<14}{'n':>5}" + "".join(f"{name[:12]:>13}" for name in names)
            + f"{'n':>7}" + "".join(f"{name[:12]:>13}" for name in names))
        add(f"{'':<14}{'':>5}" + "".join(f"{'author':>13}" for _ in names)
            + f"{'':>7}" + "".join(f"{'date':>13}" for _ in names))
        for t in types:
            a0 = agg(names[0], t)
            row = f"{t:<14}{a0['author_spurious_n']:>5}"
            row += "".join(f"{_pct(agg(name, t)['author_spurious']):>13}" for name in names)
            row += f"{a0['date_spurious_n']:>7}"
            row += "".join(f"{_pct(agg(name, t)['date_spurious']):>13}" for name in names)
            add(row)
        add("")

    for name in names:
        pt = tools[name].get("page_types")
        if not pt:
            continue
        how = ("each page typed by its fold's page-type model" if "CROSS-VALIDATED" in run["model"]
               else "the packaged page-type model, which learned from wcxb-dev")
        add(f"Page type, {name}: accuracy {pt['accuracy']:.3f} on {pt['n']} pages ({how})")
        cols = list(pt["confusion"])
        add(f"{'truth / predicted':<18}" + "".join(f"{c[:7]:>8}" for c in cols) + "  recall")
        for t, row in pt["confusion"].items():
            n = sum(row.values())
            add(f"{t:<18}" + "".join(f"{row[c]:>8}" for c in cols) + f"  {_f(row[t] / n if n else None)}")
        add("")

    sp0 = tools[names[0]]["speed"]
    cpu = ",".join(map(str, sp0.get("cpu") or [])) or "unpinned"
    rounds = result["run"].get("rounds", 1)
    turns = f"tools taking turns over {rounds} chunks of the pages" if rounds > 1 else "one pass per tool"
    add(f"Speed and memory (child processes pinned to CPU {cpu}, {turns}; extraction call only)")
    add(f"{'':<26}" + "".join(f"{name:>{w}}" for name in names))
    rows = [
        ("pages/s (wall clock)", "speed", "pages_per_second", "{:.1f}"),
        ("pages/s (CPU time)", "speed", "pages_per_cpu_second", "{:.1f}"),
        ("wall ms/page mean", "speed", "mean_ms", "{:.1f}"),
        ("wall ms/page median", "speed", "median_ms", "{:.1f}"),
        ("wall ms/page p95", "speed", "p95_ms", "{:.1f}"),
        ("wall ms/page max", "speed", "max_ms", "{:.0f}"),
        ("RSS after imports (MB)", "memory", "rss_after_imports_mb", "{:.0f}"),
        ("peak RSS (MB)", "memory", "peak_rss_mb", "{:.0f}"),
        ("peak - after imports (MB)", "memory", "growth_mb", "{:.0f}"),
    ]
    for label, sect, key, fmt in rows:
        add(f"{label:<26}" + "".join(f"{_f(tools[n][sect][key], fmt):>{w}}" for n in names))
    peaks = [f"{n} {tools[n]['memory']['peak_page']}" for n in names if tools[n]["memory"]["peak_page"]]
    if peaks:
        add("peak RSS reached on page: " + ", ".join(peaks))
    for other in names[1:]:
        ratios = []
        for key in ("pages_per_second", "pages_per_cpu_second"):
            a, b = tools[names[0]]["speed"][key], tools[other]["speed"][key]
            ratios.append(_f(a / b if a and b else None, "{:.2f}"))
        add(f"speed ratio {names[0]}/{other}: {ratios[0]}x (wall clock), {ratios[1]}x (CPU time)")
    for row in speed_by_size(result):
        add(row)
    add("")

    for name in names:
        errs = tools[name]["errors"]
        add(f"Exceptions, {name}: {len(errs)} page(s)")
        for e in errs[:25]:
            add(f"  {e['id']}: {e['error'][:150]}")
        if len(errs) > 25:
            add(f"  ... {len(errs) - 25} more (see --json)")
    return "\n".join(line.rstrip() for line in lines)
