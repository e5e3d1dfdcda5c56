"""switch-client -n / -p / -l: an attached client moves between sessions as tmux 3.3a's does.

Checked against tmux 3.3a with a client attached: sessions go by name, wrapping, and never to
the client's own; -l goes back to the session shown before the last switch, and fails with
"can't find last session" when there was none or it is gone.
"""

from __future__ import annotations

from conftest import wait_until
from protocol_client import ProtocolClient


def _client_session(daemon) -> str:
    return daemon.out("list-clients", "-F", "#{client_session}").strip()


def test_switch_client_next_previous_and_last(daemon):
    for name in ("b", "a", "c"):
        daemon.out("-f", "/dev/null", "new", "-d", "-s", name, "-x", "80", "-y", "24", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("b")
        result = daemon.cli("switch-client", "-l")
        assert (result.returncode, result.stderr) == (1, "can't find last session\n")
        # From the CLI the command acts on the newest client of the target (here: b's client).
        for flags, shown in ((["-n"], "c"), (["-n"], "a"), (["-p"], "c"), (["-l"], "a"), (["-l"], "c")):
            daemon.out("switch-client", *flags)
            wait_until(lambda shown=shown: _client_session(daemon) == shown, 10, f"switch-client {flags} to show {shown}")
        client.wait_for(lambda: client.layout and client.layout.session == "c", 10, "the client told of c")

        daemon.out("kill-session", "-t", "a")
        daemon.out("kill-session", "-t", "b")
        for flag, error in (("-l", "last"), ("-n", "next"), ("-p", "previous")):
            result = daemon.cli("switch-client", flag)
            assert (result.returncode, result.stderr) == (1, f"can't find {error} session\n")
        assert _client_session(daemon) == "c"
