"""``newsmill extract``: formats, inputs of every kind, and every error path."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, STORY, LocalServer, article_html

import newsmill
from newsmill import InputError, LimitExceeded
from newsmill.cli import main
from newsmill.fetch import USER_AGENT, fetch

NEWS = EXAMPLES / "news-city-council.html"
NEWS_FIRST = "The Riverton City Council voted 5-2 on Tuesday night"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["extract", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A directory tree with two good pages (one gzipped, one in a subfolder) and one bad gz."""
    (tmp_path / "a.html").write_text(article_html("Page A"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html.gz").write_bytes(gzip.compress(article_html("Page B").encode()))
    (tmp_path / "sub" / "broken.html.gz").write_bytes(b"this is not gzip at all")
    (tmp_path / "notes.md").write_text("not a page")
    return tmp_path


# --- formats -------------------------------------------------------------------------


def test_txt_is_the_article_text(capsys):
    status, out, err = run_cli(capsys, str(NEWS))
    assert status == 0, err
    assert out == newsmill.extract(NEWS.read_bytes()).text.rstrip("\n") + "\n"
    assert NEWS_FIRST in out


def test_md_format(capsys):
    blog = EXAMPLES / "blog-log-rotation.html"
    status, out, _ = run_cli(capsys, str(blog), "--format", "md")
    assert status == 0
    assert out == newsmill.extract(blog.read_bytes()).markdown.rstrip("\n") + "\n"
    assert "## What went wrong" in out


def test_json_single_input_is_one_document(capsys):
    status, out, _ = run_cli(capsys, str(NEWS), "--format", "json")
    assert status == 0
    doc = json.loads(out)
    assert isinstance(doc, dict)
    assert doc["input"] == str(NEWS)
    assert NEWS_FIRST in doc["text"]
    assert {"title", "authors", "published", "images", "sources", "confidence"} <= doc.keys()
    assert "\n  " in out  # pretty-printed


def test_json_several_inputs_is_a_list(capsys, pages):
    status, out, _ = run_cli(capsys, str(NEWS), str(pages / "a.html"), "-f", "json")
    assert status == 0
    docs = json.loads(out)
    assert [d["input"] for d in docs] == [str(NEWS), str(pages / "a.html")]


def test_json_directory_is_a_list_even_with_one_page(capsys, tmp_path):
    (tmp_path / "only.html").write_text(article_html())
    status, out, _ = run_cli(capsys, str(tmp_path), "-f", "json")
    assert status == 0
    docs = json.loads(out)
    assert isinstance(docs, list) and len(docs) == 1


def test_jsonl_one_line_per_input_with_its_name(capsys):
    blog = EXAMPLES / "blog-log-rotation.html"
    status, out, _ = run_cli(capsys, str(NEWS), str(blog), "--format", "jsonl")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    recs = [json.loads(x) for x in lines]
    assert [r["input"] for r in recs] == [str(NEWS), str(blog)]
    assert NEWS_FIRST in recs[0]["text"]


def test_txt_several_inputs_get_headers(capsys, pages):
    status, out, _ = run_cli(capsys, str(pages / "a.html"), str(NEWS))
    assert status == 0
    head_a, head_news = f"==> {pages / 'a.html'} <==\n", f"==> {NEWS} <==\n"
    assert out.startswith(head_a)
    first, second = out.split(head_news)
    assert STORY[0] in first and NEWS_FIRST not in first
    assert NEWS_FIRST in second and STORY[0] not in second


def test_output_file(capsys, tmp_path):
    dest = tmp_path / "out.jsonl"
    status, out, _ = run_cli(capsys, str(EXAMPLES), "-f", "jsonl", "-o", str(dest))
    assert status == 0
    assert out == ""
    recs = jsonl(dest.read_text(encoding="utf-8"))
    names = sorted(Path(r["input"]).name for r in recs)
    assert names == ["bakery-windows-1252.html", "blog-log-rotation.html", "news-city-council.html"]


def test_output_is_utf8_whatever_the_input(capsys, tmp_path):
    dest = tmp_path / "out.txt"
    status, _, _ = run_cli(capsys, str(EXAMPLES / "bakery-windows-1252.html"), "-o", str(dest))
    assert status == 0
    assert "180 000 €" in dest.read_bytes().decode("utf-8")


def test_unwritable_output_fails_clearly(capsys, tmp_path):
    status, _, err = run_cli(capsys, str(NEWS), "-o", str(tmp_path / "no" / "such" / "dir.txt"))
    assert status != 0
    assert "dir.txt" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux /dev/full")
def test_write_error_is_reported_not_raised(capsys):
    status, _, err = run_cli(capsys, str(NEWS), "-o", "/dev/full")
    assert status == 1
    assert err.startswith("newsmill: /dev/full: cannot write")


# --- inputs and their errors -----------------------------------------------------------


def test_missing_file(capsys):
    status, out, err = run_cli(capsys, "/nonexistent/page.html")
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1 and "/nonexistent/page.html" in err


def test_directory_with_a_bad_gz_still_does_the_others(capsys, pages):
    status, out, err = run_cli(capsys, str(pages), "-f", "jsonl")
    assert status == 1
    recs = jsonl(out)
    assert sorted(Path(r["input"]).name for r in recs) == ["a.html", "b.html.gz"]
    assert all(STORY[0] in r["text"] for r in recs)
    assert err.count("\n") == 1 and "broken.html.gz" in err and "gzip" in err


def test_truncated_gz_is_an_error(capsys, tmp_path):
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(gzip.compress(article_html().encode())[:-12])
    status, _, err = run_cli(capsys, str(bad))
    assert status == 1
    assert "cut.html.gz" in err


def test_directory_without_pages_is_an_error(capsys, tmp_path):
    (tmp_path / "readme.txt").write_text("nothing here")
    status, _, err = run_cli(capsys, str(tmp_path))
    assert status == 1
    assert str(tmp_path) in err


def test_good_and_bad_inputs_mixed(capsys, pages):
    status, out, err = run_cli(capsys, "missing.html", str(pages / "a.html"), "-f", "jsonl")
    assert status == 1
    assert [Path(r["input"]).name for r in jsonl(out)] == ["a.html"]
    assert "missing.html" in err


def test_stdin(capsys, monkeypatch):
    data = NEWS.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run_cli(capsys, "-", "-f", "jsonl", "--url", "https://example.org/story")
    assert status == 0
    (rec,) = jsonl(out)
    assert rec["input"] == "-"
    assert rec["url"] == "https://example.org/story"
    assert NEWS_FIRST in rec["text"]


def test_input_over_the_size_cap(capsys):
    status, _, err = run_cli(capsys, str(NEWS), "--max-bytes", "1000")
    assert status == 1
    assert "cap" in err


def test_charset_option_decodes_an_undeclared_page(capsys, tmp_path):
    page = tmp_path / "ru.html"
    text = "Городской совет принял решение о строительстве новой школы в центре города."
    page.write_bytes(f"<html><body><article><p>{text * 3}</p></article></body></html>".encode("cp1251"))
    status, out, _ = run_cli(capsys, str(page), "--charset", "windows-1251")
    assert status == 0
    assert text in out


# --- usage errors ----------------------------------------------------------------------


def test_unknown_charset_is_a_usage_error(capsys):
    status, _, err = run_cli(capsys, str(NEWS), "--charset", "no-such-charset")
    assert status == 2
    assert "no-such-charset" in err


def test_url_option_needs_a_single_input(capsys, pages):
    status, _, err = run_cli(capsys, str(NEWS), str(pages / "a.html"), "--url", "https://x.org/")
    assert status == 2
    assert "--url" in err


def test_precision_and_recall_are_exclusive(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(NEWS), "--favor-precision", "--favor-recall"])
    assert exc.value.code == 2


def test_bad_format_is_rejected(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(NEWS), "--format", "xml"])
    assert exc.value.code == 2


