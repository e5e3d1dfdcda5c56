"""Run one scenario against real tmux and against tmuxpy, and turn each run into a transcript.

A scenario (see :mod:`compat.scenarios`) is data: steps, each either a CLI
invocation (:class:`Run`) whose stdout, stderr and exit status are recorded,
or a poll (:class:`Until`) that repeats an invocation until its stdout holds
a text, under a deadline. Each side gets its own server on a private socket
in the scenario's own temporary directory; both servers, and every process
either started, are gone when :func:`run_scenario` returns.

A run yields a *transcript*: one block per step, holding only the outputs the
step compares, normalised where the two programs must differ (socket paths,
creation times, byte counts). The test compares tmuxpy's transcript with
tmux's, after putting in the values a step declares tmuxpy deliberately
prints instead (:attr:`Run.tmuxpy`, always with a reason).
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from conftest import isolated_env, processes_with_env, wait_for_exit

#: The outputs a step can compare.
FIELDS = ("out", "err", "rc")
#: Seconds a poll waits, and a single command may take, before the step counts as failed.
POLL_TIMEOUT = 15.0
COMMAND_TIMEOUT = 30.0


@dataclass(frozen=True)
class Run:
    """One CLI invocation: ``argv`` after the binary (a shell-quoted string, split with shlex).

    ``check`` names the outputs compared (``""``: a setup step, run and not compared).
    ``mask`` holds regexes whose matches are replaced by ``<masked>`` on both
    sides, for values that are equal only by accident (pids).
    ``tmuxpy`` maps outputs to what tmuxpy deliberately prints instead of
    tmux's; ``why`` must say why.
    """

    argv: str
    check: str = "out err rc"
    mask: tuple[str, ...] = ()
    tmuxpy: dict[str, object] = field(default_factory=dict)
    why: str = ""

    def __post_init__(self) -> None:
        assert set(self.check.split()) <= set(FIELDS), self.check
        assert set(self.tmuxpy) <= set(self.check.split()), "a deliberate difference must be a compared output"
        assert bool(self.tmuxpy) == bool(self.why), "a deliberate difference needs its reason (and only then)"


@dataclass(frozen=True)
class Until:
    """Poll: run ``argv`` until its stdout and stderr hold ``text`` ``count`` times or more. The
    deadline is :data:`POLL_TIMEOUT`; a poll that runs out is a difference, not a crash."""

    argv: str
    text: str
    count: int = 1


def screen_has(target: str, text: str, count: int = 1) -> Until:
    """Poll until ``capture-pane -p`` of ``target`` shows ``text`` (``count`` times)."""
    return Until(shlex.join(["capture-pane", "-p", "-t", target]), text, count)


Step = Run | Until


@dataclass(frozen=True)
class Scenario:
    """Steps run in order against each program; ``xfail`` ("tmuxpy differs: ...") marks a known bug."""

    name: str
    steps: tuple[Step, ...]
    xfail: str = ""


def scenario(name: str, *steps: str | Step, xfail: str = "") -> Scenario:
    """A scenario from steps; a plain string is a :class:`Run` comparing every output."""
    return Scenario(name, tuple(Run(step) if isinstance(step, str) else step for step in steps), xfail)


@dataclass
class Outcome:
    out: str
    err: str
    rc: int | str


# --- the two programs -------------------------------------------------------------------


class Side:
    """One program on a private socket in ``root``; ``stop`` leaves no process behind."""

    name = ""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        # The TMUXPY_* directories point into root for tmux too: harmless there, and every
        # process either side starts (servers, panes) then carries root in its environment,
        # which is how stop() finds the ones kill-server missed.
        self.env = isolated_env(root)
        self.env = {key: value for key, value in self.env.items() if not key.startswith("TMUX_")}
        self.env.pop("TMUX", None)
        # The same locale, terminal and prompt for both; HOME in root, so the login shell tmux
        # starts in a pane reads no ~/.profile of the user's.
        self.env.update(LC_ALL="C.UTF-8", TERM="xterm-256color", PS1="$ ", HOME=str(root))
        self.socket = root / f"{self.name}.sock"

    def command(self, argv: list[str]) -> list[str]:
        raise NotImplementedError

    def run(self, argv: list[str]) -> Outcome:
        try:
            result = subprocess.run(self.command(argv), env=self.env, capture_output=True, text=True,
                                    timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL, cwd=self.root)
        except subprocess.TimeoutExpired:
            return Outcome("", "", f"timed out after {COMMAND_TIMEOUT:g} s")
        return Outcome(result.stdout, result.stderr, result.returncode)

    def server_pids(self) -> list[int]:
        return []

    def stop(self) -> None:
        pids = self.server_pids()
        if self.socket.exists():
            try:
                subprocess.run(self.command(["kill-server"]), env=self.env, capture_output=True,
                               timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                pass
        for pid in pids:
            if not wait_for_exit(pid, 10):
                os.kill(pid, signal.SIGKILL)
        for leftover in processes_with_env(str(self.root).encode()):
            try:
                os.kill(leftover, signal.SIGKILL)
            except OSError:
                pass


class Tmux(Side):
    name = "tmux"

    def command(self, argv: list[str]) -> list[str]:
        # -f /dev/null: tmux's defaults, not the user's ~/.tmux.conf.
        return ["tmux", "-S", str(self.socket), "-f", "/dev/null", *argv]


class Tmuxpy(Side):
    name = "tmuxpy"

    def command(self, argv: list[str]) -> list[str]:
        # Python's -S: no site, as conftest's Daemon.command says why.
        return [sys.executable, "-S", "-m", "tmux_py", "-S", str(self.socket), *argv]

    def server_pids(self) -> list[int]:
        try:
            return [int(self.socket.with_name(self.socket.name + ".pid").read_text())]
        except (OSError, ValueError):
            return []


# --- normalising --------------------------------------------------------------------------

#: (pattern, replacement) applied to every output of both sides, each for a reason:
NORMALISE = (
    # ls: a session's creation time is the second the test happened to run that step.
    (re.compile(r"\(created [A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d \d{4}\)"), "(created <time>)"),
    # lsp: the bytes a pane's history holds depend on each program's cell storage, and the
    # limit is each program's history-limit (#{history_limit} compares the defaults).
    (re.compile(r"\[history (\d+)/\d+(, \d+ bytes)?\]"),
     lambda match: f"[history {match[1]}/<limit>{', <bytes> bytes' if match[2] else ''}]"),
)


def normalise(text: str, side: Side, masks: tuple[str, ...]) -> str:
    # The socket and the temporary directory differ by construction (tmux.sock, tmuxpy.sock).
    text = text.replace(str(side.socket), "<socket>").replace(str(side.root), "<tmp>")
    for pattern, replacement in NORMALISE:
        text = pattern.sub(replacement, text)
    for mask in masks:
        text = re.sub(mask, "<masked>", text)
    return text


# --- running ------------------------------------------------------------------------------


def poll(side: Side, step: Until) -> Outcome:
    argv = shlex.split(step.argv)
    deadline = time.monotonic() + POLL_TIMEOUT
    while True:
        outcome = side.run(argv)
        if (outcome.out + outcome.err).count(step.text) >= step.count:
            return Outcome("", "", 0)
        if time.monotonic() > deadline:
            return Outcome(outcome.out + outcome.err, "", f"timed out after {POLL_TIMEOUT:g} s")
        time.sleep(0.1)


def block(step: Step, outcome: Outcome, checked: tuple[str, ...]) -> str:
    """A step's part of a transcript: the command, then each compared output (already normalised)."""
    if isinstance(step, Until):
        head = f"$ until {step.argv!r} shows {step.text!r} x{step.count}: {outcome.rc}\n"
        return head + (f"  last output: {outcome.out!r}\n" if outcome.rc else "")
    lines = [f"$ {step.argv}"]
    for name in checked:
        value = getattr(outcome, name)
        lines.append(f"  [{name}] {value}" if name == "rc" else f"  [{name}] {value!r}")
    return "\n".join(lines) + "\n"


