"""The client's window list shows tmux's alert flags as the daemon sends them (monitor-activity,
monitor-bell), against a real daemon."""

from __future__ import annotations

from .tui_support import async_test, new_session, until


@async_test
async def test_status_line_shows_activity_and_bell_flags(daemon, attach):
    session = new_session(daemon)
    daemon.cli("new-window", "-d", "-t", "t", "-n", "busy", "cat", check=True)
    daemon.cli("set-window-option", "-t", "t:1", "monitor-activity", "on", check=True)
    async with attach(session) as client:
        app = client.app
        daemon.cli("send-keys", "-t", "t:1", "C-g", "Enter", check=True)
        # cat echoes ^G and writes the BEL back: activity and a bell in a window not shown.
        await until(lambda: "1:busy#!" in app.status_bar.render().plain, message="the flags in the status line")
        daemon.cli("select-window", "-t", "t:1", check=True)
        await until(lambda: "1:busy*" in app.status_bar.render().plain, message="cleared when current")
