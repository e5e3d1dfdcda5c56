"""tmux formats: ``#{name}`` replaced by a variable's value.

Supported: ``#{variable}``, ``#{?condition,then,else}`` (true when the value
is non-empty and not ``0``); comparisons of two formats giving 1 or 0
(``#{==:a,b}``, ``!=``, ``<``, ``>``, ``<=``, ``>=``, ``||``, ``&&``, ``m``
for fnmatch and ``m/r`` for a regular expression); ``#{e|+|:a,b}`` arithmetic
(``+ - * / %``, ``e|/|f|3`` in floating point); modifiers of a value:
``#{=N:var}`` (first N cells; negative N: the last; 0: all) and
``#{=/N/...:var}``, ``#{pN:var}`` (padded), ``#{t:var}`` (a Unix time as
``Mon Nov 23 08:47:13 2026``), ``b:`` and ``d:`` (basename, dirname), ``n:``
and ``w:`` (length, width), ``s/pattern/replacement/:var``, ``l:`` (literal);
``##`` for ``#`` (``#,`` and ``#}`` for ``,`` and ``}``), and tmux's one-letter
shortcuts (``#S`` is ``#{session_name}``: :data:`SHORTCUTS`). ``#{E:option}`` expands an
option's value as a format, ``#{T:option}`` too after strftime (and so does every format
inside it: tmux's FORMAT_EXPAND_TIME, which ``expand(..., timed=True)`` starts with);
modifiers combine with ``;`` (``#{T;=/10:status-left}``). ``#{W:format,current}``,
``#{P:...}`` and ``#{S:...}`` repeat a format for each window, pane or session (W and P:
a second one for the current one), through :meth:`Variables.loop`. ``#[style]`` passes through
untouched, for whoever draws the text; truncation counts neither it nor its width.
``#(command)`` is the last line a shell command printed, through :meth:`Variables.run`
(empty where nothing runs commands, as for tmux's ``display -p`` from outside a client).

A modifier's argument is a variable's name, or a format if it holds ``#{``. Unknown
variables expand to nothing, as in tmux. Variables are looked up lazily through a mapping,
so a value that costs something (a /proc read) is only computed when a format asks for it.
"""

from __future__ import annotations

import fnmatch
import math
import operator
import os
import re
import time
import unicodedata
from collections.abc import Callable, Mapping


class Variables(Mapping):
    """Variables whose values are functions, called on first use; a name that is no variable
    goes to ``fallback`` (None: unknown), as tmux's format_find falls back on options."""

    def __init__(self, getters: dict[str, Callable[[], object]],
                 fallback: Callable[[str], object] | None = None,
                 loops: dict[str, Callable[[], list[tuple[Mapping, bool]]]] | None = None,
                 jobs: Callable[[str], str] | None = None) -> None:
        self._getters = getters
        self._fallback = fallback
        self._loops = loops or {}
        self._jobs = jobs
        self._cache: dict[str, str] = {}

    def run(self, command: str) -> str:
        """``#(command)``: what the jobs runner has of its output (nothing without one)."""
        return self._jobs(command) if self._jobs is not None else ""

    def loop(self, kind: str) -> list[tuple[Mapping, bool]]:
        """The variables of each window (``W``), pane (``P``) or session (``S``) a loop
        modifier walks, each with whether it is the current one; none for an unknown kind."""
        make = self._loops.get(kind)
        return make() if make is not None else []

    def add(self, getters: dict[str, Callable[[], object]]) -> None:
        self._getters.update(getters)

    def __getitem__(self, name: str) -> str:
        if name not in self._cache:
            if name in self._getters:
                value = self._getters[name]()
            elif self._fallback is None or (value := self._fallback(name)) is None:
                raise KeyError(name)
            if isinstance(value, bool):
                value = int(value)
            self._cache[name] = "" if value is None else str(value)
        return self._cache[name]

    def __iter__(self):
        return iter(self._getters)

    def __len__(self) -> int:
        return len(self._getters)


