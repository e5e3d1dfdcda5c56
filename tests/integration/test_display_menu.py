"""display-menu: the menu the daemon builds and places for a client, as tmux 3.3a's.

Sizes and places were read from tmux 3.3a drawn in an outer tmux (80x24, the status line at
the bottom): the box is the widest item (shortcut included) plus 4 wide, its items plus 2 high."""

from __future__ import annotations

from protocol_client import ProtocolClient


def shown(client: ProtocolClient, number: int) -> dict:
    """The ``number``th menu this client was told to show (from 1), once it was."""
    return client.nth_action("menu", number)


def test_items_separators_and_disabled_names_are_sized_and_placed_as_tmux_does(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep", "60")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a", 80, 24)
        daemon.out("display-menu", "-T", "#[align=centre]#{session_name}", "", "Alpha #[bold]#{window_index}", "a",
                   "display -p #{pane_id}", "", "", "-Dis", "d", "x", "#{?window_zoomed_flag,Zoomed,}", "z", "x",
                   "Long item name", "C-r", "kill-pane", "No shortcut", "Foo", "x")
        menu = shown(client, 1)
        pane = daemon.out("display", "-p", "#{pane_id}").strip()
        assert [item if item["separator"] else (item["label"], item["key"], item["command"], item["disabled"])
                for item in menu["items"]] == [
            ("Alpha 0", "a", f"display -p {pane}", False),  # a separator never leads, nor doubles
            {"separator": True},
            ("Dis", "", "x", True),
            ("Long item name", "C-r", "kill-pane", False),  # an empty name leaves its item out
            ("No shortcut", "", "x", False),
        ]
        assert (menu["title"], menu["title_align"]) == ("a", "center")
        assert (menu["x"], menu["y"], menu["width"], menu["height"]) == (27, 7, 24, 7)

        daemon.out("display-menu", "-x", "3", "-y", "10", "One", "1", "x")
        assert {key: shown(client, 2)[key] for key in ("x", "y", "width", "height", "title_align")} == {
            "x": 3, "y": 7, "width": 11, "height": 3, "title_align": "left"}
        daemon.out("display-menu", "-x", "R", "-y", "S", "One", "1", "x")
        assert (shown(client, 3)["x"], shown(client, 3)["y"]) == (69, 20)
        daemon.out("split-window", "-h", "sleep 60")
        daemon.out("display-menu", "-x", "P", "-y", "P", "One", "1", "x")
        assert (shown(client, 4)["x"], shown(client, 4)["y"]) == (41, 20), "the active pane's left and bottom"
        daemon.out("new-window", "-d", "sleep 60")
        daemon.out("display-menu", "-t", ":1", "-x", "W", "-y", "W", "One", "1", "x")
        first = daemon.out("display", "-p", "-t", ":0", "#{window_index}:#{window_name}#{window_flags}").strip()
        assert shown(client, 5)["x"] == len(f"[a] {first} "), "where window 1 starts on the status line"

        daemon.out("display-menu", "", "#{?window_zoomed_flag,Zoomed,}", "z", "x", "")
        assert daemon.out("display-menu", "-x", "R", "One", "1", "x") == ""
        assert shown(client, 6)["x"] == 69, "a menu of nothing is not shown: the next one is the 6th"
        assert daemon.cli("display-menu", "One", "1").stderr == "not enough arguments\n"
        assert daemon.cli("display-menu", "-x", "left", "One", "1", "x").returncode == 1