# --- --from text ---------------------------------------------------------------------


def test_from_text_without_extract_text_says_so(capsys, monkeypatch):
    monkeypatch.delattr(newsmill, "extract_text", raising=False)
    status, out, err = run_cli(capsys, str(EXAMPLES / "flattened"), "--from", "text")
    assert status == 2
    assert out == ""
    assert "extract_text" in err


def test_from_text_calls_extract_text(capsys, monkeypatch):
    calls: list[tuple[str, str | None, object]] = []

    def fake(text: str, url: str | None = None, fetched: object = None) -> newsmill.Article:
        calls.append((text, url, fetched))
        return newsmill.Article(url=url, text="EXTRACTED")

    monkeypatch.setattr(newsmill, "extract_text", fake, raising=False)
    flat = EXAMPLES / "flattened" / "news-city-council.txt"
    status, out, _ = run_cli(capsys, str(flat), "--from", "text", "--url", "https://x.org/a")
    assert status == 0
    assert out == "EXTRACTED\n"
    assert calls and NEWS_FIRST in calls[0][0] and calls[0][1] == "https://x.org/a"
    assert calls[0][2] is None  # a file: when it was fetched is unknown


def test_from_text_reads_txt_files_from_directories(capsys, monkeypatch):
    monkeypatch.setattr(
        newsmill, "extract_text", lambda text, url=None, fetched=None: newsmill.Article(text=text[:7]),
        raising=False,
    )
    status, out, _ = run_cli(capsys, str(EXAMPLES), "--from", "text", "-f", "jsonl")
    assert status == 0
    assert [Path(r["input"]).name for r in jsonl(out)] == ["news-city-council.txt"]


# --- URLs, from a server on 127.0.0.1 ------------------------------------------------


def test_url_200(capsys, http_server: LocalServer):
    status, out, err = run_cli(capsys, http_server.url("/page"), "-f", "jsonl")
    assert status == 0, err
    (rec,) = jsonl(out)
    assert rec["input"] == http_server.url("/page")
    assert rec["url"] == http_server.url("/page")
    assert STORY[1] in rec["text"]


