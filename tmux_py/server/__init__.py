"""The daemon: sessions, windows and panes, each pane a PTY and its emulator."""
