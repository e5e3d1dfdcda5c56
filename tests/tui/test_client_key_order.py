"""Keys in tmux's order, prompt answers taken literally, and the copy-mode review findings.

tmux runs each key's commands before it reads the next key: keys typed right after ``?``
(which asks the daemon for a prompt) go into that prompt, and ``3j`` moves three lines. Here
keys are posted to the app all at once (:func:`type_at_once`), as a terminal delivers keys
typed fast or pasted, before the daemon can answer the first. Expected results are tmux
3.3a's (the review's scratch runs against ``tmux -L reviewer -f /dev/null``).
"""

from __future__ import annotations

import asyncio

from textual import events

from tmux_py.client.copy_mode import CopyMode

from .test_client_copy_mode_bindings import LINE, copy_mode_on_line, printed_line
from .tui_support import async_test, new_session, option, until

#: Pilot's names for the characters used here.
_NAMES = {"?": "question_mark", "\r": "enter", "\x02": "ctrl+b", "[": "left_square_bracket"}


def type_at_once(app, *characters: str) -> None:
    """Each character posted to the app as a key event, with no pause between them."""
    for character in characters:
        app.post_message(events.Key(_NAMES.get(character, character), character))


@async_test
async def test_keys_typed_before_the_daemon_answers_act_in_order(daemon, attach):
    session = printed_line(daemon)
    async with attach(session) as client:
        app = client.app
        view = app.window_view.active_view()
        await until(lambda: app.mode_keys == "vi" and app.copy_tables.get("copy-mode-vi"), message="vi keys")
        type_at_once(app, "\x02", "[")  # C-b [: copy mode, then at once the search
        type_at_once(app, "?", *LINE[:5], "\r")
        await until(lambda: view.copy is not None and not app.prompt.is_open
                    and view.copy.loaded_text(view.copy.cursor_line).startswith(LINE),
                    message="?alpha Enter: searched up for alpha, still in copy mode")
        mode = view.copy
        line = mode.cursor_line
        type_at_once(app, "3", "j", "l")  # a count prompt, the key that ends it, one more
        await until(lambda: (mode.cursor_line, mode.cursor_x) == (line + 3, 1) and not app.prompt.is_open,
                    message="3j moved three lines down, then l one cell")


@async_test
async def test_an_answer_goes_into_the_template_s_arguments_as_typed(daemon, attach):
    session = new_session(daemon)
    daemon.cli("bind", "-n", "F5", "command-prompt", "-p", "x", 'set -g @got "%%"', check=True)
    daemon.cli("send-keys", "-t", "t", "printf '%s\\n' 'say \"hi\" now' 'cost $HOME here'", "Enter", check=True)
    daemon.wait_for_text("t", "cost $HOME here")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        for answer in ('a"b', "$HOME", "~", "a\\b", "x;y"):
            await pilot.press("f5")
            await until(lambda: app.prompt.is_open, message="the prompt")
            await pilot.press(*answer, "enter")
            await until(lambda: option(daemon, "@got") == answer, message=f"@got set to {answer!r}")
        daemon.cli("set-option", "-g", "mode-keys", "vi", check=True)
        await copy_mode_on_line_of(client, "$HOME", 5)  # searched up from the bottom: the output
        await copy_mode_on_line_of(client, '"hi"', 4)


async def copy_mode_on_line_of(client, needle: str, column: int) -> None:
    """vi copy mode (entered if need be), then ``?needle`` Enter: the cursor at ``column``."""
    app, pilot = client.app, client.pilot
    view = app.window_view.active_view()
    await until(lambda: app.mode_keys == "vi", message="vi keys")
    if view.copy is None:
        await pilot.press("ctrl+b", "left_square_bracket")
        await until(lambda: view.copy is not None, message="copy mode")
        view.copy.set_cursor(0, view.copy.total - 1)
    await pilot.press("question_mark", *needle, "enter")
    await until(lambda: needle in view.copy.loaded_text(view.copy.cursor_line) and view.copy.cursor_x == column,
                message=f"the search for {needle!r}")


