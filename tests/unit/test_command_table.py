"""The command table: names unique, getopt parsing as tmux's, usage from the entry."""

from __future__ import annotations

import pytest

from tmux_py import commands
from tmux_py.commands.entry import CommandEntry, UsageError


def test_names_and_aliases_are_unique_and_documented():
    seen = set()
    for entry in commands.COMMANDS:
        for name in (entry.name, *entry.aliases):
            assert name not in seen
            seen.add(name)
        assert entry.help, entry.name
        assert callable(entry.handler)


@pytest.mark.parametrize("alias, name", [
    ("new", "new-session"), ("ls", "list-sessions"), ("a", "attach-session"), ("splitw", "split-window"),
    ("send", "send-keys"), ("capturep", "capture-pane"), ("display", "display-message"), ("lsp", "list-panes"),
    ("resizew", "resize-window"), ("kill-ser", "kill-server"),
])
def test_find_by_alias_and_unique_prefix(alias, name):
    assert commands.find(alias).name == name


def test_ambiguous_and_unknown():
    with pytest.raises(commands.CommandError, match="ambiguous command: list"):
        commands.find("list")
    with pytest.raises(commands.CommandError, match="unknown command: nope"):
        commands.find("nope")


ENTRY = CommandEntry("demo", lambda ctx, args: None, flags="dhl:p:t:", long_flags=("json",),
                     usage="[-dh] [-l size] [-t target] [command ...]", max_args=None)


def test_getopt_forms():
    args = ENTRY.parse(["-dh", "-l5", "-t", "a:1", "--json", "vim", "-x"])
    assert args.flags == {"d": True, "h": True, "l": "5", "t": "a:1", "json": True}
    assert args.positional == ["vim", "-x"]  # flags stop at the first argument, as in tmux
    assert ENTRY.parse(["--", "-d"]).positional == ["-d"]
    assert ENTRY.parse(["-dl", "7"]).flags == {"d": True, "l": "7"}


@pytest.mark.parametrize("argv", [["-z"], ["-l"], ["-t"]])
def test_usage_errors_carry_the_usage_line(argv):
    with pytest.raises(UsageError) as error:
        ENTRY.parse(argv)
    assert str(error.value) == "usage: demo [-dh] [-l size] [-t target] [command ...]"


def test_argument_count_is_checked():
    with pytest.raises(UsageError, match="usage: rename-session"):
        commands.parse(["rename-session"])
    with pytest.raises(UsageError):
        commands.parse(["kill-server", "extra"])


def test_number_flags_are_checked():
    args = ENTRY.parse(["-l", "abc"])
    with pytest.raises(commands.CommandError, match="not a number"):
        args.number("l")
    assert ENTRY.parse(["-l", "12"]).number("l", minimum=1, maximum=20) == 12
    with pytest.raises(commands.CommandError, match="out of range"):
        ENTRY.parse(["-l", "0"]).number("l", minimum=1)


def test_a_repeated_flag_keeps_every_value_and_value_is_the_last():
    entry = commands.find("respawn-pane")
    args = entry.parse(["-e", "A=1", "-eB=2", "-k", "-e", "C=x=y", "sh"])
    assert args.values("e") == ["A=1", "B=2", "C=x=y"]  # in order, as tmux's args_values
    assert args.value("e") == "C=x=y"  # the last, as tmux's args_get
    assert args.values("c") == [] and args.values("k") == []  # none given; a flag without a value has none


def test_a_bound_command_alias_is_expanded_and_kept_expanded():
    from tmux_py.commands.binding import bound_commands

    aliases = ((0, "splitp=split-window"), (100, "zz=list-sessions -F '#S'"))
    assert bound_commands(aliases, ["zz"]) == [["list-sessions", "-F", "#S"]]  # tmux lists `z list-sessions ...`
    assert bound_commands(aliases, ["splitp", "-h", ";", "zz"]) == [["split-window", "-h"],
                                                                   ["list-sessions", "-F", "#S"]]
    assert bound_commands(aliases, ["send", "-X", "-N", "3", "cursor-down"]) == [
        ["send-keys", "-X", "-N", "3", "cursor-down"]]
    with pytest.raises(commands.CommandError, match="^unknown command: zz$"):
        bound_commands((), ["zz"])
