"""The compatibility suite: the same scenarios run against real tmux and tmuxpy, outputs compared.

A package, so that its conftest never shadows tests/conftest.py as ``conftest``.
"""
