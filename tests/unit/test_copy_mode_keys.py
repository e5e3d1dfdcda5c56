"""Copy-mode key tables: tmux's defaults daemon-side, and how the client resolves a key (pure).

Expected lines are tmux 3.3a's (``tmux -f /dev/null``, ``list-keys -T copy-mode-vi`` and
``-T copy-mode``).
"""

from __future__ import annotations

from tmux_py.bindings import (COPY_MODE_TABLES, DEFAULT_COPY_MODE_BINDINGS, DEFAULT_COPY_MODE_VI_BINDINGS,
                              KeyTables)
from tmux_py.client.copy_mode import CopyMode, binding, copy_action, copy_command, send_x
from tmux_py.cmdline import split_commands


def test_the_daemon_holds_tmux_s_copy_mode_defaults_and_lists_them_as_tmux():
    tables = KeyTables()
    assert tables.lines("copy-mode-vi", "Space") == ["bind-key -T copy-mode-vi Space send-keys -X begin-selection"]
    assert tables.lines("copy-mode-vi", "PageUp") == ["bind-key -T copy-mode-vi PPage send-keys -X page-up"]
    assert tables.lines("copy-mode", "M-w") == ["bind-key -T copy-mode M-w send-keys -X copy-pipe-and-cancel"]
    vi = tables.lines("copy-mode-vi")
    assert vi[:2] == ["bind-key -T copy-mode-vi C-b    send-keys -X page-up",
                      "bind-key -T copy-mode-vi C-c    send-keys -X cancel"]
    # Padded to the widest key tmuxpy binds (tmux's widest is a mouse key, which tmuxpy leaves out).
    assert "bind-key -T copy-mode-vi \\$     send-keys -X end-of-line" in vi


def test_every_default_copy_mode_command_is_one_the_client_runs():
    for table in (DEFAULT_COPY_MODE_BINDINGS, DEFAULT_COPY_MODE_VI_BINDINGS):
        for key, command in table.items():
            argv = split_commands(command)[-1]
            if argv[0] == "command-prompt":  # search, goto, jumps, counts: the answer is a send -X or -N
                argv = split_commands(argv[-1].replace("%%", "1"))[0]
            found = copy_action(argv)
            # A count (send -N 1, no key) is the mode's too: the next command's count.
            assert found is not None and (found[0] is None or found[0] in CopyMode.COMMANDS), (key, command)


def test_a_key_resolves_through_the_mode_keys_table_as_the_daemon_sends_it():
    tables = KeyTables()
    tables.bind("copy-mode-vi", "v", [["send-keys", "-X", "begin-selection"]])
    tables.unbind("copy-mode-vi", "Space")
    tables.bind("copy-mode-vi", "C-x", [["kill-pane"]])
    sent = tables.for_client()
    assert set(COPY_MODE_TABLES.values()) <= set(sent)
    assert binding(sent, "vi", "v") == "send-keys -X begin-selection"
    assert binding(sent, "vi", "Space") is None, "an unbound key does nothing"
    assert binding(sent, "vi", "C-x") == "kill-pane" and copy_command("kill-pane") is None
    assert binding(sent, "emacs", "Space") == "send-keys -X page-down"  # the other table is untouched
    assert binding(sent, "vi", "PageDown") == "send-keys -X page-down"  # the client's names, tmux's keys
    assert copy_command(binding(sent, "vi", "v")) == "begin-selection"
    assert copy_command(binding(sent, "emacs", "C-s")) is None  # a prompt, run by the daemon
    tables.unbind("copy-mode-vi", None)
    assert tables.for_client()["copy-mode-vi"] == {} and binding(tables.for_client(), "vi", "q") is None


def test_send_x_reads_send_keys_as_tmux_s_getopt_does():
    assert send_x(["send-keys", "-X", "cancel"]) == ("cancel", [], 1)
    assert send_x(["send", "-X", "-N", "3", "cursor-down"]) == ("cursor-down", [], 3)
    assert send_x(["send", "-XN3", "cursor-down"]) == ("cursor-down", [], 3)
    assert send_x(["send", "-X", "--", "search-forward", "a b"]) == ("search-forward", ["a b"], 1)
    # Not copy-mode commands the client runs: no -X, none named, formats (-F) and targets (-t)
    # that only the daemon expands and resolves, a count that is no count.
    for argv in (["send-keys", "a"], ["send", "-X"], ["send", "-FX", "search-forward", "#{x}"],
                 ["send", "-X", "-t", "%1", "cancel"], ["send", "-X", "-N", "0", "cancel"],
                 ["send", "-X", "-N", "x", "cancel"], ["kill-pane"], []):
        assert send_x(argv) is None, argv
