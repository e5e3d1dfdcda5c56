"""Fixtures for client tests: the app, attached to a session of a real daemon (``daemon``)."""

from __future__ import annotations

import pytest

from tmux_py.client.app import TmuxApp


@pytest.fixture
def make_app(daemon):
    """Build a TmuxApp for a session of ``daemon`` (built-in themes, no config file)."""

    def make(session_id: str, **kwargs) -> TmuxApp:
        return TmuxApp(str(daemon.socket), session_id, **kwargs)

    return make
