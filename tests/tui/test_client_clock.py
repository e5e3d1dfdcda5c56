"""Clock mode (C-b t): the pane shows the time in large digits until a key, which the pane never gets."""

from __future__ import annotations

import time

from tmux_py.client.clock_mode import clock_lines, clock_text

from .tui_support import async_test, new_session, pane_text, until


def test_the_time_is_large_and_centred_or_plain_where_it_does_not_fit():
    assert clock_text("24", 0) == time.strftime("%H:%M", time.localtime(0))
    assert clock_text("12", 13 * 3600 + 5 * 60 - time.localtime(0).tm_gmtoff)[-2:] == "PM"
    rows = clock_lines("12:34", 40, 8)
    assert rows[1] == "         # #####       ##### #   #      "  # 29 cells, centred, from row 1 of 8
    assert rows[0].strip() == rows[6].strip() == ""
    assert clock_lines("12:34", 20, 3) == [" " * 20, "12:34".center(20), " " * 20]


@async_test
async def test_prefix_t_shows_the_clock_until_a_key(daemon, attach):
    session = new_session(daemon, "cat")
    daemon.cli("set", "-g", "clock-mode-colour", "red", check=True)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = await until(lambda: app.window_view.active_view(), message="the pane")
        await pilot.press("ctrl+b", "t")
        await until(lambda: view.clock is not None, message="clock mode")
        painted = [segment for segment in view.render_line(view.lines_count // 2) if segment.style.bgcolor
                   and segment.style.bgcolor.triplet == app.window_view.active_view().palette.ansi[1].triplet]
        assert painted, "the digits are painted in clock-mode-colour (red)"
        await pilot.press("x")
        await until(lambda: view.clock is None, message="clock mode left on a key")
        await pilot.press("y")
        await until(lambda: "y" in pane_text(app), message="the next key reaching the pane")
        assert "x" not in pane_text(app), "the key that left clock mode is not the pane's"
