"""The options table: typed values with tmux's messages, scopes and inheritance (pure)."""

from __future__ import annotations

import pytest

from tmux_py.options import OPTION_DEFS, PANE, SESSION, WINDOW, OptionError, Options, find_option


@pytest.mark.parametrize(("name", "value", "message"), [
    ("history-limit", "abc", "value is invalid: abc"),
    ("history-limit", "-5", "value is too small: -5"),
    ("pane-base-index", "70000", "value is too large: 70000"),
    ("mouse", "maybe", "bad value: maybe"),
    ("status-position", "middle", "unknown value: middle"),
    ("prefix", "Foo", "bad key: Foo"),
    ("nosuch", "1", "invalid option: nosuch"),
])
def test_values_are_checked_with_tmux_messages(name, value, message):
    with pytest.raises(OptionError, match=f"^{message}$"):
        Options().set(name, value)


def test_typed_values_and_prefix_names():
    options = Options()
    options.set("mouse", "off")
    options.set("histo", "50")  # a unique prefix names the option, as in tmux
    options.set("prefix", "None")
    assert (options.get("mouse"), options.get("history-limit"), options.get("prefix")) == (False, 50, "None")
    assert find_option("status-p").name == "status-position"
    with pytest.raises(OptionError, match="^ambiguous option: sta$"):
        find_option("sta")


def test_inheritance_and_scopes():
    global_ = Options()
    session = Options(global_, SESSION)
    window = Options(global_, WINDOW)
    pane = Options(window, PANE)
    global_.set("base-index", 1)
    assert session.get("base-index") == 1
    session.set("base-index", 4)
    assert (session.get("base-index"), global_.get("base-index")) == (4, 1)
    window.set("synchronize-panes", "on")  # a pane option set on the window reaches its panes
    assert pane.get("synchronize-panes") is True
    pane.set("synchronize-panes", "off")
    assert (pane.get("synchronize-panes"), window.get("synchronize-panes")) == (False, True)
    with pytest.raises(OptionError):
        session.set("pane-base-index", 1)
    pane.set("@mine", "x")
    assert pane.get("@mine") == "x" and pane.local("@mine") and not window.local("@mine")
    session.unset("base-index")
    assert session.get("base-index") == 1


def test_every_option_is_defined_once_with_a_valid_default():
    for option in OPTION_DEFS.values():
        assert option.parse(option.default) == option.default, option.name
        assert option.scope in ("server", SESSION, WINDOW, PANE)
