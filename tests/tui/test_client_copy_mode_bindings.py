"""Copy mode's keys are the daemon's copy-mode tables, as in tmux 3.3a.

tmux's copy mode looks each key up in the table ``mode-keys`` chooses
(``copy-mode-vi`` or ``copy-mode``): a ``.tmux.conf``'s ``bind -T copy-mode-vi
v send -X begin-selection`` rebinds a key, ``unbind`` leaves it doing nothing,
and a binding to any other command runs that command. These tests change the
tables with the CLI, before attaching and while attached, and check what the
keys then do in the client's copy mode.
"""

from __future__ import annotations

from .tui_support import async_test, new_session, until

LINE = "alpha beta gamma"


async def copy_mode_on_line(client) -> None:
    """vi copy mode, the cursor at the start of the printed ``LINE`` (searched up for)."""
    app, pilot = client.app, client.pilot
    await until(lambda: app.mode_keys == "vi" and app.copy_tables.get("copy-mode-vi"), message="vi keys")
    await pilot.press("ctrl+b", "left_square_bracket")
    view = app.window_view.active_view()
    await until(lambda: view.copy is not None, message="copy mode")
    await pilot.press("question_mark")
    await until(lambda: app.prompt.is_open and app.prompt.label.render().plain.startswith("(search up)"),
                message="the search prompt")
    await pilot.press(*LINE, "enter")
    await until(lambda: view.copy.cursor_x == 0 and view.copy.loaded_text(view.copy.cursor_line).startswith(LINE),
                message="the cursor on the line")


def printed_line(daemon) -> str:
    session = new_session(daemon)
    daemon.cli("set-option", "-g", "mode-keys", "vi", check=True)
    daemon.cli("send-keys", "-t", "t", f"printf '{LINE}\\n'", "Enter", check=True)
    daemon.wait_for_text("t", f"\n{LINE}")
    return session


@async_test
async def test_a_tmux_conf_s_copy_mode_vi_keys_select_and_copy(daemon, attach):
    session = printed_line(daemon)
    daemon.cli("bind-key", "-T", "copy-mode-vi", "v", "send-keys", "-X", "begin-selection", check=True)
    daemon.cli("bind", "-T", "copy-mode-vi", "y", "send", "-X", "copy-selection-and-cancel", check=True)
    daemon.cli("unbind-key", "-T", "copy-mode-vi", "Space", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await copy_mode_on_line(client)
        # Keys run in order, here: Space (unbound) began nothing before l moved the cursor.
        await pilot.press("space", "l")
        await until(lambda: view.copy.cursor_x == 1, message="l moves")
        assert view.copy.anchor is None, "the unbound Space still began a selection"
        await pilot.press("0", "v", "e")
        await until(lambda: view.copy.anchor == (0, view.copy.cursor_line) and view.copy.cursor_x == 4,
                    message="v began a selection, e moved to alpha's end")
        await pilot.press("y")
        await until(lambda: view.copy is None, message="y copies and leaves")
        await until(lambda: daemon.out("show-buffer") == "alpha\n", message="the selection in a buffer")


@async_test
async def test_bind_and_unbind_while_attached_take_effect_and_other_commands_run(daemon, attach):
    session = printed_line(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await copy_mode_on_line(client)
        daemon.cli("bind", "-T", "copy-mode-vi", "C-x", "rename-window", "from-copy-mode", check=True)
        daemon.cli("bind", "-T", "copy-mode-vi", "J", "send", "-X", "-N", "3", "cursor-right", check=True)
        daemon.cli("unbind", "-T", "copy-mode-vi", "q", check=True)
        await until(lambda: "q" not in app.copy_tables["copy-mode-vi"], message="the new tables")
        await pilot.press("ctrl+x")
        await until(lambda: any(w["name"] == "from-copy-mode" for w in app.layout.windows),
                    message="C-x ran rename-window in the daemon")
        assert view.copy is not None, "a command that is no copy-mode command leaves the mode as it is"
        await pilot.press("J")
        await until(lambda: view.copy.cursor_x == 3, message="send -X -N 3 cursor-right")
        await pilot.press("q", "l")  # q is unbound now: l still moves, in the mode
        await until(lambda: view.copy is not None and view.copy.cursor_x == 4, message="l after q")
        daemon.cli("unbind", "-a", "-T", "copy-mode-vi", check=True)
        await until(lambda: not app.copy_tables["copy-mode-vi"], message="an empty table")
        await pilot.press("ctrl+c", "l", "escape")
        await pilot.press("ctrl+b", "colon")  # send -X from the prompt acts on the mode, as in tmux
        await until(lambda: app.prompt.is_open, message="the command prompt")
        assert view.copy is not None and view.copy.cursor_x == 4, "a key of the emptied table acted"
        await pilot.press(*"send -X cancel", "enter")
        await until(lambda: view.copy is None, message="send -X cancel leaves")


@async_test
async def test_emacs_keys_come_from_the_copy_mode_table(daemon, attach):
    session = new_session(daemon)
    daemon.cli("send-keys", "-t", "t", f"printf '{LINE}\\n'", "Enter", check=True)
    daemon.wait_for_text("t", f"\n{LINE}")
    daemon.cli("bind", "-T", "copy-mode", "C-w", "send", "-X", "copy-selection", check=True)
    daemon.cli("bind", "-T", "copy-mode-vi", "C-w", "send", "-X", "cancel", check=True)  # not the emacs table
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await until(lambda: app.copy_tables.get("copy-mode"), message="the tables")
        await pilot.press("ctrl+b", "left_square_bracket")
        await until(lambda: view.copy is not None, message="copy mode")
        await pilot.press("ctrl+r")
        await until(lambda: app.prompt.is_open, message="C-r's search prompt")
        await pilot.press(*LINE, "enter")
        await until(lambda: view.copy.loaded_text(view.copy.cursor_line).startswith(LINE) and view.copy.cursor_x == 0,
                    message="the cursor on the line")
        await pilot.press("ctrl+@", "alt+f", "ctrl+w")
        await until(lambda: daemon.out("show-buffer") == "alpha\n", message="copy-selection copied")
        assert view.copy is not None and view.copy.anchor is None, "copy-selection stays, the selection cleared"
