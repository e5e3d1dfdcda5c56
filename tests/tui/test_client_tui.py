"""The Textual client against a real daemon: screens, keys, prefix bindings, scroll mode, leaving.

Each test starts a daemon on a private socket (the ``daemon`` fixture), makes a
session with the CLI, and runs :class:`TmuxApp` under Pilot attached to it.
Conditions are polled with deadlines.
"""

from __future__ import annotations

import json
import os
import signal

from textual import events

from .tui_support import async_test, new_session, show_bytes, until
from tmux_py import protocol
from tmux_py.client.connection import DaemonConnection


@async_test
async def test_attach_shows_the_screen_and_typing_reaches_the_pane(daemon, attach):
    session = new_session(daemon)
    daemon.cli("send-keys", "-t", "t", "echo one-$((20+22))", "Enter", check=True)
    daemon.wait_for_text("t", "one-42")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await client.text("one-42")
        assert app.window_view.styles.width.value == 80 and app.window_view.styles.height.value == 23
        await pilot.press(*"echo two-$((40+2))", "enter")
        await client.text("two-42")
        assert "two-42" in daemon.capture("t")
        assert "[t] 0:" in app.status_bar.render().plain


@async_test
async def test_every_key_goes_to_the_pane_textual_swallows_none(daemon, attach):
    session = new_session(daemon, *show_bytes())
    daemon.wait_for_text("t", "ready")
    async with attach(session, size=(100, 24)) as client:
        app, pilot = client.app, client.pilot
        expected = {
            "ctrl+c": r"'\x03'", "ctrl+q": r"'\x11'", "ctrl+p": r"'\x10'", "ctrl+n": r"'\x0e'",
            "tab": r"'\t'", "shift+tab": r"'\x1b[Z'", "escape": r"'\x1b'", "f1": r"'\x1bOP'",
            "f12": r"'\x1b[24~'", "alt+x": r"'\x1bx'", "ctrl+left": r"'\x1b[1;5D'", "home": r"'\x1b[1~'",
            "pageup": r"'\x1b[5~'", "insert": r"'\x1b[2~'", "delete": r"'\x1b[3~'", "up": r"'\x1b[A'",
            # Modifiers only a kitty-protocol terminal reports go as a legacy terminal sends the key.
            "shift+enter": r"'\r'", "ctrl+1": "'1'",
        }
        for key, shown in expected.items():
            await pilot.press(key)
            await client.text(shown, timeout=5)
        assert app.is_running, "no key quit the app"


