"""tmuxpy's benchmark suite: every figure measured for tmuxpy and tmux in the same run.

    python tests/bench/run.py [--quick] [--only NAME] [--json FILE]

Each ``bench_*.py`` module here exposes ``run(quick) -> list[figure]``; a
module whose feature is not built yet reports that instead of a number. The
machines are noisy: compare ratios within one run, not times across runs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import not_built  # noqa: E402

#: Suites in the order they print, with the figures each promises (shown when it cannot run).
SUITES = {
    "cli": ["CLI round trip (has-session)"],
    "emulator": ["emulator throughput (line-oriented, full-screen)", "scrollback bytes per line"],
    "client": ["keystroke echo latency", "full redraw 200x50", "attach time"],
    "flow": ["end-to-end throughput with a client attached", "slow-client RSS growth", "echo under flood",
             "stopped client catching up"],
    "daemon": ["daemon at rest", "scale: 100 sessions"],
}


def ratio(ours, theirs) -> str:
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and theirs:
        return f"{ours / theirs:.2f}x"
    return ""


def table(figures: list[dict]) -> str:
    rows = [("figure", "unit", "tmuxpy", "tmux", "ratio", "goal", "note")]
    for item in figures:
        rows.append((item["name"], item.get("unit", ""), _cell(item.get("tmuxpy")), _cell(item.get("tmux")),
                     ratio(item.get("tmuxpy"), item.get("tmux")), item.get("goal", ""), item.get("note", "")))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def _cell(value) -> str:
    return "" if value is None else str(value)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples: the whole run in under 3 minutes")
    parser.add_argument("--only", action="append", choices=sorted(SUITES), help="run only these suites")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args(argv)
    figures: list[dict] = []
    started = time.monotonic()
    for suite in options.only or SUITES:
        try:
            module = importlib.import_module(f"bench_{suite}")
        except ModuleNotFoundError as error:
            if error.name != f"bench_{suite}":
                raise
            figures += [not_built(name, f"no bench_{suite}.py") for name in SUITES[suite]]
            continue
        suite_started = time.monotonic()
        try:
            results = module.run(options.quick)
        except Exception as error:  # one broken suite must not hide the others' figures
            traceback.print_exc()
            results = [not_built(name, f"{type(error).__name__}: {error}") for name in SUITES[suite]]
        figures += results
        print(f"[{suite}: {time.monotonic() - suite_started:.1f} s]", file=sys.stderr, flush=True)
    print(f"machine: {machine()}; quick: {options.quick}; took {time.monotonic() - started:.0f} s")
    print(table(figures))
    if options.json:
        options.json.write_text(json.dumps({"machine": machine(), "quick": options.quick, "time": time.time(),
                                            "figures": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