def ctime(timestamp: float) -> str:
    """tmux's ``#{t:...}`` form of a time: ``Mon Nov 23 08:47:13 2026``."""
    return time.strftime("%a %b %e %H:%M:%S %Y", time.localtime(timestamp)).replace("  ", " ")


def _split_top(text: str) -> list[str]:
    """Split on commas not inside a nested ``#{...}`` nor escaped (``#,``)."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        if text.startswith("#{", index):
            depth += 1
            index += 2
            continue
        if text[index] == "#" and text[index + 1 : index + 2] in ESCAPED:
            index += 2
            continue
        char = text[index]
        if char == "}" and depth:
            depth -= 1
        elif char == "," and not depth:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _truthy(value: str) -> bool:
    return value not in ("", "0")


def _match(pattern: str, text: str, flags: str) -> bool:
    """``#{m:pattern,text}``: fnmatch, or a regular expression with ``/r`` (``i``: any case)."""
    if "r" in flags:
        return re.search(pattern, text, re.IGNORECASE if "i" in flags else 0) is not None
    if "i" in flags:
        pattern, text = pattern.lower(), text.lower()
    return fnmatch.fnmatchcase(text, pattern)


#: Operators whose two arguments are formats, expanded first; the result is 1 or 0.
_COMPARISONS = {
    "==": operator.eq, "!=": operator.ne, "<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt,
    "||": lambda left, right: _truthy(left) or _truthy(right),
    "&&": lambda left, right: _truthy(left) and _truthy(right),
}

#: Arithmetic of ``#{e|op|:a,b}`` (integers, as C: division truncates towards zero).
_ARITHMETIC = {
    "+": operator.add, "-": operator.sub, "*": operator.mul,
    "/": lambda left, right: left / right if isinstance(left, float) else int(left / right),
    "%": lambda left, right: math.fmod(left, right) if isinstance(left, float) else int(math.fmod(left, right)),
}

#: Modifiers of one value: ``#{b:pane_current_path}``.
_VALUE_MODIFIERS = {
    "t": lambda value: ctime(int(value)) if value.isdigit() else value,
    "b": os.path.basename,
    "d": os.path.dirname,
    "n": lambda value: str(len(value)),
    "w": lambda value: str(sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in value)),
}


def strftime(template: str) -> str:
    """``template`` through strftime, as tmux's format_expand_time (text strftime refuses stays)."""
    try:
        return time.strftime(template)
    except ValueError:
        return template


def _value(argument: str, variables: Mapping[str, str], timed: bool) -> str:
    """A modifier's argument: a format if it holds one (``#{b:#{x}}``), else a variable's name."""
    return expand(argument, variables, timed) if "#{" in argument else variables.get(argument, "")


def _pair(argument: str, variables: Mapping[str, str], timed: bool) -> tuple[str, str]:
    """The two formats of a comparison or arithmetic (``a,b``), each expanded; a missing one is empty."""
    left, right = (_split_top(argument) + ["", ""])[:2]
    return expand(left, variables, timed), expand(right, variables, timed)


def _number(text: str, floating: bool) -> float | int:
    try:
        return float(text) if floating else int(text)
    except ValueError:
        return 0.0 if floating else 0


def _arithmetic(spec: str, argument: str, variables: Mapping[str, str], timed: bool) -> str | None:
    """``e|op|`` or ``e|op|f|digits`` applied to two formats; None if ``spec`` is not one."""
    parts = spec.split("|")
    if len(parts) < 3 or parts[0] != "e" or parts[1] not in _ARITHMETIC:
        return None
    floating = len(parts) > 3 and parts[2].startswith("f")
    left, right = (_number(part, floating) for part in _pair(argument, variables, timed))
    try:
        result = _ARITHMETIC[parts[1]](left, right)
    except ZeroDivisionError:
        return "0"
    if not floating:
        return str(result)
    digits = parts[3]
    return f"{result:.{int(digits) if digits.isdigit() else 2}f}"


