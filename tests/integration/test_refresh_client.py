"""refresh-client: an attached client is sent its layout and whole panes again (-S: the layout only)."""

from __future__ import annotations

from protocol_client import ProtocolClient


def test_refresh_client_sends_everything_again_and_dash_s_the_layout_only(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep", "60")
    assert daemon.cli("refresh-client").stderr == "no current client\n"
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 25)
        client.wait_for(lambda: client.layout and client.full_updates, 10, "the first layout and screen")
        first_layout, sent_whole = client.layout, client.full_updates

        daemon.out("refresh-client", "-S", "-t", "a")
        client.wait_for(lambda: client.layout is not first_layout, 10, "the layout sent again")
        assert client.full_updates == sent_whole, "-S redraws the status line only"

        daemon.out("refresh-client", "-t", "a")
        client.wait_for(lambda: client.full_updates > sent_whole, 10, "the pane sent whole again")
        for flag in ("-C", "-A", "-B"):
            result = daemon.cli("refresh-client", flag, "x", "-t", "a")
            assert (result.returncode, result.stderr) == (1, "not a control client\n")
