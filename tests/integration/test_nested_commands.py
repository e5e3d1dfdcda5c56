"""Commands run by other commands (a config file, source-file, an if-shell branch) run as tmux's
command queue runs them: one that finishes later (run-shell without -b, wait-for) is waited for
before the next starts, and the daemon answers other clients meanwhile. Commands whose target may
be missing (tmux's CMD_FIND_CANFAIL) run with no session at all.

Expected behaviour is tmux 3.3a's for the same files and commands (``tmux -L x -f FILE new -d``,
``tmux source FILE``, ``tmux if true "run ...; run ..."``, ``tmux start-server \\; setenv -g ...``).
"""

from __future__ import annotations

import shlex
import subprocess
import sys

from tests.conftest import wait_until


def _tmuxpy(daemon) -> str:
    """A shell command line that calls back into this daemon, as a plugin's script would."""
    return f"{shlex.quote(sys.executable)} -m tmux_py -S {shlex.quote(str(daemon.socket))}"


def test_a_config_file_runs_run_shell_in_order_and_a_plugin_may_call_back(daemon):
    first, second = daemon.root / "first", daemon.root / "second"
    conf = daemon.root / "tmux.conf"
    conf.write_text(
        f"run-shell 'sleep 0.3; touch {first}'\n"
        f"run-shell 'test -e {first} && touch {second}'\n"
        f"run '{_tmuxpy(daemon)} set -g @plugin-ran yes'\n"
        f"if-shell '{_tmuxpy(daemon)} show -gv @plugin-ran | grep -qx yes' 'set -g @after yes' 'set -g @after no'\n"
        "run-shell 'echo nobody reads this'\n"
    )
    # Output of a config's run-shell goes nowhere: tmux has no client to print it to.
    assert daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60") == ""
    # The daemon answers only once its config is done, as tmux holds the client that started it.
    assert first.exists() and second.exists()
    assert daemon.out("show", "-gv", "@plugin-ran") == "yes\n"
    assert daemon.out("show", "-gv", "@after") == "yes\n"
    log = next((daemon.root / "log").glob("*.log")).read_text()
    assert "config:" not in log


def test_source_file_waits_for_each_run_shell_and_prints_its_output(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    marker = daemon.root / "marker"
    sourced = daemon.root / "sourced.conf"
    sourced.write_text(
        f"run-shell 'sleep 0.3; echo one; touch {marker}'\n"
        f"run-shell 'test -e {marker} && echo two'\n"
        "set -g @y 2\n"
        "show -gv @y\n"
    )
    result = daemon.cli("source-file", str(sourced), ";", "show", "-gv", "@y")
    assert (result.returncode, result.stdout, result.stderr) == (0, "one\ntwo\n2\n2\n", "")


def test_an_if_shell_branch_waits_for_its_run_shell(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    marker = daemon.root / "marker"
    branch = f"run 'sleep 0.3; touch {marker}' ; run 'test -e {marker} && echo seen'"
    assert daemon.out("if-shell", "true", branch) == "seen\n"
    assert daemon.out("if-shell", "-F", "1", f"run 'test -e {marker} && echo again'") == "again\n"


def test_a_failing_run_shell_in_a_file_is_that_line_s_error_and_the_rest_runs(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    sourced = daemon.root / "failing.conf"
    sourced.write_text("run-shell 'echo failing; exit 3'\nset -g @later yes\n")
    result = daemon.cli("source-file", str(sourced))
    assert result.returncode == 1
    assert result.stderr == f"{sourced}:1: failing\n{sourced}:1: 'echo failing; exit 3' returned 3\n"
    assert daemon.out("show", "-gv", "@later") == "yes\n"


def test_wait_for_in_a_sourced_file_holds_the_rest_while_the_daemon_serves_others(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    sourced = daemon.root / "waiting.conf"
    sourced.write_text("set -g @before yes\nwait-for go\nset -g @woken yes\n")
    waiting = subprocess.Popen(daemon.command("source-file", str(sourced)), env=daemon.env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: daemon.cli("show", "-gv", "@before").stdout == "yes\n", message="the file started")
        assert daemon.cli("show", "-gv", "@woken").returncode == 1
        assert waiting.poll() is None
        daemon.out("wait-for", "-S", "go")
        assert waiting.wait(timeout=10) == 0
    finally:
        if waiting.poll() is None:
            waiting.kill()
            waiting.wait()
    assert daemon.out("show", "-gv", "@woken") == "yes\n"


def test_commands_whose_target_may_be_missing_run_without_a_session(daemon):
    conf = daemon.root / "keep.conf"
    conf.write_text("set -s exit-empty off\n")
    daemon.out("-f", str(conf), "start-server")
    assert daemon.out("setenv", "-g", "FOO", "bar", ";", "showenv", "-g", "FOO") == "FOO=bar\n"
    assert daemon.out("set", "-g", "@x", "1", ";", "show", "-g", "@x") == "@x 1\n"
    assert daemon.out("setw", "-g", "@w", "2", ";", "showw", "-gv", "@w") == "2\n"
    assert daemon.out("run", "-t", "nosuch", "echo hi") == "hi\n"
    assert daemon.out("if", "true", "set -g @i 1", ";", "show", "-gv", "@i") == "1\n"
    # Formats expand for the server alone: a session's variables are empty (tmux 3.3a).
    pid = str(daemon.pid())
    assert daemon.out("display", "-p", "hi #{session_name}x #{pid}") == f"hi x {pid}\n"
    assert daemon.out("display", "-p", "-t", "nosuch", "y") == "y\n"
    assert daemon.out("setenv", "-g", "-F", "BAR", "#{session_name}x", ";", "showenv", "-g", "BAR") == "BAR=x\n"
    # Without -g the command needs the session it cannot find, as tmux says.
    for argv in (("setenv", "FOO", "1"), ("showenv",), ("set", "@x", "1"), ("show",)):
        result = daemon.cli(*argv)
        assert (result.returncode, result.stderr) == (1, "no current session\n"), argv


def test_a_target_that_may_be_missing_is_ignored_with_dash_g_and_named_without(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    assert daemon.cli("setenv", "-t", "nosuch", "-g", "FOO", "1").returncode == 0
    assert daemon.cli("set", "-t", "nosuch", "-g", "@x", "1").returncode == 0
    result = daemon.cli("setenv", "-t", "nosuch", "FOO", "1")
    assert (result.returncode, result.stderr) == (1, "can't find session: nosuch\n")


def test_kill_server_from_a_config_s_run_shell_stops_the_daemon_it_waits_for(daemon):
    conf = daemon.root / "tmux.conf"
    conf.write_text(f"run '{_tmuxpy(daemon)} kill-server'\nset -g @never yes\n")
    started = daemon.cli("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    # As tmux: the command is not run, and the CLI that started the server exits 0 in silence.
    assert (started.returncode, started.stdout, started.stderr) == (0, "", "")
    wait_until(lambda: not daemon.socket.exists(), message="the daemon stopped")
    result = daemon.cli("ls")
    assert (result.returncode, result.stderr) == (1, f"no server running on {daemon.socket}\n")
