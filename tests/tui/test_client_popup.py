"""display-popup in the client: the box drawn over the window, the keys going to it."""

from __future__ import annotations

from textual.color import Color

from .tui_support import async_test, new_session, pane_text, until


def popup_text(popup) -> str:
    return "\n".join("".join(run[0] for run in runs) for runs in popup.pane.rows)


@async_test
async def test_the_popup_floats_over_the_window_and_takes_every_key(daemon, attach):
    session = new_session(daemon, "cat")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        opener = daemon.background("display-popup", "-w", "40", "-h", "8", "-T", "box", "cat")
        popup = await until(lambda: app.popup, message="the popup")
        await pilot.pause()
        # tmux's place on an 80x24 terminal: x (80-1)//2-20, bottom line (24-1)//2+4.
        assert (popup.region.x, popup.region.y, popup.region.width, popup.region.height) == (19, 7, 40, 8)
        assert popup.border_title == "box"
        widget, _ = app.screen.get_widget_at(20, 8)
        assert widget is popup.pane, "the popup's screen is drawn over the pane beneath"
        await pilot.press("ctrl+b", "x", "enter")  # the prefix is the popup's too, as in tmux
        await until(lambda: "^Bx" in popup_text(popup), message="keys echoed in the popup")
        assert "x" not in pane_text(app)
        await pilot.press("escape")
        await until(lambda: app.popup is None and not app.query("PopupView"), message="the popup closed")
        await until(lambda: opener.poll() is not None, message="the CLI that opened it to be done")
        assert opener.returncode == 129, "the box went before its cat ended: 128 + SIGHUP, as tmux's"
        await pilot.press("k")
        await client.text("k")


@async_test
async def test_the_popup_draws_its_border_and_inside_in_its_styles(daemon, attach):
    session = new_session(daemon, "cat")
    async with attach(session) as client:
        app = client.app
        opener = daemon.background("display-popup", "-b", "rounded", "-S", "fg=red", "-s", "bg=blue", "cat")
        popup = await until(lambda: app.popup, message="the popup")
        assert popup.styles.border.top[0] == "round"
        assert popup.styles.border.top[1] == Color.parse(app.palette.ansi[1].get_truecolor().hex)
        assert popup.pane.palette.background == app.palette.ansi[4], "cells in default colours take -s's"
        assert popup.pane.palette.foreground == app.palette.foreground
        app.apply_theme("light")  # another theme: the popup's styles stay over its colours
        assert popup.pane.palette.background == app.palette.ansi[4] and popup.pane.palette.theme.name == "light"
        daemon.out("display-popup", "-C")
        await until(lambda: opener.poll() is not None, message="the CLI that opened it to be done")
