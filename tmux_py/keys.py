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
- a modifier on a cursor, editing or function key is xterm's parameter:
  ``CSI 1 ; m A`` with m = 1 + shift + 2*meta + 4*ctrl; M- on any other key is
  ESC then the key; other modifiers mostly have no bytes (see :func:`encode_key`),
  and send-keys then types the name as text, as tmux does.

These are the bytes of tmux's default mode: tmuxpy does not model extended keys
(``CSI > 4 ; 1 m``, the ``extended-keys`` option), where tmux sends ``CSI k ; m u``
for keys like C-1 and S-Tab instead (C-1 is ``CSI 49 ; 5 u``). The names were
checked against tmux 3.3a's ``bind``/``list-keys``, the bytes byte for byte
(``send-keys`` of every modifier combination into a raw reader; the record is in
tests/unit/test_keys.py). This module is pure: the daemon and the client both
import it.
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
#: Keys sent as ``CSI N ~``: the editing keys but Home/End (``CSI 1 ~``/``4 ~`` unmodified,
#: ``CSI 1 ; m H``/``F`` modified), and F5-F12. F1-F4 are ``SS3 P`` ... ``SS3 S``.
_TILDE = {
    "IC": 2, "DC": 3, "PPage": 5, "NPage": 6,
    "F5": 15, "F6": 17, "F7": 18, "F8": 19, "F9": 20, "F10": 21, "F11": 23, "F12": 24,
}
_FUNCTION_SS3 = {"F1": "P", "F2": "Q", "F3": "R", "F4": "S"}
#: Keypad keys: (normal bytes, application-mode final byte of ``SS3 x``).
_KEYPAD = {
    "KP/": ("/", "o"), "KP*": ("*", "j"), "KP-": ("-", "m"), "KP+": ("+", "k"),
    "KP.": (".", "n"), "KPEnter": ("\n", "M"),
    **{f"KP{digit}": (str(digit), "pqrstuvwxy"[digit]) for digit in range(10)},
}

