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

APP = "tmuxpy"
DEFAULT_SOCKET_NAME = "default"


class UnsafePathError(Exception):
    """A private directory that is not private; the message names path and problem."""


def runtime_dir() -> str:
    """Where sockets live. A plain string: the CLI's hot path does without pathlib."""
    override = os.environ.get("TMUXPY_RUNTIME_DIR")
    if override:
        return override
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isdir(xdg) and os.access(xdg, os.W_OK | os.X_OK) and os.stat(xdg).st_uid == os.getuid():
        import platformdirs

        return platformdirs.user_runtime_dir(APP)
    return f"/tmp/{APP}-{os.getuid()}"


def _user_dir(variable: str, platform_dir: str) -> Path:
    from pathlib import Path

    import platformdirs

    return Path(os.environ.get(variable) or getattr(platformdirs, platform_dir)(APP))


def log_dir() -> Path:
    return _user_dir("TMUXPY_LOG_DIR", "user_log_dir")


def state_dir() -> Path:
    return _user_dir("TMUXPY_STATE_DIR", "user_state_dir")


def config_dir() -> Path:
    return _user_dir("TMUXPY_CONFIG_DIR", "user_config_dir")


def ensure_private_dir(path: str | os.PathLike) -> str:
    """Create ``path`` 0700 if missing; refuse it if it is not ours alone."""
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path) or "/", exist_ok=True)
    try:
        os.mkdir(path, 0o700)
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

    def __init__(self, socket: str | os.PathLike) -> None:
        self.socket = os.path.abspath(socket)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SocketPaths) and other.socket == self.socket

    def __repr__(self) -> str:
        return f"SocketPaths({self.socket!r})"

    @property
    def lock(self) -> str:
        return self.socket + ".lock"

    @property
    def pid(self) -> str:
        return self.socket + ".pid"

    @property
    def label(self) -> str:
        return os.path.basename(self.socket)

    @property
    def log(self) -> Path:
        return log_dir() / f"{self.label}.log"


def resolve_socket(socket_path: str | None = None, socket_name: str | None = None) -> SocketPaths:
    """The socket of ``-S``, ``-L``, ``$TMUXPY``, ``$TMUXPY_SOCKET`` or the default, by that priority."""
    if socket_path:
        return SocketPaths(socket_path)
    if socket_name:
        if "/" in socket_name:
            raise UnsafePathError(f"{socket_name}: a socket name (-L) cannot contain '/'")
        return SocketPaths(os.path.join(runtime_dir(), socket_name))
    inside = os.environ.get("TMUXPY", "").split(",")[0]
    if inside:
        return SocketPaths(inside)
    env = os.environ.get("TMUXPY_SOCKET")
    if env:
        return SocketPaths(env)
    return SocketPaths(os.path.join(runtime_dir(), DEFAULT_SOCKET_NAME))


def prepare_socket_dir(paths: SocketPaths) -> None:
    """Make the socket's directory ready: the per-user runtime dir is checked as private.

    A socket given with ``-S`` or ``$TMUXPY_SOCKET`` lives where its owner put
    it (tmux trusts ``-S`` the same way); only a missing directory is created.
    """
    directory = os.path.dirname(paths.socket)
    if directory == os.path.abspath(runtime_dir()):
        ensure_private_dir(directory)
    else:
        os.makedirs(directory, mode=0o700, exist_ok=True)
