"""Key names, as tmux reads and prints them, and the bytes a pane's program receives for them.

Keys travel between client and daemon as tmux key names (``Enter``, ``C-c``,
``M-Up``, ``F5``, ``a``). This is the one place that reads a name: a
:class:`Key` is what tmux's key code holds (modifier bits and the key), read
from any spelling tmux 3.3a accepts (:func:`parse_key`, tmux's
``key_string_lookup_string``) and printed under the one name list-keys shows
(:attr:`Key.name`, ``key_string_lookup_key``); :attr:`Key.order` is where a key
table sorts it. The daemon turns a key into bytes here, according to the pane's
modes, as tmux's ``input-keys.c`` does:

- cursor keys send ``CSI A`` ... ``CSI D``, or ``SS3 A`` ... when the program
  set application cursor keys (DECCKM, ``CSI ? 1 h``);
- keypad keys (``KP0``, ``KPEnter``, ...) send ``SS3`` codes in application
  keypad mode (DECKPAM, ``ESC =``), else the plain characters;
- a modifier on a special key is xterm's parameter: ``CSI 1 ; m A`` with
  m = 1 + shift + 2*meta + 4*ctrl; a meta'd plain key is ESC then the key.

The names were checked against tmux 3.3a's ``bind``/``list-keys``, the bytes
byte for byte (``send-keys`` into ``cat -v``). This module is pure: the daemon
and the client both import it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ESC = "\x1b"
CSI = ESC + "["
SS3 = ESC + "O"

#: Cursor keys: final byte of ``CSI x`` / ``SS3 x``.
_CURSOR = {"Up": "A", "Down": "B", "Right": "C", "Left": "D"}

#: Editing keys as ``CSI N ~`` (tmux sends Home/End as 1~/4~).
_TILDE = {
    "Home": 1,
    "IC": 2,
    "DC": 3,
    "End": 4,
    "PPage": 5,
    "NPage": 6,
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

#: tmux 3.3a's mouse keys (``key_string_table``): an event, then where it happened
#: (``MouseDown1Pane``), in key-code order. They bind and list; a pane is sent none of them.
_MOUSE_EVENTS = (
    *(f"{event}{button}" for event in ("MouseDown", "MouseUp", "MouseDrag", "MouseDragEnd") for button in "123"),
    "WheelUp", "WheelDown",
    *(f"{event}{button}" for event in ("SecondClick", "DoubleClick", "TripleClick") for button in "123"),
)
MOUSE_KEYS = tuple(event + place for event in _MOUSE_EVENTS
                   for place in ("Pane", "Status", "StatusLeft", "StatusRight", "StatusDefault", "Border"))

#: tmux's keys beyond characters, in its key-code order (``KEYC_ANY`` ... ``KEYC_KP_PERIOD``):
#: a table sorts them after every ASCII character, in this order.
_SPECIAL_KEYS = (
    "Any", *MOUSE_KEYS, "BSpace", *(f"F{number}" for number in range(1, 13)),
    "IC", "DC", "Home", "End", "NPage", "PPage", "BTab", "Up", "Down", "Left", "Right",
    "KP/", "KP*", "KP-", "KP7", "KP8", "KP9", "KP+", "KP4", "KP5", "KP6", "KP1", "KP2", "KP3", "KPEnter", "KP0",
    "KP.",
)
#: Key codes as tmux numbers them: special keys from ``KEYC_BASE``, user keys from ``KEYC_USER``.
_KEYC_BASE, _KEYC_USER, _USER_KEYS = 0x10E000, 0x10F000, 1000

#: Every spelling tmux reads (in any case) -> the key: a special key's name, or the character
#: Tab, Space, Enter and Escape stand for. tmux prints each key by its first spelling here.
_SPELLINGS = {
    **{name: name for name in _SPECIAL_KEYS if name != "Any"},
    "Insert": "IC", "Delete": "DC", "PageDown": "NPage", "PgDn": "NPage", "PageUp": "PPage", "PgUp": "PPage",
    "Tab": "\t", "Space": " ", "Enter": "\r", "Escape": ESC,
}
_BY_LOWER_SPELLING = {spelling.lower(): key for spelling, key in _SPELLINGS.items()}
_CHARACTER_NAMES = {"\t": "Tab", " ": "Space", "\r": "Enter", ESC: "Escape"}

#: Modifier bits in tmux's order (``KEYC_META`` < ``KEYC_CTRL`` < ``KEYC_SHIFT``): a table
#: sorts each set of modifiers after the keys with fewer, and tmux prints them C- M- S-.
MOD_META, MOD_CTRL, MOD_SHIFT = 1, 2, 4
_MODIFIER_LETTERS = {"m": MOD_META, "c": MOD_CTRL, "s": MOD_SHIFT}
#: Characters C- leaves as they are (``C-1`` stays ``C-1``); C- of others is a control character.
_CONTROL_EXEMPT = "!#()+,-.0123456789:;<=>'\r\t\x7f`/\x1b"


@dataclass(frozen=True)
class Key:
    """A key as tmux codes it: modifier bits and the key itself.

    ``key`` is a character (control characters included: ``C-a`` is ``\\x01`` without
    modifiers, as a terminal sends it), a special key's name (``F1``, ``PPage``,
    ``MouseDown1Pane``, ``Any``) or a user key (``User0``).
    """

    modifiers: int
    key: str

    @property
    def name(self) -> str:
        """The name tmux prints (``key_string_lookup_key``): C- M- S-, then the key."""
        if self.key == "\0" and not self.modifiers:
            return "C-Space"
        prefix = "".join(letter for bit, letter in ((MOD_CTRL, "C-"), (MOD_META, "M-"), (MOD_SHIFT, "S-"))
                         if self.modifiers & bit)
        if len(self.key) > 1 or self.key in _CHARACTER_NAMES:
            return prefix + _CHARACTER_NAMES.get(self.key, self.key)
        code = ord(self.key)
        if code == 0 or 26 < code < 32:
            return f"{prefix}C-{chr(64 + code)}"
        if code < 32:
            return f"{prefix}C-{chr(96 + code)}"
        return prefix + ("C-?" if code == 0x7F else self.key)

    @property
    def order(self) -> tuple[int, int]:
        """Where a table sorts it, as tmux sorts by key code: modifiers, then ASCII characters,
        special keys, user keys, other characters (by their UTF-8 bytes, as tmux packs them)."""
        if len(self.key) > 1:
            if self.key.startswith("User"):
                return self.modifiers, _KEYC_USER + int(self.key[4:])
            return self.modifiers, _KEYC_BASE + _SPECIAL_KEYS.index(self.key)
        code = ord(self.key)
        if code < 0x80:
            return self.modifiers, code
        data = self.key.encode()
        wide = unicodedata.east_asian_width(self.key) in "WF"
        return self.modifiers, (2 + wide) << 29 | len(data) << 24 | int.from_bytes(data[:3], "little")


def parse_key(name: str) -> Key | None:
    """The key a name stands for, or None, as tmux's ``key_string_lookup_string`` reads it.

    tmux reads names in any case (``END`` is ``End``), aliases (``PageUp``, ``PgUp`` and
    ``PPage`` are one key), modifiers ``C-`` ``M-`` ``S-`` in any order and case, ``^x``
    for ``C-x``, and ``0xNN`` for a character by its code; ``None`` is no key.
    """
    lowered = name.lower()
    if lowered == "none":
        return None
    if lowered == "any":
        return Key(0, "Any")
    if name.startswith("0x"):
        digits = re.match(r"[0-9a-fA-F]+", name[2:])
        code = int(digits[0], 16) if digits else 0
        if not 0 < code < 0x110000 or 0xD800 <= code < 0xE000:
            return None
        return Key(0, chr(code))
    modifiers = 0
    if name.startswith("^") and len(name) > 1:
        modifiers, name = MOD_CTRL, name[1:]
    while len(name) > 1 and name[1] == "-":
        if name[0].lower() not in _MODIFIER_LETTERS:
            return None
        modifiers |= _MODIFIER_LETTERS[name[0].lower()]
        name = name[2:]
    if len(name) == 1:
        if ord(name) < 32:
            return None
        if ord(name) > 0x7F:
            return Key(modifiers, name)  # C- of any other character stays C-
        key = name
    else:
        user = re.match(r"User(\d+)", name)
        if user:
            return Key(modifiers, f"User{int(user[1])}") if int(user[1]) < _USER_KEYS else None
        key = _BY_LOWER_SPELLING.get(name.lower())
        if key is None:
            return None
    if modifiers & MOD_CTRL and len(key) == 1 and key not in _CONTROL_EXEMPT:
        code = ord(key)
        if 97 <= code <= 122:
            key = chr(code - 96)
        elif 64 <= code <= 95:
            key = chr(code - 64)
        elif key in " ?":
            key = "\0" if key == " " else "\x7f"
        else:
            return None
        modifiers &= ~MOD_CTRL
    return Key(modifiers, key)


def canonical_key(name: str) -> str:
    """The name tmux prints for a key name (``m-c-pgup`` is ``C-M-PPage``, ``C-M-x`` is ``M-C-x``);
    a word that is no key name is left as it is (it names no binding)."""
    key = parse_key(name)
    return name if key is None else key.name


#: xterm's modifier parameter (``CSI 1 ; m A``): m = 1 + shift + 2*meta + 4*ctrl.
_XTERM_MODIFIERS = ((MOD_SHIFT, 1), (MOD_META, 2), (MOD_CTRL, 4))


@dataclass(frozen=True)
class KeyModes:
    """The pane modes that change what a key sends."""

    app_cursor: bool = False
    app_keypad: bool = False


class UnknownKey(ValueError):
    """Not a key a pane can be sent (send-keys then sends the string literally, as tmux)."""


def _control(char: str) -> str | None:
    """C- of a character tmux's names keep the C- of (``C-Tab``, ``C-/``): what a terminal sends."""
    if ord(char) < 0x20 or char == "\x7f":
        return char  # already a control character: C-Enter is Enter (tmux sends nothing)
    if char == "/":
        return "\x1f"
    return None


