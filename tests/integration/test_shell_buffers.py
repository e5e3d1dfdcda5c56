"""run-shell, if-shell, wait-for and paste buffers against a real daemon (tmux 3.3a's wording)."""

from __future__ import annotations

import subprocess

from conftest import wait_until


def test_run_shell_if_shell_and_wait_for(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("run", "echo hi; echo there") == "hi\nthere\n"
    failed = daemon.cli("run", "exit 3")
    assert (failed.returncode, failed.stderr) == (1, "'exit 3' returned 3\n")
    daemon.out("if", "true", "set -g @y yes", "set -g @y no")
    assert daemon.out("show", "-gv", "@y") == "yes\n"
    daemon.out("if", "false", "set -g @y yes", "set -g @y no")
    assert daemon.out("show", "-gv", "@y") == "no\n"
    waiter = subprocess.Popen(daemon.command("wait-for", "chan"), env=daemon.env, stdout=subprocess.DEVNULL)
    try:
        assert daemon.out("ls", "-F", "#{session_name}") == "a\n"  # the daemon still answers
        assert waiter.poll() is None
        daemon.out("wait-for", "-S", "chan")
        assert waiter.wait(10) == 0
    finally:
        waiter.kill()
        waiter.wait()
    daemon.out("wait-for", "-S", "early")  # a signal before the waiter is kept, as in tmux
    assert daemon.cli("wait-for", "early").returncode == 0


def test_a_background_job_keeps_its_commands_target_after_the_sequence_moves_on(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("new", "-d", "-s", "b", "sleep 60")
    pane = daemon.out("display", "-p", "-t", "b", "#{pane_id}").strip()
    seen = daemon.root / "seen"
    # The commands after them target another session: the jobs must still see their own.
    daemon.out("run", "-b", "-t", "b", f"echo $TMUXPY > {seen}", ";", "if", "-b", "-t", "b",
               f"echo $TMUXPY > {seen}.if", "", ";", "display", "-p", "-t", "a", "next")
    for path in (seen, daemon.root / "seen.if"):
        wait_until(lambda: path.exists() and path.read_text().strip(), message=f"{path.name} written")
        assert path.read_text().strip().endswith("," + pane), path.read_text()


def test_buffers_and_bracketed_paste_cannot_be_escaped(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("setb", "abc")
    daemon.out("setb", 'de"f')
    assert daemon.out("showb") == 'de"f\n' and daemon.out("showb", "-b", "buffer1") == "abc\n"
    assert daemon.cli("showb", "-b", "nosuch").stderr == "no buffer nosuch\n"
    assert daemon.cli("deleteb", "-b", "nosuch").stderr == "unknown buffer: nosuch\n"
    daemon.out("deleteb")
    assert daemon.out("lsb") == 'buffer0: 3 bytes: "abc"\n'
    path = daemon.root / "saved"
    daemon.out("saveb", str(path))
    daemon.out("saveb", "-a", str(path))
    assert path.read_text() == "abcabc"
    daemon.out("loadb", str(path))
    assert daemon.out("showb") == "abcabc\n"
    # A program in bracketed paste mode: what arrives between the brackets, in hex.
    daemon.out("new", "-d", "-s", "p", "printf '\\033[?2004h'; stty raw -echo; exec od -An -tx1 -w64")
    wait_until(lambda: daemon.out("display", "-p", "-t", "p", "#{pane_current_command}").strip() == "od",
               message="od running")
    daemon.out("setb", "x\x1b[201\x1b[201~~y")
    daemon.out("pasteb", "-p", "-t", "p")
    daemon.out("send", "-t", "p", "-H", *(["0a"] * 64))
    screen = daemon.wait_for_text("p", "1b 5b 32 30 30 7e")
    data = screen.replace("\n", " ").split()
    start = data.index("1b")
    assert data[start:start + 14] == "1b 5b 32 30 30 7e 78 79 1b 5b 32 30 31 7e".split()
