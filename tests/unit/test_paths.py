"""Socket resolution order and the private-directory checks (tmux's make_label)."""

from __future__ import annotations

import os

import pytest

from tmux_py import paths


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for variable in ("TMUXPY", "TMUXPY_SOCKET", "TMUXPY_RUNTIME_DIR", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("TMUXPY_RUNTIME_DIR", str(tmp_path / "run"))
    return tmp_path


def test_resolution_order(clean_env, monkeypatch):
    run = clean_env / "run"
    assert paths.resolve_socket().socket == str(run / "default")
    monkeypatch.setenv("TMUXPY_SOCKET", str(clean_env / "env-sock"))
    assert paths.resolve_socket().socket == str(clean_env / "env-sock")
    assert paths.resolve_socket(socket_name="work").socket == str(run / "work")
    monkeypatch.setenv("TMUXPY", "/inside/pane.sock,123,%4")  # inside a pane: that pane's daemon
    assert paths.resolve_socket().socket == "/inside/pane.sock"
    assert paths.resolve_socket(socket_name="work").socket == str(run / "work")
    assert paths.resolve_socket("/x/y", "work").socket == "/x/y"
    with pytest.raises(paths.UnsafePathError):
        paths.resolve_socket(socket_name="a/b")


def test_fallback_without_xdg(monkeypatch):
    monkeypatch.delenv("TMUXPY_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert str(paths.runtime_dir()) == f"/tmp/tmuxpy-{os.getuid()}"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent/run")
    assert str(paths.runtime_dir()) == f"/tmp/tmuxpy-{os.getuid()}"


def test_sidecar_files(clean_env):
    socket = paths.resolve_socket(socket_name="w")
    assert socket.lock.endswith("/w.lock") and socket.pid.endswith("/w.pid")


def test_private_dir_is_created_0700(clean_env):
    made = paths.ensure_private_dir(clean_env / "new")
    assert (os.stat(made).st_mode & 0o777) == 0o700


def test_open_permissions_are_refused(clean_env):
    target = clean_env / "open"
    target.mkdir(mode=0o755)
    os.chmod(target, 0o755)
    with pytest.raises(paths.UnsafePathError, match=r"open: permissions 0755 are open to others"):
        paths.ensure_private_dir(target)


def test_symlink_is_refused(clean_env):
    real = clean_env / "real"
    real.mkdir(mode=0o700)
    (clean_env / "link").symlink_to(real)
    with pytest.raises(paths.UnsafePathError, match="is a symlink"):
        paths.ensure_private_dir(clean_env / "link")


@pytest.mark.skipif(os.getuid() != 0, reason="chown to another user needs root")
def test_other_owner_is_refused(clean_env):
    theirs = clean_env / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 65534, 65534)
    with pytest.raises(paths.UnsafePathError, match="owned by uid 65534"):
        paths.ensure_private_dir(theirs)
