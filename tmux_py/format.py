"""tmux formats: ``#{name}`` replaced by a variable's value.

Supported: ``#{variable}``, ``#{?condition,then,else}`` (true when the value
is non-empty and not ``0``), ``#{==:a,b}`` and ``#{!=:a,b}``, ``#{=N:var}``
(first N characters; negative N: the last; 0: all), ``#{t:var}`` (a Unix time as
``Mon Nov 23 08:47:13 2026``), and ``##`` for ``#``. Unknown
variables expand to nothing, as in tmux. Variables are looked up lazily
through a mapping, so a value that costs something (a /proc read) is only
computed when a format asks for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping


class Variables(Mapping):
    """Variables whose values are functions, called on first use."""

    def __init__(self, getters: dict[str, Callable[[], object]]) -> None:
        self._getters = getters
        self._cache: dict[str, str] = {}

    def add(self, getters: dict[str, Callable[[], object]]) -> None:
        self._getters.update(getters)

    def __getitem__(self, name: str) -> str:
        if name not in self._cache:
            value = self._getters[name]()
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
    """Split on commas not inside a nested ``#{...}``."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        if text.startswith("#{", index):
            depth += 1
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


def _evaluate(body: str, variables: Mapping[str, str]) -> str:
    if body.startswith("?"):
        parts = _split_top(body[1:])
        condition = parts[0]
        value = expand(condition, variables) if "#{" in condition else variables.get(condition, "")
        chosen = parts[1] if _truthy(value) else (parts[2] if len(parts) > 2 else "")
        return expand(chosen, variables)
    for operator in ("==:", "!=:"):
        if body.startswith(operator):
            left, right = (expand(part, variables) for part in (_split_top(body[3:]) + ["", ""])[:2])
            return "1" if (left == right) == (operator == "==:") else "0"
    if body.startswith("t:"):
        value = variables.get(body[2:], "")
        return ctime(int(value)) if value.isdigit() else value
    if body.startswith("="):
        length, colon, name = body[1:].partition(":")
        if colon and length.lstrip("-").isdigit():
            value = variables.get(name, "")
            count = int(length)
            if count == 0:  # tmux: no limit
                return value
            return value[:count] if count > 0 else value[count:]
    return variables.get(body, "")


def expand(template: str, variables: Mapping[str, str]) -> str:
    """The template with every ``#{...}`` replaced."""
    out = []
    index = 0
    while index < len(template):
        if template.startswith("##", index):
            out.append("#")
            index += 2
            continue
        if template.startswith("#{", index):
            depth, end = 1, index + 2
            while end < len(template) and depth:
                if template.startswith("#{", end):
                    depth += 1
                    end += 2
                    continue
                if template[end] == "}":
                    depth -= 1
                end += 1
            if depth:  # unterminated: tmux drops the rest
                break
            out.append(_evaluate(template[index + 2 : end - 1], variables))
            index = end
            continue
        out.append(template[index])
        index += 1
    return "".join(out)
