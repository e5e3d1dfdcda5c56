"""Hooks the compat runner cannot show: client events (an attached client comes, resizes, switches
and goes), formats of a notification, a layout hook that changes the layout (no loop), and a
failing notification hook (only logged).

Expected behaviour is tmux 3.3a's: ``set-hook -g client-attached 'run "echo #{hook_client} >> F"'``
then attaching appends the client's name; a hook's commands notify nothing, so
``set-hook -g window-layout-changed 'select-layout tiled'`` runs once per layout change.
"""

from __future__ import annotations

from protocol_client import ProtocolClient
from tmux_py import protocol

from tests.conftest import wait_until


def _appending(daemon, hook: str, template: str) -> None:
    """The hook appends ``template`` (expanded for its target) to ``hooks.out`` in the daemon's root."""
    out = daemon.root / "hooks.out"
    assert daemon.cli("set-hook", "-g", hook, f"run \"echo {template} >> {out}\"").returncode == 0


def _lines(daemon) -> list[str]:
    out = daemon.root / "hooks.out"
    return out.read_text().splitlines() if out.exists() else []


def test_client_events_run_their_hooks(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    daemon.out("new", "-d", "-s", "b", "sleep 60")
    for hook in ("client-attached", "client-session-changed", "client-resized", "client-detached"):
        _appending(daemon, hook, f"{hook}:#{{hook_client}}:#{{session_name}}")
    with ProtocolClient(str(daemon.socket)) as client:
        client.attach("a")
        wait_until(lambda: len(_lines(daemon)) >= 2, message="attach hooks")
        name = _lines(daemon)[0].split(":")[1]
        assert name.startswith("client-")  # a client with no tty is named by its pid, as in tmuxpy's list-clients
        # tmux sets the session (client-session-changed) before it reports the attach.
        assert _lines(daemon)[:2] == [f"client-session-changed:{name}:a", f"client-attached:{name}:a"]
        client.send(protocol.Resize(columns=100, lines=30))
        wait_until(lambda: f"client-resized:{name}:a" in _lines(daemon), message="client-resized")
        client.send(protocol.Request(id=100, argv=["switch-client", "-t", "b"]))  # as the client's prompt would
        client.wait_for(lambda: 100 in client.replies, 10, "switch-client")
        assert client.replies[100].ok, client.replies[100].error
        wait_until(lambda: f"client-session-changed:{name}:b" in _lines(daemon), message="switch")
        client.send(protocol.Detach())
        wait_until(lambda: f"client-detached:{name}:b" in _lines(daemon), message="client-detached")


def test_a_notification_sees_the_hook_formats_of_its_event(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-n", "main", "sleep 60")
    _appending(daemon, "window-linked",
               "#{hook}:#{hook_session_name}:#{hook_window}:#{hook_window_name}:#{window_index}")
    _appending(daemon, "window-pane-changed", "#{hook}:#{hook_window}:#{pane_index}")
    daemon.out("neww", "-d", "-n", "other", "sleep 60")
    wait_until(lambda: _lines(daemon), message="window-linked")
    assert _lines(daemon) == ["window-linked:a:@1:other:1"]
    daemon.out("splitw", "-t", ":1", "sleep 60")
    wait_until(lambda: len(_lines(daemon)) == 2, message="window-pane-changed")
    assert _lines(daemon)[1] == "window-pane-changed:@1:1"


def test_a_layout_hook_that_changes_the_layout_runs_once(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "-x", "80", "-y", "24", "sleep 60")
    out = daemon.root / "hooks.out"
    hook = f"select-layout even-vertical ; run 'echo ran >> {out}'"
    assert daemon.cli("set-hook", "-g", "window-layout-changed", hook).returncode == 0
    daemon.out("splitw", "-h", "sleep 60")
    wait_until(lambda: _lines(daemon), message="window-layout-changed")
    # Stacked by the hook, though split side by side.
    assert daemon.out("lsp", "-F", "#{pane_left},#{pane_width}") == "0,80\n0,80\n"
    # The hook's own select-layout notified nothing: no second run follows.
    assert daemon.cli("wait-for", "-S", "nothing").returncode == 0
    assert _lines(daemon) == ["ran"]


def test_a_failing_notification_hook_is_logged_and_the_next_item_runs(daemon):
    daemon.out("-f", "/dev/null", "new", "-d", "-s", "a", "sleep 60")
    assert daemon.cli("set-hook", "-g", "session-renamed", "selectw -t :99").returncode == 0
    out = daemon.root / "hooks.out"
    assert daemon.cli("set-hook", "-ga", "session-renamed", f"run 'echo renamed:#{{session_name}} >> {out}'"
                      ).returncode == 0
    result = daemon.cli("rename-session", "b")
    assert (result.returncode, result.stderr) == (0, "")
    wait_until(lambda: _lines(daemon) == ["renamed:b"], message="the second item")
    # The log is written through a handler of its own: poll it too, not read it once.
    wait_until(lambda: "hook session-renamed: can't find window: 99" in next((daemon.root / "log").glob("*.log")).read_text(),
               message="the failing item logged")
