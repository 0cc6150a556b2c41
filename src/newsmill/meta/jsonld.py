"""JSON-LD: parse the page's scripts, flatten ``@graph``, resolve ``@id`` references, and pick
the node that describes the page's main item."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

# Types that describe a story, best first; a page's main item is the best-ranked node.
ARTICLE_TYPES = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "reviewnewsarticle backgroundnewsarticle askpublicnewsarticle livenewsarticle liveblogposting "
    "techarticle scholarlyarticle report socialmediaposting discussionforumposting posting "
    "satiricalarticle advertisertcontentarticle medicalscholarlyarticle creativework".split()
)
ITEM_TYPES = frozenset(
    "review recipe howto product question qapage videoobject event course jobposting book "
    "podcastepisode audioobject movie softwareapplication".split()
)
PAGE_TYPES = frozenset(
    "webpage itempage aboutpage collectionpage profilepage faqpage searchresultspage "
    "medicalwebpage contactpage checkoutpage realestatelisting".split()
)
PERSON_TYPES = frozenset(["person"])
ORG_TYPES = frozenset(
    "organization newsmediaorganization corporation localbusiness educationalorganization "
    "governmentorganization ngo onlinebusiness onlinestore brand".split()
)

_COMMENTS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def types_of(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return {t.rsplit("/", 1)[-1].lower()}
    if isinstance(t, list):
        return {x.rsplit("/", 1)[-1].lower() for x in t if isinstance(x, str)}
    return set()


def _loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    # Common damage: HTML comment wrappers, raw newlines in strings, trailing commas.
    cleaned = _TRAILING_COMMA.sub(r"\1", _COMMENTS.sub("", text.strip()))
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        return None


class Graph:
    """Every JSON-LD node of the page, with an index by ``@id``."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []  # typed nodes, top-level first
        self.by_id: dict[str, dict[str, Any]] = {}
        self.top: list[dict[str, Any]] = []
        self._types: list[set[str]] = []  # types_of each of ``nodes``, read once
        self._main: dict[frozenset[str], tuple[dict[str, Any] | None, str]] = {}

    def add_script(self, text: str) -> None:
        data = _loads(text)
        if data is None:
            return
        self._main.clear()
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            tops = [g for g in graph if isinstance(g, dict)] if isinstance(graph, list) else [item]
            if isinstance(graph, dict):
                tops = [graph]
            for node in tops:
                self.top.append(node)
                self._walk(node, 0)

    def _walk(self, node: dict[str, Any], depth: int) -> None:
        if depth > 6:
            return
        if "@type" in node:
            self.nodes.append(node)
            self._types.append(types_of(node))
        ident = node.get("@id")
        if isinstance(ident, str) and len(node) > 1:
            prev = self.by_id.get(ident)
            # Keep the fullest description of an id; references repeat it with fewer keys.
            if prev is None or len(node) > len(prev):
                self.by_id[ident] = node
        for key, v in node.items():
            if key in ("articleBody", "text", "review", "comment", "itemListElement", "hasPart"):
                continue
            if isinstance(v, dict):
                self._walk(v, depth + 1)
            elif isinstance(v, list):
                for x in v[:20]:
                    if isinstance(x, dict):
                        self._walk(x, depth + 1)

    def resolve(self, v: Any) -> Any:
        """A node for ``{"@id": ...}`` references; anything else unchanged."""
        if isinstance(v, dict) and "@id" in v and len(v) <= 2:
            return self.by_id.get(v["@id"], v)
        return v

    def of_types(self, wanted: frozenset[str]) -> list[dict[str, Any]]:
        return [n for n, t in zip(self.nodes, self._types, strict=True) if t & wanted]

    def main_entity(self, page_urls: set[str]) -> tuple[dict[str, Any] | None, str]:
        """The node describing the page's main item, and its kind: article, item or page."""
        if not self.nodes:
            return None, ""
        key = frozenset(page_urls)
        found = self._main.get(key)
        if found is None:
            found = self._main[key] = self._main_entity(page_urls)
        return found

    def _main_entity(self, page_urls: set[str]) -> tuple[dict[str, Any] | None, str]:
        for wanted, kind in ((ARTICLE_TYPES, "article"), (ITEM_TYPES, "item"), (PAGE_TYPES, "page")):
            cands = self.of_types(wanted)
            if not cands:
                continue
            if len(cands) == 1:
                return cands[0], kind

            def rank(n: dict[str, Any]) -> tuple[int, int, int, int]:
                url_hit = any(_norm_url(u) in page_urls for u in _urls_of(n, self))
                is_top = any(n is t for t in self.top)
                has_body = "articleBody" in n or "text" in n
                return (url_hit, "headline" in n or "name" in n, has_body + is_top, len(n))

            return max(cands, key=rank), kind
        return None, ""


def _urls_of(node: dict[str, Any], g: Graph) -> list[str]:
    out: list[str] = []
    for key in ("url", "mainEntityOfPage", "@id"):
        v = node.get(key)
        v = g.resolve(v) if isinstance(v, dict) else v
        if isinstance(v, dict):
            v = v.get("@id") or v.get("url")
        if isinstance(v, str):
            out.append(v)
    return out


def _norm_url(u: str) -> str:
    u = u.split("#", 1)[0].split("?", 1)[0].rstrip("/").lower()
    return u.split("://", 1)[-1].removeprefix("www.")


def norm_page_url(u: str | None) -> str:
    return _norm_url(u) if u else ""


def text_of(v: Any) -> str | None:
    """A plain string from a JSON-LD value: str, first of a list, or ``@value``/``name``."""
    if isinstance(v, str):
        return v.strip() or None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, list):
        for x in v:
            s = text_of(x)
            if s:
                return s
        return None
    if isinstance(v, dict):
        for key in ("@value", "name", "text"):
            if key in v:
                return text_of(v[key])
    return None


def agents(v: Any, g: Graph) -> list[tuple[str, str]]:
    """Names of people or organisations in an ``author``/``publisher`` value, with their kind
    (``person``, ``org`` or ``""`` when untyped)."""
    out: list[tuple[str, str]] = []
    items = v if isinstance(v, list) else [v]
    for it in items[:20]:
        it = g.resolve(it)
        if isinstance(it, str):
            out.append((it, ""))
        elif isinstance(it, dict):
            name = it.get("name")
            if isinstance(name, list):
                name = next((x for x in name if isinstance(x, str)), None)
            if not isinstance(name, str):
                given, family = it.get("givenName"), it.get("familyName")
                if isinstance(given, str) and isinstance(family, str):
                    name = f"{given} {family}"
            if isinstance(name, str) and name.strip():
                t = types_of(it)
                kind = "person" if t & PERSON_TYPES else "org" if t & ORG_TYPES else ""
                out.append((name.strip(), kind))
    return out


def image_urls(v: Any, g: Graph) -> list[str]:
    out: list[str] = []
    items = v if isinstance(v, list) else [v]
    for it in items[:10]:
        it = g.resolve(it)
        if isinstance(it, str):
            out.append(it)
        elif isinstance(it, dict):
            u = it.get("url") or it.get("contentUrl") or it.get("@id")
            if isinstance(u, list):
                u = next((x for x in u if isinstance(x, str)), None)
            if isinstance(u, str):
                out.append(u)
    return [u.strip() for u in out if u.strip()]
