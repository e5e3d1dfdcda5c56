"""Window options that act, against a real daemon: alert flags (monitor-activity,
monitor-bell), names (automatic-rename, allow-rename), sizes (window-size,
aggressive-resize) with attached protocol clients of different sizes.

Expected values are tmux 3.3a's, recorded by running the same commands on it.
"""

from __future__ import annotations

from conftest import wait_until
from protocol_client import ProtocolClient

from tmux_py import protocol

FLAGS = "#{window_index}:#{window_flags}"


def windows(daemon, template: str = FLAGS) -> list[str]:
    return daemon.out("lsw", "-t", "a", "-F", template).split()


def shells(daemon, count: int) -> None:
    """Session ``a``: window 0 current (a sleep), then ``count`` windows of sh with a prompt
    (each run directly: a shell's ``-c`` may keep itself in the foreground)."""
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep", "60")
    for index in range(1, count + 1):
        daemon.out("neww", "-d", "-t", f"a:{index}", "sh", "-i")
        wait_until(lambda: daemon.capture(f"a:{index}").strip(), message=f"a prompt in a:{index}")


def test_activity_and_bell_flag_windows_and_clear_when_they_become_current(daemon):
    shells(daemon, 2)
    daemon.out("setw", "-t", "a:2", "monitor-activity", "on")
    daemon.out("send-keys", "-t", "a:1", r"printf '\a'", "Enter")
    daemon.out("send-keys", "-t", "a:2", "echo hi", "Enter")
    # tmux 3.3a doubles the # in #{window_flags}, not in #{window_raw_flags}.
    wait_until(lambda: windows(daemon) == ["0:*", "1:!", "2:##"], message="bell and activity flags")
    assert windows(daemon, "#{window_raw_flags}|#{window_bell_flag}|#{window_activity_flag}") == [
        "*|0|0", "!|1|0", "#|0|1"]
    # Becoming current clears a window's flags, and tmux counts it as activity there: with no
    # client attached, even the current window is flagged.
    daemon.out("selectw", "-t", "a:2")
    assert windows(daemon) == ["0:-", "1:!", "2:##*"]
    client = ProtocolClient(str(daemon.socket))
    try:
        client.attach("a", 80, 25)
        daemon.out("selectw", "-t", "a:1")
        assert windows(daemon) == ["0:", "1:*", "2:##-"]
        client.wait_for(lambda: client.layout and [w["flags"] for w in client.layout.windows] == ["", "*", "#-"],
                        10, "the flags in the layout")
        # Watched by a client, the current window is not flagged; monitor-bell off ignores bells.
        daemon.out("setw", "-t", "a:2", "monitor-bell", "off")
        daemon.out("send-keys", "-t", "a:1", r"printf '\a'; echo rang", "Enter")
        daemon.out("send-keys", "-t", "a:2", r"printf '\a'; echo rang", "Enter")
        daemon.wait_for_text("a:1", "\nrang")
        daemon.wait_for_text("a:2", "\nrang")
        assert windows(daemon) == ["0:", "1:*", "2:##-"]
    finally:
        client.close()


def test_allow_rename_lets_a_program_name_its_window(daemon):
    shells(daemon, 1)
    rename = r"printf '\033knew\033\\'; echo done"
    daemon.out("send-keys", "-t", "a:1", rename, "Enter")
    daemon.wait_for_text("a:1", "\ndone")
    assert windows(daemon, "#{window_name}") == ["sleep", "sh"]  # allow-rename is off by default
    assert "new" not in daemon.capture("a:1").replace("knew", "")  # the sequence is not printed
    daemon.out("set", "-g", "allow-rename", "on")
    daemon.out("send-keys", "-t", "a:1", "clear; " + rename, "Enter")
    wait_until(lambda: windows(daemon, "#{window_name}") == ["sleep", "new"], message="renamed by ESC k")
    assert daemon.out("showw", "-t", "a:1") == "automatic-rename off\n"
    # An empty name gives the window back to automatic-rename.
    daemon.out("send-keys", "-t", "a:1", r"printf '\033k\033\\'", "Enter")
    wait_until(lambda: windows(daemon, "#{window_name}") == ["sleep", "sh"], message="named automatically")
    assert daemon.out("showw", "-t", "a:1") == ""


