"""The marked pane as an attached client sees it: its window's flags gain ``M`` with
select-pane -m and lose it with -M, or when the pane dies (tmux redraws the status line)."""

from __future__ import annotations

from protocol_client import ProtocolClient


def _flags(client: ProtocolClient) -> str:
    return client.layout.windows[0]["flags"] if client.layout else ""


def test_marking_a_pane_is_sent_to_the_attached_client(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep", "60")
    daemon.out("split-window", "-d", "-t", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a")
        client.wait_for(lambda: _flags(client) == "*", 10, "the first layout")
        daemon.out("select-pane", "-m", "-t", "a:0.1")
        client.wait_for(lambda: _flags(client) == "*M", 10, "M after select-pane -m")
        daemon.out("select-pane", "-M")
        client.wait_for(lambda: _flags(client) == "*", 10, "no M after select-pane -M")
        daemon.out("select-pane", "-m", "-t", "a:0.1")
        client.wait_for(lambda: _flags(client) == "*M", 10, "M again")
        daemon.out("kill-pane", "-t", "a:0.1")
        client.wait_for(lambda: _flags(client) == "*", 10, "no M once the marked pane died")
        assert daemon.out("display", "-p", "-t", "a", "#{pane_marked_set}") == "0\n"
