"""display-popup: a program in a box over an attached client, as tmux 3.3a's popup.c."""

from __future__ import annotations

import os

from conftest import processes_with_env, wait_for_exit, wait_until
from protocol_client import ProtocolClient


def opened(client: ProtocolClient, number: int) -> dict:
    """The ``number``th popup this client was told to open (from 1), once it was."""
    return client.nth_action("popup", number)


def closed(client: ProtocolClient, pane: str) -> None:
    client.wait_for(lambda: {"pane": pane} in client.actions_of("popup-close"), 10, "the popup closed")


def test_a_popup_needs_an_attached_client(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    assert daemon.cli("display-popup", "true").stderr == "no current client\n"


def test_the_popup_shows_its_program_takes_the_keys_and_stays_after_it_exits(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "cat")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 100, 30)
        opener = daemon.background("display-popup", "-w", "40", "-h", "8", "-T", "#{session_name}!",
                                   "-e", "WHO=popup", "-d", "/", 'echo "$WHO in $PWD"; cat')
        box = opened(client, 1)
        # tmux's place for a 40x8 box on 100x30: popup_centre_x/y, y naming the bottom line.
        assert (box["x"], box["y"], box["width"], box["height"]) == (29, 10, 40, 8)
        assert (box["columns"], box["lines"], box["border"], box["title"]) == (38, 6, True, "a!")
        pane = box["pane"]
        client.wait_for(lambda: client.text(pane)[:1] == ["popup in /"], 10, "the popup's screen")
        client.keys("h", "i", "Enter")
        client.wait_for(lambda: client.text(pane)[1:3] == ["hi", "hi"], 10, "keys echoed by the popup's cat")
        client.keys("C-d")  # cat ends; without -E the box stays until Escape
        wait_until(lambda: not processes_with_env(b"WHO=popup"), 10, "the popup's program gone")
        client.keys("x")
        daemon.out("display-popup", "true")  # one popup at a time: this one does nothing
        assert opener.poll() is None, "the CLI waits for the box, not for its program"
        client.keys("Escape")
        closed(client, pane)
        # Read past the second display-popup: had it opened a box, its action came before this close.
        assert client.actions_of("popup-close") == [{"pane": pane}] and len(client.actions_of("popup")) == 1
        assert opener.wait(10) == 0
        client.keys("k")
        screen = daemon.wait_for_text("a", "k")
        assert "hi" not in screen and "x" not in screen, "the keys typed at the popup went to it alone"


def test_E_closes_the_popup_when_its_program_exits_and_EE_only_on_success(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("popup", "-E", "sleep 0.2")
        closed(client, opened(client, 1)["pane"])
        failing = daemon.background("popup", "-EE", "echo failing; exit 3")
        pane = opened(client, 2)["pane"]
        client.wait_for(lambda: client.text(pane) == ["failing"], 10, "the failing program's output")
        daemon.out("popup", "-C")
        closed(client, pane)
        assert failing.wait(10) == 3, "the CLI exits with the program's status, as tmux's"
        daemon.out("popup", "-EE", "-B", "-w", "50%", "-h", "10", "-x", "R", "-y", "0", "exit 0")
        box = opened(client, 3)
        assert (box["x"], box["y"], box["width"], box["height"], box["border"]) == (40, 0, 40, 10, False)
        assert (box["columns"], box["lines"]) == (40, 10)
        closed(client, box["pane"])
        assert daemon.cli("popup", "-E", "exit 4").returncode == 4
        assert daemon.cli("popup", "-E", "kill -TERM $$").returncode == 15, "the signal's number, as tmux's"
        assert daemon.cli("popup", "-w", "81", "true").stderr == "width too large\n"
        assert daemon.cli("popup", "-h", "0", "true").stderr == "height too small\n"


def test_C_and_the_client_leaving_hang_up_the_popups_program(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        hung_up = daemon.background("popup", "-E", "-e", "MARK=popup-c", "sleep 60")
        pane = opened(client, 1)["pane"]
        pids = wait_until(lambda: processes_with_env(b"MARK=popup-c"), 10, "the popup's program")
        daemon.out("popup", "-C")
        closed(client, pane)
        assert all(wait_for_exit(pid, 10) for pid in pids)
        assert hung_up.wait(10) == 129, "the box went before its program ended: 128 + SIGHUP, as tmux's"
        left = daemon.background("popup", "-e", "MARK=popup-gone", "sleep 60")
        opened(client, 2)
        pids = wait_until(lambda: processes_with_env(b"MARK=popup-gone"), 10, "the second popup's program")
    assert all(wait_for_exit(pid, 10) for pid in pids), "the client left: its popup's program is hung up"
    assert left.wait(10) == 129, "and the CLI that opened it is done (the box went first: 129)"
    wait_until(lambda: not any(os.path.exists(f"/proc/{pid}") for pid in pids), 10, "reaped: no zombie left")


def test_the_popup_takes_display_menus_positions(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("split-window", "-h", "sleep 60")
        daemon.out("popup", "-E", "-w", "10", "-h", "4", "-x", "P", "-y", "P", "exit 0")
        box = opened(client, 1)
        assert (box["x"], box["y"]) == (41, 19), "the active pane's left edge, its bottom line"
        daemon.out("popup", "-E", "-w", "10", "-h", "4", "-x", "R", "-y", "S", "exit 0")
        assert (opened(client, 2)["x"], opened(client, 2)["y"]) == (70, 19), "flush right, over the status line"
        assert daemon.cli("popup", "-x", "left", "true").stderr == "position must be a number, or one of C R P M W S\n"


def test_the_border_and_the_inside_take_their_style_from_the_flags_or_the_options(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("popup", "-E", "exit 0")
        assert (opened(client, 1)["border_lines"], opened(client, 1)["border_fg"]) == ("single", -1)
        daemon.out("set", "-g", "popup-border-lines", "double")
        daemon.out("set", "-g", "popup-border-style", "fg=green")
        daemon.out("popup", "-E", "exit 0")
        assert (opened(client, 2)["border_lines"], opened(client, 2)["border_fg"]) == ("double", 2)
        daemon.out("popup", "-E", "-b", "rounded", "-S", "fg=red,bold", "exit 0")
        assert (opened(client, 3)["border_lines"], opened(client, 3)["border_fg"]) == ("rounded", 1)
        daemon.out("popup", "-E", "-S", "fg=nosuchcolour", "exit 0")  # ignored, as tmux
        assert opened(client, 4)["border_fg"] == 2
        daemon.out("popup", "-E", "-b", "none", "-w", "10", "-h", "4", "exit 0")
        assert (opened(client, 5)["border"], opened(client, 5)["columns"], opened(client, 5)["lines"]) == (False, 10, 4)
        assert daemon.cli("popup", "-b", "dotted", "true").stderr == "popup-border-lines unknown value: dotted\n"
        daemon.out("set", "-g", "popup-style", "fg=yellow")
        daemon.out("popup", "-E", "-s", "bg=blue", "exit 0")
        assert (opened(client, 6)["fg"], opened(client, 6)["bg"]) == (3, 4), "-s over popup-style: the inside's"
