"""The status option takes its lines from each attached client's terminal, as tmux 3.3a's
status_line_size: an 80x24 client shows a window of 24 lines with status off, 23 with on, 22
with 2 and 19 with 5 (recorded on tmux with a client in an 80x24 terminal)."""

from __future__ import annotations

from conftest import wait_until
from protocol_client import ProtocolClient


def height(daemon) -> str:
    return daemon.out("display", "-p", "-t", "a", "#{window_width}x#{window_height}").strip()


def test_the_window_loses_one_line_per_status_line(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "100", "-y", "40", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        wait_until(lambda: height(daemon) == "80x23", message="one status line")
        for value, expected in (("2", "80x22"), ("off", "80x24"), ("5", "80x19"), ("on", "80x23")):
            daemon.out("set", "-g", "status", value)
            assert height(daemon) == expected, value
            client.wait_for(lambda: client.layout and client.layout.lines == int(expected[3:]), 10,
                            f"the layout sent for status {value}")


def test_a_sessions_own_status_value_sizes_its_windows_and_is_what_its_clients_apply(daemon):
    # tmux 3.3a, an 80x24 client on s: set -t s status off -> 80x24, 3 -> 80x21, and a later
    # set -g status off leaves s at 80x21 (its own value wins).
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "100", "-y", "40", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        wait_until(lambda: height(daemon) == "80x23", message="one status line")
        for command, expected, applied in ((("set", "-t", "a", "status", "off"), "80x24", "off"),
                                           (("set", "-t", "a", "status", "3"), "80x21", "3"),
                                           (("set", "-g", "status", "off"), "80x21", "3")):
            daemon.out(*command)
            assert height(daemon) == expected, command
            client.wait_for(lambda: client.options.get("status") == applied, 10,
                            f"the client told status {applied} after {command}")
