"""``python -m tmux_py.server SOCKET``: the daemon process, as the CLI starts it.

``--lock-fd`` is the socket's lock file, already locked by the starter and
inherited; ``--config`` is tmux's ``-f`` (the file sourced at start);
``--ready-fd`` is a pipe on which the daemon says ``listening``, then ``ready`` once its
config has run (or ``stopped``, or the reason it could not start), so the starter waits on
events, not a timer.
"""

from __future__ import annotations

import argparse
import os
import sys

from tmux_py.paths import SocketPaths, UnsafePathError
from tmux_py.server.daemon import AlreadyRunning, run_daemon


def main() -> int:
    parser = argparse.ArgumentParser(prog="tmux_py.server")
    parser.add_argument("socket")
    parser.add_argument("--lock-fd", type=int)
    parser.add_argument("--ready-fd", type=int)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--config")
    options = parser.parse_args()
    try:
        return run_daemon(
            SocketPaths(options.socket),
            lock_fd=options.lock_fd, ready_fd=options.ready_fd, log_level=options.log_level,
            config_file=options.config,
        )
    except AlreadyRunning:
        # Another starter won the race: a daemon is ready all the same.
        answer = b"ready\n"
    except (UnsafePathError, OSError) as error:
        answer = f"server failed to start: {error}\n".encode()
    if options.ready_fd is not None:
        try:
            os.write(options.ready_fd, answer)
        except OSError:
            pass
    return 0 if answer.startswith(b"ready") else 1


if __name__ == "__main__":
    sys.exit(main())
