"""Fixtures for client tests: the app, attached to a session of a real daemon (``daemon``)."""

from __future__ import annotations

import contextlib

import pytest

from tmux_py.client.app import TmuxApp
from .tui_support import Attached


@pytest.fixture
def make_app(daemon):
    """Build a TmuxApp for a session of ``daemon`` (built-in themes, no config file)."""

    def make(session_id: str, **kwargs) -> TmuxApp:
        return TmuxApp(str(daemon.socket), session_id, **kwargs)

    return make


@pytest.fixture
def attach(daemon, make_app):
    """``async with attach(session_id, size=(80, 24), **app_kwargs) as client``: the app under
    Pilot, its first layout received."""

    @contextlib.asynccontextmanager
    async def attached(session_id: str, size: tuple[int, int] = (80, 24), **kwargs):
        app = make_app(session_id, **kwargs)
        async with app.run_test(size=size) as pilot:
            client = Attached(app, pilot, daemon, session_id)
            await client.attached()
            yield client

    return attached
