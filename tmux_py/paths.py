"""Where tmuxpy keeps its files, and the checks that keep them private.

Four directories, each from platformdirs unless overridden by a flag (passed
in by the CLI) or an environment variable:

- runtime (``TMUXPY_RUNTIME_DIR``): the sockets, and beside each socket its
  ``.lock`` and ``.pid`` files. ``$XDG_RUNTIME_DIR/tmuxpy`` when that is a
  usable directory, else ``/tmp/tmuxpy-<uid>`` (as tmux uses ``/tmp/tmux-<uid>``);
- log (``TMUXPY_LOG_DIR``), state (``TMUXPY_STATE_DIR``), config
  (``TMUXPY_CONFIG_DIR``).

The socket is ``-S PATH``, else ``-L NAME`` in the runtime directory, else
the daemon of the pane we run in (``$TMUXPY``, as tmux reads ``$TMUX``), else
``$TMUXPY_SOCKET``, else ``<runtime>/default``. The runtime directory is made
0700 and refused when it is a symlink, owned by another user, or open to group
or others, as tmux refuses its socket directory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP = "tmuxpy"
DEFAULT_SOCKET_NAME = "default"


class UnsafePathError(Exception):
    """A private directory that is not private; the message names path and problem."""


def _env_path(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None


def runtime_dir() -> Path:
    override = _env_path("TMUXPY_RUNTIME_DIR")
    if override:
        return override
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isdir(xdg) and os.access(xdg, os.W_OK | os.X_OK) and os.stat(xdg).st_uid == os.getuid():
        import platformdirs

        return Path(platformdirs.user_runtime_dir(APP))
    return Path(f"/tmp/{APP}-{os.getuid()}")


def log_dir() -> Path:
    import platformdirs

    return _env_path("TMUXPY_LOG_DIR") or Path(platformdirs.user_log_dir(APP))


def state_dir() -> Path:
    import platformdirs

    return _env_path("TMUXPY_STATE_DIR") or Path(platformdirs.user_state_dir(APP))


def config_dir() -> Path:
    import platformdirs

    return _env_path("TMUXPY_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` 0700 if missing; refuse it if it is not ours alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(f"{path}: is a symlink")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(f"{path}: not a directory")
    if info.st_uid != os.getuid():
        raise UnsafePathError(f"{path}: owned by uid {info.st_uid}, not {os.getuid()}")
    if info.st_mode & 0o077:
        raise UnsafePathError(f"{path}: permissions {stat.S_IMODE(info.st_mode):04o} are open to others (want 0700)")
    return path


class SocketPaths:
    """A daemon's socket and the files kept beside it.

    A plain class, not a dataclass: the CLI builds one on every run.
    """

    __slots__ = ("socket",)

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SocketPaths) and other.socket == self.socket

    def __repr__(self) -> str:
        return f"SocketPaths({self.socket!r})"

    @property
    def lock(self) -> Path:
        return self.socket.with_name(self.socket.name + ".lock")

    @property
    def pid(self) -> Path:
        return self.socket.with_name(self.socket.name + ".pid")

    @property
    def label(self) -> str:
        return self.socket.name

    @property
    def log(self) -> Path:
        return log_dir() / f"{self.label}.log"


def resolve_socket(socket_path: str | None = None, socket_name: str | None = None) -> SocketPaths:
    """The socket of ``-S``, ``-L``, ``$TMUXPY``, ``$TMUXPY_SOCKET`` or the default, by that priority."""
    if socket_path:
        return SocketPaths(Path(socket_path).absolute())
    if socket_name:
        if "/" in socket_name:
            raise UnsafePathError(f"{socket_name}: a socket name (-L) cannot contain '/'")
        return SocketPaths(runtime_dir() / socket_name)
    inside = os.environ.get("TMUXPY", "").split(",")[0]
    if inside:
        return SocketPaths(Path(inside))
    env = os.environ.get("TMUXPY_SOCKET")
    if env:
        return SocketPaths(Path(env).absolute())
    return SocketPaths(runtime_dir() / DEFAULT_SOCKET_NAME)


def prepare_socket_dir(paths: SocketPaths) -> None:
    """Make the socket's directory ready: the per-user runtime dir is checked as private.

    A socket given with ``-S`` or ``$TMUXPY_SOCKET`` lives where its owner put
    it (tmux trusts ``-S`` the same way); only a missing directory is created.
    """
    directory = paths.socket.parent
    if directory == runtime_dir():
        ensure_private_dir(directory)
    else:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
