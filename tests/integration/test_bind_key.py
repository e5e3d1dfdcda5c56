"""bind-key, unbind-key and list-keys against a real daemon; attached clients get the tables.

Expected lines are tmux 3.3a's for the same bindings (``tmux -f b.conf``, then
``list-keys -T prefix`` / ``-T root``), except where noted.
"""

from __future__ import annotations

from protocol_client import ProtocolClient


CONF = (
    "bind x split-window \\; select-pane -U\n"
    "bind -n M-h select-pane -L\n"
    "bind -r h select-pane -L\n"
    "bind z display \"a b\"\n"
    "unbind p\n"
)


class ActionClient(ProtocolClient):
    """A protocol client that reads the key tables from the ui actions the daemon sent it."""

    def tables(self) -> dict | None:
        found = [action.args["tables"] for action in self.actions if action.action == "bindings"]
        return found[-1] if found else None


def test_bindings_from_the_config_and_list_keys_as_tmux(daemon):
    conf = daemon.root / "b.conf"
    conf.write_text(CONF)
    daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    lines = daemon.out("lsk", "-T", "prefix").splitlines()
    assert lines[:4] == [
        "bind-key    -T prefix C-b     send-prefix",
        "bind-key    -T prefix C-o     rotate-window",
        "bind-key    -T prefix C-z     suspend-client",
        "bind-key    -T prefix Space   next-layout",
    ]
    for line in ("bind-key -r -T prefix h       select-pane -L",
                 "bind-key    -T prefix x       split-window \\; select-pane -U",
                 "bind-key    -T prefix z       display-message \"a b\"",
                 "bind-key    -T prefix PPage   copy-mode -u",
                 "bind-key -r -T prefix C-Right resize-pane -R"):
        assert line in lines
    assert not any(line.split()[3] == "p" for line in lines)
    assert daemon.out("lsk", "-T", "root", "M-h") == "bind-key -T root M-h select-pane -L\n"
    assert daemon.out("lsk", "-T", "prefix", "z") == "bind-key -T prefix z display-message \"a b\"\n"


def test_bind_errors_and_tables(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    failures = {
        ("lsk", "-T", "nosuch"): "table nosuch doesn't exist",
        ("unbind", "-T", "nosuch", "x"): "table nosuch doesn't exist",
        ("bind", "Foo", "x"): "unknown key: Foo",
        ("bind", "q", "frob"): "unknown command: frob",
    }
    for argv, message in failures.items():
        result = daemon.cli(*argv)
        assert (result.returncode, result.stderr) == (1, message + "\n"), argv
    assert daemon.cli("unbind", "Q").returncode == 0
    daemon.out("bind", "-T", "mytable", "a", "display", "hi")
    assert daemon.out("lsk", "-T", "mytable") == "bind-key -T mytable a display-message hi\n"
    daemon.out("unbind", "-a", "-T", "mytable")
    assert daemon.cli("lsk", "-T", "mytable").stderr == "table mytable doesn't exist\n"


def test_attached_clients_get_the_tables_on_attach_and_on_change(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("bind", "|", "split-window", "-h")
    client = ActionClient(str(daemon.socket))
    try:
        client.attach("a")
        tables = client.wait_for(client.tables, 10, "key tables on attach")
        assert tables["prefix"]["|"] == "split-window -h" and tables["root"] == {}
        daemon.out("bind", "-n", "M-x", "new-window", "\\;", "split-window")  # tmux bind ... '\;' ...
        changed = client.wait_for(lambda: (client.tables() or {}).get("root"), 10, "root table change")
        assert changed == {"M-x": "new-window ; split-window"}
    finally:
        client.close()


def test_cli_semicolons_separate_commands_as_tmux(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("set", "-g", "@a", "1", ";", "set", "-g", "@b", "2")  # tmux set ... \; set ...
    daemon.out("set", "-g", "@c", "x;")
    daemon.out("set", "-g", "@d", "x\\;")
    # tmux 3.3a after the same argv: @b 2, @c x, @d "x;"
    assert daemon.out("show", "-g", "@b", ";", "show", "-g", "@c", ";", "show", "-g", "@d") == '@b 2\n@c x\n@d "x;"\n'


def test_keys_bind_under_any_spelling_and_list_as_tmux(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    for spelling in ("END", "pgup", "C-M-x", "^a", "mousedown1pane"):
        daemon.out("bind", "-T", "names", spelling, "display", spelling)
    # tmux 3.3a, list-keys -T names after the same binds.
    assert daemon.out("lsk", "-T", "names").splitlines() == [
        "bind-key -T names C-a            display-message ^a",
        "bind-key -T names MouseDown1Pane display-message mousedown1pane",
        "bind-key -T names End            display-message END",
        "bind-key -T names PPage          display-message pgup",
        "bind-key -T names M-C-x          display-message C-M-x",
    ]
    assert daemon.out("lsk", "-T", "names", "PageUp") == "bind-key -T names PPage display-message pgup\n"
    daemon.out("unbind", "-T", "names", "m-c-X")
    assert "M-C-x" not in daemon.out("lsk", "-T", "names")
    assert daemon.cli("bind", "Return", "display", "x").stderr == "unknown key: Return\n"


def test_list_keys_1n_shows_its_line_on_an_attached_client(daemon):
    # tmux 3.3a: with a client attached, `list-keys -1N %` from the shell prints nothing and the
    # client's status line shows the line; with none, the shell gets it.
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("lsk", "-1N", "%") == "C-b % Split window horizontally\n"
    client = ActionClient(str(daemon.socket))
    try:
        client.attach("a")
        client.wait_for(client.tables, 10, "key tables on attach")
        assert daemon.out("lsk", "-1N", "%") == ""
        messages = lambda: [action.args["text"] for action in client.actions if action.action == "message"]
        assert client.wait_for(messages, 10, "the message") == ["C-b % Split window horizontally"]
        assert daemon.out("lsk", "-N", "%") == "C-b % Split window horizontally\n"  # -1 alone goes to the client
    finally:
        client.close()
