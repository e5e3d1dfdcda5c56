"""Daemon lifecycle against the real thing: auto-start, races, stale sockets, shutdown."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import processes_with_env, wait_for_exit, wait_until


def test_auto_start_writes_pid_and_private_socket(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep", "60")
    pid = daemon.pid()
    assert pid and os.path.exists(f"/proc/{pid}")
    assert (os.stat(daemon.socket).st_mode & 0o777) == 0o600
    status = daemon.out("server", "status")
    assert f"pid: {pid}" in status and "state: READY" in status
    assert daemon.cli("server", "health").returncode == 0


def test_twenty_racing_starts_give_one_daemon(daemon):
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda n: daemon.cli("new", "-d", "-s", f"s{n}", "sleep", "60"), range(20)))
    assert [result.returncode for result in results] == [0] * 20, [r.stderr for r in results]
    assert len(daemon.out("ls").splitlines()) == 20
    daemons = [pid for pid in processes_with_env(b"") if _cmdline(pid).startswith(f"{sys.executable} -m tmux_py.server {daemon.socket}")]
    assert daemons == [daemon.pid()]


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_stale_socket_is_replaced(daemon):
    daemon.socket.parent.mkdir(parents=True, exist_ok=True)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(daemon.socket))
    stale.close()  # the file stays; nobody listens: connection refused
    assert daemon.cli("ls").stderr == f"no server running on {daemon.socket}\n"
    daemon.out("new", "-d", "-s", "fresh", "sleep", "60")
    assert daemon.out("ls", "-F", "#{session_name}") == "fresh\n"


def test_a_live_daemon_is_never_taken_over(daemon):
    daemon.out("new", "-d", "sleep", "60")
    second = daemon.cli("server", "start", "--foreground", timeout=20)
    assert second.returncode == 1
    assert "already running" in second.stderr
    assert daemon.cli("has").returncode == 0
    started = daemon.cli("server", "start")
    assert started.returncode == 0 and "already running" in started.stdout


def test_unsafe_runtime_dir_is_refused(daemon):
    runtime = daemon.root / "run"
    runtime.mkdir(mode=0o700)
    os.chmod(runtime, 0o755)
    result = subprocess.run([sys.executable, "-m", "tmux_py", "-L", "x", "new", "-d"], env=daemon.env,
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 1
    assert result.stderr == f"tmuxpy: {runtime}: permissions 0755 are open to others (want 0700)\n"


def test_sigterm_shuts_down_cleanly(daemon):
    server = subprocess.Popen(daemon.command("server", "start", "--foreground"), env=daemon.env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    daemon.extra_pids.append(server.pid)
    wait_until(lambda: daemon.cli("has").returncode == 1 and daemon.socket.exists(), message="daemon listening")
    daemon.out("new", "-d", "-s", "t", "sleep", "60")
    pane_pid = int(daemon.out("display", "-p", "-t", "t", "#{pane_pid}"))
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=20) == 0
    assert wait_for_exit(pane_pid, 5)
    for leftover in (daemon.socket, daemon.pid_file, daemon.socket.with_name("s.lock")):
        assert not leftover.exists(), leftover


def test_kill_server_takes_background_jobs_with_it(daemon):
    daemon.out("new", "-d", "-s", "jobs", "bash", "--norc", "--noprofile", "-i")
    daemon.out("send-keys", "-t", "jobs", "sleep 1001 & sleep 1002 & nohup sleep 1003 >/dev/null 2>&1 &", "Enter")
    needle = f"TMUXPY={daemon.socket},".encode()
    wait_until(lambda: sum("sleep 100" in _cmdline(pid) for pid in processes_with_env(needle)) == 3,
               message="three background sleeps")
    pids = processes_with_env(needle)
    daemon.out("kill-server")
    for pid in pids:
        assert wait_for_exit(pid, 10), _cmdline(pid)


def test_kill_session_reaps_the_whole_process_group(daemon):
    daemon.out("new", "-d", "-s", "keep", "sleep", "60")
    daemon.out("new", "-d", "-s", "doomed", "bash", "--norc", "--noprofile", "-i")
    daemon.out("send-keys", "-t", "doomed", "trap '' HUP; sleep 2001 & (trap '' HUP; exec sleep 2002) &", "Enter")
    pane = daemon.out("display", "-p", "-t", "doomed", "#{pane_pid}").strip()
    needle = f"TMUXPY={daemon.socket},".encode()

    def doomed_members():
        return [pid for pid in processes_with_env(needle) if os.getsid(pid) == int(pane)] if os.path.exists(f"/proc/{pane}") else []

    wait_until(lambda: sum("sleep 200" in _cmdline(pid) for pid in doomed_members()) == 2, message="jobs running")
    members = doomed_members()
    daemon.out("kill-session", "-t", "doomed")
    # The HUP-ignoring job survives SIGHUP and is SIGKILLed after the grace period (2 s here).
    for pid in members:
        assert wait_for_exit(pid, 10), _cmdline(pid)
    assert daemon.out("ls", "-F", "#{session_name}") == "keep\n"


def test_sigusr1_recreates_a_deleted_socket(daemon):
    daemon.out("new", "-d", "sleep", "60")
    daemon.socket.unlink()
    assert daemon.cli("ls").returncode == 1
    os.kill(daemon.pid(), signal.SIGUSR1)
    wait_until(lambda: daemon.cli("ls").returncode == 0, message="socket recreated")


def test_the_start_timeout_covers_listening_not_the_config(monkeypatch, tmp_path):
    """A daemon says `listening`, then `ready` after its config: a config slower than the start
    timeout (a run-shell that waits) is waited for, as tmux's client waits; silence before
    listening is not."""
    from tmux_py import cli
    from tmux_py.paths import SocketPaths

    monkeypatch.setattr(cli, "START_TIMEOUT", 1.0)
    paths = SocketPaths(tmp_path / "s")
    # Stand-ins for the daemon's ready pipe: the pause is the slow config being modelled.
    slow_config = subprocess.Popen(["sh", "-c", "echo listening; sleep 1.3; echo ready"], stdout=subprocess.PIPE)
    silent = subprocess.Popen(["sh", "-c", "exec sleep 30"], stdout=subprocess.PIPE)
    try:
        assert cli._starter_answer(slow_config.stdout.fileno(), paths) == b"ready"
        with pytest.raises(cli.CliError, match="server did not start within 1 s"):
            cli._starter_answer(silent.stdout.fileno(), paths)
    finally:
        for child in (slow_config, silent):
            child.kill()
            child.wait()
            child.stdout.close()
