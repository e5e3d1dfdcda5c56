"""history-file: the prompts' history outlives the daemon, as tmux 3.3a's."""

from __future__ import annotations

from protocol_client import ProtocolClient

from tmux_py import protocol


def test_the_history_is_written_when_the_daemon_stops_and_read_when_the_next_starts(daemon):
    saved = daemon.root / "history"
    conf = daemon.root / "tmuxpy.conf"
    conf.write_text(f"set -g history-file {saved}\nset -g prompt-history-limit 2\n")
    daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a")
        client.send(protocol.PromptEntered(kind="command", text="new-window"),
                    protocol.PromptEntered(kind="search", text="needle"),
                    protocol.PromptEntered(kind="command", text="split-window"),
                    protocol.PromptEntered(kind="command", text="kill-pane"),  # the limit drops new-window
                    protocol.PromptEntered(kind="nonsense", text="dropped"))
        client.wait_for(lambda: "2: kill-pane" in daemon.out("showphist", "-T", "command"), 10, "the lines kept")
    daemon.out("kill-server")
    assert saved.read_text() == "command:split-window\ncommand:kill-pane\nsearch:needle\n"
    daemon.out("-f", str(conf), "new", "-d", "-s", "b", "sleep 60")
    assert daemon.out("showphist", "-T", "command") == "History for command:\n\n1: split-window\n2: kill-pane\n\n"
    assert daemon.out("showphist", "-T", "search") == "History for search:\n\n1: needle\n\n"
