"""Module boundaries: the client speaks only the protocol; headless modules never load Textual."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def test_the_client_imports_no_emulator_and_nothing_of_the_server():
    modules = _modules_after("import tmux_py.client.app")
    assert "textual" in modules
    assert not {name for name in modules if name == "pyte" or name.startswith("pyte.")}
    assert not {name for name in modules if name.startswith("tmux_py.server")}


def test_protocol_commands_and_server_never_import_textual():
    modules = _modules_after("import tmux_py.protocol, tmux_py.commands, tmux_py.server.daemon, tmux_py.cli")
    assert not {name for name in modules if name == "textual" or name.startswith("textual.")}
