"""A command, declared once as data: tmux's ``cmd_entry``.

An entry names the command and its aliases, its flags in getopt form
(``"dAs:x:"``: a letter, with ``:`` when it takes a value), any long flags
(``--json``), its usage line, the kind of target its ``-t`` names, and the
handler that runs it. Arguments are parsed and the target resolved from the
entry before the handler runs, so handlers never parse argv or targets.
An entry marked ``target_may_fail`` (tmux's CMD_FIND_CANFAIL) runs even when its
target cannot be found (no session yet, a ``-t`` naming nothing): its handler
asks for the target only when it needs one (``-g`` needs none).
The same entries serve the CLI, key bindings and the ``:`` prompt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Target kinds, as tmux's CMD_FIND_SESSION / _WINDOW / _PANE.
NO_TARGET = ""
SESSION = "session"
WINDOW = "window"
PANE = "pane"


class CommandError(Exception):
    """The command ran and failed; the message is one line, tmux's wording where tmux has one.

    ``output``: what the commands before it in the same sequence printed; tmux prints it
    before the error (``display -p a \\; killw -t :99`` prints ``a``, then fails)."""

    def __init__(self, message: str = "", output: list[str] | None = None) -> None:
        super().__init__(message)
        self.output = output or []


class UsageError(CommandError):
    """The arguments do not fit the usage line."""


@dataclass
class Args:
    """Parsed arguments: flags (value or True) and positional arguments.

    A flag given more than once keeps every value in order (``-e A=1 -e B=2``, as tmux's
    ``args_values``); :meth:`value` is the last of them, as tmux's ``args_get``.
    """

    flags: dict[str, Any] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    repeated: dict[str, list[str]] = field(default_factory=dict)
    #: How often each flag was given (display-popup's -EE).
    times: dict[str, int] = field(default_factory=dict)

    def add(self, flag: str, value: Any) -> None:
        self.flags[flag] = value
        self.times[flag] = self.times.get(flag, 0) + 1
        if value is not True:
            self.repeated.setdefault(flag, []).append(value)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def value(self, flag: str, default: Any = None) -> Any:
        return self.flags.get(flag, default)

    def values(self, flag: str) -> list[str]:
        """Every value of a flag that takes one, in the order given (none: empty)."""
        return self.repeated.get(flag, [])

    def number(self, flag: str, default: int | None = None, *, minimum: int = 0, maximum: int = 1 << 31) -> int | None:
        """An integer flag value, checked (tmux: ``width invalid``)."""
        if flag not in self.flags:
            return default
        text = self.flags[flag]
        try:
            number = int(text)
        except ValueError:
            raise CommandError(f"-{flag} {text}: not a number") from None
        if not minimum <= number <= maximum:
            raise CommandError(f"-{flag} {text}: out of range {minimum}-{maximum}")
        return number


@dataclass
class Result:
    """What a command hands back: lines for stdout, a session to attach to, or
    ``shutdown`` (the caller should wait for the daemon to hang up).

    ``wait`` is an awaitable giving the real Result later (run-shell, wait-for):
    whoever ran the command awaits it before the next (``commands.run_to_end``); the
    daemon's loop never blocks on it. ``errors``: messages of commands that failed without
    ending the sequence (a failing after- hook, as tmux's hooks run as a command group of
    their own): printed on stderr, and the caller exits 1. ``status``: the exit status
    otherwise.
    """

    output: list[str] = field(default_factory=list)
    attach: str | None = None
    shutdown: bool = False
    wait: Any = None
    errors: list[str] = field(default_factory=list)
    #: The CLI's exit status when nothing failed (display-popup's program's, as tmux's retval).
    status: int = 0

    def to_wire(self) -> dict:
        return {"output": self.output, "attach": self.attach, "shutdown": self.shutdown, "errors": self.errors,
                "status": self.status}


@dataclass(frozen=True)
class CommandEntry:
    name: str
    handler: Callable[..., Result | None]
    usage: str = ""
    aliases: tuple[str, ...] = ()
    flags: str = ""
    long_flags: tuple[str, ...] = ()
    target: str = NO_TARGET
    #: tmux's CMD_FIND_CANFAIL: a target not found is not an error until the handler asks for it.
    target_may_fail: bool = False
    min_args: int = 0
    max_args: int | None = 0
    #: Runs without a daemon answering: the CLI starts one first (new-session).
    starts_server: bool = False
    help: str = ""

    def usage_line(self) -> str:
        return f"usage: {self.name} {self.usage}".rstrip()

    def parse(self, argv: list[str]) -> Args:
        """Parse argv (without the command name) as tmux's getopt does: flags stop at the first argument."""
        args = Args()
        index = 0
        while index < len(argv):
            word = argv[index]
            if word == "--":
                index += 1
                break
            if word.startswith("--") and word[2:] in self.long_flags:
                args.add(word[2:], True)
                index += 1
                continue
            if not word.startswith("-") or word == "-":
                break
            letters = word[1:]
            while letters:
                letter, letters = letters[0], letters[1:]
                position = self.flags.find(letter)
                if position < 0 or letter == ":":
                    raise UsageError(self.usage_line())
                if self.flags[position + 1 : position + 2] == ":":
                    if letters:
                        args.add(letter, letters)
                    else:
                        index += 1
                        if index >= len(argv):
                            raise UsageError(self.usage_line())
                        args.add(letter, argv[index])
                    letters = ""
                else:
                    args.add(letter, True)
            index += 1
        args.positional = argv[index:]
        count = len(args.positional)
        if count < self.min_args or (self.max_args is not None and count > self.max_args):
            raise UsageError(self.usage_line())
        return args
