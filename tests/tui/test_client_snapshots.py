"""Snapshots of the client (pytest-textual-snapshot): a split window with coloured content in two
themes, a lagging client, the status line on top, the C-b ? list.

The panes run fixed programs (``printf`` then ``sleep``) and the themed bar's clock is off
(its ``clock_format`` emptied once attached: setting ``status-right`` would draw tmux's line
instead), so the screen is the same on every run. Update with
``pytest tests/tui --snapshot-update`` after a deliberate change, and look at
the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from tmux_py import protocol

from .tui_support import new_session, pane_text, until

LEFT = (
    "printf '\\033[31mred \\033[32mgreen \\033[1;34mbold-blue\\033[0m \\033[7mreverse\\033[0m\\n"
    "\\033[4munderline\\033[0m \\033[3mitalic\\033[0m \\033[9mstrike\\033[0m \\033[2mdim\\033[0m\\n"
    "\\033[97;41m bright on red \\033[0m wide: \\344\\270\\255\\346\\226\\207|\\n'; exec sleep 600"
)
RIGHT = (
    "printf '\\033[38;5;208m256-orange\\033[0m \\033[48;5;22m256-bg\\033[0m\\n"
    "\\033[38;2;255;105;180mtrue-pink\\033[0m \\033[48;2;0;95;135mtrue-bg\\033[0m\\n'; exec sleep 600"
)


@pytest.mark.parametrize("theme", ["dark", "gruvbox"])
def test_split_window_in_colour(daemon, make_app, snap_compare, theme):
    session = new_session(daemon, LEFT, columns=80, lines=23)
    daemon.cli("split-window", "-h", "-t", "t", RIGHT, check=True)
    daemon.wait_for_text("t", "true-pink")
    app = make_app(session, theme=theme)

    async def ready(pilot) -> None:
        await until(lambda: len(app.window_view.panes) == 2
                    and all("|" in pane_text(app, pane) or "true-bg" in pane_text(app, pane)
                            for pane in app.window_view.panes), message="both panes drawn")
        app.status_bar.update(clock_format="")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_a_lagging_client_shows_its_level_and_the_throttled_pane(daemon, make_app, snap_compare):
    """What the daemon tells a client that fell behind, as the user sees it: the status line's
    red mark with the lines owed, and the pane whose program is being throttled."""
    session = new_session(daemon, LEFT, columns=80, lines=23)
    app = make_app(session, theme="dark")

    async def lagging(pilot) -> None:
        await until(lambda: app.layout is not None and app.window_view.panes
                    and all("|" in pane_text(app, pane) for pane in app.window_view.panes),
                    message="the pane drawn")
        app.status_bar.update(clock_format="")
        # The messages the daemon sends a client whose socket stopped draining during a flood.
        panes = [dict(pane, throttled=True) for pane in app.layout.panes]
        app.on_daemon_event(app.layout.replace(panes=panes))
        app.on_daemon_event(protocol.Flow(level="red", queued=1_048_576, coalesced=900, behind=23))
        await pilot.pause()
        assert "red 23 behind" in str(app.status_bar.render())

    assert snap_compare(app, terminal_size=(80, 24), run_before=lagging)


def test_status_line_at_the_top(daemon, make_app, snap_compare):
    """status-position top: the status line above the window, the panes drawn below it."""
    session = new_session(daemon, LEFT, columns=80, lines=23)
    daemon.cli("set-option", "-g", "status-position", "top", check=True)
    app = make_app(session, theme="dark")

    async def ready(pilot) -> None:
        await until(lambda: app.layout is not None and app.window_view.panes
                    and all("|" in pane_text(app, pane) for pane in app.window_view.panes)
                    and app.status_bar.region.y == 0, message="the pane drawn, the status line on top")
        app.status_bar.update(clock_format="")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_prefix_question_mark_lists_the_root_then_the_prefix_table(daemon, make_app, snap_compare):
    """C-b ?: list-keys -N, the notes of the root table (a bind -n -N key), then the prefix table's."""
    session = new_session(daemon, LEFT, columns=80, lines=23)
    daemon.cli("bind-key", "-n", "-N", "A root key", "F7", "display-message", "root-key", check=True)
    app = make_app(session, theme="dark")

    async def help_shown(pilot) -> None:
        await until(lambda: app.layout is not None and app.window_view.panes
                    and all("|" in pane_text(app, pane) for pane in app.window_view.panes),
                    message="the pane drawn")
        app.status_bar.update(clock_format="")
        await pilot.press("ctrl+b", "question_mark")
        await until(lambda: type(app.screen).__name__ == "HelpScreen", message="the help screen")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=help_shown)
