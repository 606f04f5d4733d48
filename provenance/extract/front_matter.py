"""Front matter: a static site's metadata opening a Markdown file, read as no page text.

Jekyll, Hugo and Obsidian open a post with its metadata: YAML between `---` lines (read
by mdit-py-plugins' front-matter plugin), TOML between `+++` lines or one JSON object
(Hugo; read by `_toml_front_matter` and `_json_front_matter` into the same kind of
token). It is never drawn on the page, as an HTML page's <head> is not; read as text its
`description:` would be compared, and its `---` lines are rules to CommonMark.
`is_metadata` tells front matter from a page that opens with a rule, prose, then another
rule.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

RULES = ["front_matter", "toml_front_matter", "json_front_matter"]
"""The block rules that read front matter (the plugin's and ours)."""
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*")
_METADATA = re.compile(r"[ \t]*(?:#|\[|[\w\"'.-]+[ \t]*[:=](?:[ \t]|$))")
"""The first line of front matter: a `key: value` (YAML), `key = value` or `[table]`
(TOML), or a comment."""


def use(parser: MarkdownIt) -> None:
    """Install the rules that read front matter into a `front_matter` token."""
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser.use(front_matter_plugin)
    parser.block.ruler.before(
        "table",
        "toml_front_matter",
        _toml_front_matter,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    parser.block.ruler.before(
        "table",
        "json_front_matter",
        _json_front_matter,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )


def _toml_front_matter(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Hugo's TOML front matter, `+++` lines around it opening the file, read into a
    `front_matter` token as the plugin reads YAML's (which it does not know)."""

    def line(k: int) -> str:
        return state.src[state.bMarks[k] : state.eMarks[k]]

    if start != 0 or not _TOML_FENCE.fullmatch(line(0)):
        return False
    close = next((k for k in range(1, end) if _TOML_FENCE.fullmatch(line(k))), None)
    if close is None:
        return False  # never closed: no front matter, as for the plugin's YAML
    if not silent:
        content = state.src[state.bMarks[1] : state.eMarks[close - 1]] if close > 1 else ""
        _front_matter(state, "+++", content, close)
    return True


_JSON = json.JSONDecoder()


def _json_front_matter(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Hugo's JSON front matter: one JSON object opening the file, nothing after it on its
    last line (Hugo: "a single JSON object surrounded by `{` and `}`, followed by a new
    line"), read into a `front_matter` token. The standard library's decoder finds where
    the object ends, strings with braces in them and all; a page opening with a brace
    that no JSON object opens ("{{< figure >}}", "{The Parties}") is read as text."""
    if start != 0 or not state.src.startswith("{"):
        return False
    try:
        _, stop = _JSON.raw_decode(state.src)
    except ValueError:
        return False
    close = next((k for k in range(end) if state.eMarks[k] >= stop - 1), None)
    if close is None or state.src[stop : state.eMarks[close]].strip(" \t"):
        return False  # "{...} and then words": a line of text
    if not silent:
        _front_matter(state, "{", state.src[:stop], close)
    return True


def _front_matter(state: StateBlock, markup: str, content: str, close: int) -> None:
    """Push the `front_matter` token of lines 0 to `close`, as the plugin pushes YAML's."""
    token = state.push("front_matter", "", 0)
    token.hidden = True
    token.block = True
    token.markup = markup
    token.content = content
    token.map = [0, close + 1]
    state.line = close + 1


def is_metadata(content: str, markup: str = "---") -> bool:
    """Whether a `front_matter` token's content, between fences of `markup`, is metadata
    (see `metadata`): a JSON object always is.

    >>> is_metadata('{"title": "A post"}', "{"), is_metadata("Prose.", "---")
    (True, False)
    """
    return markup == "{" or metadata(content)


def metadata(content: str) -> bool:
    """Whether what front-matter fences hold is metadata: its first line a key (or a
    comment), or nothing. A page opening with a rule, prose, then another rule is not.

    >>> metadata('title: "A post"'), metadata('title = "A post"'), metadata("")
    (True, True, True)
    >>> metadata("A page opening with a rule.")
    False
    """
    first = next((row for row in content.splitlines() if row.strip()), None)
    return first is None or _METADATA.match(first) is not None
