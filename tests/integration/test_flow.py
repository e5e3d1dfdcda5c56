"""Flow control with a real daemon: floods, clients that stop reading, and recovery."""

from __future__ import annotations

import json
import os
import socket

from conftest import wait_until
from protocol_client import ProtocolClient

# The flood starts on Enter and stops on C-c; the shell then stays (its trap handler is
# not inherited: `yes` dies of SIGINT while the shell goes on to sleep).
FLOOD = ("sh", "-c", "trap : INT; read go; yes; exec sleep 600")


def status(daemon) -> dict:
    return json.loads(daemon.out("server", "status", "--json"))


def rss(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def test_a_client_that_stops_reading_costs_a_screen_not_a_backlog(daemon):
    daemon.out("new", "-d", "-s", "flood", *FLOOD)
    daemon.out("new", "-d", "-s", "typing", "cat")
    stalled = ProtocolClient(str(daemon.socket), receive_buffer=4096)
    stalled.attach("flood", 100, 31)
    typist = ProtocolClient(str(daemon.socket))
    typist.attach("typing", 80, 25)
    pane = typist.wait_for(lambda: typist.layout, 10, "layout").panes[0]["id"]
    pid = daemon.pid()
    before = rss(pid)
    daemon.out("send-keys", "-t", "flood", "Enter")
    # While the flood runs and one client reads nothing, the other is served and the CLI answers.
    for word in ("alpha", "beta", "gamma"):
        typist.keys(*word)
        typist.wait_for(lambda: any(word in line for line in typist.text(pane)), 10, f"echo of {word}")
        assert daemon.cli("ls").returncode == 0
    wait_until(lambda: any(c["session"] == "flood" and c["level"] != "green" for c in status(daemon)["client_stats"]),
               message="the stalled client to lag")
    assert rss(pid) - before < 20 * 2**20
    # The flood stops; the stalled client reads again and is given the screen as it is now.
    daemon.out("send-keys", "-t", "flood", "C-c")
    stalled_pane = daemon.out("display", "-p", "-t", "flood", "#{pane_id}").strip()
    expected = [line.rstrip() for line in daemon.capture("flood").rstrip("\n").split("\n")]
    stalled.wait_for(lambda: stalled.text(stalled_pane) == expected, 10, "the stalled client to catch up")
    seen = [flow.level for flow in stalled.flow]
    assert seen[0] in ("yellow", "red") and seen[-1] == "green", seen


def test_red_after_not_draining_then_green_again(daemon):
    daemon.env["TMUXPY_FLOW_THRESHOLD"] = "4096"
    daemon.out("new", "-d", "-s", "flood", *FLOOD)
    stopped = ProtocolClient(str(daemon.socket), receive_buffer=4096)
    stopped.attach("flood", 100, 31)
    daemon.out("send-keys", "-t", "flood", "Enter")
    wait_until(lambda: any(c["level"] == "red" for c in status(daemon)["client_stats"]), 15,
               "the client that does not drain to turn red")
    daemon.out("send-keys", "-t", "flood", "C-c")
    stopped.wait_for(lambda: stopped.flow and stopped.flow[-1].level == "green", 15, "green again")
    levels = [flow.level for flow in stopped.flow]
    assert "red" in levels
    assert status(daemon)["client_stats"][0]["resyncs"] >= 1


def test_auto_disconnect_drops_a_too_slow_client(daemon):
    daemon.env.update(TMUXPY_FLOW_THRESHOLD="4096", TMUXPY_FLOW_AUTO_DISCONNECT="on")
    daemon.out("new", "-d", "-s", "flood", *FLOOD)
    slow = ProtocolClient(str(daemon.socket), receive_buffer=4096)
    slow.attach("flood", 100, 31)
    daemon.out("send-keys", "-t", "flood", "Enter")
    wait_until(lambda: status(daemon)["clients"] == 0, 15, "the slow client to be dropped")
    daemon.out("send-keys", "-t", "flood", "C-c")
    while slow.pump(5) and slow.exit is None:
        pass
    assert slow.exit is not None and slow.exit.message == "too slow"


def test_attach_detach_cycles_during_a_flood_keep_fds_and_memory_flat(daemon):
    daemon.out("new", "-d", "-s", "flood", *FLOOD)
    daemon.out("send-keys", "-t", "flood", "Enter")
    pid = daemon.pid()

    def cycle(count: int) -> None:
        for _ in range(count):
            client = ProtocolClient(str(daemon.socket))
            client.attach("flood", 80, 25)
            client.wait_for(lambda: client.updates, 10, "an update")
            client.close()

    cycle(10)  # warm up: first-use allocations are not leaks
    fds, memory = open_fds(pid), rss(pid)
    cycle(100)
    wait_until(lambda: status(daemon)["connections"] <= 1, message="closed connections forgotten")
    assert open_fds(pid) <= fds + 2
    assert rss(pid) - memory < 10 * 2**20
    daemon.out("send-keys", "-t", "flood", "C-c")


def test_a_silent_peer_holds_a_flood_only_briefly(daemon):
    # A connection makes the floods step aside until it is answered (ReadRation.hold); one that
    # never sends its hello must not stall them beyond the hold's bound.
    daemon.out("new", "-d", "-s", "flood", *FLOOD)
    daemon.out("send-keys", "-t", "flood", "Enter")

    def bytes_read() -> int:
        return status(daemon)["pane_stats"][0]["bytes_read"]

    wait_until(lambda: status(daemon)["pane_stats"][0]["throttled"], message="the flood to be throttled")
    silent = [socket.socket(socket.AF_UNIX) for _ in range(3)]
    try:
        for peer in silent:
            peer.connect(str(daemon.socket))
        start = bytes_read()
        # Well inside the 5 s the daemon gives a peer to say hello, after which it drops them.
        wait_until(lambda: bytes_read() > start + 1_000_000, timeout=3, message="the flood to go on beside silent peers")
    finally:
        for peer in silent:
            peer.close()
        daemon.out("send-keys", "-t", "flood", "C-c")


def test_a_flood_nobody_watches_rests_and_a_watched_one_does_not(daemon):
    # Unwatched (detached here), the flood is emulated half the time (pane.UNWATCHED_DUTY);
    # once a client that keeps up shows it, it is read at full speed again.
    daemon.out("new", "-d", "-s", "flood", "-x", "100", "-y", "30", *FLOOD)
    daemon.out("send-keys", "-t", "flood", "Enter")

    def stats() -> dict:
        return status(daemon)["pane_stats"][0]

    wait_until(lambda: stats()["rested_seconds"] > 0.2, message="the detached flood to rest")
    assert not stats()["watched"]
    with ProtocolClient(str(daemon.socket)) as viewer:
        viewer.attach("flood", 100, 31)
        viewer.wait_for(lambda: stats()["watched"], 10, "the flood to be watched")
        watched = stats()
        # The viewer keeps reading while it waits, so it stays a client that keeps up.
        viewer.wait_for(lambda: stats()["bytes_read"] > watched["bytes_read"] + 1_000_000, 20, "1 MB more read")
        # One rest may have been under way when the viewer came (as long as REST_AFTER).
        assert stats()["rested_seconds"] - watched["rested_seconds"] < 0.05
    daemon.out("send-keys", "-t", "flood", "C-c")
