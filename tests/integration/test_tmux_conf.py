"""A real ~/.tmux.conf loads into a real daemon without an error (issue 7), through -f and source-file.

Expected values are tmux 3.3a's for the same file (``tmux -L x -f tmux.conf new -d``, then
``show -g NAME`` and ``list-keys -T TABLE KEY``).
"""

from __future__ import annotations

import shlex
import sys

#: A typical ~/.tmux.conf: a prefix of C-a, vi keys, colours, pane keys, copy-mode-vi keys, a plugin.
TMUX_CONF = """\
# A typical ~/.tmux.conf
unbind C-b
set -g prefix C-a
bind C-a send-prefix
set -g mouse on
set -g base-index 1
setw -g pane-base-index 1
set -g renumber-windows on
set -g history-limit 50000
set -sg escape-time 0
set -g default-terminal "screen-256color"
setw -g mode-keys vi
set -g status-position top
set -g set-titles on
setw -g monitor-activity on
setw -g aggressive-resize on
setw -g automatic-rename on
set -g allow-rename off
set -g status-style 'bg=colour235 fg=colour136'
set -g status-left '#[fg=green]#S '
set -g status-right '%H:%M %d-%b-%y'
set -g status-interval 5
set -g pane-border-style fg=colour238
set -g pane-active-border-style fg=colour51
set -g message-style 'fg=white bg=black bold'
set -g display-time 2000
set -g focus-events on
set -g visual-activity off
setw -g window-status-current-style 'fg=colour81 bg=colour238 bold'
bind | split-window -h -c "#{pane_current_path}"
bind - split-window -v -c "#{pane_current_path}"
bind c new-window -c "#{pane_current_path}"
bind r source-file ~/.tmux.conf \\; display-message "Config reloaded"
bind -n M-Left select-pane -L
bind -n M-Right select-pane -R
bind -n M-Up select-pane -U
bind -n M-Down select-pane -D
bind h select-pane -L
bind j select-pane -D
bind k select-pane -U
bind l select-pane -R
bind -r H resize-pane -L 5
bind -r J resize-pane -D 5
bind -T copy-mode-vi v send-keys -X begin-selection
bind -T copy-mode-vi y send-keys -X copy-selection-and-cancel
bind x kill-pane
bind & kill-window
bind S setw synchronize-panes
if-shell "test -f /nonexistent" "source-file /nonexistent"
set -g @plugin 'tmux-plugins/tpm'
"""

#: ``show`` lines tmux 3.3a prints after loading TMUX_CONF, by the flags that list them.
SHOWN = {
    "-g": ["prefix C-a", 'status-style "bg=colour235 fg=colour136"', 'status-left "#[fg=green]#S "',
           "status-interval 5", 'message-style "fg=white bg=black bold"', "display-time 2000",
           "visual-activity off", "history-limit 50000", "@plugin tmux-plugins/tpm"],
    "-gw": ["mode-keys vi", "pane-border-style fg=colour238", "pane-active-border-style fg=colour51",
            'window-status-current-style "fg=colour81 bg=colour238 bold"', "monitor-activity on",
            "pane-base-index 1"],
    "-s": ["escape-time 0", "focus-events on", "default-terminal screen-256color"],
}


def bindings(home: str) -> dict[tuple[str, str], str]:
    """``list-keys -T TABLE KEY`` as tmux 3.3a prints it for TMUX_CONF (``~`` is expanded when read)."""
    return {
        ("copy-mode-vi", "v"): "bind-key -T copy-mode-vi v send-keys -X begin-selection",
        ("copy-mode-vi", "y"): "bind-key -T copy-mode-vi y send-keys -X copy-selection-and-cancel",
        ("prefix", "r"): f'bind-key -T prefix r source-file {home}/.tmux.conf \\; display-message "Config reloaded"',
        ("prefix", "|"): 'bind-key -T prefix | split-window -h -c "#{pane_current_path}"',
        ("prefix", "C-a"): "bind-key -T prefix C-a send-prefix",
        ("prefix", "H"): "bind-key -r -T prefix H resize-pane -L 5",
        ("root", "M-Left"): "bind-key -T root M-Left select-pane -L",
        ("prefix", "S"): "bind-key -T prefix S set-window-option synchronize-panes",
    }


def assert_loaded(daemon) -> None:
    for flags, lines in SHOWN.items():
        shown = daemon.out("show", flags).splitlines()
        for line in lines:
            assert line in shown, (flags, line)
    home = daemon.env["HOME"]
    for (table, key), line in bindings(home).items():
        assert daemon.out("lsk", "-T", table, key) == line + "\n"
    unbound = daemon.cli("lsk", "-T", "prefix", "C-b")
    assert (unbound.returncode, unbound.stderr) == (1, "unknown key: C-b\n")


def test_a_tmux_conf_loads_through_dash_f_without_an_error(daemon):
    conf = daemon.root / "tmux.conf"
    conf.write_text(TMUX_CONF)
    daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    assert_loaded(daemon)
    assert daemon.out("lsw", "-F", "#{window_index}.#{pane_index}") == "1.1\n"
    # The file is sourced before the daemon answers: any error would be in its log by now.
    assert "config:" not in next((daemon.root / "log").glob("*.log")).read_text()


def test_a_tmux_conf_loads_through_source_file_without_an_error(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    conf = daemon.root / "tmux.conf"
    conf.write_text(TMUX_CONF)
    result = daemon.cli("source-file", str(conf))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert_loaded(daemon)


def test_a_tpm_line_runs_the_plugin_manager_before_the_daemon_answers(daemon):
    """``run '~/.tmux/plugins/tpm/tpm'`` ends a TPM config: tmux waits for it, and TPM reads the
    @plugin options back through the server while it runs."""
    daemon.env["HOME"] = str(daemon.root)
    cli = f"{shlex.quote(sys.executable)} -m tmux_py -S {shlex.quote(str(daemon.socket))}"
    tpm = daemon.root / ".tmux" / "plugins" / "tpm" / "tpm"
    tpm.parent.mkdir(parents=True)
    tpm.write_text(f'#!/bin/sh\n{cli} set -g @tpm-loaded "$({cli} show -gv @plugin)"\n')
    tpm.chmod(0o755)
    conf = daemon.root / "tmux.conf"
    conf.write_text(TMUX_CONF + "run '~/.tmux/plugins/tpm/tpm'\n")
    daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("show", "-gv", "@tpm-loaded") == "tmux-plugins/tpm\n"
    assert_loaded(daemon)


def test_send_keys_dash_x_binds_in_copy_mode_tables_and_says_where_copy_mode_runs(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("bind", "-T", "copy-mode", "C-Space", "send", "-X", "-N", "2", "begin-selection")
    assert daemon.out("lsk", "-T", "copy-mode", "C-Space") == (
        "bind-key -T copy-mode C-Space send-keys -X -N 2 begin-selection\n")
    result = daemon.cli("send-keys", "-X", "cancel")
    assert result.returncode == 1
    assert result.stderr == "not in a mode\n", "tmux's words: no client shows the pane in copy mode"


def test_a_binding_may_name_a_command_alias(daemon):
    conf = daemon.root / "alias.conf"
    conf.write_text("set -s command-alias[100] 'zz=list-windows -a'\nbind z zz\n")
    daemon.out("-f", str(conf), "new", "-d", "-s", "a", "sleep 60")
    assert daemon.out("lsk", "-T", "prefix", "z") == "bind-key -T prefix z list-windows -a\n"
