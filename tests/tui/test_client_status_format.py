"""tmux's status line in the client: once a status option is set, the bar draws the lines the
daemon drew from them (colours through the theme's palette), keeps its overlays on top, and a
click on a window's range selects it."""

from __future__ import annotations

from .tui_support import async_test, new_session, pane_text, until

SHELL = "printf 'ready|\\n'; exec sleep 600"


def configure(daemon) -> None:
    """A typical .tmux.conf status line (no clock: the same screen every run)."""
    for option, value in (("status-style", "bg=colour235,fg=colour136"), ("status-left", "#[fg=green]#S "),
                          ("status-right", "#[fg=colour81]#{window_panes} panes"),
                          ("window-status-current-style", "fg=colour81,bg=colour238,bold"),
                          ("window-status-separator", "|")):
        daemon.cli("set-option", "-g", option, value, check=True)


def line(app, number: int = 0) -> str:
    return app.status_bar.render().plain.split("\n")[number]


@async_test
async def test_the_drawn_line_its_message_and_its_window_ranges(daemon, attach):
    session = new_session(daemon, SHELL)
    daemon.cli("new-window", "-d", "-t", "t", "-n", "second", SHELL, check=True)
    async with attach(session) as client:
        app = client.app
        assert line(app).startswith("[t] 0:")  # nothing set yet: the themed bar
        configure(daemon)
        await until(lambda: line(app).startswith("t 0:sleep*|1:second") and line(app).endswith("1 panes"),
                    message="tmux's line")
        start = line(app).index("1:second")
        await client.pilot.click("#status", offset=(start + 2, 0))
        await until(lambda: line(app).startswith("t 0:sleep-|1:second*"), message="window 1 selected by a click")
        assert daemon.out("display", "-p", "-t", "t", "#{window_index}").strip() == "1"
        app.show_message("hello")
        await until(lambda: line(app).startswith("hello "), message="the message over the line")
        daemon.cli("set-option", "-gu", "status-left", check=True)
        await until(lambda: line(app) == "hello " + " " * 74, message="still the message")


def test_a_configured_status_line(daemon, make_app, snap_compare):
    """A .tmux.conf's colours and window list, drawn by the daemon, coloured by the dark theme."""
    session = new_session(daemon, SHELL)
    daemon.cli("new-window", "-d", "-t", "t", "-n", "second", SHELL, check=True)
    configure(daemon)
    app = make_app(session, theme="dark")

    async def ready(pilot) -> None:
        await until(lambda: app.status_bar.drawn and app.window_view.panes
                    and all("ready|" in pane_text(app, pane) for pane in app.window_view.panes),
                    message="the pane and tmux's line drawn")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
