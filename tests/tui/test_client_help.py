"""C-b ? and other command output: the daemon's lines, in a screen left as tmux 3.3a leaves view mode.

tmux 3.3a's C-b ? runs ``list-keys -N``: the notes of the root table's keys, then
the prefix table's, shown in the pane's view mode, whose keys are the ``mode-keys`` copy-mode table
(recorded with tmux 3.3a: emacs leaves on q, Escape and C-c, not Enter; vi on
q, C-c and Enter, not Escape).
"""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from .tui_support import async_test, new_session, until


def help_text(app) -> str:
    return str(app.screen.query_one("#help-text").render())


async def open_help(app, pilot) -> None:
    await pilot.press("ctrl+b", "question_mark")
    await until(lambda: type(app.screen).__name__ == "HelpScreen", message="the help screen")


@async_test
async def test_prefix_question_mark_lists_the_notes_of_the_root_then_the_prefix_table(daemon, attach):
    session = new_session(daemon)
    daemon.cli("bind-key", "-n", "-N", "a root key", "F7", "display-message", "root-key", check=True)
    daemon.cli("bind-key", "-n", "F6", "display-message", "no note", check=True)
    daemon.cli("bind-key", "-T", "copy-mode", "-N", "a copy-mode key", "F8", "send-keys", "-X", "cancel", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        daemon.cli("bind-key", "-N", "Mine", "y", "split-window", "-h", check=True)  # while attached: the daemon's now
        await until(lambda: "y" in app.bindings, message="the new binding")
        await open_help(app, pilot)
        assert help_text(app) == daemon.out("list-keys", "-N").rstrip("\n")
        lines = help_text(app).splitlines()
        # tmux 3.3a: root keys under the prefix's width of spaces, in one column with the prefix keys
        assert lines[0] == "    F7      a root key"
        assert "C-b y       Mine" in lines and "C-b %       Split window horizontally" in lines
        assert "F6" not in help_text(app) and "F8" not in help_text(app)  # no note; not root or prefix


@async_test
async def test_prefix_slash_describes_the_next_key_on_the_status_line(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.press("ctrl+b", "slash")
        await until(lambda: app.prompt.is_open, message="the key prompt")
        await pilot.press("percent_sign")
        # tmux 3.3a: list-keys -1N % shows its one line as a message
        await until(lambda: app.status_bar.message == "C-b % Split window horizontally",
                    message="the key's note")


@async_test
async def test_a_failing_after_hook_of_a_bound_command_shows_its_error(daemon, attach):
    session = new_session(daemon)
    daemon.cli("set-hook", "-g", "after-new-window", "kill-window -t :99", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.press("ctrl+b", "c")
        await until(lambda: app.status_bar.message == "can't find window: 99", message="the hook's error")
        assert len(app.layout.windows) == 2, "the window was made all the same"


@pytest.mark.parametrize(("mode_keys", "leaving", "staying"), [
    ("emacs", ["q", "escape", "ctrl+c"], "enter"),
    ("vi", ["q", "ctrl+c", "enter"], "escape"),
])
@async_test
async def test_the_help_screen_is_left_with_the_mode_keys_of_tmux_view_mode(daemon, attach, mode_keys, leaving,
                                                                            staying):
    session = new_session(daemon)
    daemon.cli("set-option", "-g", "mode-keys", mode_keys, check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.mode_keys == mode_keys, message="mode-keys")
        for key in leaving:
            await open_help(app, pilot)
            await pilot.press(staying)
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen", f"{staying} left the help screen"
            await pilot.press(key)
            await until(lambda: type(app.screen).__name__ == "MainScreen", message=f"{key} to leave")


@async_test
async def test_the_help_screen_scrolls_with_the_copy_mode_keys(daemon, attach):
    session = new_session(daemon)
    daemon.cli("set-option", "-g", "mode-keys", "vi", check=True)
    async with attach(session, size=(80, 20)) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.mode_keys == "vi", message="mode-keys")
        await open_help(app, pilot)
        view = app.screen.query_one(VerticalScroll)
        await until(lambda: view.max_scroll_y > 0, message="a list longer than the screen")
        await pilot.press("j", "j", "down")
        await until(lambda: view.scroll_y == 3, message="three lines down")
        await pilot.press("k")
        await until(lambda: view.scroll_y == 2, message="one line up")
        await pilot.press("G")
        await until(lambda: view.scroll_y == view.max_scroll_y, message="the bottom")
        await pilot.press("g")
        await until(lambda: view.scroll_y == 0, message="the top")
        await pilot.press("x")  # no command in copy-mode-vi: nothing happens
        await pilot.pause()
        assert view.scroll_y == 0 and type(app.screen).__name__ == "HelpScreen"


@async_test
async def test_several_lines_from_the_prompt_open_the_same_screen(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.press("ctrl+b", "colon", *"lsk -T prefix", "enter")
        await until(lambda: type(app.screen).__name__ == "HelpScreen", message="the output screen")
        assert help_text(app) == daemon.out("list-keys", "-T", "prefix").rstrip("\n")
        await pilot.press("q")
        await until(lambda: type(app.screen).__name__ == "MainScreen", message="q to leave")
