"""display-menu in the client: C-b < and C-b >, tmux's menus, drawn where the daemon placed them."""

from __future__ import annotations

from textual.widgets import OptionList

from tmux_py.client.widgets.menu_view import MenuView

from .tui_support import async_test, new_session, option_labels, until


def labels(menu: MenuView) -> list[str]:
    return [label.rstrip() for label in option_labels(menu)]


async def menu_shown(app, pilot, what: str) -> MenuView:
    menu = await until(lambda: isinstance(app.screen, MenuView) and app.screen, message=what)
    await pilot.pause()  # drawn: its list has a region
    return menu


@async_test
async def test_the_window_and_pane_menus_pick_by_shortcut_and_close_on_escape(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.press("ctrl+b", "less_than_sign")
        menu = await menu_shown(app, pilot, "the window menu")
        shown = labels(menu)
        assert shown[:3] == ["Swap Left", "Swap Right", "Swap Marked"]
        assert shown[-1] == "New At End (W)", "the widest item sets the width"
        options = menu.query_one(OptionList)
        assert options.get_option_at_index(0).disabled, "one window: nothing to swap with"
        # tmux's -x W -y W: over the status line, where the window's name starts ("[name] ").
        assert (options.region.x, options.region.bottom) == (len("[t] "), app.size.height - 1)
        await pilot.press("W")  # New At End
        await until(lambda: daemon.out("display", "-p", "-t", session, "#{session_windows}").strip() == "2",
                    message="a new window")
        assert not isinstance(app.screen, MenuView)

        await pilot.press("ctrl+b", "greater_than_sign")
        menu = await menu_shown(app, pilot, "the pane menu")
        assert "Horizontal Split (h)" in labels(menu) and "Go To Top" not in " ".join(labels(menu))
        await pilot.press("escape")
        await until(lambda: not isinstance(app.screen, MenuView), message="the menu closed")
        await pilot.press("ctrl+b", "greater_than_sign")
        await until(lambda: isinstance(app.screen, MenuView), message="the pane menu again")
        await pilot.press("h")
        await until(lambda: daemon.out("display", "-p", "-t", session, "#{window_panes}").strip() == "2",
                    message="the pane split")


@async_test
async def test_a_right_click_opens_the_pane_menu_at_the_pointer(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.mouse_down(offset=(30, 5), button=3)
        menu = await menu_shown(app, pilot, "the pane menu")
        options = menu.query_one(OptionList)
        # tmux's -x M -y M: the menu's top on the pointer's line, centred on its column.
        assert (options.region.y, options.region.x) == (5, 30 - options.region.width // 2)
        assert "Vertical Split   (v)" in labels(menu)
        await pilot.press("v")
        await until(lambda: daemon.out("display", "-p", "-t", session, "#{window_panes}").strip() == "2",
                    message="the pane split")


@async_test
async def test_right_clicks_on_the_status_line_open_the_window_and_session_menus(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.click("#status", offset=(len("[t] ") + 1, 0), button=3)  # on "0:sh*"
        menu = await menu_shown(app, pilot, "the window menu")
        assert labels(menu)[:2] == ["Swap Left", "Swap Right"]
        await pilot.press("escape")
        await until(lambda: not isinstance(app.screen, MenuView), message="the menu closed")
        await pilot.click("#status", offset=(1, 0), button=3)  # on "[t]"
        menu = await menu_shown(app, pilot, "the session menu")
        assert labels(menu)[:2] == ["Next        (n)", "Previous    (p)"]
        await pilot.press("w")  # New Window
        await until(lambda: daemon.out("display", "-p", "-t", session, "#{session_windows}").strip() == "2",
                    message="a new window")
        await pilot.click("#status", offset=(1, 0))  # a left click there does nothing
        await pilot.pause()
        assert not isinstance(app.screen, MenuView)


@async_test
async def test_a_pane_in_copy_mode_says_so_and_its_menu_offers_the_history_ends(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot

        def mode() -> str:
            return daemon.out("display", "-p", "-t", session, "#{pane_in_mode}:#{pane_mode}").strip()

        assert mode() == "0:"
        await pilot.press("ctrl+b", "left_square_bracket")
        await until(lambda: mode() == "1:copy-mode", message="the daemon told of copy mode")
        await pilot.press("ctrl+b", "greater_than_sign")
        menu = await menu_shown(app, pilot, "the pane menu")
        assert labels(menu)[:2] == ["Go To Top        (<)", "Go To Bottom     (>)"]
        await pilot.press("escape")
        await until(lambda: not isinstance(app.screen, MenuView), message="the menu closed")
        await pilot.press("q")
        await until(lambda: mode() == "0:", message="the daemon told copy mode ended")


@async_test
async def test_send_keys_X_from_the_cli_acts_on_the_copy_mode_a_client_shows(daemon, attach):
    session = new_session(daemon, "sh", "-c", "seq 1 200; exec sleep 600")
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await client.text("200")
        assert daemon.cli("send-keys", "-t", session, "-X", "history-top").stderr == "not in a mode\n"
        await pilot.press("ctrl+b", "left_square_bracket")
        view = await until(lambda: (view := app.window_view.active_view()) and view.copy and view,
                           message="copy mode")
        await until(lambda: daemon.out("display", "-p", "-t", session, "#{pane_in_mode}").strip() == "1",
                    message="the daemon told of copy mode")
        daemon.out("send-keys", "-t", session, "-X", "history-top")
        await until(lambda: view.copy.offset > 0, message="the view at the top of the history")
        daemon.out("send-keys", "-t", session, "-X", "cancel")
        await until(lambda: view.copy is None, message="copy mode ended from the CLI")
