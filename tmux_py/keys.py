"""Key names and the bytes a pane's program receives for them.

Keys travel between client and daemon as tmux key names (``Enter``, ``C-c``,
``M-Up``, ``F5``, ``a``); the daemon turns them into bytes here, according to
the pane's modes, as tmux's ``input-keys.c`` does:

- cursor keys send ``CSI A`` ... ``CSI D``, or ``SS3 A`` ... when the program
  set application cursor keys (DECCKM, ``CSI ? 1 h``);
- keypad keys (``KP0``, ``KPEnter``, ...) send ``SS3`` codes in application
  keypad mode (DECKPAM, ``ESC =``), else the plain characters;
- a modifier on a special key is xterm's parameter: ``CSI 1 ; m A`` with
  m = 1 + shift + 2*meta + 4*ctrl; a meta'd plain key is ESC then the key.

The table was checked byte for byte against tmux 3.3a (``send-keys`` into
``cat -v``). This module is pure: the daemon and the client both import it.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC = "\x1b"
CSI = ESC + "["
SS3 = ESC + "O"

#: Keys whose bytes never change with modifiers or modes.
_SIMPLE = {
    "Enter": "\r",
    "Escape": ESC,
    "Tab": "\t",
    "BTab": CSI + "Z",
    "BSpace": "\x7f",
    "Space": " ",
}

#: Cursor keys: final byte of ``CSI x`` / ``SS3 x``.
_CURSOR = {"Up": "A", "Down": "B", "Right": "C", "Left": "D"}

#: Editing keys as ``CSI N ~`` (tmux sends Home/End as 1~/4~).
_TILDE = {
    "Home": 1,
    "IC": 2,
    "DC": 3,
    "End": 4,
    "PageUp": 5,
    "PageDown": 6,
}

#: Function keys: F1-F4 are ``SS3 P`` ... ``SS3 S``; the rest ``CSI N ~``.
_FUNCTION_SS3 = {"F1": "P", "F2": "Q", "F3": "R", "F4": "S"}
_FUNCTION_TILDE = {
    "F5": 15, "F6": 17, "F7": 18, "F8": 19, "F9": 20, "F10": 21, "F11": 23, "F12": 24,
}

#: Keypad keys: (normal bytes, application-mode final byte of ``SS3 x``).
_KEYPAD = {
    "KP/": ("/", "o"), "KP*": ("*", "j"), "KP-": ("-", "m"), "KP+": ("+", "k"),
    "KP.": (".", "n"), "KPEnter": ("\n", "M"),
    **{f"KP{digit}": (str(digit), "pqrstuvwxy"[digit]) for digit in range(10)},
}

#: tmux accepts these spellings too.
_ALIASES = {
    "PPage": "PageUp", "PgUp": "PageUp", "NPage": "PageDown", "PgDn": "PageDown",
    "Insert": "IC", "Delete": "DC", "Backspace": "BSpace", "Return": "Enter", "Esc": "Escape",
}

#: Every multi-character key name by its lower-case spelling.
_BY_LOWER_NAME = {
    name.lower(): name
    for table in (_SIMPLE, _CURSOR, _TILDE, _FUNCTION_SS3, _FUNCTION_TILDE, _KEYPAD, _ALIASES)
    for name in table
}

SHIFT, META, CTRL = 1, 2, 4


@dataclass(frozen=True)
class KeyModes:
    """The pane modes that change what a key sends."""

    app_cursor: bool = False
    app_keypad: bool = False


class UnknownKey(ValueError):
    """Not a key name (send-keys then sends the string literally, as tmux)."""


def split_modifiers(name: str) -> tuple[str, str]:
    """(modifier letters as written, base key name): ``C-M-Up`` -> (``CM``, ``Up``)."""
    letters = ""
    while len(name) > 2 and name[1] == "-" and name[0] in "CMS":
        letters += name[0]
        name = name[2:]
    return letters, name


def _split_modifiers(name: str) -> tuple[int, str]:
    letters, name = split_modifiers(name)
    modifiers = 0
    for letter in letters:
        modifiers |= {"S": SHIFT, "M": META, "C": CTRL}[letter]
    if len(name) > 1:
        # tmux reads key names without regard to case: END is End.
        name = _BY_LOWER_NAME.get(name.lower(), name)
    return modifiers, _ALIASES.get(name, name)


def _control(char: str) -> str | None:
    """C-x for a single character, as a terminal sends it (C-Space is NUL, C-? DEL)."""
    if ord(char) < 0x20 or char == "\x7f":
        return char  # already a control character: C-Enter is Enter (tmux sends nothing)
    if char == " " or char == "@":
        return "\x00"
    if char == "?":
        return "\x7f"
    if char == "/":
        return "\x1f"
    code = ord(char.upper()) if char.isalpha() else ord(char)
    if 0x40 <= code <= 0x5F:
        return chr(code - 0x40)
    return None


def encode_key(name: str, modes: KeyModes = KeyModes()) -> str:
    """The characters a pane receives for the key ``name``; UnknownKey if it is none."""
    if len(name) == 1:
        return name
    modifiers, base = _split_modifiers(name)
    parameter = 1 + modifiers
    if base in _CURSOR:
        final = _CURSOR[base]
        if modifiers:
            return f"{CSI}1;{parameter}{final}"
        return (SS3 if modes.app_cursor else CSI) + final
    if base in _TILDE or base in _FUNCTION_TILDE:
        number = _TILDE.get(base) or _FUNCTION_TILDE[base]
        return f"{CSI}{number};{parameter}~" if modifiers else f"{CSI}{number}~"
    if base in _FUNCTION_SS3:
        return f"{CSI}1;{parameter}{_FUNCTION_SS3[base]}" if modifiers else SS3 + _FUNCTION_SS3[base]
    if base in _KEYPAD:
        normal, application = _KEYPAD[base]
        return SS3 + application if modes.app_keypad else normal
    if base == "Tab" and modifiers & SHIFT:
        return _SIMPLE["BTab"]
    if base in _SIMPLE or len(base) == 1:
        text = _SIMPLE.get(base, base)
        if modifiers & CTRL:
            control = _control(" " if base == "Space" else text)
            if control is None:
                raise UnknownKey(name)
            text = control
        if modifiers & SHIFT and len(text) == 1 and text.isalpha():
            text = text.upper()
        return ESC + text if modifiers & META else text
    raise UnknownKey(name)


def is_key_name(name: str) -> bool:
    try:
        encode_key(name)
    except UnknownKey:
        return False
    return True
