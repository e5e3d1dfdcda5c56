"""keymap.missing_bindings: what of config.toml's [bindings] a daemon's prefix table lacks."""

from __future__ import annotations

from tmux_py.bindings import KeyTables
from tmux_py.client.keymap import missing_bindings
from tmux_py.cmdline import split_commands


def daemon_prefix(config: dict[str, str]) -> dict[str, str]:
    """The prefix table a daemon sends after reading ``config`` at start (as daemon.py loads it)."""
    tables = KeyTables()
    for key, command in config.items():
        if command:
            tables.bind("prefix", key, split_commands(command))
        else:
            tables.unbind("prefix", key)
    return tables.for_client()["prefix"]


def test_a_daemon_that_read_the_same_bindings_lacks_none_whatever_their_spelling():
    config = {
        "PageUp": "copy-mode -u",  # listed as PPage
        "$": "command-prompt -I \"#{session_name}\" -p '(rename-session)' 'rename-session -- \"%%\"'",
        "|": "split-window -h ; select-pane -L",
        "x": "",
    }
    assert missing_bindings(config, daemon_prefix(config)) == []


def test_a_daemon_with_the_defaults_lacks_the_changes_only():
    config = {"|": "split-window -h", "%": "split-window -h", "x": "", "y": "", "C-PageUp": "previous-window"}
    assert missing_bindings(config, daemon_prefix({})) == [
        ["bind-key", "|", "split-window -h"], ["unbind-key", "x"], ["bind-key", "C-PageUp", "previous-window"],
    ]


def test_a_binding_changed_since_or_named_by_an_alias_is_sent_again():
    config = {"|": "split-window -h", "v": "splitw -v"}
    changed = {**daemon_prefix({}), "|": "split-window -v", "v": "split-window -v"}
    assert missing_bindings(config, changed) == [["bind-key", "|", "split-window -h"], ["bind-key", "v", "splitw -v"]]