def encode_key(name: str, modes: KeyModes = KeyModes()) -> str:
    """The characters a pane receives for the key ``name``; UnknownKey if it is none."""
    if len(name) == 1:
        return name
    key = parse_key(name)
    if key is None or key.key == "Any" or key.key in MOUSE_KEYS:
        raise UnknownKey(name)
    base, modifiers = key.key, key.modifiers
    if base.startswith("User"):
        return ""  # tmux's user keys are for bindings: a pane is sent nothing
    meta = ESC if modifiers & MOD_META else ""
    parameter = 1 + sum(value for bit, value in _XTERM_MODIFIERS if modifiers & bit)
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
        return meta + (SS3 + application if modes.app_keypad else normal)
    if base == "BTab" or (base == "\t" and modifiers & MOD_SHIFT):
        return meta + CSI + "Z"
    text = "\x7f" if base == "BSpace" else base
    if modifiers & MOD_CTRL:
        control = _control(text)
        if control is None:
            raise UnknownKey(name)
        text = control
    if modifiers & MOD_SHIFT and text.isalpha():
        text = text.upper()
    return meta + text


def is_key_name(name: str) -> bool:
    """A key a pane can be sent (one character, or a name :func:`encode_key` knows)."""
    try:
        encode_key(name)
    except UnknownKey:
        return False
    return True
