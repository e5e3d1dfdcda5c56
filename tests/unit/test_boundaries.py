"""Module boundaries: the headless parts never load Textual; the CLI stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest


def loaded_after(statement: str) -> set[str]:
    script = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(output.split())


@pytest.mark.parametrize("module", ["tmux_py.protocol", "tmux_py.commands", "tmux_py.server.daemon", "tmux_py.cli"])
def test_headless_modules_never_import_textual(module):
    assert "textual" not in loaded_after(f"import {module}")


def test_cli_does_not_load_the_server_or_emulator():
    loaded = loaded_after("import tmux_py.cli, tmux_py.commands")
    assert not {"pyte", "ptyprocess", "tmux_py.server.pane", "tmux_py.server.emulator", "asyncio"} & loaded


def test_cli_hot_path_stays_lean():
    # With a daemon answering, the CLI needs no command table: every import here is start-up
    # time. Run without site, whose hooks in this environment load pathlib on their own.
    script = f"import sys; sys.path[:0] = {sys.path!r}; import tmux_py.cli; print('\\n'.join(sys.modules))"
    output = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, check=True).stdout
    assert not {"dataclasses", "pathlib", "socket", "tmux_py.commands", "subprocess"} & set(output.split())
