"""Cell styles as the daemon stores them and the wire carries them.

A screen line travels as a list of *runs*: ``[text, fg, bg, flags]``, each run
a stretch of cells sharing one style. Colours are plain ints so that a run
packs into a few msgpack bytes and compares cheaply:

- ``DEFAULT`` (-1): the terminal's default colour (SGR 39 / 49);
- ``0``-``255``: the xterm palette (SGR 30-37, 90-97, ``38;5;N``);
- ``TRUECOLOR | 0xRRGGBB``: 24-bit colour (SGR ``38;2;R;G;B``).

``flags`` is a bit set of the SGR attributes below. This module is shared by
the daemon (which builds runs) and the client (which draws them); it imports
no other module of tmuxpy.

tmux's style strings (``fg=red,bold``, ``#[bg=colour236 nobold]``, the status line's
``align=``, ``list=``, ``range=``, ``fill=``, ``push-default``) are read here, in one place:
:func:`parse_style` applies one to a :class:`Style`, as tmux's style_parse.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

DEFAULT = -1
TRUECOLOR = 1 << 24

#: SGR 1
BOLD = 1 << 0
#: SGR 2
DIM = 1 << 1
#: SGR 3
ITALIC = 1 << 2
#: SGR 4
UNDERLINE = 1 << 3
#: SGR 5
BLINK = 1 << 4
#: SGR 7
REVERSE = 1 << 5
#: SGR 8
HIDDEN = 1 << 6
#: SGR 9
STRIKE = 1 << 7

#: Not an SGR attribute: the cell was printed with DEC Special Graphics
#: selected (``ESC ( 0`` / SO). Its text holds the line-drawing glyph, which
#: is what a client draws; tmux's ``capture-pane`` prints the ASCII character
#: the program sent (and ``-e`` brackets it with SO/SI).
CHARSET = 1 << 8

#: Attribute bits in the order tmux emits their SGR codes.
FLAG_CODES = (
    (BOLD, 1),
    (DIM, 2),
    (ITALIC, 3),
    (UNDERLINE, 4),
    (BLINK, 5),
    (REVERSE, 7),
    (HIDDEN, 8),
    (STRIKE, 9),
)


def rgb(red: int, green: int, blue: int) -> int:
    """The colour int of a 24-bit colour."""
    return TRUECOLOR | (red << 16) | (green << 8) | blue


def is_truecolor(colour: int) -> bool:
    return colour >= TRUECOLOR


def rgb_components(colour: int) -> tuple[int, int, int]:
    """(red, green, blue) of a 24-bit colour int."""
    return (colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF


def colour_sgr(colour: int, background: bool) -> str:
    """SGR parameters selecting ``colour`` as foreground or background.

    tmux's ``capture-pane -e`` writes palette colours as ``38;5;N`` and
    true colours as ``38;2;R;G;B``; the same form is used here.
    """
    base = 48 if background else 38
    if colour == DEFAULT:
        return str(base + 1)
    if is_truecolor(colour):
        red, green, blue = rgb_components(colour)
        return f"{base};2;{red};{green};{blue}"
    return f"{base};5;{colour}"


def tmux_colour_codes(colour: int, background: bool) -> list[int]:
    """SGR parameters for ``colour`` in the form tmux's ``capture-pane -e`` uses.

    Palette colours 0-7 are written ``30``-``37`` (``40``-``47``), 8-15 as
    ``90``-``97`` (``100``-``107``), the rest as ``38;5;N``; true colour as
    ``38;2;R;G;B``; the default as ``39`` (``49``).
    """
    if colour == DEFAULT:
        return [49 if background else 39]
    if is_truecolor(colour):
        return [48 if background else 38, 2, *rgb_components(colour)]
    if colour < 8:
        return [colour + (40 if background else 30)]
    if colour < 16:
        return [colour - 8 + (100 if background else 90)]
    return [48 if background else 38, 5, colour]


def sgr_transition(last: tuple[int, int, int], new: tuple[int, int, int]) -> str:
    """The escapes tmux writes between a cell styled ``last`` and one styled ``new``.

    Styles are ``(fg, bg, flags)``. As in tmux's ``grid_string_cells_code``:
    if any attribute is turned off the attributes restart from ``0``; newly
    set attributes follow; then the foreground and the background, each only
    if it changed or the attributes were reset.
    """
    last_fg, last_bg, last_flags = last
    fg, bg, flags = new
    charset_on = bool(flags & CHARSET) and not last_flags & CHARSET
    charset_off = bool(last_flags & CHARSET) and not flags & CHARSET
    flags &= ~CHARSET
    last_flags &= ~CHARSET
    codes: list[int] = []
    if last_flags & ~flags:
        codes.append(0)
        last_flags = 0
    for bit, code in FLAG_CODES:
        if flags & bit and not last_flags & bit:
            codes.append(code)
    out = ""
    if codes:
        out = "\x1b[" + ";".join(map(str, codes)) + "m"
    reset = bool(codes) and codes[0] == 0
    if fg != last_fg or reset:
        out += "\x1b[" + ";".join(map(str, tmux_colour_codes(fg, False))) + "m"
    if bg != last_bg or reset:
        out += "\x1b[" + ";".join(map(str, tmux_colour_codes(bg, True))) + "m"
    if charset_on:
        out += "\x0e"
    elif charset_off:
        out += "\x0f"
    return out


# --- tmux style strings ---------------------------------------------------------

#: tmux's colour names (colour_fromstring): a name or its number; ``bright*`` are 90-97 in tmux,
#: the palette's 8-15 here.
_COLOUR_NAMES = {name: number for number, name in enumerate(
    ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"))}

#: Attribute words (tmux's attributes_fromstring); the underline variants and overline draw
#: as a plain underline and nothing, as on a terminal without them.
_ATTRIBUTES = {
    "bright": BOLD, "bold": BOLD, "dim": DIM, "underscore": UNDERLINE, "blink": BLINK, "reverse": REVERSE,
    "hidden": HIDDEN, "italics": ITALIC, "strikethrough": STRIKE, "double-underscore": UNDERLINE,
    "curly-underscore": UNDERLINE, "dotted-underscore": UNDERLINE, "dashed-underscore": UNDERLINE,
    "overline": 0, "acs": 0,
}

#: Where a style's text goes on the status line (tmux's style_align).
ALIGNS = ("left", "centre", "right", "absolute-centre")
#: The parts of the window list (tmux's style_list).
LISTS = ("on", "focus", "left-marker", "right-marker")


def parse_colour(text: str) -> int | None:
    """A tmux colour: ``default`` (and ``terminal``), a name or its number (``red``, ``1``,
    ``brightred``, ``91``), ``colourN``/``colorN``, ``#rrggbb``; None if it is none of those.
    tmux also knows the X11 names (``orange``): tmuxpy does not."""
    word = text.lower()
    if word in ("default", "terminal"):
        return DEFAULT
    if word.startswith("#") and len(word) == 7:
        try:
            return TRUECOLOR | int(word[1:], 16)
        except ValueError:
            return None
    for prefix in ("colour", "color"):
        if word.startswith(prefix) and word[len(prefix):].isdigit():
            number = int(word[len(prefix):])
            return number if number < 256 else None
    if word in _COLOUR_NAMES:
        return _COLOUR_NAMES[word]
    if word.startswith("bright") and word[6:] in _COLOUR_NAMES:
        return _COLOUR_NAMES[word[6:]] + 8
    if word.isdigit() and (int(word) < 8 or 90 <= int(word) <= 97):
        return int(word) if int(word) < 8 else int(word) - 82
    return None


@dataclass(frozen=True)
class Style:
    """tmux's struct style: a cell's colours and attributes, and for the status line where its
    text goes (``align``, ``list``), what a click there means (``range``: ``("window", "3")``,
    ``("left", "")``...), the line's ``fill`` colour and what it does to the default style
    (``default_op``: ``push``, ``pop`` or ``set``, consumed by whoever draws)."""

    fg: int = DEFAULT
    bg: int = DEFAULT
    flags: int = 0
    align: str = ""
    list: str = ""
    range: tuple[str, str] | None = None
    fill: int | None = None
    default_op: str = ""


def _range(value: str) -> tuple[str, str] | None:
    """``range=left``, ``right``, ``window|N``, ``pane|%N``, ``session|$N``, ``user|X``."""
    kind, _, argument = value.partition("|")
    if kind in ("left", "right") and not argument:
        return (kind, "")
    if kind in ("window", "pane", "session", "user") and argument:
        return (kind, argument)
    return None


def parse_style(text: str, style: Style, base: Style) -> Style | None:
    """``style`` changed by the style string ``text`` (words split by spaces or commas), as
    tmux's style_parse: ``default`` takes ``base``'s colours and attributes, ``none`` clears the
    attributes, ``noNAME`` clears one. None if a word is not one of tmux's (tmux then keeps the
    style it had: so do callers)."""
    changes: dict = {}
    fg, bg, flags = style.fg, style.bg, style.flags
    for word in text.replace(",", " ").split():
        key, equals, value = word.partition("=")
        key = key.lower()
        if not equals:
            if key == "default":
                fg, bg, flags = base.fg, base.bg, base.flags
            elif key in ("push-default", "pop-default", "set-default"):
                changes["default_op"] = key.partition("-")[0]
            elif key in ("nolist", "norange", "noalign"):
                changes[key[2:]] = None if key == "norange" else ""
            elif key == "none":
                flags = 0
            elif key in _ATTRIBUTES:
                flags |= _ATTRIBUTES[key]
            elif key.startswith("no") and key[2:] in _ATTRIBUTES:
                flags &= ~_ATTRIBUTES[key[2:]]
            elif key not in ("ignore", "noignore"):
                return None
            continue
        if key in ("fg", "bg", "fill", "us"):
            colour = parse_colour(value)
            if colour is None:
                return None
            if key == "fg":
                fg = colour
            elif key == "bg":
                bg = colour
            elif key == "fill":
                changes["fill"] = colour
        elif key == "align" and value.lower() in ALIGNS:
            changes["align"] = value.lower()
        elif key == "list" and value.lower() in LISTS:
            changes["list"] = value.lower()
        elif key == "range" and (span := _range(value)) is not None:
            changes["range"] = span
        else:
            return None
    return replace(style, fg=fg, bg=bg, flags=flags, **changes)
