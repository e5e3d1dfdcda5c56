"""config.toml's [bindings] reach the daemon's prefix table once, not again on every attach.

The daemon reads config.toml when it starts; the client sends a binding only
when the daemon's tables (sent right after attach) lack it: a daemon started
with another config directory.
"""

from __future__ import annotations

import pytest

from tmux_py.client.connection import DaemonConnection
from tmux_py.config import load_config, parse_config

from .tui_support import async_test, new_session, until

CONFIG = '[bindings]\n"|" = "split-window -h"\n"%" = "split-window -h"\n"x" = ""\n"y" = ""\n'


@pytest.fixture
def requests(monkeypatch) -> list[list[str]]:
    """Every argv the client asks the daemon to run, in order."""
    sent: list[list[str]] = []
    request = DaemonConnection.request

    def recording(self, argv, cwd=""):
        sent.append(list(argv))
        return request(self, argv, cwd)

    monkeypatch.setattr(DaemonConnection, "request", recording)
    return sent


def binding_requests(sent: list[list[str]]) -> list[list[str]]:
    return [argv for argv in sent if argv[0] in ("bind-key", "unbind-key")]


async def attach_and_check(attach, session: str, config) -> None:
    """Attach, wait until the client has compared config.toml with the daemon's first tables."""
    async with attach(session, config=config) as client:
        await until(lambda: client.app.config_bindings_checked, message="the daemon's tables")


@async_test
async def test_a_daemon_that_read_config_toml_is_sent_none_of_its_bindings(daemon, attach, requests):
    directory = daemon.root / "config"
    directory.mkdir()
    (directory / "config.toml").write_text(CONFIG)
    session = new_session(daemon)  # the daemon starts here and reads config.toml
    config = load_config(directory)
    assert config.bindings and not config.problems
    for _ in range(2):
        await attach_and_check(attach, session, config)
    assert binding_requests(requests) == []
    assert daemon.out("list-keys", "-T", "prefix", "|").split()[3:] == ["|", "split-window", "-h"]
    assert "unknown key" in daemon.cli("list-keys", "-T", "prefix", "x").stderr


@async_test
async def test_a_daemon_started_with_another_config_learns_only_what_it_lacks(daemon, attach, requests):
    session = new_session(daemon)  # no config.toml in the daemon's config directory
    config = parse_config(CONFIG, "elsewhere/config.toml")
    await attach_and_check(attach, session, config)
    # "%" is tmux's default already and "y" is bound to nothing: neither is sent.
    assert binding_requests(requests) == [["bind-key", "|", "split-window -h"], ["unbind-key", "x"]]
    await until(lambda: "|" in daemon.out("list-keys", "-T", "prefix"), message="the binding in the daemon")
    assert "unknown key" in daemon.cli("list-keys", "-T", "prefix", "x").stderr
    requests.clear()
    async with attach(session, config=config) as client:
        app, pilot = client.app, client.pilot
        await until(lambda: app.config_bindings_checked, message="the daemon's tables")
        assert binding_requests(requests) == []  # the second attach: the daemon has them now
        await pilot.press("ctrl+b", "vertical_line")
        await until(lambda: len(app.window_view.panes) == 2, message="config.toml's binding")


@async_test
async def test_an_attach_does_not_undo_what_was_set_since_the_daemon_read_config_toml(daemon, attach, requests):
    directory = daemon.root / "config"
    directory.mkdir()
    (directory / "config.toml").write_text('status-position = "top"\n')
    session = new_session(daemon)
    daemon.out("set", "-g", "status-position", "bottom")  # a user's change while it runs
    await attach_and_check(attach, session, load_config(directory))
    assert not [argv for argv in requests if argv[0] == "set-option"]
    assert daemon.out("show", "-gv", "status-position") == "bottom\n"
    # A client with another config.toml still brings its options over.
    await attach_and_check(attach, session, parse_config('status-position = "top"\n', "elsewhere/config.toml"))
    await until(lambda: daemon.out("show", "-gv", "status-position") == "top\n", message="the other client's option")