def cell_width(char: str) -> int:
    """Cells a character takes: 2 for wide ones, 0 for combining marks."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1


def _pieces(value: str) -> list[tuple[str, int]]:
    """``value`` as (piece, width): characters, and ``#[...]`` styles of no width."""
    pieces, index = [], 0
    while index < len(value):
        if value.startswith("#[", index) and (end := value.find("]", index)) != -1:
            pieces.append((value[index : end + 1], 0))
            index = end + 1
            continue
        pieces.append((value[index], cell_width(value[index])))
        index += 1
    return pieces


def _trim(value: str, count: int) -> tuple[str, bool]:
    """The first ``count`` cells of ``value`` (negative: the last), every ``#[...]`` style kept
    on the kept side, as tmux's format_trim_left and _right; and whether anything was cut."""
    pieces = _pieces(value)
    total = sum(width for _, width in pieces)
    if abs(count) >= total:
        return value, False
    out, width = [], 0
    if count > 0:
        for piece, size in pieces:
            if width >= count:
                break
            if size == 0 or width + size <= count:
                out.append(piece)
            width += size
        return "".join(out), True
    skip = total + count
    for piece, size in pieces:
        if size == 0 or width >= skip:
            out.append(piece)
        width += size
    return "".join(out), True


def _truncate(spec: str, value: str, variables: Mapping[str, str], timed: bool) -> str | None:
    """``=N`` (first N cells; negative: the last; 0: all) or ``=/N/marker`` (the marker
    added where something was cut; N may be a format); None if ``spec`` is not one."""
    marker = ""
    if spec.startswith("/"):
        spec, _, marker = spec[1:].partition("/")
        spec = expand(spec, variables, timed)
    if not spec.lstrip("-").isdigit():
        return None
    count = int(spec)
    if count == 0:
        return value
    trimmed, cut = _trim(value, count)
    if not cut:
        return value
    return trimmed + marker if count > 0 else marker + trimmed


def _substitute(spec: str, value: str) -> str:
    """``s/pattern/replacement/flags``: a regular expression substitution (``i``: any case)."""
    delimiter = spec[1:2] or "/"
    pattern, replacement, flags = (spec[2:].split(delimiter) + ["", ""])[:3]
    replacement = re.sub(r"\\(\d)", r"\\g<\1>", replacement)
    return re.sub(pattern, replacement, value, flags=re.IGNORECASE if "i" in flags else 0)


def _loop(kind: str, argument: str, variables: Mapping[str, str], timed: bool) -> str:
    """``#{W:format,current}`` (and ``P``): ``format`` expanded for each window or pane in
    turn, ``current`` (if given) for the current one, as tmux's format_loop_*; ``#{S:format}``
    for each session takes the whole text as its format, commas and all (tmux 3.3a's)."""
    parts = [argument] if kind == "S" else _split_top(argument)
    loop = getattr(variables, "loop", None)
    if loop is None:
        return ""
    out = []
    for each, current in loop(kind):
        template = parts[1] if current and len(parts) > 1 and parts[1] else parts[0]
        out.append(expand(template, each, timed))
    return "".join(out)


def _modify(spec: str, value: str, variables: Mapping[str, str], timed: bool) -> str | None:
    """One modifier applied to a value; None if ``spec`` is no modifier."""
    if spec in _VALUE_MODIFIERS:
        return _VALUE_MODIFIERS[spec](value)
    if spec.startswith("="):
        return _truncate(spec[1:], value, variables, timed)
    if spec.startswith("p") and spec[1:].lstrip("-").isdigit():
        width = int(spec[1:])
        return value.ljust(width) if width > 0 else value.rjust(-width)
    if spec.startswith("s") and len(spec) > 1:
        try:
            return _substitute(spec, value)
        except re.error:
            return value
    return None


