"""pipe-pane, respawn, remain-on-exit and update-environment against a real daemon: what the
compatibility suite cannot see (the daemon's loop under a stalled pipe, processes left behind,
a dead pane's screen, the CLI's environment)."""

from __future__ import annotations

import json
import subprocess

from conftest import wait_for_exit, wait_until
from protocol_client import ProtocolClient

from tmux_py import protocol


def pane_stats(daemon, pane_id: str) -> dict:
    status = json.loads(daemon.out("server-status", "--json"))
    return next(stats for stats in status["pane_stats"] if stats["id"] == pane_id)


def test_a_pipe_that_is_never_read_stalls_neither_the_daemon_nor_other_panes(daemon):
    daemon.out("new", "-d", "-s", "flood", "-x", "80", "-y", "24", "yes flood-line")
    daemon.out("new", "-d", "-s", "b", "-x", "80", "-y", "24")
    pane = daemon.out("display", "-p", "-t", "flood", "#{pane_id}").strip()
    daemon.out("pipep", "-t", "flood", "exec sleep 600")  # holds its stdin open and never reads it
    # The buffer for the pipe fills and then drops, for the pipe only; the daemon goes on.
    wait_until(lambda: pane_stats(daemon, pane)["pipe_dropped"] > 0, 20, "output dropped for the pipe")
    for number in range(3):
        daemon.out("send", "-t", "b", f"echo echo-$(({number}*7+1000))", "Enter")
        daemon.wait_for_text("b", f"echo-{number * 7 + 1000}\n")
    assert daemon.out("display", "-p", "-t", "flood", "#{pane_pipe}") == "1\n"
    dropped = pane_stats(daemon, pane)["pipe_dropped"]
    wait_until(lambda: pane_stats(daemon, pane)["bytes_read"] > 0 and pane_stats(daemon, pane)["pipe_dropped"]
               > dropped, 20, "the flood still read while the pipe is stalled")
    daemon.out("pipep", "-t", "flood")
    assert daemon.out("display", "-p", "-t", "flood", "#{pane_pipe}") == "0\n"


