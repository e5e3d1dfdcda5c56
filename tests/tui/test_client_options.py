"""Options the client applies itself, set through the daemon while attached (issue 7):
status-position, mode-keys, set-titles and set-titles-string, escape-time.

Each test sets the option with the CLI against the test daemon, as a user's
``tmux set -g`` would, and polls (with a deadline) until the client follows.
"""

from __future__ import annotations

import time

from textual import constants
from textual._xterm_parser import XTermParser

from .tui_support import async_test, new_session, until

LINE = "alpha beta-gamma delta"


def cursor(app) -> tuple[int, int]:
    copy = app.window_view.active_view().copy
    return copy.cursor_x, copy.cursor_line


async def copy_mode_on_line(client, search_key: str) -> None:
    """Scroll mode, the cursor on the printed ``LINE`` (found by searching up for it)."""
    app, pilot = client.app, client.pilot
    await pilot.press("ctrl+b", "left_square_bracket")
    view = app.window_view.active_view()
    await until(lambda: view.copy is not None, message="scroll mode")
    await pilot.press(search_key)
    await until(lambda: app.prompt.is_open and app.prompt.label.render().plain.startswith("(search up)"),
                message="the search prompt")
    await pilot.press(*"alpha", "enter")
    await until(lambda: view.copy.cursor_x == 0 and view.copy.loaded_text(view.copy.cursor_line).startswith(LINE),
                message="the cursor on the printed line")


@async_test
async def test_status_position_moves_the_status_line_and_the_prompt_live(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.status_bar.region.y == 23 and app.window_view.region.y == 0,
                    message="the status line at the bottom")
        daemon.cli("set-option", "-g", "status-position", "top", check=True)
        await until(lambda: app.status_bar.region.y == 0 and app.window_view.region.y == 1,
                    message="the status line at the top, the window below it")
        assert app.layout.lines == 23, "the window keeps its size"
        await pilot.press("ctrl+b", "colon")
        await until(lambda: app.prompt.is_open and app.prompt.region.y == 0, message="the prompt at the top")
        await pilot.press("escape")
        await until(lambda: not app.prompt.is_open and app.status_bar.region.y == 0)
        daemon.cli("set-option", "-g", "status-position", "bottom", check=True)
        await until(lambda: app.status_bar.region.y == 23 and app.window_view.region.y == 0,
                    message="back at the bottom")


@async_test
async def test_mode_keys_emacs_by_default_then_vi_set_live(daemon, attach):
    session = new_session(daemon)
    daemon.cli("send-keys", "-t", "t", f"printf '{LINE}\\n'", "Enter", check=True)
    daemon.wait_for_text("t", f"\n{LINE}")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        # emacs (tmux's default): C-r searches up; M-f to a word's end; C-a; C-Space; C-e; M-w.
        await copy_mode_on_line(client, "ctrl+r")
        line = view.copy.cursor_line
        await pilot.press("alt+f")
        await until(lambda: cursor(app) == (4, line), message="M-f: the end of alpha")
        await pilot.press("alt+f")
        await until(lambda: cursor(app) == (9, line), message="M-f: the end of beta")
        await pilot.press("alt+b")
        await until(lambda: cursor(app) == (6, line), message="M-b: the start of beta")
        await pilot.press("ctrl+a", "ctrl+@", "ctrl+e")
        await until(lambda: cursor(app) == (len(LINE) - 1, line), message="C-e: the last character")
        await pilot.press("alt+w")
        await until(lambda: view.copy is None, message="M-w copies and leaves")
        await until(lambda: daemon.out("show-buffer") == LINE + "\n", message="the selection copied")

        daemon.cli("set-option", "-g", "mode-keys", "vi", check=True)
        await until(lambda: app.mode_keys == "vi", message="mode-keys vi applied")
        await copy_mode_on_line(client, "question_mark")
        line = view.copy.cursor_line
        for key, x in (("w", 6), ("w", 10), ("w", 11), ("e", 15), ("b", 11), ("W", 17), ("B", 6),
                       ("dollar_sign", len(LINE) - 1), ("0", 0)):
            await pilot.press(key)
            await until(lambda x=x: cursor(app) == (x, line), message=f"{key} to column {x}")
        await pilot.press("k", "j", "l", "h")
        await until(lambda: cursor(app) == (0, line), message="k j l h")
        await pilot.press("space", "escape")
        await until(lambda: view.copy is not None and view.copy.anchor is None,
                    message="vi's Escape clears the selection and stays")
        await pilot.press("w", "V", "enter")
        await until(lambda: view.copy is None, message="V then Enter copies the line and leaves")
        await until(lambda: daemon.out("show-buffer") == LINE + "\n", message="the whole line copied")
        await pilot.press("ctrl+b", "left_square_bracket")
        await until(lambda: view.copy is not None)
        await pilot.press("q")
        await until(lambda: view.copy is None, message="q leaves")


@async_test
async def test_set_titles_sets_the_terminal_title_and_follows_the_window(daemon, attach):
    session = new_session(daemon)
    daemon.cli("rename-window", "-t", "t", "editor", check=True)
    async with attach(session) as client:
        app = client.app
        written: list[str] = []
        write = app._driver.write
        app._driver.write = lambda data: (written.append(data), write(data))[1]
        daemon.cli("set-option", "-g", "set-titles-string", "#{session_name}:#{window_index}:#{window_name}",
                   check=True)
        assert app.terminal_title == "", "set-titles is off by default: the title is left alone"
        daemon.cli("set-option", "-g", "set-titles", "on", check=True)
        await until(lambda: app.terminal_title == "t:0:editor", message="the title set")
        assert "\x1b]2;t:0:editor\x07" in written
        daemon.cli("rename-window", "-t", "t", "logs", check=True)
        await until(lambda: app.terminal_title == "t:0:logs", message="the title follows a rename")
        daemon.cli("new-window", "-t", "t", "-n", "mail", check=True)
        await until(lambda: app.terminal_title == "t:1:mail", message="the title follows the current window")
        daemon.cli("set-option", "-g", "set-titles", "off", check=True)
        daemon.cli("rename-window", "-t", "t", "quiet", check=True)
        await until(lambda: any(w["name"] == "quiet" for w in app.layout.windows))
        assert app.terminal_title == "t:1:mail", "off: the title is no longer changed"


@async_test
async def test_escape_time_is_how_long_textual_waits_after_escape(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        await until(lambda: constants.ESCAPE_DELAY == 0.5, message="tmux's default, 500 ms")
        daemon.cli("set-option", "-g", "escape-time", "50", check=True)
        await until(lambda: constants.ESCAPE_DELAY == 0.05, message="escape-time 50 applied")
        assert client.app.is_running
    # Textual's own parser, as the terminal driver runs it: a lone Escape is a key only once the
    # delay has passed without a following byte.
    parser = XTermParser()
    started = time.monotonic()
    assert list(parser.feed("\x1b")) == []
    keys = await until(lambda: [event for event in parser.tick() if getattr(event, "key", None) == "escape"],
                       message="the Escape key")
    assert len(keys) == 1 and time.monotonic() - started >= 0.05
