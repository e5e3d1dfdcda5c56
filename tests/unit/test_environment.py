"""update-environment and command-alias, the pure parts: what a client's environment gives a
session, and what an alias line becomes."""

from __future__ import annotations

import pytest

from tmux_py.commands import CommandError, expand_alias
from tmux_py.commands.environment import Hidden, from_client, visible


def test_update_environment_copies_matches_and_marks_the_rest_removed():
    patterns = ((0, "DISPLAY"), (1, "SSH_*"), (2, "XAUTHORITY"))
    client = {"DISPLAY": ":1", "SSH_AUTH_SOCK": "/a", "SSH_AGENT_PID": "7", "HOME": "/h"}
    assert from_client(patterns, client) == {"DISPLAY": ":1", "SSH_AUTH_SOCK": "/a", "SSH_AGENT_PID": "7",
                                             "XAUTHORITY": None}
    assert from_client(patterns, {}) == {}  # no client (a config file, a binding): nothing changes


def test_command_alias_replaces_the_first_word_once():
    aliases = ((0, "splitp=split-window"), (5, "yy=display -p 'a b'"), (6, "loop=loop -x"))
    assert expand_alias(aliases, ["yy", "-t", "x"]) == ["display", "-p", "a b", "-t", "x"]
    assert expand_alias(aliases, ["splitp", "-h"]) == ["split-window", "-h"]
    assert expand_alias(aliases, ["loop"]) == ["loop", "-x"]  # expanded once, not again
    assert expand_alias(aliases, ["list-sessions"]) == ["list-sessions"]
    with pytest.raises(CommandError, match="^command-alias bad: "):
        expand_alias(((0, "bad=display \""),), ["bad"])


def test_hidden_values_are_given_to_no_process():
    assert visible({"A": "1", "H": Hidden("2")}) == {"A": "1"}
