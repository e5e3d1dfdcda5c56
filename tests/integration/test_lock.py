"""lock-client, lock-session, lock-server and lock-after-time: a client runs lock-command, as tmux's.

The client's side (its terminal given to the command) is tests/e2e's; here the protocol client
stands for it: it is told to lock, and says when it is back (Unlocked)."""

from __future__ import annotations

import time

from protocol_client import ProtocolClient

from tmux_py import protocol


def locks(client: ProtocolClient) -> list[dict]:
    return client.actions_of("lock")


def read_up_to_now(daemon, client: ProtocolClient, session: str) -> None:
    """Everything the daemon sent ``client`` so far is read: a message shown to it comes after."""
    mark = f"mark-{len(client.actions)}"
    daemon.out("display-message", "-t", session, mark)
    client.wait_for(lambda: {"text": mark} in client.actions_of("message"), 10, mark)


def test_a_client_is_locked_once_until_it_is_back_and_only_its_session_is_locked(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    daemon.out("new", "-d", "-s", "b", "sleep", "60")
    daemon.out("set", "-g", "lock-command", "vlock -a")
    with ProtocolClient(str(daemon.socket)) as first, ProtocolClient(str(daemon.socket)) as second:
        first.attach("a", tty="/dev/pts/first")
        second.attach("b", tty="/dev/pts/second")
        daemon.out("lock-session", "-t", "a")
        assert first.wait_for(lambda: locks(first), 10, "the lock") == [{"command": "vlock -a"}]
        assert daemon.out("list-clients", "-t", "a", "-F", "#{client_name}") == "/dev/pts/first\n"
        daemon.out("lock-client", "-t", "/dev/pts/first")  # locked already: nothing more
        read_up_to_now(daemon, first, "a")
        assert len(locks(first)) == 1
        daemon.out("set", "-t", "b", "lock-command", "b's lock")  # a session's own lock-command
        daemon.out("lock-server")
        second.wait_for(lambda: locks(second), 10, "the other session's client locked by lock-server")
        assert locks(second) == [{"command": "b's lock"}]
        first.send(protocol.Unlocked())
        daemon.out("lock-server")
        first.wait_for(lambda: len(locks(first)) == 2, 10, "a second lock once back")
        read_up_to_now(daemon, second, "b")
        assert len(locks(second)) == 1, "still locked: not told again"
        daemon.out("set", "-g", "lock-command", "")
        first.send(protocol.Unlocked())
        daemon.out("lock-session", "-t", "a")  # no lock-command: nothing to run
        read_up_to_now(daemon, first, "a")
        assert len(locks(first)) == 2
        assert daemon.cli("lock-client", "-t", "a").stderr == "can't find client: a\n", "-t names a client"
        daemon.out("set", "-g", "lock-command", "again")
        daemon.out("lock-client", "-t", "pts/first:")  # as tmux: without /dev/, with list-clients' colon
        first.wait_for(lambda: len(locks(first)) == 3, 10, "the client named as tmux names it, locked")


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


def _typing_keeps_the_lock_away(daemon, typed) -> None:
    """lock-after-time 1 while the client sends ``typed(client)`` every 0.3 s for 2.5 s: no lock;
    then one, once it stops."""
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    daemon.out("set", "-g", "lock-command", "true")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a")
        daemon.out("set", "-g", "lock-after-time", "1")
        typing_until = time.monotonic() + 2.5
        while time.monotonic() < typing_until:
            client.send(typed(client))
            client.pump(0.3)  # reading what the daemon says while the user types
        assert locks(client) == [], "no lock while the user types"
        client.wait_for(lambda: locks(client), 10, "the lock once the input stops")


def test_keys_the_client_handles_itself_keep_the_lock_away(daemon):
    _typing_keeps_the_lock_away(daemon, lambda client: protocol.Input())  # copy mode, the prompt


def test_the_commands_of_an_attached_client_keep_the_lock_away(daemon):
    def request(client: ProtocolClient) -> protocol.Request:  # a key binding's command
        client.next_id += 1
        return protocol.Request(id=client.next_id, argv=["display-message", "-p", "x"])

    _typing_keeps_the_lock_away(daemon, request)
