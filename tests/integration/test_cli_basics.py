"""The issue's own acceptance run, and the CLI's exit statuses, against a real daemon."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, wait_for_exit, wait_until


def test_acceptance_hi_cursor_and_kill_server(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", 'printf "hi\\n"; exec sleep 60')
    screen = daemon.wait_for_text("a", "hi")
    assert screen.splitlines()[0] == "hi"
    assert daemon.out("display-message", "-p", "-t", "a", "#{cursor_x},#{cursor_y}").strip() == "0,1"
    pid = daemon.pid()
    pane_pid = int(daemon.out("display-message", "-p", "-t", "a", "#{pane_pid}"))
    result = daemon.cli("kill-server")
    assert result.returncode == 0, result.stderr
    assert wait_for_exit(pid, 10) and wait_for_exit(pane_pid, 10)
    assert not daemon.socket.exists() and not daemon.pid_file.exists()


def test_ls_format_and_json(daemon):
    daemon.out("new", "-d", "-s", "work", "sleep 60")
    daemon.out("new", "-d", "sleep 60")
    lines = daemon.out("ls").splitlines()
    # An unnamed session is named after its id, as tmux does: the second session is $1, "1".
    assert lines[0].startswith("1: 1 windows (created ")
    assert lines[1].startswith("work: 1 windows (created ")
    records = json.loads(daemon.out("ls", "--json"))
    assert [record["name"] for record in records] == ["1", "work"]
    assert records[1]["id"].startswith("$")


def test_errors_are_one_line_with_tmux_wording(daemon):
    result = daemon.cli("ls")
    assert result.returncode == 1
    assert result.stderr == f"no server running on {daemon.socket}\n"
    daemon.out("new", "-d", "-s", "a", "sleep 60")
    missing = daemon.cli("has-session", "-t", "nope")
    assert (missing.returncode, missing.stderr) == (1, "can't find session: nope\n")
    assert daemon.cli("has-session", "-t", "a").returncode == 0
    unknown = daemon.cli("frobnicate")
    assert (unknown.returncode, unknown.stderr) == (1, "unknown command: frobnicate\n")
    usage = daemon.cli("split-window", "-Q")
    assert usage.returncode == 2
    assert usage.stderr.startswith("usage: split-window ")
    assert len(usage.stderr.splitlines()) == 1


def test_session_names_are_checked(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep 60")
    for bad in ("", "z" * 65, "tab\there"):
        result = daemon.cli("new", "-d", "-s", bad, "sleep 60")
        assert result.returncode == 1 and result.stderr.startswith("invalid session: "), bad
    daemon.out("new", "-d", "-s", "a.b:c", "sleep 60")  # target separators become _, as tmux
    assert daemon.out("has", "-t", "a_b_c") == ""
    duplicate = daemon.cli("new", "-d", "-s", "a")
    assert duplicate.stderr == "duplicate session: a\n"
    daemon.out("rename-session", "-t", "a", "b")
    assert daemon.out("ls", "-F", "#{session_name}") == "a_b_c\nb\n"


def test_new_without_d_needs_a_terminal(daemon):
    result = daemon.cli("new", "-s", "x")
    assert (result.returncode, result.stderr) == (1, "open terminal failed: not a terminal\n")


def test_display_message_variables(daemon):
    daemon.out("new", "-d", "-s", "v", "-x", "100", "-y", "30", "sleep", "60")
    fields = (
        "#{session_name}|#{session_id}|#{window_index}|#{window_id}|#{pane_id}|#{pane_index}|"
        "#{pane_width}|#{pane_height}|#{alternate_on}|#{history_size}|#{session_attached}|"
        "#{pane_current_command}|#{pid}|#{pane_pid}"
    )
    values = daemon.out("display", "-p", "-t", "v", fields).strip().split("|")
    assert values[:12] == ["v", "$0", "0", "@0", "%0", "0", "100", "30", "0", "0", "0", "sleep"]
    assert int(values[12]) == daemon.pid()
    assert int(values[13]) > 0


def test_exit_empty_stops_the_daemon(daemon):
    daemon.out("new", "-d", "-s", "short", "sleep 60")
    pid = daemon.pid()
    daemon.out("kill-session", "-t", "short")
    assert wait_for_exit(pid, 10)
    wait_until(lambda: not daemon.socket.exists(), message="socket removed")


def test_pane_exit_closes_window_and_session(daemon):
    daemon.out("new", "-d", "-s", "keep", "sleep 60")
    daemon.out("new", "-d", "-s", "brief", "sleep 60")
    daemon.out("send-keys", "-t", "brief", "C-c")
    wait_until(lambda: daemon.cli("has", "-t", "brief").returncode == 1, message="session brief gone")
    assert daemon.out("ls", "-F", "#{session_name}") == "keep\n"
    log = (daemon.root / "log" / "s.log").read_text()
    assert "exited with status" in log


def test_a_command_that_cannot_run_is_one_clear_error(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep", "60")
    result = daemon.cli("new", "-d", "-s", "b", "no-such-program-here", "x")
    assert (result.returncode, result.stderr) == (1, "can't run no-such-program-here: command not found\n")
    split = daemon.cli("split-window", "-t", "a", "no-such-program-here", "x")
    assert split.returncode == 1
    assert daemon.out("ls", "-F", "#{session_name}:#{window_panes}") == "a:1\n"


def test_a_cli_call_loads_no_codec_package_nor_typing(daemon):
    # Start-up is most of a CLI call: msgpack (minipack packs instead), typing and re (pip's
    # entry-point wrapper, typing) cost ~20 ms between them on this machine.
    daemon.out("new", "-d", "-s", "lean", "sleep", "60")
    script = ("import sys; from tmux_py.cli import main; code = main(sys.argv[1:]); "
              "print(' '.join(sorted(sys.modules)), file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-S", "-c", script, "-S", str(daemon.socket), "ls"],
                            env=daemon.env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and result.stdout.startswith("lean: 1 windows"), result
    assert not {"msgpack", "typing", "re", "enum"} & set(result.stderr.split())


def test_the_installed_script_keeps_output_and_exit_status(daemon):
    # It ends with os._exit (no interpreter teardown): what main printed must still be out.
    script = str(REPO / "tmux_py" / "scripts" / "tmuxpy")
    daemon.out("new", "-d", "-s", "kept", "sleep", "60")
    run = lambda *args: subprocess.run([sys.executable, script, "-S", str(daemon.socket), *args],  # noqa: E731
                                       env=daemon.env, capture_output=True, text=True, timeout=30)
    listed = run("ls", "-F", "#{session_name}")
    assert (listed.returncode, listed.stdout) == (0, "kept\n")
    missing = run("has", "-t", "nope")
    assert (missing.returncode, missing.stderr) == (1, "can't find session: nope\n")