@async_test
async def test_prefix_bindings_split_select_zoom_and_send_prefix(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        first = app.window_view.active
        await pilot.press("ctrl+b", "percent_sign")
        await until(lambda: len(app.window_view.panes) == 2, message="two panes after C-b %")
        second = app.window_view.active
        assert second != first
        left, right = app.window_view.geometry[first], app.window_view.geometry[second]
        assert left[0] == 0 and right[0] == left[2] + 1, "side by side with one border column"
        await pilot.press("ctrl+b", "quotation_mark")
        await until(lambda: len(app.window_view.panes) == 3, message="three panes after C-b \"")
        await pilot.press("ctrl+b", "semicolon")
        await until(lambda: app.window_view.active == second, message="C-b ; back to the last pane")
        await pilot.press("ctrl+b", "o")
        await until(lambda: app.window_view.active != second, message="C-b o moves on")
        await pilot.press("ctrl+b", "z")
        await until(lambda: app.layout.zoomed and len(app.window_view.panes) == 1, message="zoomed")
        await pilot.press("ctrl+b", "z")
        await until(lambda: not app.layout.zoomed, message="unzoomed")
        order = [pane["id"] for pane in app.layout.panes]
        await pilot.press("ctrl+b", "right_curly_bracket")
        await until(lambda: [pane["id"] for pane in app.layout.panes] != order, message="C-b } swapped")
        await pilot.press("ctrl+b", "space")
        await until(lambda: json.loads(daemon.out("list-windows", "-t", "t", "--json"))[0]["layout"]
                    != "", message="a layout")
        await pilot.press("ctrl+b", "c")
        await until(lambda: len(app.layout.windows) == 2, message="C-b c: a second window")
        await pilot.press("ctrl+b", "0")
        await until(lambda: app.layout.windows[0]["active"], message="C-b 0")
        await pilot.press("ctrl+b", "n")
        await until(lambda: app.layout.windows[1]["active"], message="C-b n")


@async_test
async def test_display_panes_and_kill_pane_asks_first(daemon, attach):
    session = new_session(daemon)
    daemon.cli("split-window", "-t", "t", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: len(app.window_view.panes) == 2)
        first = app.layout.panes[0]["id"]
        assert app.window_view.active != first
        await pilot.press("ctrl+b", "q")
        await until(lambda: app.pane_labels, message="display-panes")
        assert " 0 " in app.window_view.panes[first].render_line(app.window_view.panes[first].lines_count // 2).text
        await pilot.press("0")
        await until(lambda: app.window_view.active == first, message="0 selects pane 0")
        await pilot.press("ctrl+b", "x")
        await until(lambda: app.prompt.is_open, message="the y/n prompt")
        await pilot.press("n")
        await until(lambda: not app.prompt.is_open)
        assert len(daemon.out("list-panes", "-t", "t").splitlines()) == 2
        await pilot.press("ctrl+b", "x")
        await until(lambda: app.prompt.is_open)
        await pilot.press("y")
        await until(lambda: len(app.window_view.panes) == 1, message="the pane killed after y")


@async_test
async def test_command_prompt_runs_commands_and_sets_the_theme_live(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        assert app.theme == "tmuxpy-dark"
        await pilot.press("ctrl+b", "colon")
        await until(lambda: app.prompt.is_open)
        await pilot.press(*"set -g theme nord", "enter")
        await until(lambda: app.theme == "tmuxpy-nord", message="theme applied live")
        daemon.cli("set-option", "-g", "status", "off", check=True)
        await until(lambda: app.layout.lines == 24 and not app.status_bar.display, message="no status line")
        daemon.cli("set-option", "-g", "status", "on", check=True)
        await until(lambda: app.layout.lines == 23 and app.status_bar.display, message="the status line back")
        await pilot.press("ctrl+b", "colon", *"rename-w", "tab")
        await until(lambda: app.prompt.input.value == "rename-window ", message="completion")
        await pilot.press(*"logs", "enter")
        await until(lambda: any(w["name"] == "logs" for w in app.layout.windows), message="renamed")
        await pilot.press("ctrl+b", "comma")
        await until(lambda: app.prompt.is_open and app.prompt.input.value == "logs", message="C-b , shows the name")
        app.prompt.input.value = ""
        await pilot.press(*"edit it", "enter")
        await until(lambda: any(w["name"] == "edit it" for w in app.layout.windows), message="%% replaced")


@async_test
async def test_scroll_mode_fetches_history_by_range_and_copies(daemon, attach):
    session = new_session(daemon)
    daemon.cli("send-keys", "-t", "t", "seq 1 3000", "Enter", check=True)
    daemon.wait_for_text("t", "3000")
    daemon.cli("set-option", "-g", "mode-keys", "vi", check=True)  # tmux's default is emacs
    requests = []
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        history = app.connection.history

        def spy(pane, start, stop):
            requests.append((start, stop))
            return history(pane, start, stop)

        app.connection.history = spy
        await pilot.press("ctrl+b", "left_square_bracket")
        view = app.window_view.active_view()
        await until(lambda: view.copy is not None, message="scroll mode")
        await pilot.press("g")
        await until(lambda: view.render_line(1).text.startswith("1 ") or view.render_line(1).text.strip() == "1",
                    message="the oldest line at the top")
        assert all(stop - start <= 200 for start, stop in requests), "history comes by range"
        assert "[" in view.render_line(0).text and "/" in view.render_line(0).text, "position mark"
        daemon.cli("send-keys", "-t", "t", "echo while-scrolling", "Enter", check=True)
        daemon.wait_for_text("t", "while-scrolling")
        await pilot.press("question_mark", *"2999", "enter")
        await pilot.press("G")
        await pilot.press("question_mark", *"2999", "enter")
        await until(lambda: "2999" in view.render_line(view.copy.cursor_line - view.copy.top).text,
                    message="search found 2999")
        await pilot.press("space", "right", "right", "right", "enter")
        await until(lambda: view.copy is None, message="copy leaves scroll mode")
        await client.text("while-scrolling")  # what the pane drew meanwhile shows on leaving
        await until(lambda: "2999" in daemon.out("list-buffers"), message="the copy in a paste buffer")


@async_test
async def test_bracketed_paste_when_the_program_asks(daemon, attach):
    session = new_session(daemon, *show_bytes(bracketed=True))
    daemon.wait_for_text("t", "ready")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        app.post_message(events.Paste("hi\nthere"))
        await client.text(r"'\x1b[200~hi\rthere\x1b[201~'")


@async_test
async def test_detach_exit_and_server_death_say_why(daemon, attach):
    session = new_session(daemon)
    async with attach(session, size=(70, 20)) as client:
        await until(lambda: client.app.layout.columns == 70, message="the client's size")
        await client.pilot.press("ctrl+b", "d")
        await until(lambda: client.app.exit_text, message="detached")
    assert client.app.exit_text == "[detached (from session t)]" and client.app.exit_status == 0
    assert "t:" in daemon.out("list-sessions"), "the session outlives its client"
    sizes = lambda: daemon.out("list-windows", "-t", "t", "-F", "#{window_width}x#{window_height}").strip()  # noqa: E731
    await until(lambda: sizes() == "80x23", message="back to the -x/-y size with no client")

    async with attach(session) as client:
        daemon.cli("new", "-d", "-s", "other", check=True)
        daemon.cli("kill-session", "-t", "t", check=True)
        await until(lambda: client.app.exit_text, message="exited")
    assert client.app.exit_text == "[exited]"

    session = daemon.out("display-message", "-p", "-t", "other", "#{session_id}").strip()
    async with attach(session) as client:
        os.kill(daemon.pid(), signal.SIGKILL)
        await until(lambda: client.app.exit_text, message="server death noticed")
    assert client.app.exit_text == "[server exited unexpectedly]" and client.app.exit_status == 1


@async_test
async def test_smallest_client_sets_the_window_size_and_mouse_selects(daemon, attach):
    session = new_session(daemon)
    daemon.cli("split-window", "-h", "-t", "t", check=True)
    async with attach(session, size=(100, 30)) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.layout.columns == 100 and app.layout.lines == 29, message="100x29 window")
        seen: list[protocol.Message] = []
        other = DaemonConnection(str(daemon.socket), seen.append, lambda why: None)
        await other.connect()
        reply = await other.attach(session, 60, 20)
        assert reply.ok
        await until(lambda: (app.layout.columns, app.layout.lines) == (60, 19), message="smallest client wins")
        await until(lambda: app.window_view.region.width == 60, message="the rest of this terminal is filler")
        await pilot.press(*"echo both-see-$((6*7))", "enter")
        await until(lambda: any(isinstance(m, protocol.PaneUpdate) and "both-see-42" in str(m.lines) for m in seen),
                    message="the second client gets the same screen")
        list_clients = daemon.out("list-clients", "-F", "#{client_width}x#{client_height}")
        assert sorted(list_clients.split()) == ["100x30", "60x20"]
        other.close()
        await until(lambda: app.layout.columns == 100, message="back to this client's size")
        left = app.window_view.pane_at(1, 1)
        await until(lambda: app.window_view.active != left)
        await pilot.click("#window", offset=(2, 2))
        await until(lambda: app.window_view.active == left, message="a click selects the pane")
        app.connection.send(protocol.Keys(keys=["e", "c", "h", "o", "Space", "x", "y", "z", "Enter"]))
        await client.text("xyz", pane_id=left)
        daemon.wait_for_text(left, "xyz")


@async_test
async def test_terminal_resize_relays_out_and_the_program_sees_it(daemon, attach):
    session = new_session(daemon)
    daemon.cli("split-window", "-h", "-t", "t", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.resize_terminal(120, 40)
        await until(lambda: (app.layout.columns, app.layout.lines) == (120, 39), message="the new size")
        widths = sum(pane["columns"] for pane in app.layout.panes) + 1
        assert widths == 120
        await pilot.press(*"stty size", "enter")
        await client.text("39 59")


@async_test
async def test_mouse_wheel_goes_to_a_program_that_asked_else_scrolls(daemon, attach):
    code = show_bytes()
    code[-1] = code[-1].replace("b'ready '", "b'\\x1b[?1000h\\x1b[?1006hready '")
    session = new_session(daemon, *code)
    daemon.wait_for_text("t", "ready")
    async with attach(session) as client:
        app = client.app
        await until(lambda: app.window_view.active_view().modes.get("mouse") == 1000, message="mouse mode seen")
        pane = app.window_view.active
        from tmux_py.client.messages import PaneMouse

        app.post_message(PaneMouse(pane, "wheel-up", 0, 3, 4, 0))
        await client.text(r"'\x1b[<64;4;5M'")
        app.post_message(PaneMouse(pane, "press", 0, 1, 1, 0))
        await client.text(r"'\x1b[<0;2;2M'")


@async_test
async def test_dragging_a_border_resizes_and_status_clicks_select_windows(daemon, attach):
    session = new_session(daemon)
    daemon.cli("split-window", "-h", "-t", "t", check=True)
    daemon.cli("new-window", "-t", "t", check=True)
    daemon.cli("select-window", "-t", "t:0", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: len(app.window_view.panes) == 2)
        left = min(app.window_view.geometry.items(), key=lambda item: item[1][0])
        border = left[1][2]
        await pilot.mouse_down("#window", offset=(border, 5))
        await pilot.hover("#window", offset=(border - 10, 5))
        await pilot.mouse_up("#window", offset=(border - 10, 5))
        await until(lambda: app.window_view.geometry[left[0]][2] == border - 10, message="the border dragged")
        spans = app.status_bar._spans
        await pilot.click("#status", offset=(spans[1][0] + 1, 0))
        await until(lambda: app.layout.windows[1]["active"], message="window 1 clicked")


@async_test
async def test_config_prefix_send_prefix_help_chooser_and_paste_buffer(daemon, attach):
    from tmux_py.config import parse_config

    session = new_session(daemon, *show_bytes())
    daemon.wait_for_text("t", "ready")
    config = parse_config('prefix = "C-a"\n[bindings]\n"|" = "split-window -h"\n', "test.toml")
    async with attach(session, config=config) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.prefix == "C-a", message="the config's prefix")
        await pilot.press("ctrl+b")
        await client.text(r"'\x02'")
        await pilot.press("ctrl+a", "ctrl+a")
        await client.text(r"'\x01'")
        await pilot.press("ctrl+a", "question_mark")
        await until(lambda: type(app.screen).__name__ == "HelpScreen", message="the help screen")
        # list-keys -N: the keys with notes (the config's | has none), under the prefix option's key
        assert "C-a %       Split window horizontally" in str(app.screen.query_one("#help-text").render())
        await pilot.press("q")
        await pilot.press("ctrl+a", "s")
        await until(lambda: type(app.screen).__name__ == "Chooser", message="the session chooser")
        await pilot.press("escape")
        await until(lambda: type(app.screen).__name__ == "MainScreen")
        daemon.cli("set-buffer", "pasted-text", check=True)
        await pilot.press("ctrl+a", "right_square_bracket")
        await client.text("pasted-text")
        await pilot.press("ctrl+a", "vertical_line")
        await until(lambda: len(app.window_view.panes) == 2, message="the config's binding")
