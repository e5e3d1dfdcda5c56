"""choose-buffer, choose-client and find-window: the daemon sends the attached client a list to
pick from, each item with the command picking it runs (tmux's templates, %% the chosen name)."""

from __future__ import annotations

from protocol_client import ProtocolClient


def chooser(client: ProtocolClient, title: str) -> list[dict]:
    action = client.wait_for(lambda: next((a for a in reversed(client.actions)
                                           if a.action == "choose-tree" and a.args["title"] == title), None),
                             10, f"the {title} list")
    client.actions.clear()
    return action.args["items"]


def test_choose_buffer_lists_the_buffers_and_picking_one_pastes_it(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "cat")
    daemon.out("set-buffer", "older")
    daemon.out("set-buffer", "newest")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("choose-buffer", "-t", "a")
        items = chooser(client, "buffers")
        assert [item["label"] for item in items] == ['buffer0: 6 bytes: "newest"', 'buffer1: 5 bytes: "older"']
        assert items[1]["command"] == "paste-buffer -p -b buffer1"
        daemon.out("paste-buffer", "-p", "-b", "buffer1", "-t", "a")
        daemon.wait_for_text("a", "older")
        daemon.out("choose-buffer", "-r", "-t", "a", "set-buffer -b %% again")
        assert chooser(client, "buffers")[0]["command"] == "set-buffer -b buffer1 again"


def test_choose_client_lists_the_clients_and_its_default_detaches_by_name(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("choose-client", "-t", "a")
        [item] = chooser(client, "clients")
        name = daemon.out("list-clients", "-F", "#{client_name}").strip()
        assert item["label"].startswith(f"{name}: a [80x24") and item["command"] == f"detach-client -t {name}"
        daemon.out("detach-client", "-t", name)
        client.wait_for(lambda: client.exit is not None, 10, "the client detached by name")


def test_find_window_matches_names_titles_and_contents(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-n", "editor", "sleep", "60")
    daemon.out("neww", "-d", "-t", "a", "-n", "logs", "sh", "-c", "echo needle-in-here; exec sleep 60")
    daemon.wait_for_text("a:1", "needle-in-here")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("find-window", "-t", "a", "needle")
        assert [item["label"] for item in chooser(client, "windows matching needle")] == ["a:1: logs"]
        daemon.out("find-window", "-N", "-t", "a", "EDIT")
        assert chooser(client, "windows matching EDIT") == []
        daemon.out("find-window", "-Ni", "-t", "a", "EDIT")
        [item] = chooser(client, "windows matching EDIT")
        assert item["label"] == "a:0: editor" and item["command"].startswith("switch-client -t @")
        daemon.out("find-window", "-r", "-t", "a", "^need.e")
        assert [item["label"] for item in chooser(client, "windows matching ^need.e")] == ["a:1: logs"]
        assert daemon.cli("find-window", "-r", "-t", "a", "(").stderr.startswith("bad regular expression")


def test_choose_client_lists_every_client_each_with_its_own_name(daemon):
    # -t names the pane the list is shown over, not the clients listed (as tmux's).
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    daemon.out("new", "-d", "-s", "b", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as first, ProtocolClient(str(daemon.socket)) as second:
        first.attach("a", 80, 24, tty="/dev/pts/first")
        second.attach("b", 80, 24, tty="/dev/pts/second")
        daemon.out("choose-client", "-t", "b")
        items = chooser(second, "clients")
        assert sorted((item["label"].split(":")[0], item["command"]) for item in items) == [
            ("/dev/pts/first", "detach-client -t /dev/pts/first"),
            ("/dev/pts/second", "detach-client -t /dev/pts/second")]
