"""The status option in the client, set through the daemon while attached: 2 to 5 take that
many rows at the bottom of the terminal (the window above them is that much shorter, as the
daemon sizes it), off hides the status line, as tmux 3.3a."""

from __future__ import annotations

from .tui_support import async_test, new_session, until


@async_test
async def test_status_takes_its_lines_from_the_window_and_off_hides_it(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app = client.app
        bar, window = app.status_bar, app.window_view
        await until(lambda: bar.region.height == 1 and window.region.height == 23, message="one status line")
        daemon.cli("set-option", "-g", "status", "2", check=True)
        await until(lambda: app.layout.lines == 22 and bar.region.height == 2, message="two status lines")
        assert (bar.region.y, window.region.height) == (22, 22)
        assert bar.render().plain.split("\n")[0].startswith(f"[{app.layout.session}] 0:")
        daemon.cli("set-option", "-g", "status", "off", check=True)
        await until(lambda: app.layout.lines == 24 and not bar.display and window.region.height == 24,
                    message="no status line")
        daemon.cli("set-option", "-g", "status", "on", check=True)
        await until(lambda: app.layout.lines == 23 and bar.display and bar.region.height == 1,
                    message="the status line back")
