"""lock-client, lock-session, lock-server and lock-after-time: a client runs lock-command, as tmux's.

The client's side (its terminal given to the command) is tests/e2e's; here the protocol client
stands for it: it is told to lock, and says when it is back (Unlocked)."""

from __future__ import annotations

import time

from protocol_client import ProtocolClient

from tmux_py import protocol


def locks(client: ProtocolClient) -> list[dict]:
    return [message.args for message in client.actions if message.action == "lock"]


def test_a_client_is_locked_once_until_it_is_back_and_only_its_session_is_locked(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    daemon.out("new", "-d", "-s", "b", "sleep", "60")
    daemon.out("set", "-g", "lock-command", "vlock -a")
    with ProtocolClient(str(daemon.socket)) as first, ProtocolClient(str(daemon.socket)) as second:
        first.attach("a")
        second.attach("b")
        daemon.out("lock-session", "-t", "a")
        assert first.wait_for(lambda: locks(first), 10, "the lock") == [{"command": "vlock -a"}]
        daemon.out("lock-client", "-t", "a")  # locked already: nothing more
        daemon.out("set", "-t", "b", "lock-command", "b's lock")  # a session's own lock-command
        daemon.out("lock-server")
        second.wait_for(lambda: locks(second), 10, "the other session's client locked by lock-server")
        assert locks(second) == [{"command": "b's lock"}]
        first.send(protocol.Unlocked())
        daemon.out("lock-server")
        first.wait_for(lambda: len(locks(first)) == 2, 10, "a second lock once back")
        assert len(locks(second)) == 1, "still locked: not told again"
        daemon.out("set", "-g", "lock-command", "")
        first.send(protocol.Unlocked())
        daemon.out("lock-session", "-t", "a")  # no lock-command: nothing to run
        first.pump(0.2)
        assert len(locks(first)) == 2


def test_lock_after_time_locks_a_session_its_clients_left_alone(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    daemon.out("set", "-g", "lock-command", "true")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a")
        daemon.out("set", "-g", "lock-after-time", "1")
        started = time.monotonic()
        client.wait_for(lambda: locks(client), 10, "the idle session locked")
        assert time.monotonic() - started >= 0.5, "not before a second or so of no input"
        client.send(protocol.Unlocked())
        client.wait_for(lambda: len(locks(client)) == 2, 10, "locked again after another idle second")