#: What tmux 3.3a sends for a special key without modifiers (its ``input_key_defaults``).
_PLAIN = {
    **{key: CSI + final for key, final in _CURSOR.items()},
    **{key: f"{CSI}{number}~" for key, number in _TILDE.items()},
    **{key: SS3 + final for key, final in _FUNCTION_SS3.items()},
    "Home": CSI + "1~", "End": CSI + "4~", "BTab": CSI + "Z",
    **{key: normal for key, (normal, _) in _KEYPAD.items()},
}
#: What replaces it in application cursor keys (DECCKM) and application keypad (DECKPAM) modes.
_APPLICATION_CURSOR = {key: SS3 + final for key, final in _CURSOR.items()}
_APPLICATION_KEYPAD = {key: SS3 + application for key, (_, application) in _KEYPAD.items()}
#: The keys tmux sends with any modifiers, as xterm does: ``_`` is the modifier parameter
#: (:data:`_XTERM_MODIFIERS`); the same in every mode. Other keys have no modified form.
_MODIFIED = {
    **{key: f"{CSI}1;_{final}" for key, final in {**_CURSOR, **_FUNCTION_SS3, "Home": "H", "End": "F"}.items()},
    **{key: f"{CSI}{number};_~" for key, number in _TILDE.items()},
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
        code = int(digits[0], 16) if digits else -1
        if not 0 <= code < 0x110000 or 0xD800 <= code < 0xE000:
            return None
        return Key(0, chr(code))  # 0x0 is NUL, which tmux prints C-Space
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

#: C- stays on the characters of :data:`_CONTROL_EXEMPT` (C-1, C-/); of those tmux 3.3a sends these
#: as control characters, as a VT220 keyboard does (C-2 is NUL, C-6 RS, C-- and C-/ US), and
#: nothing for the rest.
_CONTROL = {"2": "\0", "6": "\x1e", "-": "\x1f", "/": "\x1f"}


@dataclass(frozen=True)
class KeyModes:
    """The pane modes that change what a key sends."""

    app_cursor: bool = False
    app_keypad: bool = False


class UnknownKey(ValueError):
    """No bytes for a pane: not a key name, or a key tmux cannot send (send-keys then sends the
    name literally, as tmux: ``S-a`` types ``S-a``)."""


def encode_key(name: str, modes: KeyModes = KeyModes()) -> str:
    """The characters a pane receives for the key ``name``, as tmux 3.3a's ``input_key`` sends
    them when the pane has not asked for extended keys; UnknownKey if tmux has no bytes for it
    (its send-keys then types the name).

    A cursor, editing or function key sends its modified form under any modifiers (C-Up is
    ``CSI 1 ; 5 A``). On any other key, M- alone is ESC before the key; C- alone sends the key's
    control character (C-2, C-/) or nothing (C-Tab, C-1, C-KP1, C-BSpace); C- and S- on a
    non-ASCII character are dropped (C-é is é); a user key sends nothing but M-'s ESC. Other
    modifiers (S-a, C-S-a, S-Tab, C-M-1, S-KP1) and mouse keys have no bytes: UnknownKey.
    """
    if len(name) == 1:
        return name
    key = parse_key(name)
    if key is None or key.key == "Any" or key.key in MOUSE_KEYS:
        raise UnknownKey(name)
    meta = ESC if key.modifiers & MOD_META else ""
    others = key.modifiers & ~MOD_META
    base = "\x7f" if key.key == "BSpace" else key.key
    if base.startswith("User"):
        return meta  # a user key is for bindings: tmux sends M-User0 as a bare ESC
    if len(base) == 1 and (not others or ord(base) > 0x7F):
        return meta + base
    if key.modifiers and base in _MODIFIED:
        parameter = 1 + sum(value for bit, value in _XTERM_MODIFIERS if key.modifiers & bit)
        return _MODIFIED[base].replace("_", str(parameter))
    if not others:
        if modes.app_cursor and base in _APPLICATION_CURSOR:
            return meta + _APPLICATION_CURSOR[base]
        if modes.app_keypad and base in _APPLICATION_KEYPAD:
            return meta + _APPLICATION_KEYPAD[base]
        return meta + _PLAIN[base]
    if others == MOD_CTRL and not meta:
        return _CONTROL.get(base, "")
    raise UnknownKey(name)


def encode_typed_key(name: str, modes: KeyModes = KeyModes()) -> str:
    """The characters a pane receives for a key typed at an attached client: what a terminal
    without extended keys sends, so what tmux's pane would get from its own terminal.

    The client's terminal may report modifiers a legacy terminal cannot (the kitty keyboard
    protocol: Shift+Enter, Ctrl+Tab, Ctrl+1); such a terminal sends the key without them
    (S-Enter as Enter, S-a as A, C-S-a as C-a, S-Tab as BTab, C-M-Enter as M-Enter), so the modifiers
    with no bytes go, shift first, then ctrl. A key with no bytes at all is dropped, as tmux
    drops a key it cannot send; it is never typed as its name (that is send-keys')."""
    try:
        sent = encode_key(name, modes)
    except UnknownKey:
        sent = ""
    key = parse_key(name) if not sent and len(name) > 1 else None
    if key is None:
        return sent
    for dropped in (MOD_SHIFT, MOD_CTRL, MOD_SHIFT | MOD_CTRL):
        if not key.modifiers & dropped:
            continue
        unshifted = key.key
        if dropped & MOD_SHIFT:  # shift stays in the character, or makes Tab back-tab
            unshifted = "BTab" if key.key == "\t" else key.key.upper() if len(key.key) == 1 else key.key
        plainer = Key(key.modifiers & ~dropped, unshifted)
        try:
            sent = encode_key(plainer.name, modes)
        except UnknownKey:
            continue
        if sent:
            return sent
    return ""


def is_key_name(name: str) -> bool:
    """A key tmux reads (bind-key, the prefix option): one character, or a name :func:`parse_key`
    reads. send-keys may still send it as text (:func:`encode_key`: ``S-a``, mouse keys)."""
    return len(name) == 1 or parse_key(name) is not None