def transcript(steps: tuple[Step, ...], outcomes: list[Outcome], side: Side, *, expected: bool = False) -> str:
    """The transcript of one side's run; ``expected``: with tmuxpy's declared values put in."""
    parts = []
    for step, outcome in zip(steps, outcomes):
        masks = step.mask if isinstance(step, Run) else ()
        outcome = Outcome(normalise(outcome.out, side, masks), normalise(outcome.err, side, masks), outcome.rc)
        if isinstance(step, Until):
            parts.append(block(step, outcome, ()))
            continue
        if expected:
            outcome = Outcome(**{**vars(outcome), **step.tmuxpy})
        parts.append(block(step, outcome, tuple(step.check.split())))
    return "".join(parts)


def run_side(side: Side, steps: tuple[Step, ...]) -> list[Outcome]:
    outcomes = []
    try:
        for step in steps:
            outcomes.append(side.run(shlex.split(step.argv)) if isinstance(step, Run) else poll(side, step))
    finally:
        side.stop()
    return outcomes


@dataclass
class Comparison:
    """tmux's transcript with tmuxpy's declared differences put in, and tmuxpy's own."""

    expected: str
    actual: str


def run_scenario(item: Scenario, root: Path) -> Comparison:
    """Run ``item`` against tmux, then tmuxpy, each on its own socket under ``root``."""
    tmux, tmuxpy = Tmux(root / "tmux"), Tmuxpy(root / "py")
    tmux_outcomes = run_side(tmux, item.steps)
    tmuxpy_outcomes = run_side(tmuxpy, item.steps)
    return Comparison(transcript(item.steps, tmux_outcomes, tmux, expected=True),
                      transcript(item.steps, tmuxpy_outcomes, tmuxpy))
