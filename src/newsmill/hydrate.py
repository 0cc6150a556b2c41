"""Pages whose content ships as JSON for a client-side app: rebuild the HTML a browser shows.

Discourse, the most common forum software, sends crawlers without JavaScript an empty shell
and the thread as JSON in ``#data-preloaded`` (the ``post_stream`` of the topic). Rebuilding
the posts from it gives the same text a reader sees: author, date, and each post's HTML.
"""

from __future__ import annotations

import html
from datetime import datetime

import orjson
from selectolax.lexbor import LexborHTMLParser


def _when(iso: str | None) -> str:
    """Discourse's own display format: 'September 5, 2024, 11:15pm' (UTC)."""
    if not iso:
        return ""
    try:
        d = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    hour = d.hour % 12 or 12
    return f"{d:%B} {d.day}, {d.year}, {hour}:{d:%M}{'am' if d.hour < 12 else 'pm'}"


def discourse(tree: LexborHTMLParser) -> LexborHTMLParser | None:
    node = tree.css_first("#data-preloaded")
    raw = node.attributes.get("data-preloaded") if node is not None else None
    if not raw:
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    topic = None
    for key, value in data.items():
        if key.startswith("topic_") and isinstance(value, str):
            try:
                topic = orjson.loads(value)
            except orjson.JSONDecodeError:
                return None
            break
    if not isinstance(topic, dict):
        return None
    posts = (topic.get("post_stream") or {}).get("posts") or []
    parts = [f"<h1>{html.escape(str(topic.get('title') or ''))}</h1>"]
    for p in posts:
        if not isinstance(p, dict) or not p.get("cooked"):
            continue
        user = html.escape(str(p.get("username") or p.get("name") or ""))
        when = p.get("created_at")
        parts.append(
            '<article class="topic-post">'
            f'<div class="topic-meta-data"><span class="username">{user}</span>'
            f' <time datetime="{html.escape(str(when or ""))}">{_when(when)}</time></div>'
            f'<div class="cooked">{p["cooked"]}</div></article>'
        )
    if len(parts) == 1:
        return None
    return LexborHTMLParser("<html><body><main>" + "".join(parts) + "</main></body></html>")


def hydrate(text: str, tree: LexborHTMLParser) -> LexborHTMLParser | None:
    """A rebuilt tree for an app shell we know how to read, else None (use the page as is)."""
    if "post_stream" in text and "data-preloaded" in text:
        return discourse(tree)
    return None
