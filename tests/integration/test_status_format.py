"""tmux's status line drawn by the daemon from the status options, for each attached client.

The expected lines are tmux 3.3a's: an inner tmux (session main, windows w0 w1 w2, w0 current)
attached in an outer tmux's pane of the same width, its last line read with capture-pane
(-e for the colours)."""

from __future__ import annotations

import os
import time

import pytest

from conftest import wait_until
from protocol_client import ProtocolClient
from tmux_py import protocol


class StatusClient(ProtocolClient):
    """A protocol client that keeps the last status line it was sent."""

    status: protocol.StatusLine | None = None
    received = 0

    def _apply(self, message: protocol.Message) -> None:
        if isinstance(message, protocol.StatusLine):
            self.status = message
            self.received += 1
        super()._apply(message)

    def drain(self, seconds: float) -> None:
        """Apply whatever arrives for ``seconds``."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.pump(left)

    def line(self, number: int = 0) -> str:
        return "".join(run[0] for run in self.status.lines[number]) if self.status and self.status.lines else ""


def _three_windows(daemon, width: int) -> None:
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "main", "-x", str(width), "-y", "10", "-n", "w0")
    daemon.out("new-window", "-d", "-n", "w1")
    daemon.out("new-window", "-d", "-n", "w2")


CASES = [
    (30, [("set", "-g", "status-right", "R"), ("set", "-g", "window-status-format", "#I:#W-long"),
          ("select-window", "-t", ":2")],
     "[main] <-long 1:w1-long 2:w2*R"),  # the list cut around the current window, '<' where cut
    (40, [("set", "-g", "status-justify", "centre"), ("set", "-g", "status-right", "R"),
          ("set", "-g", "window-status-separator", "|")],
     "[main]         0:w0*|1:w1 |2:w2        R"),
    (40, [("set", "-g", "status-justify", "right"), ("set", "-g", "status-left", "L"),
          ("set", "-g", "status-right", "R")],
     "L                     0:w0* 1:w1  2:w2 R"),
    (40, [("set", "-g", "status-format[0]", "#[fill=blue align=centre]mid#[align=right]r")],
     "                  mid                  r"),
    (80, [("set", "-g", "status-style", "bg=colour235 fg=colour136"),
          ("set", "-g", "status-left", "#[fg=green]#S #[fg=colour244]| "),
          ("set", "-g", "status-right", "#[fg=colour81]#{window_panes}p"),
          ("setw", "-g", "window-status-current-style", "fg=colour81 bg=colour238 bold"),
          ("setw", "-g", "window-status-current-format", " #I:#W#F "),
          ("setw", "-g", "window-status-format", " #I:#W#F "),
          ("set", "-g", "status-justify", "centre"), ("set", "-g", "status-left-length", "20")],
     "main |                           0:w0*   1:w1   2:w2                          1p"),
    (40, [("set", "-g", "status-left-length", "3"), ("set", "-g", "status-left", "abcdef"),
          ("set", "-g", "status-right", "%%Y#{=3:window_name}")],
     "abc0:w0* 1:w1  2:w2                 %Yw0"),
]


@pytest.mark.parametrize("width, commands, expected", CASES)
def test_the_line_is_tmuxs(daemon, width, commands, expected):
    _three_windows(daemon, width)
    for command in commands:
        daemon.out(*command)
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", width, 11)
        client.wait_for(lambda: client.line() == expected, 10, f"the line {expected!r}")


def test_styles_and_ranges_as_tmux(daemon):
    # tmux 3.3a: ESC[1m ESC[31m ESC[42m LEFT ESC[0m ESC[30m ESC[42m | ESC[44m 0:w0* ESC[42m ...
    _three_windows(daemon, 60)
    daemon.out("set", "-g", "status-right", "R")
    daemon.out("set", "-g", "status-left", "#[fg=red,bold]LEFT#[default]|")
    daemon.out("set", "-g", "window-status-current-style", "bg=blue")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 60, 11)
        client.wait_for(lambda: client.line().startswith("LEFT|"), 10, "the configured line")
        runs = client.status.lines[0]
        assert runs[:3] == [["LEFT", 1, 2, 1], ["|", 0, 2, 0], ["0:w0*", 0, 4, 0]]
        windows = {argument: (start, end) for _, kind, argument, start, end in client.status.ranges
                   if kind == "window"}
        ids = daemon.out("list-windows", "-t", "main", "-F", "#{window_id}").split()
        # Each window's range takes its text and the separator after it (tmux's end + 1).
        assert [windows[window_id] for window_id in ids] == [(5, 11), (11, 17), (17, 22)]


def test_the_themed_bar_until_an_option_is_set_and_after_it_is_unset(daemon):
    _three_windows(daemon, 40)
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 40, 11)
        client.wait_for(lambda: client.layout, 10, "the layout")
        assert client.status is None  # nothing configured: the client draws its own bar
        daemon.out("set", "-g", "status-left", "X ")
        client.wait_for(lambda: client.line().startswith("X 0:w0*"), 10, "tmux's line")
        daemon.out("rename-window", "-t", "main:0", "renamed")
        client.wait_for(lambda: client.line().startswith("X 0:renamed*"), 10, "the line after a rename")
        daemon.out("set", "-gu", "status-left")
        client.wait_for(lambda: client.status.lines == [], 10, "the themed bar back")
        daemon.out("set", "-t", "main", "window-status-separator", "/")  # a window's own value counts too
        client.wait_for(lambda: client.line().startswith("[main] 0:renamed*/1:w1 "), 10, "the window's line")


def test_the_line_follows_the_clients_width_and_status_lines(daemon):
    _three_windows(daemon, 40)
    daemon.out("set", "-g", "status-right", "R")
    daemon.out("set", "-g", "status", "2")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 40, 11)
        client.wait_for(lambda: len(client.line()) == 40, 10, "a 40-cell line")
        # tmux's status-format[1]: each pane's index and size, centred.
        assert client.line(1).strip() == "0[40x9]"
        client.send(protocol.Resize(columns=50, lines=11))
        client.wait_for(lambda: len(client.line()) == 50 and client.line().endswith("R"), 10, "a 50-cell line")
    wait_until(lambda: "main" in daemon.out("ls"), message="the session stays")


def test_the_clock_is_drawn_again_every_status_interval(daemon):
    _three_windows(daemon, 40)
    daemon.out("set", "-g", "status-interval", "1")
    daemon.out("set", "-g", "status-right", "%H:%M:%S")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 40, 11)
        first = client.wait_for(lambda: client.line()[-8:].count(":") == 2 and client.line(), 10, "the clock")
        client.wait_for(lambda: client.line() != first, 5, "the clock a second later")
        daemon.out("set", "-g", "status-interval", "0")  # 0: no timer, as tmux
        client.drain(1.0)  # the line drawn for the option change, if any
        sent = client.received
        client.drain(2.5)
        assert client.received == sent


def test_commands_in_the_line_show_their_last_output_line_once_they_have_one(daemon):
    # tmux 3.3a, a client attached a second: "[][second][abc]" (the slow one not done yet).
    _three_windows(daemon, 60)
    # %% as in tmux: the line goes through strftime before its commands run.
    daemon.out("set", "-g", "status-right", "[#(sleep 2; echo slow)][#(echo fast; echo second)][#(printf %%s abc)]")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 60, 11)
        client.wait_for(lambda: client.line().endswith("[][second][abc]"), 10, "the quick commands' output")
        client.wait_for(lambda: client.line().endswith("[slow][second][abc]"), 10, "the slow command's output")


def test_status_bg_goes_over_status_style(daemon):
    # tmux 3.3a with status-bg red: ESC[30m ESC[41m, status-style still bg=green,fg=black.
    _three_windows(daemon, 40)
    daemon.out("set", "-g", "status-bg", "red")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 40, 11)
        client.wait_for(lambda: client.line().startswith("[main] 0:w0*"), 10, "tmux's line")
        assert {tuple(run[1:]) for run in client.status.lines[0]} == {(0, 1, 0)}


def test_a_command_still_running_is_killed_when_its_client_leaves(daemon):
    _three_windows(daemon, 40)
    daemon.out("set", "-g", "status-right", "#(exec sleep 137)")
    with StatusClient(str(daemon.socket)) as client:
        client.attach("main", 40, 11)
        client.wait_for(lambda: client.status, 10, "tmux's line")
        wait_until(lambda: processes_named("sleep 137"), message="the command running")
    wait_until(lambda: not processes_named("sleep 137"), message="the command killed")


def processes_named(command: str) -> list[str]:
    """Pids of processes whose command line is ``command``."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                if cmdline.read().replace(b"\0", b" ").strip() == command.encode():
                    found.append(entry)
        except (OSError, ValueError):
            continue
    return found
