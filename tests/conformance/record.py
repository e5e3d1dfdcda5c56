"""Record a conformance case: a real program in an 80x24 pane of real tmux.

    python tests/conformance/record.py NAME 'shell command' [KEYS ...]

Starts a private tmux server (TERM=xterm-256color, LANG=C.UTF-8, bash
without rc files), records every byte the pane's programs write
(``pipe-pane -o``) while the command runs and the keys are sent
(``send-keys``; a key ``@N`` waits N tenths of a second for the program to
draw), then writes ``NAME.raw`` and ``NAME.json`` as README.md describes and
replays the raw bytes through tmux once more (``stty -opost; cat NAME.raw``)
to check that they alone determine the screen. The server is killed at the
end whatever happens.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    name, command, keys = argv[0], argv[1], argv[2:]
    root = Path(tempfile.mkdtemp(prefix="tmuxpy-record-"))
    socket = root / "s"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-S", str(socket), "-f", "/dev/null", *args], check=True,
                              capture_output=True, text=True).stdout

    def snapshot(target: str) -> dict:
        info = tmux("display", "-p", "-t", target, "#{cursor_x},#{cursor_y},#{alternate_on},#{history_size}")
        x, y, alternate, history = info.strip().split(",")
        screen = tmux("capture-pane", "-p", "-N", "-t", target).split("\n")[:24]
        styled = tmux("capture-pane", "-p", "-N", "-e", "-t", target).split("\n")[:24]
        lines = tmux("capture-pane", "-p", "-N", "-t", target, "-S", f"-{history}", "-E", "-1").split("\n")
        return {"columns": 80, "lines": 24, "screen": screen, "styled": styled, "cursor": [int(x), int(y)],
                "alternate_screen": alternate == "1", "history": lines[: int(history)] if int(history) else []}

    raw = root / "raw"
    try:
        shell = (f"tmux -S {socket} wait-for go; "
                 "exec env TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile")
        tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "rec", shell)
        tmux("set-option", "-g", "history-limit", "2000")
        tmux("pipe-pane", "-o", "-t", "rec", f"cat >> {raw}")
        tmux("wait-for", "-S", "go")
        time.sleep(0.5)  # recording tool, not a test: let the shell draw its prompt
        tmux("send-keys", "-t", "rec", "-l", command)
        tmux("send-keys", "-t", "rec", "Enter")
        time.sleep(1.0)
        for key in keys:
            if key.startswith("@"):
                time.sleep(int(key[1:]) / 10)
            else:
                tmux("send-keys", "-t", "rec", key)
        time.sleep(1.0)
        tmux("pipe-pane", "-t", "rec")
        expected = snapshot("rec")
        data = raw.read_bytes()
        replay = root / "replay"
        replay.write_bytes(data)
        tmux("new-window", "-d", "-t", "rec:", f"stty -opost; cat {replay}; tmux -S {socket} wait-for -S done; sleep 1000")
        tmux("wait-for", "done")
        again = snapshot("rec:1")
        if any([line.rstrip() for line in again[key]] != [line.rstrip() for line in expected[key]]
               for key in ("screen", "history")) or again["cursor"] != expected["cursor"]:
            print("replay differs from the live screen: not recorded", file=sys.stderr)
            return 1
        (HERE / f"{name}.raw").write_bytes(data)
        (HERE / f"{name}.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
        print(f"recorded {name}: {len(data)} bytes")
        return 0
    finally:
        subprocess.run(["tmux", "-S", str(socket), "kill-server"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
