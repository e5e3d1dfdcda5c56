"""Moving panes and windows with a client attached: what the compatibility suite cannot see
(the layout and screens an attached client is sent, a moved pane's program and PTY size)."""

from __future__ import annotations

import json

from protocol_client import ProtocolClient


def layout_panes(client: ProtocolClient) -> dict[str, tuple[int, int, int, int]]:
    return {pane["id"]: (pane["x"], pane["y"], pane["columns"], pane["lines"]) for pane in client.layout.panes}


def listed(daemon, target: str) -> dict[str, tuple[int, int, int, int]]:
    rows = daemon.out("lsp", "-t", target, "-F", "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height}")
    return {pane_id: tuple(map(int, rest)) for pane_id, *rest in (row.split() for row in rows.splitlines())}


def attached(daemon, session: str, columns: int = 80, lines: int = 25) -> ProtocolClient:
    client = ProtocolClient(str(daemon.socket))
    client.attach(session, columns, lines)
    return client


def test_attached_client_sees_a_pane_break_out_and_join_back_with_its_screen(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 600")
    pane = daemon.out("splitw", "-h", "-t", "a", "-P", "-F", "#{pane_id}",
                      "printf 'moved-1\\n'; exec sleep 600").strip()
    daemon.wait_for_text(pane, "moved-1")
    client = attached(daemon, "a")
    try:
        client.wait_for(lambda: "moved-1" in "\n".join(client.text(pane)), 10, "the pane's screen")

        daemon.out("breakp", "-s", pane, "-t", "a:5")
        client.wait_for(lambda: client.layout and list(layout_panes(client)) == [pane], 10,
                        "the broken-out pane alone in the window shown")
        assert [window["index"] for window in client.layout.windows if window["active"]] == [5]
        assert layout_panes(client) == listed(daemon, "a:5")
        client.wait_for(lambda: "moved-1" in "\n".join(client.text(pane)), 10, "its screen, kept")

        daemon.out("joinp", "-h", "-s", pane, "-t", "a:0.0")
        client.wait_for(lambda: client.layout and len(layout_panes(client)) == 2, 10, "the pane joined back")
        assert layout_panes(client) == listed(daemon, "a:0")
        assert [window["index"] for window in client.layout.windows] == [0]  # window 5 closed, empty
        client.wait_for(lambda: "moved-1" in "\n".join(client.text(pane)), 10, "its screen, kept again")
    finally:
        client.close()


def test_a_moved_pane_keeps_its_program_and_its_pty_takes_the_new_size(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 600")
    daemon.out("neww", "-d", "-t", "a:1", "sleep 600")
    pane = daemon.out("splitw", "-h", "-t", "a:1", "-P", "-F", "#{pane_id}",
                      "printf 'ready\\n'; read line; stty size; exec sleep 600").strip()
    daemon.wait_for_text(pane, "ready")
    pid = daemon.out("display", "-p", "-t", pane, "#{pane_pid}").strip()

    daemon.out("movep", "-s", pane, "-t", "a:0.0")
    assert daemon.out("display", "-p", "-t", pane, "#{window_index} #{pane_pid}").split() == ["0", pid]
    width, height = listed(daemon, "a:0")[pane][2:]
    daemon.out("send-keys", "-t", pane, "Enter")
    daemon.wait_for_text(pane, f"{height} {width}")


def test_a_window_moved_to_a_seen_session_takes_its_clients_size(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 600")
    daemon.out("neww", "-d", "-t", "a:1", "sleep 600")
    daemon.out("new", "-d", "-s", "b", "-x", "80", "-y", "24", "sleep 600")
    client = attached(daemon, "b", columns=60, lines=20)
    try:
        client.wait_for(lambda: client.layout and client.layout.columns == 60, 10, "session b at the client's size")
        size = (client.layout.columns, client.layout.lines)

        daemon.out("movew", "-s", "a:1", "-t", "b:3")
        client.wait_for(lambda: [w["index"] for w in client.layout.windows if w["active"]] == [3], 10,
                        "the moved window shown")
        assert (client.layout.columns, client.layout.lines) == size
        assert daemon.out("display", "-p", "-t", "b:3", "#{window_width} #{window_height}").split() == \
            [str(size[0]), str(size[1])]
        # A session nobody sees keeps its windows' sizes, as tmux.
        daemon.out("movew", "-d", "-s", "b:0", "-t", "a:7")
        assert daemon.out("display", "-p", "-t", "a:7", "#{window_width}").strip() == str(size[0])
    finally:
        client.close()


def test_rotate_keeping_zoom_lists_hidden_panes_at_their_places(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 600")
    daemon.out("splitw", "-h", "-t", "a", "sleep 600")
    daemon.out("splitw", "-t", "a", "sleep 600")
    places = {pane["id"]: (pane["x"], pane["y"]) for pane in json.loads(daemon.out("lsp", "-t", "a", "--json"))}
    daemon.out("resizep", "-Z", "-t", "a:0.1")
    daemon.out("rotatew", "-Z", "-t", "a")
    panes = json.loads(daemon.out("lsp", "-t", "a", "--json"))
    # tmux 3.3a: the pane rotated into the active cell (%2) is zoomed, the others moved round a cell.
    zoomed = [pane for pane in panes if pane["active"]]
    assert [(pane["id"], pane["x"], pane["y"], pane["width"], pane["height"]) for pane in zoomed] == \
        [("%2", 0, 0, 80, 24)]
    assert {pane["id"]: (pane["x"], pane["y"]) for pane in panes if not pane["active"]} == \
        {"%1": places["%0"], "%0": places["%2"]}


def test_swap_pane_across_windows_moves_screens_and_options(daemon):
    daemon.out("new", "-d", "-s", "a", "-x", "80", "-y", "24", "printf 'left-screen\\n'; exec sleep 600")
    daemon.out("neww", "-d", "-t", "a:1", "printf 'right-screen\\n'; exec sleep 600")
    daemon.out("splitw", "-h", "-t", "a:1", "sleep 600")
    left, right = (daemon.out("display", "-p", "-t", target, "#{pane_id}").strip() for target in ("a:0.0", "a:1.0"))
    daemon.wait_for_text(left, "left-screen")
    daemon.wait_for_text(right, "right-screen")
    daemon.out("set", "-w", "-t", "a:1", "synchronize-panes", "on")
    client = attached(daemon, "a")
    try:
        daemon.out("swapp", "-s", right, "-t", left)
        client.wait_for(lambda: client.layout and right in layout_panes(client), 10, "the swapped-in pane shown")
        client.wait_for(lambda: "right-screen" in "\n".join(client.text(right)), 10, "its screen, kept")
        assert daemon.out("display", "-p", "-t", left, "#{window_index} #{pane_synchronized}").split() == ["1", "1"]
        assert daemon.out("display", "-p", "-t", right, "#{window_index} #{pane_synchronized}").split() == ["0", "0"]
    finally:
        client.close()