@async_test
async def test_a_copy_then_a_paste_in_one_binding_pastes_the_copy(daemon, attach):
    session = printed_line(daemon)
    daemon.cli("set-buffer", "OLD", check=True)
    daemon.cli("bind", "-T", "copy-mode-vi", "y", "send", "-X", "copy-selection-and-cancel", "\\;",
               "paste-buffer", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await copy_mode_on_line(client)
        await pilot.press("0", "space", "e", "y")
        await until(lambda: view.copy is None, message="y left copy mode")
        await until(lambda: daemon.out("capture-pane", "-p", "-t", "t").rstrip().endswith("alpha"),
                    message="the new selection pasted at the shell's prompt")
        assert "OLD" not in daemon.out("capture-pane", "-p", "-t", "t")


@async_test
async def test_a_key_the_copy_mode_table_lacks_runs_its_root_binding(daemon, attach):
    session = printed_line(daemon)
    daemon.cli("bind", "-n", "F6", "set", "-g", "@f6", "yes", check=True)
    daemon.cli("bind", "-n", "x", "set", "-g", "@x", "root-x", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await copy_mode_on_line(client)
        await pilot.press("f6", "x")
        await until(lambda: option(daemon, "@f6") == "yes" and option(daemon, "@x") == "root-x",
                    message="F6 and x ran their root bindings")
        assert view.copy is not None, "the pane stays in copy mode"
        assert "x" not in daemon.out("capture-pane", "-p", "-t", "t").splitlines()[-1], "x reached the pane"


@async_test
async def test_the_prompt_takes_the_first_status_line_only_and_lower_lines_select_nothing(daemon, attach):
    session = new_session(daemon)
    daemon.cli("new-window", "-t", "t", check=True)
    daemon.cli("set-option", "-g", "status", "2", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        bar = app.status_bar
        await until(lambda: bar.region.height == 2 and len(app.layout.windows) == 2, message="two status lines")
        current = daemon.out("display", "-p", "-t", "t", "#{window_index}").strip()
        await pilot.click("#status", offset=(5, 1))  # under window 0's name, on the second line
        await pilot.pause()
        assert daemon.out("display", "-p", "-t", "t", "#{window_index}").strip() == current == "1"
        await pilot.click("#status", offset=(5, 0))
        await until(lambda: daemon.out("display", "-p", "-t", "t", "#{window_index}").strip() == "0",
                    message="a click on the first line selects the window")
        daemon.cli("command-prompt", "-p", "p", "display x", check=True)
        await until(lambda: app.prompt.is_open, message="the prompt")
        await until(lambda: (app.prompt.region.y, bar.display, bar.region.y, bar.region.height) == (22, True, 23, 1),
                    message="the prompt on the first status line, the second one kept")
        await pilot.press("escape")
        await until(lambda: (bar.region.y, bar.region.height) == (22, 2), message="both status lines back")
        daemon.cli("set-option", "-g", "status-position", "top", check=True)
        daemon.cli("command-prompt", "-p", "p", "display x", check=True)
        await until(lambda: (app.prompt.region.y, bar.region.y, bar.region.height) == (0, 1, 1),
                    message="at the top: the prompt on the first line, the second below it")


class _View:
    """What CopyMode reads of a PaneView: one screen line, nothing drawn."""

    rows = [[("screen", None)]]
    lines_count, columns, cursor = 1, 10, (0, 0)

    def refresh(self) -> None:
        pass


def test_a_copy_whose_history_cannot_be_fetched_still_leaves_the_mode():
    left = []

    async def fetch(start: int, stop: int):
        raise ConnectionError("history refused")

    async def copy() -> None:
        mode = CopyMode(_View(), 5, fetch, lambda text: None, lambda: left.append(True))
        mode.set_cursor(0, 0)
        mode.begin_selection()
        await mode.run("copy-selection-and-cancel", [])
        assert left == [True] and "history refused" in mode.message

    asyncio.run(copy())
