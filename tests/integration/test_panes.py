"""Windows, panes, targets and keys through the CLI, with real shells in real PTYs."""

from __future__ import annotations

import json

from conftest import wait_until

BASH = ("bash", "--norc", "--noprofile", "-i")


def geometry(daemon, target: str) -> list[str]:
    return daemon.out("list-panes", "-t", target, "-F",
                      "#{pane_index}:#{pane_left},#{pane_top},#{pane_width}x#{pane_height}").split()


def test_send_keys_and_capture_with_bash(daemon):
    daemon.out("new", "-d", "-s", "b", "-x", "80", "-y", "24", *BASH)
    daemon.out("send-keys", "-t", "b", "PS1='$ '", "Enter")
    daemon.out("send-keys", "-t", "b", "echo $((6 * 7))", "Enter")
    screen = daemon.wait_for_text("b", "42\n")
    assert "$ echo $((6 * 7))\n42\n$\n" in screen  # trailing spaces trimmed, as tmux
    daemon.out("send-keys", "-t", "b", "-l", "echo Enter")
    daemon.out("send-keys", "-t", "b", "-H", "0d")
    daemon.wait_for_text("b", "\nEnter\n")


def test_application_cursor_keys_follow_the_pane_mode(daemon):
    daemon.out("new", "-d", "-s", "k", "-x", "80", "-y", "5", "sh", "-c",
               "printf '\\033[?1h'; stty raw -echo; exec cat -v")
    wait_until(lambda: daemon.out("display", "-p", "-t", "k", "#{pane_current_command}").strip() == "cat",
               message="cat running")
    daemon.out("send-keys", "-t", "k", "Up", "Left")
    daemon.out("send-keys", "-t", "k", "-l", "|")
    daemon.wait_for_text("k", "^[OA^[OD|")


def test_split_select_zoom_resize_kill(daemon):
    daemon.out("new", "-d", "-s", "w", "-x", "80", "-y", "24", "sleep", "300")
    daemon.out("split-window", "-h", "-t", "w", "sleep", "300")
    assert geometry(daemon, "w") == ["0:0,0,40x24", "1:41,0,39x24"]
    daemon.out("split-window", "-v", "-t", "w:0.1", "-l", "6", "sleep", "300")
    assert geometry(daemon, "w") == ["0:0,0,40x24", "1:41,0,39x17", "2:41,18,39x6"]
    assert daemon.out("display", "-p", "-t", "w", "#{pane_index}").strip() == "2"
    daemon.out("select-pane", "-t", "w", "-L")
    assert daemon.out("display", "-p", "-t", "w", "#{pane_index}").strip() == "0"
    daemon.out("resize-pane", "-t", "w:0.0", "-R", "5")
    assert geometry(daemon, "w")[0] == "0:0,0,45x24"
    daemon.out("resize-pane", "-Z", "-t", "w:0.0")
    assert daemon.out("display", "-p", "-t", "w", "#{window_zoomed_flag} #{pane_width}x#{pane_height}").strip() == "1 80x24"
    daemon.out("resize-pane", "-Z", "-t", "w:0.0")
    daemon.out("kill-pane", "-t", "w:0.0")
    assert geometry(daemon, "w") == ["0:0,0,80x17", "1:0,18,80x6"]


def test_pty_size_follows_the_layout(daemon):
    daemon.out("new", "-d", "-s", "z", "-x", "100", "-y", "30", *BASH)
    daemon.out("split-window", "-h", "-t", "z", "-p", "30", *BASH)
    assert geometry(daemon, "z") == ["0:0,0,69x30", "1:70,0,30x30"]  # tmux's numbers
    daemon.out("send-keys", "-t", "z:0.1", "stty size", "Enter")
    daemon.wait_for_text("z:0.1", "\n30 30\n")
    daemon.out("resize-window", "-t", "z", "-x", "60", "-y", "20")
    width = daemon.out("display", "-p", "-t", "z:0.1", "#{pane_width}").strip()
    assert int(width) < 30
    daemon.out("send-keys", "-t", "z:0.1", "stty size", "Enter")
    daemon.wait_for_text("z:0.1", f"\n20 {width}\n")