def test_a_slow_reader_gets_everything_below_the_bound_in_order(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24")
    out = daemon.root / "piped"
    # Not reading for a second: more than the kernel's pipe buffer waits in the daemon meanwhile.
    daemon.out("pipep", "-t", "a", f"sleep 1; exec cat > {out}")
    daemon.out("send", "-t", "a", "seq 1 20000; echo done-$((40+2))", "Enter")
    wait_until(lambda: out.exists() and "done-42" in out.read_text(), 20, "the pipe to drain")
    numbers = [line for line in out.read_bytes().decode().split("\r\n") if line.isdigit()]
    assert numbers == [str(number) for number in range(1, 20001)]
    assert pane_stats(daemon, "%0")["pipe_dropped"] == 0


def test_pipe_pane_I_types_what_the_command_prints(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24")
    daemon.out("pipep", "-I", "-t", "a", "echo 'echo typed-$((3*5))'")
    daemon.wait_for_text("a", "typed-15\n")
    wait_until(lambda: daemon.out("display", "-p", "-t", "a", "#{pane_pipe}") == "0\n", 10,
               "the pipe to close when its command exits")


def test_respawn_k_ends_every_process_of_the_old_program_and_keeps_the_pane(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 600 & echo job=$!; exec sleep 601")
    screen = daemon.wait_for_text("a", "job=")
    job = int(screen.split("job=")[1].split()[0])
    leader = int(daemon.out("display", "-p", "-t", "a", "#{pane_pid}"))
    daemon.out("respawnp", "-k", "-t", "a", "echo again; exec sleep 602")
    daemon.wait_for_text("a", "again")
    assert wait_for_exit(leader, 10) and wait_for_exit(job, 10)
    assert daemon.out("display", "-p", "-t", "a", "#{pane_id} #{pane_dead} #{pane_start_command}") == (
        '%0 0 "echo again; exec sleep 602"\n')
    assert int(daemon.out("display", "-p", "-t", "a", "#{pane_pid}")) != leader


def test_remain_on_exit_shows_the_dead_pane_until_respawned(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "60", "-y", "10", "sleep 600")
    daemon.out("set", "-g", "remain-on-exit", "on")
    daemon.out("neww", "-d", "-t", "a", "printf 'last words'; exit 3")
    daemon.wait_for_text("a:1", "Pane is dead (status 3, ")
    assert "last words" in daemon.capture("a:1", "-S", "-")
    assert daemon.cli("send", "-t", "a:1", "x").returncode == 0  # keys to a dead pane go nowhere
    daemon.out("respawnp", "-t", "a:1", "echo alive; exec sleep 603")
    daemon.wait_for_text("a:1", "alive")
    assert "Pane is dead" not in daemon.capture("a:1")
    daemon.out("set", "-g", "remain-on-exit", "failed")  # a failure stays, a success goes
    daemon.out("neww", "-d", "-t", "a:2", "exit 4")
    daemon.wait_for_text("a:2", "Pane is dead (status 4, ")
    daemon.out("respawnp", "-k", "-t", "a:1", "read x; exit 0")
    wait_until(lambda: daemon.out("display", "-p", "-t", "a:1", "#{pane_current_command}").strip() == "sh",
               10, "the respawned shell")
    daemon.out("send", "-t", "a:1", "Enter")
    wait_until(lambda: daemon.out("lsw", "-t", "a", "-F", "#{window_index}") == "0\n2\n", 10, "the pane to close")


def test_a_dead_panes_history_is_compressed_at_rest_too(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "10", "sleep 600")
    daemon.out("set", "-g", "remain-on-exit", "on")
    daemon.out("neww", "-d", "-t", "a", "seq 1 20000; exit 0")
    daemon.wait_for_text("a:1", "Pane is dead")

    def bytes_per_line() -> float:
        size, memory = daemon.out("display", "-p", "-t", "a:1", "#{history_size} #{history_bytes}").split()
        return int(memory) / int(size)

    # seq's lines held as Python objects cost ~120 bytes each, compressed ~19 (block overheads).
    wait_until(lambda: bytes_per_line() < 40, 15, "the dead pane's history to be compressed")


def test_update_environment_takes_the_clients_values_into_a_new_session(daemon):
    daemon.out("new", "-d", "-s", "first", "sleep 600")
    env = {**daemon.env, "DISPLAY": ":42", "SSH_AUTH_SOCK": "/agent/sock"}
    env.pop("XAUTHORITY", None)
    subprocess.run(daemon.command("new", "-d", "-s", "e"), env=env, check=True, timeout=30, stdin=subprocess.DEVNULL)
    shown = daemon.out("showenv", "-t", "e").splitlines()
    assert {"DISPLAY=:42", "SSH_AUTH_SOCK=/agent/sock", "-XAUTHORITY"} <= set(shown)
    daemon.out("send", "-t", "e", "echo \"[$DISPLAY]\"", "Enter")
    daemon.wait_for_text("e", "[:42]\n")
    assert "DISPLAY=:42" not in daemon.out("showenv", "-t", "first")  # another client's session
    assert "DISPLAY=:42" not in daemon.out("showenv", "-g")  # and not the global environment


def test_update_environment_on_attach_takes_the_attaching_clients_values(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep 600")
    daemon.out("setenv", "-t", "a", "DISPLAY", ":1")
    client = ProtocolClient(str(daemon.socket))
    try:
        # What the CLI sends for `attach -t a` from a terminal whose DISPLAY is :7 (the CLI then
        # opens the client, which this test does not need).
        client.send(protocol.Request(id=1, argv=["attach-session", "-t", "a"], tty=True,
                                     environ=["DISPLAY=:7", "WINDOWID=12", "UNLISTED=x"]))
        client.wait_for(lambda: 1 in client.replies, 10, "the attach reply")
        assert client.replies[1].ok
    finally:
        client.close()
    shown = daemon.out("showenv", "-t", "a").splitlines()
    assert {"DISPLAY=:7", "WINDOWID=12", "-SSH_AUTH_SOCK"} <= set(shown)
    assert not any(line.startswith("UNLISTED") for line in shown)


def test_an_attached_client_sees_the_respawned_program_on_a_fresh_screen(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "echo old-program; exec sleep 600")
    daemon.wait_for_text("a", "old-program")
    client = ProtocolClient(str(daemon.socket))
    try:
        client.attach("a", 80, 24)
        client.wait_for(lambda: "old-program" in client.text("%0"), 10, "the old screen")
        daemon.out("respawnp", "-k", "-t", "a", "echo new-program; exec sleep 601")
        client.wait_for(lambda: client.text("%0") == ["new-program"], 10, "the new program alone on the screen")
    finally:
        client.close()
    assert daemon.capture("a").split() == ["new-program"]


def test_a_respawned_program_that_cannot_start_ends_the_pane_at_once(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep 600")
    daemon.out("neww", "-d", "-t", "a", "sleep 601")
    failed = daemon.cli("respawnp", "-k", "-t", "a:1", "no-such-program", "arg")
    assert (failed.returncode, failed.stderr) == (1, "can't run no-such-program: command not found\n")
    assert daemon.out("lsw", "-t", "a", "-F", "#{window_index}") == "0\n"  # closed, as a program that exits
    daemon.out("set", "-g", "remain-on-exit", "on")
    daemon.out("neww", "-d", "-t", "a", "sleep 602")
    assert daemon.cli("respawnp", "-k", "-t", "a:1", "no-such-program", "arg").returncode == 1
    assert daemon.out("display", "-p", "-t", "a:1", "#{pane_dead} #{pane_dead_status}") == "1 127\n"
    daemon.out("respawnp", "-t", "a:1", "echo started; exec sleep 603")
    daemon.wait_for_text("a:1", "started")