def test_relative_date_of_a_fetched_page_counts_from_the_fetch(capsys, http_server: LocalServer, tmp_path):
    days = {(datetime.now(UTC) - timedelta(days=2)).date().isoformat()}
    status, out, err = run_cli(capsys, http_server.url("/recent"), "-f", "jsonl")
    days.add((datetime.now(UTC) - timedelta(days=2)).date().isoformat())  # midnight may pass
    assert status == 0, err
    (rec,) = jsonl(out)
    assert rec["published"][:10] in days
    # The same page from a file: when it was fetched is unknown, so "2 days ago" is no date.
    saved = tmp_path / "recent.html"
    saved.write_bytes(fetch(http_server.url("/recent")).body)
    status, out, _ = run_cli(capsys, str(saved), "-f", "jsonl")
    assert status == 0 and jsonl(out)[0]["published"] is None


def test_url_redirect_is_followed(capsys, http_server: LocalServer):
    status, out, _ = run_cli(capsys, http_server.url("/redirect"), "-f", "jsonl")
    assert status == 0
    (rec,) = jsonl(out)
    assert rec["input"] == http_server.url("/redirect")
    assert rec["url"] == http_server.url("/page")  # links resolve against where we landed
    assert STORY[0] in rec["text"]


def test_url_with_non_ascii_path(http_server: LocalServer):
    page = fetch(http_server.url("/café"))
    assert page.status == 200
    assert page.body == article_html().encode()


def test_redirect_to_another_scheme_is_refused(http_server: LocalServer):
    with pytest.raises(InputError, match="redirect"):
        fetch(http_server.url("/to-ftp"))


def test_url_404(capsys, http_server: LocalServer):
    status, out, err = run_cli(capsys, http_server.url("/missing"))
    assert status == 1
    assert out == ""
    assert "404" in err and http_server.url("/missing") in err


def test_url_timeout(capsys, http_server: LocalServer):
    status, _, err = run_cli(capsys, http_server.url("/slow"), "--timeout", "0.5")
    assert status == 1
    assert "timed out" in err and "/slow" in err


def test_url_trickling_server_hits_the_overall_timeout(http_server: LocalServer):
    # Each 16-byte chunk comes quickly enough for the socket timeout, never for the deadline.
    with pytest.raises(LimitExceeded, match="timed out"):
        fetch(http_server.url("/trickle"), timeout=1.0)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_url_size_cap(capsys, http_server: LocalServer, path: str):
    status, _, err = run_cli(capsys, http_server.url(path), "--max-bytes", "100000")
    assert status == 1
    assert "cap" in err and path in err


def test_url_charset_header_beats_a_wrong_meta(capsys, http_server: LocalServer):
    status, out, _ = run_cli(capsys, http_server.url("/cyrillic"))
    assert status == 0
    assert "Городской совет принял решение" in out


def test_url_charset_option_beats_the_header(http_server: LocalServer, capsys):
    # The header says windows-1251 and is right; forcing koi8-r must change the text.
    status, out, _ = run_cli(capsys, http_server.url("/cyrillic"), "--charset", "koi8-r")
    assert status == 0
    assert "Городской совет принял решение" not in out


def test_url_errors_do_not_stop_other_inputs(capsys, http_server: LocalServer):
    urls = [http_server.url(p) for p in ("/missing", "/page", "/error", "/image", "/loop")]
    status, out, err = run_cli(capsys, *urls, "-f", "jsonl")
    assert status == 1
    assert [r["input"] for r in jsonl(out)] == [http_server.url("/page")]
    lines = err.splitlines()
    assert len(lines) == 4
    assert "404" in lines[0] and "500" in lines[1] and "image/png" in lines[2]


def test_unreachable_and_malformed_urls(capsys):
    status, _, err = run_cli(capsys, "http://127.0.0.1:1/nothing", "ftp://example.org/x")
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert "127.0.0.1:1" in lines[0] and "ftp://example.org/x" in lines[1]


def test_fetch_sends_a_browser_user_agent_and_handles_gzip(http_server: LocalServer):
    page = fetch(http_server.url("/gzip"))
    assert page.body == article_html().encode()
    assert page.charset == "utf-8"
    assert http_server.seen[-1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("Mozilla/5.0")


def test_fetch_refuses_non_http(tmp_path):
    with pytest.raises(InputError):
        fetch(f"file://{tmp_path}/x.html")


# --- as a real process ---------------------------------------------------------------


def test_python_dash_m_newsmill(tmp_path):
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.run(
        [sys.executable, "-m", "newsmill", "extract", "examples/", "missing.html", "-f", "jsonl"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 1
    recs = jsonl(proc.stdout)
    assert len(recs) == 3
    assert any(NEWS_FIRST in r["text"] for r in recs)
    assert proc.stderr.strip().splitlines() == ["newsmill: missing.html: no such file or directory"]