def test_windows_and_targets(daemon):
    daemon.out("new", "-d", "-s", "t", "sleep", "300")
    daemon.out("new-window", "-t", "t", "-n", "logs", "sleep", "300")
    daemon.out("new-window", "-d", "-t", "t:5", "sleep", "300")
    lines = daemon.out("list-windows", "-t", "t").splitlines()
    assert [line.split(" (")[0] for line in lines] == ["0: sleep-", "1: logs*", "5: sleep"]
    assert "[layout " in lines[0] and lines[1].endswith("(active)")
    records = json.loads(daemon.out("lsw", "-t", "t", "--json"))
    assert [record["index"] for record in records] == [0, 1, 5]
    for spec, expected in [("t:logs", "1"), ("t:0", "0"), ("t:5.0", "5"), (records[2]["id"], "5"), ("t", "1")]:
        assert daemon.out("display", "-p", "-t", spec, "#{window_index}").strip() == expected, spec
    pane = daemon.out("display", "-p", "-t", "t:5", "#{pane_id}").strip()
    assert daemon.out("display", "-p", "-t", pane, "#{window_index}").strip() == "5"
    daemon.out("select-window", "-t", "t:0")
    assert daemon.out("display", "-p", "-t", "t", "#{window_index}").strip() == "0"
    daemon.out("select-window", "-l", "-t", "t")
    assert daemon.out("display", "-p", "-t", "t", "#{window_index}").strip() == "1"
    daemon.out("kill-window", "-t", "t:logs")
    assert daemon.out("lsw", "-t", "t", "-F", "#{window_index}").split() == ["0", "5"]
    for spec, message in [("t:9", "can't find window: 9"), ("nope:1", "can't find session: nope"),
                          ("t:0.7", "can't find pane: 7"), ("%99", "can't find pane: %99")]:
        # select-pane, not display: tmux's display ignores a target it cannot find (CMD_FIND_CANFAIL).
        result = daemon.cli("select-pane", "-t", spec)
        assert (result.returncode, result.stderr) == (1, message + "\n"), spec


def test_commands_inside_a_pane_default_to_that_pane(daemon):
    import sys

    daemon.out("new", "-d", "-s", "home", "sleep", "300")
    daemon.out("new", "-d", "-s", "inner", *BASH)
    daemon.out("split-window", "-t", "inner", *BASH)
    daemon.out("select-pane", "-t", "inner:0.0")
    # Most recently used session is now "inner"; run from pane 1, which is not active.
    command = f"{sys.executable} -m tmux_py display -p '#{{session_name}}/#{{pane_index}}' > /dev/null; " \
              f"{sys.executable} -m tmux_py display -p 'at=#{{session_name}}/#{{pane_index}}'"
    daemon.out("send-keys", "-t", "inner:0.1", command, "Enter")
    daemon.wait_for_text("inner:0.1", "at=inner/1")


def test_capture_reads_scrollback(daemon):
    daemon.out("new", "-d", "-s", "h", "-x", "40", "-y", "10", "sh", "-c", "seq 1 100; exec sleep 300")
    daemon.wait_for_text("h", "100")
    assert daemon.out("display", "-p", "-t", "h", "#{history_size}").strip() == "91"
    everything = daemon.capture("h", "-S", "-")
    assert everything.splitlines()[:3] == ["1", "2", "3"]
    assert daemon.capture("h", "-S", "-3", "-E", "-1").split() == ["89", "90", "91"]
    assert daemon.capture("h").split()[0] == "92"


def test_a_hostile_title_report_puts_nothing_on_the_programs_input(daemon):
    # A title set by one program and a title report (CSI 21 t) asked by the same stream would,
    # answered, type attacker-chosen bytes into the shell. tmuxpy never answers it.
    probe = ("printf '\\033]2;$(reboot)\\r\\007\\033[21t'; stty raw -echo; "
             "IFS= read -r -t 1 -n 1 reply; echo \"got:[$reply]\"; exec sleep 60")
    daemon.out("new", "-d", "-s", "title", "bash", "--norc", "--noprofile", "-c", probe)
    screen = daemon.wait_for_text("title", "got:[")
    assert "got:[]" in screen
    title = daemon.out("display", "-p", "-t", "title", "#{pane_title}")
    assert "\r" not in title and "\x1b" not in title


def test_history_is_compressed_once_the_program_rests_and_reads_the_same(daemon):
    daemon.out("new", "-d", "-s", "h", "-x", "80", "-y", "10", "sh", "-c",
               "seq 1 3000 | sed 's/$/ some text that repeats itself/'; exec sleep 600")
    wait_until(lambda: daemon.out("display", "-p", "-t", "h", "#{history_size}").strip() == "2991",
               message="3000 lines, 2991 of them in the history")
    before = daemon.capture("h", "-S", "-")

    def held() -> int:
        return int(daemon.out("display", "-p", "-t", "h", "#{history_bytes}"))

    # Kept as Python records, a line of this costs over 100 bytes; compressed, a few.
    wait_until(lambda: held() < 2991 * 60, message="the history compressed at rest")
    assert daemon.capture("h", "-S", "-") == before
