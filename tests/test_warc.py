"""Reading WARC files: every record once, damage as error records, pages with their charset."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pytest.importorskip("fastwarc")

from newsmill.corpus import extract_rows
from newsmill.corpus.warc import iter_warc, looks_like_warc
from newsmill.corpus.warcwrite import gzip_member, http_response, warc_record

STORY = [
    "The river ferry between Northbank and the old mill district returns on Monday after a "
    "winter of repairs, the transit office said, with boats every twenty minutes at rush hour.",
    "The two boats were taken out of the water in November after inspectors found corrosion "
    "on their hulls, and the repairs cost the city a little over two million dollars.",
    "Commuters who rode buses across the bridge all winter said the trip had doubled in length, "
    "and several shop owners near the landing said they had lost a third of their customers.",
]


def page(title: str, extra: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article><h1>{title}</h1>{paras}<p>{extra} Riders on the first morning boat "
        "welcomed the news and said they hoped the service would run late into the evening.</p>"
        "</article></main><footer>Contact us</footer></body></html>"
    ).encode()


def response(url: str, body: bytes, **kw) -> bytes:
    return warc_record("response", http_response(body, **kw), url=url)


def rid(rec: bytes) -> str:
    line = next(ln for ln in rec.split(b"\r\n") if ln.startswith(b"WARC-Record-ID:"))
    return line.split(b":", 1)[1].strip().decode()


@pytest.fixture
def damaged_warc(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A .warc.gz with good pages and every kind of bad record between them."""
    recs = {
        "info": warc_record("warcinfo", b"software: test\r\n"),
        "ok1": response("http://a.example/1", page("First story")),
        "latin1": response(
            "http://a.example/2",
            # The page claims KOI8-R; the HTTP header, which wins, says windows-1251, which is
            # right: read as KOI8-R the same bytes are other, valid, Cyrillic letters.
            page("\u041f\u0430\u0440\u043e\u043c reopens", "\u041f\u0430\u0440\u043e\u043c \u043d\u0430 \u0440\u0435\u043a\u0435.")
            .decode()
            .replace("<head>", '<head><meta charset="koi8-r">')
            .encode("cp1251"),
            content_type="text/html; charset=windows-1251",
        ),
        "request": warc_record("request", b"GET /1 HTTP/1.1\r\n\r\n", url="http://a.example/1"),
        "png": response("http://a.example/x.png", b"\x89PNG\r\n\x1a\n" + bytes(500), content_type="image/png"),
        "404": response("http://a.example/404", b"<html>nope</html>", status=404),
        "cut": response("http://a.example/cut", page("Cut story")),
        "ok2": response("http://a.example/3", page("Second story")),
        "corrupt": response("http://a.example/corrupt", page("Corrupt story") * 20),
        "metadata": warc_record("metadata", b"via: test\r\n", url="http://a.example/3"),
        "ok3": response("http://a.example/4", page("Third story"), content_type="application/xhtml+xml"),
        "last": response("http://a.example/last", page("Last story") * 20),
    }
    members = []
    for key, rec in recs.items():
        m = gzip_member(rec)
        if key == "cut":
            m = m[: len(m) // 2]
        elif key == "corrupt":
            b = bytearray(m)
            b[len(b) // 2 : len(b) // 2 + 40] = bytes(40)
            m = bytes(b)
        elif key == "last":
            m = m[:-50]
        members.append(m)
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(b"".join(members))
    return path, recs


def test_every_record_of_a_damaged_warc_is_one_record(damaged_warc) -> None:
    path, recs = damaged_warc
    out = list(iter_warc(str(path), name="mixed.warc.gz"))
    assert len(out) == len(recs)
    by_id = {r.id: r for r in out}
    assert len(by_id) == len(recs)
    # Offsets tile the file: each record ends where the next starts, the last at the end.
    assert out[0].offset == 0 and out[-1].end == path.stat().st_size
    assert all(a.end == b.offset for a, b in zip(out, out[1:], strict=False))
    status = {k: by_id[rid(v)].status or "page" for k, v in recs.items()}
    assert status == {
        "info": "skipped",
        "ok1": "page",
        "latin1": "page",
        "request": "skipped",
        "png": "skipped",
        "404": "skipped",
        "cut": "error",
        "ok2": "page",
        "corrupt": "error",
        "metadata": "skipped",
        "ok3": "page",
        "last": "error",
    }
    reason = {k: (by_id[rid(v)].reason or "").split(":")[0] for k, v in recs.items()}
    assert reason["png"] == "not-html" and reason["404"] == "http-status"
    assert reason["request"] == "not-response" and reason["metadata"] == "not-response"
    assert reason["cut"] == "truncated" and reason["last"] == "truncated"
    assert reason["corrupt"] == "corrupt-gzip"
    latin = by_id[rid(recs["latin1"])]
    assert latin.charset == "windows-1251" and latin.url == "http://a.example/2"
    assert latin.fetched == "2025-01-01T00:00:00Z"


def test_reading_resumes_at_any_record_boundary(damaged_warc) -> None:
    path, _ = damaged_warc
    full = list(iter_warc(str(path)))
    for k in (1, 6, 8, len(full) - 1):
        rest = list(iter_warc(str(path), start=full[k].offset))
        assert [(r.id, r.status, r.end) for r in rest] == [(r.id, r.status, r.end) for r in full[k:]]


def test_rows_of_a_damaged_warc(damaged_warc) -> None:
    path, recs = damaged_warc
    rows = list(extract_rows(str(path)))
    assert len(rows) == len(recs)
    counts = {s: sum(r["status"] == s for r in rows) for s in ("ok", "error", "skipped")}
    assert counts == {"ok": 4, "error": 3, "skipped": 5}
    latin = next(r for r in rows if r["id"] == rid(recs["latin1"]))
    seen = (latin["title"] or "") + latin["text"]
    assert "\u041f\u0430\u0440\u043e\u043c" in seen  # decoded with the header's charset
    ok1 = next(r for r in rows if r["id"] == rid(recs["ok1"]))
    assert "river ferry" in ok1["text"] and ok1["source"].endswith("@" + str(0 + len(gzip_member(recs["info"]))))


def test_plain_warc_with_a_lying_content_length_and_warc_1_0(tmp_path: Path) -> None:
    good = [response(f"http://b.example/{i}", page(f"Story {i}")) for i in range(3)]
    old = warc_record("response", http_response(page("Old format")), url="<http://b.example/old>", version="1.0")
    liar = warc_record("response", http_response(page("Liar")), url="http://b.example/liar", content_length=5000)
    path = tmp_path / "plain.warc"
    path.write_bytes(good[0] + old + liar + good[1] + good[2])
    out = list(iter_warc(str(path)))
    assert [r.status for r in out] == [None, None, "error", None, None]
    assert out[1].url == "http://b.example/old"  # WARC 1.0 angle brackets dropped
    assert out[2].reason.startswith("truncated") and out[2].id == rid(liar)
    assert [r.url for r in out[3:]] == ["http://b.example/1", "http://b.example/2"]


def test_garbage_between_records_is_one_error(tmp_path: Path) -> None:
    a = gzip_member(response("http://c.example/a", page("A")))
    b = gzip_member(response("http://c.example/b", page("B")))
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(a + b"this is not gzip at all" * 10 + b + b"\r\n")
    out = list(iter_warc(str(path), name="junk"))
    assert [r.status for r in out] == [None, "error", None]
    assert out[1].id == f"junk@{len(a)}" and out[1].reason.startswith("corrupt-gzip")


def test_encoded_http_bodies_are_decoded(tmp_path: Path) -> None:
    body = page("Encoded story")
    gz = gzip.compress(body)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(gz), gz)
    rec = warc_record(
        "response",
        http_response(chunked, headers={"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}),
        url="http://d.example/",
    )
    path = tmp_path / "enc.warc"
    path.write_bytes(rec)
    (r,) = list(iter_warc(str(path)))
    assert r.body == body


def test_size_limit_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    path.write_bytes(response("http://e.example/", page("Big", "word " * 5000)))
    (r,) = list(iter_warc(str(path), max_bytes=1000))
    assert r.status == "error" and r.reason.startswith("too-large")


def test_warc_sniffing(tmp_path: Path) -> None:
    w = tmp_path / "noext"
    w.write_bytes(gzip_member(response("http://f.example/", page("F"))))
    h = tmp_path / "page"
    h.write_bytes(page("F"))
    assert looks_like_warc(str(w)) and not looks_like_warc(str(h))


@pytest.mark.parametrize("compressed", [True, False])
def test_randomly_damaged_warcs_never_crash_and_tile_the_file(tmp_path: Path, compressed: bool) -> None:
    import os
    import random

    recs = []
    for i in range(8):
        recs.append(warc_record("request", b"GET / HTTP/1.1\r\n\r\n", url=f"http://g.example/{i}"))
        recs.append(response(f"http://g.example/{i}", page(f"Story {i}")))
    base = b"".join(gzip_member(r) for r in recs) if compressed else b"".join(recs)
    path = tmp_path / ("f.warc.gz" if compressed else "f.warc")
    found = 0
    for trial in range(40):
        rng = random.Random(trial)
        b = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            p = rng.randrange(len(b))
            kind = rng.random()
            if kind < 0.4:
                b[p : p + 20] = rng.randbytes(20)
            elif kind < 0.7:
                del b[p : p + rng.randint(1, 300)]
            else:
                b[p:p] = os.urandom(rng.randint(1, 100))
        if rng.random() < 0.3:
            b = b[: rng.randrange(len(b))]
        path.write_bytes(bytes(b))
        out = list(iter_warc(str(path)))
        pos = 0
        for r in out:  # each byte in exactly one record: nothing read twice, nothing lost
            assert r.offset == pos and r.end > r.offset
            pos = r.end
        assert pos == len(b)
        found += sum(r.body is not None for r in out)
    assert found > 40 * 8 // 2  # most undamaged pages are still read