def test_automatic_rename_off_keeps_the_name_and_rename_window_turns_it_off(daemon):
    shells(daemon, 1)
    daemon.out("setw", "-t", "a:1", "automatic-rename", "off")
    daemon.out("send-keys", "-t", "a:1", "exec sleep 60", "Enter")
    wait_until(lambda: daemon.out("display", "-p", "-t", "a:1", "#{pane_current_command}") == "sleep\n",
               message="sleep in the foreground")
    assert windows(daemon, "#{window_name}") == ["sleep", "sh"]
    daemon.out("setw", "-t", "a:1", "automatic-rename", "on")
    assert windows(daemon, "#{window_name}") == ["sleep", "sleep"]
    daemon.out("renamew", "-t", "a:0", "named")
    assert daemon.out("showw", "-t", "a:0") == "automatic-rename off\n"
    daemon.out("set", "-g", "automatic-rename", "off")
    daemon.out("neww", "-d", "-t", "a:2", "exec sleep 50")  # tmux's first name: the command's first word
    daemon.out("neww", "-d", "-t", "a:3", "-n", "given", "sleep 50")
    assert windows(daemon, "#{window_name}") == ["named", "sleep", "sleep", "given"]


def size(daemon, window: str) -> str:
    return daemon.out("display", "-p", "-t", window, "#{window_width}x#{window_height}").strip()


def test_window_size_follows_the_clients_as_the_option_says(daemon):
    shells(daemon, 1)
    big, small = ProtocolClient(str(daemon.socket)), ProtocolClient(str(daemon.socket))
    try:
        big.attach("a", 100, 31)
        small.attach("a", 80, 21)
        # latest (tmux's default): the client used last, here the last attached; the status line is taken off.
        wait_until(lambda: size(daemon, "a:0") == "80x20", message="latest: the small client")
        big.keys("x")
        wait_until(lambda: size(daemon, "a:0") == "100x30", message="latest: the client that typed")
        daemon.out("set", "-g", "window-size", "smallest")
        assert size(daemon, "a:0") == size(daemon, "a:1") == "80x20"
        daemon.out("setw", "-t", "a:1", "window-size", "largest")
        assert (size(daemon, "a:0"), size(daemon, "a:1")) == ("80x20", "100x30")
        # resize-window makes a window's size manual: the clients no longer change it.
        daemon.out("resizew", "-t", "a:0", "-x", "60", "-y", "15")
        assert daemon.out("showw", "-t", "a:0", "window-size") == "window-size manual\n"
        small.send(protocol.Resize(columns=70, lines=21))
        wait_until(lambda: size(daemon, "a:1") == "100x30" and size(daemon, "a:0") == "60x15",
                   message="manual kept")
    finally:
        big.close()
        small.close()


def test_aggressive_resize_sizes_a_window_by_the_clients_showing_it(daemon):
    shells(daemon, 1)
    daemon.out("set", "-g", "window-size", "smallest")
    daemon.out("setw", "-t", "a:1", "aggressive-resize", "on")
    big, small = ProtocolClient(str(daemon.socket)), ProtocolClient(str(daemon.socket))
    try:
        big.attach("a", 100, 31)
        small.attach("a", 80, 21)
        wait_until(lambda: size(daemon, "a:0") == "80x20", message="smallest")
        small.close()
        # Window 0 follows the one client left; window 1, shown by no client, keeps the size it
        # was made with until it is shown.
        wait_until(lambda: size(daemon, "a:0") == "100x30", message="the big client alone")
        assert size(daemon, "a:1") == "80x24"
        daemon.out("selectw", "-t", "a:1")
        wait_until(lambda: size(daemon, "a:1") == "100x30", message="shown: sized for its viewer")
    finally:
        big.close()
        small.close()
