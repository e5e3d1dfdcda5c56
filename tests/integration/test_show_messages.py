"""show-messages: what clients ran and were shown, newest first, kept up to message-limit lines."""

from __future__ import annotations

import re

from protocol_client import ProtocolClient


def test_the_log_holds_commands_errors_and_messages_newest_first_up_to_the_limit(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    assert daemon.cli("show-messages").stderr == "no current client\n"  # tmux wants a client too
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("display", "-t", "a", "hello there")
        assert daemon.cli("nosuch").returncode == 1
        assert daemon.cli("killw", "-t", ":9").returncode == 1
        lines = daemon.out("show-messages").splitlines()
        assert all(re.match(r"\d\d:\d\d: ", line) for line in lines), lines
        texts = [line[7:] for line in lines]
        assert re.fullmatch(r"client-\d+ command: show-messages", texts[0])
        assert re.fullmatch(r"client-\d+ message: can't find window: 9", texts[1])
        assert re.fullmatch(r"client-\d+ command: kill-window -t :9", texts[2])
        assert re.fullmatch(r"client-\d+ message: unknown command: nosuch", texts[3])
        assert re.fullmatch(r"client-\d+ message: hello there", texts[4]), "shown to the attached client"
        assert re.fullmatch(r'client-\d+ command: display-message -t a "hello there"', texts[5])
        daemon.out("set", "-g", "message-limit", "2")
        assert len(daemon.out("showmsgs").splitlines()) == 2
        assert daemon.out("show-messages", "-J") == daemon.out("show-messages", "-T") == ""
