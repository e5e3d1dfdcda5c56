"""Target names (model.by_name): exact, then a unique prefix, then a unique fnmatch pattern, as tmux's cmd-find."""

from __future__ import annotations

from types import SimpleNamespace

from tmux_py.server.model import by_name

ITEMS = [SimpleNamespace(name=name) for name in ("abc", "abd", "xyz", "vim", "vimdiff")]


def named(name: str, exact: bool = False) -> str | None:
    found = by_name(ITEMS, name, exact)
    return found.name if found else None


def test_exact_then_unique_prefix_then_unique_pattern():
    assert named("vim") == "vim"  # exact beats the prefix it also is
    assert named("x") == "xyz" and named("vimd") == "vimdiff"
    assert named("*z") == "xyz" and named("?bc") == "abc" and named("a[b]d") == "abd" and named("[!av]*") == "xyz"


def test_more_than_one_match_is_none_and_an_ambiguous_prefix_tries_no_pattern():
    # tmux 3.3a: has -t 'a*' with abc and abd fails; so does the prefix 'ab' (two), before any pattern
    assert named("a*") is None and named("ab") is None and named("nope*") is None
    assert named("v*m") == "vim" and named("v*") is None


def test_exact_takes_the_name_alone():
    assert named("abc", exact=True) == "abc"
    assert named("ab", exact=True) is None and named("x*", exact=True) is None
