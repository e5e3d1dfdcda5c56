"""tmuxpy.conf, -f, source-file, set-option and show-options against a real daemon.

Messages and output formats are tmux 3.3a's, recorded by running the same
commands on tmux (``tmux -L x set -g ...; tmux -L x show -g ...``).
"""

from __future__ import annotations

from conftest import wait_for_exit, wait_until


def write(path, text: str) -> str:
    path.write_text(text)
    return str(path)


def test_dash_f_file_loads_before_the_first_command_and_errors_name_file_and_line(daemon):
    conf = write(daemon.root / "t.conf", (
        "set -g base-index 1\n"
        "set -g history-limit abc\n"
        "foo-bar\n"
        "set -g @x \"a b\" ; setw -g pane-base-index 1\n"
    ))
    daemon.out("-f", conf, "new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("lsw", "-F", "#{window_index}.#{pane_index}") == "1.1\n"
    assert daemon.out("show", "-g", "@x") == '@x "a b"\n'
    again = daemon.cli("source-file", conf)
    assert again.returncode == 1
    assert again.stderr.splitlines() == [f"{conf}:2: value is invalid: abc", f"{conf}:3: unknown command: foo-bar"]
    log = next((daemon.root / "log").glob("*.log")).read_text()
    assert f"config: {conf}:3: unknown command: foo-bar" in log


def test_default_config_and_dev_null(daemon):
    (daemon.root / "config").mkdir()
    write(daemon.root / "config" / "tmuxpy.conf", "set -g base-index 5\n")
    daemon.out("new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("lsw", "-F", "#{window_index}") == "5\n"
    daemon.out("kill-server")
    daemon.out("-f/dev/null", "new", "-d", "-s", "b", "sleep 60")
    assert daemon.out("lsw", "-F", "#{window_index}") == "0\n"


def test_source_file_quiet_missing_and_nested(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    missing = daemon.cli("source-file", "/nonexist")
    assert (missing.returncode, missing.stderr) == (1, "/nonexist: No such file or directory\n")
    assert daemon.cli("source-file", "-q", "/nonexist").returncode == 0
    inner = write(daemon.root / "inner.conf", "set -g @inner 1\nset -g mouse maybe\n")
    outer = write(daemon.root / "outer.conf", f"source-file {inner}\nset -g @outer 2\n")
    result = daemon.cli("source", outer)
    assert result.stderr == f"{inner}:2: bad value: maybe\n"
    assert daemon.out("show", "-gv", "@inner") == "1\n" and daemon.out("show", "-gv", "@outer") == "2\n"


def test_set_and_show_as_tmux(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    errors = {
        ("set", "-g", "history-limit", "abc"): "value is invalid: abc",
        ("set", "-g", "history-limit", "-5"): "value is too small: -5",
        ("set", "-g", "mouse", "maybe"): "bad value: maybe",
        ("set", "-g", "status-position", "middle"): "unknown value: middle",
        ("set", "-g", "nosuch", "1"): "invalid option: nosuch",
        ("set", "-g", "base-index"): "empty value",
        ("set", "-g", "prefix", "Foo"): "bad key: Foo",
        ("set", "-g", "sta", "1"): "ambiguous option: sta",
        ("show", "-g", "@nope"): "invalid option: @nope",
    }
    for argv, message in errors.items():
        result = daemon.cli(*argv)
        assert (result.returncode, result.stderr) == (1, message + "\n"), argv
    assert daemon.cli("set", "-qg", "nosuch", "1").returncode == 0
    daemon.out("set", "-g", "status-right", "x")
    daemon.out("set", "-ga", "status-right", " y")
    assert daemon.out("show", "-g", "status-right") == 'status-right "x y"\n'
    daemon.out("set", "-g", "mouse", "off")
    daemon.out("set", "-g", "mouse")  # no value: a flag toggles
    assert daemon.out("show", "-g", "mouse") == "mouse on\n"
    daemon.out("set", "-o", "-g", "@zz", "1")
    assert daemon.cli("set", "-o", "-g", "@zz", "2").stderr == "already set: @zz\n"
    daemon.out("set", "-gu", "@zz")
    assert daemon.cli("show", "-gv", "@zz").stderr == "invalid option: @zz\n"
    daemon.out("set", "-g", "@v", "a\tb'c")
    assert daemon.out("show", "-g", "@v") == "@v \"a\\tb'c\"\n"
    assert daemon.out("show", "-gv", "@v") == "a\tb'c\n"
    assert daemon.out("show", "-v", "escape-time") == "500\n"  # a server option needs no -s
    assert daemon.out("show", "-g", "mode-keys") == "mode-keys emacs\n"  # the name says the scope
    assert daemon.out("show", "-g", "default-command") == "default-command ''\n"
    shown = daemon.out("show", "-s").splitlines()
    assert "buffer-limit 50" in shown and "escape-time 500" in shown and "exit-empty on" in shown
    assert "history-limit 10000" in daemon.out("show", "-g").splitlines()  # tmux: 2000 (see README)
    assert "synchronize-panes off" in daemon.out("showw", "-g").splitlines()


def test_local_values_inherit_the_global_ones(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("new", "-d", "-s", "b", "sleep 60")
    assert daemon.out("show", "-t", "a", "history-limit") == ""  # tmux shows only what the target set
    daemon.out("set", "-t", "a", "base-index", "3")
    assert daemon.out("show", "-t", "a") == "base-index 3\n"
    daemon.out("neww", "-d", "-t", "a", "sleep 60")
    daemon.out("neww", "-d", "-t", "b", "sleep 60")
    assert daemon.out("lsw", "-t", "a", "-F", "#{window_index}") == "0\n3\n"
    assert daemon.out("lsw", "-t", "b", "-F", "#{window_index}") == "0\n1\n"
    daemon.out("splitw", "-d", "-t", "b:0", "sleep 60")
    daemon.out("setw", "-t", "b:0", "pane-base-index", "1")
    assert daemon.out("lsp", "-t", "b:0", "-F", "#{pane_index}") == "1\n2\n"
    assert daemon.out("lsp", "-t", "b:1", "-F", "#{pane_index}") == "0\n"
    daemon.out("set", "-t", "a", "-u", "base-index")
    assert daemon.out("show", "-t", "a") == ""


def test_renumber_windows(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    for _ in range(2):
        daemon.out("neww", "-d", "-t", "a", "sleep 60")
    daemon.out("set", "-g", "renumber-windows", "on")
    daemon.out("killw", "-t", "a:1")
    assert daemon.out("lsw", "-t", "a", "-F", "#{window_index}") == "0\n1\n"


def test_synchronize_panes_sends_to_every_pane(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "cat")
    daemon.out("splitw", "-d", "-t", "a", "cat")
    daemon.out("setw", "-t", "a", "synchronize-panes", "on")
    daemon.out("send", "-t", "a:0.0", "hello", "Enter")
    daemon.out("send", "-l", "-t", "a:0.0", "lit")
    daemon.out("send", "-H", "-t", "a:0.0", "41", "42")
    # tmux 3.3a's second pane after the same commands: "hello" twice (echo, cat), then "litAB".
    wait_until(lambda: daemon.capture("a:0.1").splitlines()[:3] == ["hello", "hello", "litAB"],
               message="keys mirrored to the other pane")


def test_exit_empty_off_keeps_the_daemon_and_buffer_limit_trims(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("set", "-s", "buffer-limit", "2")
    for text in ("one", "two", "three"):
        daemon.out("set-buffer", text)
    assert [line.split(":")[0] for line in daemon.out("lsb").splitlines()] == ["buffer0", "buffer1"]
    daemon.out("set", "-s", "exit-empty", "off")
    pid = daemon.pid()
    daemon.out("kill-session", "-t", "a")
    assert daemon.out("show", "-s", "exit-empty") == "exit-empty off\n"
    assert not wait_for_exit(pid, 0.3)
