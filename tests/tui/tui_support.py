"""Helpers for client tests: sessions with known programs, polling in the app's loop.

Tests are ``async def`` bodies run by :func:`async_test` (one event loop per
test, as ``App.run_test`` wants); conditions are polled with a deadline
(:func:`until`), never a fixed sleep.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass

from textual.widgets import OptionList

from tmux_py.client.app import TmuxApp



def show_bytes(bracketed: bool = False) -> list[str]:
    """argv of a pane program that shows every byte it reads (raw mode, no echo), optionally
    asking for bracketed paste first: keys are checked exactly as the program gets them."""
    start = "\\x1b[?2004h" if bracketed else ""
    code = (f"import os,tty;tty.setraw(0);os.write(1,b'{start}ready ')\n"
            "while True: os.write(1, repr(os.read(0, 256)).encode() + b' ')")
    return ["python3", "-u", "-c", code]


def async_test(body):
    """Run an ``async def`` test in its own event loop (no pytest-asyncio here)."""

    @functools.wraps(body)
    def run(*args, **kwargs):
        asyncio.run(body(*args, **kwargs))

    return run


async def until(predicate: Callable[[], object], timeout: float = 10.0, message: str = "condition"):
    """Poll ``predicate`` in the app's loop until truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {message}")
        await asyncio.sleep(0.01)


def pane_text(app: TmuxApp, pane_id: str | None = None) -> str:
    """The text the client holds for a pane (the active one by default)."""
    view = app.window_view.panes.get(pane_id) if pane_id else app.window_view.active_view()
    if view is None:
        return ""
    return "\n".join("".join(run[0] for run in runs) for runs in view.rows)


def new_session(daemon, *command: str, name: str = "t", columns: int = 80, lines: int = 23) -> str:
    """Create a detached session and return its id."""
    daemon.cli("new", "-d", "-s", name, "-x", str(columns), "-y", str(lines), *command, check=True)
    return daemon.out("display-message", "-p", "-t", name, "#{session_id}").strip()


@dataclass
class Attached:
    app: TmuxApp
    pilot: object
    daemon: object
    session: str

    async def attached(self) -> None:
        await until(lambda: self.app.layout is not None and self.app.window_view.active_view() is not None,
                    message="the first layout")

    async def text(self, needle: str, pane_id: str | None = None, timeout: float = 10.0) -> str:
        # Rows joined without newlines too: a long line wraps, a needle may straddle the wrap.
        return await until(lambda: needle in (text := pane_text(self.app, pane_id)).replace("\n", "") and text,
                           timeout,
                           f"{needle!r} on the client's screen")


def option(daemon, name: str) -> str:
    """A global option's value as show-options -gv prints it ("" when it has none)."""
    result = daemon.cli("show-options", "-gv", name)
    return result.stdout.rstrip("\n") if result.returncode == 0 else ""


async def prompt_shows(app, label: str) -> None:
    await until(lambda: app.prompt.is_open and app.prompt.label.render().plain == label,
                message=f"the prompt {label!r}")


def option_labels(screen) -> list[str]:
    """The lines of the list on ``screen`` (a menu, a chooser), as drawn."""
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]
