"""The fast path: runs of whole lines of text and SGR that scroll straight through.

Most pane output is lines: ``cat``, logs, compilers, test runners. Such a line
is printable characters one cell wide (ASCII and ``NARROW``) and SGR
sequences (``CSI ... m``) ending in ``CR LF``. When
the cursor sits at the start of the blank bottom line of a full-screen scroll
region on the primary screen, a run of such lines (``LINE_BLOCK``, found in
one regex call) has a fixed effect: each line is written on the bottom line,
wraps at the right margin into as many lines as its width needs, and scrolls
up. The emulator then only has to know

- how many screen lines the run takes (``count_rows``: the SGR sequences
  stripped in one ``re.sub``, the line widths in one ``map(len, ...)``), and
- the pen at its end (``end_params``: only the SGR sequences after the last
  plain reset ``CSI 0 m`` / ``CSI m`` are followed),

and never parses the text. Every screen line of the run, in the history or
still on the screen, is a *chunk record* ``(raw, fg, bg, flags, columns,
index)``: ``raw`` is the whole run as received (shared, not copied, by all
its lines), ``fg, bg, flags`` the pen at its start, ``columns`` the width it
was laid out at and ``index`` the screen line within it. ``decode`` turns a
chunk record into the ``(text, runs, wrapped)`` record the slow path would
have built, laying out the whole chunk once (``decode_chunk``) and keeping the
last few layouts in a small cache, so paging through history costs one layout
per chunk.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tmux_py.server.sgr import sgr_params
from tmux_py.style import DEFAULT

#: Characters one cell wide beyond ASCII that line output often has: Latin,
#: Greek and Cyrillic letters, punctuation, currency, arrows, maths, box
#: drawing, blocks, shapes, symbols and dingbats (check marks, crosses). No
#: combining, zero-width or wide character: generated from ``char_width``
#: (U+00A0-U+052F, U+2010-U+27BF) less the categories Mn, Me, Cf, Z*, C*.
NARROW = (
    "\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u038a\\u038c\\u038e-\\u03a1"
    "\\u03a3-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u202f-\\u205f\\u2070-\\u2071\\u2074-\\u208e"
    "\\u2090-\\u209c\\u20a0-\\u20c0\\u2100-\\u218b\\u2190-\\u2319\\u231c-\\u2328\\u232b-\\u23e8"
    "\\u23ed-\\u23ef\\u23f1-\\u23f2\\u23f4-\\u2426\\u2440-\\u244a\\u2460-\\u25fc\\u25ff-\\u2613"
    "\\u2616-\\u262f\\u2638-\\u2647\\u2654-\\u267e\\u2680-\\u2689\\u2690-\\u2692\\u2694-\\u26a0"
    "\\u26a2-\\u26a9\\u26ac-\\u26bc\\u26bf-\\u26c3\\u26c6-\\u26cd\\u26cf-\\u26d3\\u26d5-\\u26e9"
    "\\u26eb-\\u26f1\\u26f4\\u26f6-\\u26f9\\u26fb-\\u26fc\\u26fe-\\u2704\\u2706-\\u2709\\u270c-\\u2727"
    "\\u2729-\\u274b\\u274d\\u274f-\\u2752\\u2756\\u2758-\\u2794\\u2798-\\u27af\\u27b1-\\u27be"
)
#: A run of lines of narrow printable characters and SGR, each ending in CR
#: LF (possessive quantifiers: no backtracking when the last line is incomplete).
LINE_BLOCK = re.compile("(?:(?:[\x20-\x7e" + NARROW + "]++|\x1b\\[[0-9;]*+m)*+\r\n)+")
#: SGR parameter strings.
SGR_PARAMS = re.compile(r"\x1b\[([0-9;]*)m")
#: Text cut into text, SGR, text, SGR, ..., text.
SGR_SPLIT = re.compile(r"(\x1b\[[0-9;]*m)")
_SGR = re.compile(r"\x1b\[[0-9;]*m")

#: Longest chunk, in characters: a chunk's text is stored whole with each
#: history block that holds one of its lines, and laid out whole when read.
CHUNK_LIMIT = 8192

#: Chunk layouts kept decoded.
CACHE_SIZE = 8

_cache: dict[tuple, list[tuple]] = {}


def count_rows(block: str, columns: int) -> int:
    """Screen lines taken by a ``LINE_BLOCK`` match at ``columns`` columns."""
    widths = list(map(len, _SGR.sub("", block).split("\r\n")))
    widths.pop()
    rows = len(widths)
    for width in widths:
        if width > columns:
            rows += (width - 1) // columns
    return rows


def end_params(block: str) -> tuple[bool, list[str]]:
    """(reset, params): the SGR parameters that decide the pen after ``block``.

    ``reset`` is True if they follow a plain reset, so the pen before the
    block does not matter.
    """
    last = max(block.rfind("\x1b[0m"), block.rfind("\x1b[m"))
    if last < 0:
        return False, SGR_PARAMS.findall(block)
    return True, SGR_PARAMS.findall(block, last)


@lru_cache(maxsize=4096)
def _apply(style: tuple, params: str) -> tuple:
    return sgr_params(style, params)


def decode_chunk(raw: str, style: tuple, columns: int) -> list[tuple]:
    """Lay out a chunk: one ``(text, runs, wrapped, fill)`` per screen line.

    As the slow path does: a line wraps at ``columns``; the line feed ending
    a line fills the next line with the pen's background (tmux's erase
    colour): ``fill``, shown after the text but not part of it.
    """
    out: list[tuple] = []
    fill = DEFAULT
    lines = raw.split("\r\n")
    lines.pop()
    for line in lines:
        parts = SGR_SPLIT.split(line)
        texts = parts[0::2]
        if sum(map(len, texts)) <= columns:
            flat: list[int] = []
            last = None
            for index, part in enumerate(parts):
                if index % 2:
                    style = _apply(style, part[2:-1])
                elif part:
                    last = _add_run(flat, len(part), style, last)
            out.append(_finish(texts, flat, False, fill))
        else:
            style = _wrap_line(parts, style, columns, fill, out)
        fill = style[1]
    return out


def _wrap_line(parts: list[str], style: tuple, columns: int, fill: int, out: list[tuple]) -> tuple:
    """Lay out a line wider than the screen; returns the pen after it."""
    texts: list[str] = []
    flat: list[int] = []
    last = None
    used = 0
    for index, part in enumerate(parts):
        if index % 2:
            style = _apply(style, part[2:-1])
            continue
        while part:
            if used == columns:
                out.append(_finish(texts, flat, True, fill))
                texts, flat, last, used, fill = [], [], None, 0, DEFAULT
            take = part[: columns - used]
            part = part[len(take) :]
            texts.append(take)
            used += len(take)
            last = _add_run(flat, len(take), style, last)
    out.append(_finish(texts, flat, False, fill))
    return style


def _add_run(flat: list[int], length: int, style: tuple, last: tuple | None) -> tuple:
    """Append a run to flat runs, merging it into the previous one of the same style."""
    if style == last:
        flat[-4] += length
    else:
        flat.extend((length, *style))
    return style


def _finish(texts: list[str], flat: list[int], wrapped: bool, fill: int) -> tuple:
    return ("".join(texts), tuple(flat), wrapped, fill)


def decode(record: tuple) -> tuple[str, tuple, bool]:
    """A history record as ``(text, runs, wrapped)``, laying out a chunk record."""
    if len(record) != 6:
        return record  # type: ignore[return-value]
    return decode_row(record)[:3]  # type: ignore[return-value]


def decode_row(record: tuple) -> tuple[str, tuple, bool, int]:
    """``(text, runs, wrapped, fill)`` of a chunk record: ``fill`` is the
    background the line feed before it left in its unwritten cells."""
    key = record[:5]
    rows = _cache.get(key)
    if rows is None:
        raw, fg, bg, flags, columns = key
        rows = decode_chunk(raw, (fg, bg, flags), columns)
        if len(_cache) >= CACHE_SIZE:
            del _cache[next(iter(_cache))]
        _cache[key] = rows
    index = record[5]
    if index < len(rows):
        return rows[index]
    return ("", (), False, DEFAULT)