def _evaluate(body: str, variables: Mapping[str, str], timed: bool) -> str:
    if body.startswith("?"):
        parts = _split_top(body[1:])
        chosen = parts[1] if _truthy(_value(parts[0], variables, timed)) else (parts[2] if len(parts) > 2 else "")
        return expand(chosen, variables, timed)
    spec, colon, argument = body.partition(":")
    if not colon:
        return variables.get(body, "")
    if spec in _COMPARISONS:
        return "1" if _COMPARISONS[spec](*_pair(argument, variables, timed)) else "0"
    if spec == "m" or spec.startswith("m/"):
        return "1" if _match(*_pair(argument, variables, timed), spec[2:]) else "0"
    if spec == "l":
        return argument
    if spec in ("W", "P", "S"):
        return _loop(spec, argument, variables, timed)
    if spec.startswith("e|"):
        result = _arithmetic(spec, argument, variables, timed)
        if result is not None:
            return result
    modifiers = spec.split(";")
    expanding = [modifier for modifier in modifiers if modifier in ("E", "T")]
    if expanding:
        # The option's value is itself a format (and, with T, a strftime template).
        timed = timed or "T" in expanding
        value = expand(variables.get(argument, ""), variables, timed)
    else:
        value = _value(argument, variables, timed)
    for modifier in modifiers:
        if modifier in ("E", "T"):
            continue
        value = _modify(modifier, value, variables, timed)
        if value is None:
            return variables.get(body, "")
    return value


#: Characters a ``#`` escapes (tmux's format_skip): no split, no end of ``#{...}`` there.
ESCAPED = frozenset("#,}:")

#: ``#X`` shortcuts for variables (tmux's format_upper and format_lower); any other
#: ``#X`` stays as written.
SHORTCUTS = {"D": "pane_id", "F": "window_flags", "H": "host", "I": "window_index", "P": "pane_index",
             "S": "session_name", "T": "pane_title", "W": "window_name", "h": "host_short"}


def _command_end(template: str, start: int) -> int:
    """Where the ``)`` closing a ``#(`` is (nested parentheses count, as tmux's); -1 if none."""
    depth = 1
    for index in range(start, len(template)):
        if template[index] == "(":
            depth += 1
        elif template[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def expand(template: str, variables: Mapping[str, str], timed: bool = False) -> str:
    """The template with every ``#{...}`` and ``#X`` shortcut replaced; ``timed``: through
    strftime first, and every format expanded inside it too (tmux's format_expand_time)."""
    if timed:
        template = strftime(template)
    out = []
    index = 0
    while index < len(template):
        following = template[index + 1 : index + 2]
        if template[index] == "#" and following in ESCAPED and following != ":":
            out.append(following)
            index += 2
            continue
        if template[index] == "#" and following in SHORTCUTS:
            out.append(variables.get(SHORTCUTS[following], ""))
            index += 2
            continue
        if template.startswith("#(", index):
            end = _command_end(template, index + 2)
            if end == -1:  # unterminated: tmux drops the rest
                break
            run = getattr(variables, "run", None)
            # The command's formats expand, without strftime again (tmux's format_job_get).
            out.append(run(expand(template[index + 2 : end], variables)) if run is not None else "")
            index = end + 1
            continue
        if template.startswith("#{", index):
            depth, end = 1, index + 2
            while end < len(template) and depth:
                if template.startswith("#{", end):
                    depth += 1
                    end += 2
                    continue
                if template[end] == "#" and template[end + 1 : end + 2] in ESCAPED:
                    end += 2
                    continue
                if template[end] == "}":
                    depth -= 1
                end += 1
            if depth:  # unterminated: tmux drops the rest
                break
            out.append(_evaluate(template[index + 2 : end - 1], variables, timed))
            index = end
            continue
        out.append(template[index])
        index += 1
    return "".join(out)
