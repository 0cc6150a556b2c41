"""The extractors being measured, each behind the same two-step interface.

``run(html, url, page_id)`` is the one call that is timed; ``convert(raw)`` turns its result
into a plain :class:`Extraction` outside the timer. Each adapter imports its library only
when built, inside the child process that measures it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Extraction:
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    page_type: str | None = None  # newsmill only


@dataclass(slots=True)
class Adapter:
    name: str
    version: str
    call: str  # the exact call, for the report
    run: Callable[[bytes, str | None, str], Any]
    convert: Callable[[Any], Extraction]
    metadata: bool = True  # False: gives text only, so metadata is not scored


def newsmill_adapter(folds: dict[str, str] | None = None) -> Adapter:
    """newsmill.extract on the page bytes; with folds, each page gets its fold's model file."""
    import newsmill

    # Models load once per process, before the first page, as a service would load them.
    newsmill.preload()
    title_dir = Path(next(iter(folds.values()))).parent / "title" if folds else None
    if title_dir is not None and (title_dir / "folds.json").exists():
        # The title chooser's own folds (train/train_title.py --fold-dir): each page's title
        # comes from a chooser that never saw its domain.
        from bench.meta_eval import domain_of, title_fold_models
        from newsmill.meta import titlemodel

        title_fold, title_models = title_fold_models(title_dir)
    else:
        title_fold = {}

    def run(html: bytes, url: str | None, page_id: str) -> Any:
        if folds is None:
            return newsmill.extract(html, url=url)
        if title_fold:
            chooser = title_models[title_fold[domain_of(url or "")]]
            titlemodel.load_model = lambda: chooser  # type: ignore[assignment]
        return newsmill.extract(html, url=url, model=folds[page_id])

    def convert(art: Any) -> Extraction:
        return Extraction(art.text or "", art.title, list(art.authors or []), art.published, art.page_type)

    call = "newsmill.extract(html_bytes, url=url" + (", model=<fold model path>)" if folds else ")")
    if title_fold:
        call += " with the title chooser of the page's title fold"
    return Adapter("newsmill", newsmill.__version__, call, run, convert)


def trafilatura_adapter(folds: dict[str, str] | None = None) -> Adapter:
    """trafilatura's own defaults, plus metadata so title/author/date can be scored.

    ``bare_extraction`` gives body text and comments separately; joined as ``extract`` joins
    them for ``output_format="txt"`` (body, newline, comments; stripped; NFC), the text is the
    same as ``extract(html, url=url, output_format="txt")`` returns, without the YAML header.
    """
    import trafilatura
    from trafilatura.utils import normalize_unicode

    # "discarding data" warnings for pages it returns nothing on would flood stderr.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)

    def run(html: bytes, url: str | None, page_id: str) -> Any:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True)

    def convert(doc: Any) -> Extraction:
        if doc is None:
            return Extraction()
        text = doc.text or ""
        if doc.comments:
            text = f"{text}\n{doc.comments}".strip()
        authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        return Extraction(normalize_unicode(text), doc.title, authors, doc.date)

    call = "trafilatura.bare_extraction(html_bytes, url=url, with_metadata=True)"
    return Adapter("trafilatura", trafilatura.__version__, call, run, convert)


def trafilatura_text_adapter(folds: dict[str, str] | None = None) -> Adapter:
    """trafilatura's plain text call, no metadata: its own speed when only text is wanted."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    def run(html: bytes, url: str | None, page_id: str) -> Any:
        return trafilatura.extract(html, url=url, output_format="txt")

    def convert(text: Any) -> Extraction:
        return Extraction(text or "")

    call = 'trafilatura.extract(html_bytes, url=url, output_format="txt")  [text only, no metadata]'
    return Adapter("trafilatura-text", trafilatura.__version__, call, run, convert, metadata=False)


ADAPTERS: dict[str, Callable[[dict[str, str] | None], Adapter]] = {
    "newsmill": newsmill_adapter,
    "trafilatura": trafilatura_adapter,
    "trafilatura-text": trafilatura_text_adapter,
}
