"""The options table: typed values with tmux's messages, scopes and inheritance (pure)."""

from __future__ import annotations

import pytest

from tmux_py.options import OPTION_DEFS, PANE, SESSION, WINDOW, OptionError, Options, find_option, split_index


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
    options.set("history-l", "50")  # a unique prefix names the option, as in tmux (history-file shares "histo")
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
        value = option.parse(option.default)
        assert value == (tuple(enumerate(option.default)) if option.item_separators else option.default), option.name
        assert option.scope in ("server", SESSION, WINDOW, PANE)


def test_array_options_are_set_whole_by_item_or_appended_as_tmux():
    options = Options()
    assert options.get("update-environment")[3] == (3, "SSH_AUTH_SOCK")
    options.set_array("update-environment", None, "FOO BAR,BAZ")  # split on spaces and commas
    assert options.get("update-environment") == ((0, "FOO"), (1, "BAR"), (2, "BAZ"))
    options.set_array("command-alias", 100, "zz=list-sessions")
    options.set_array("command-alias", None, "yy=lsw", append=True)  # the first free index
    options.set_array("command-alias", 100, " -F x", append=True)  # one item's text
    assert dict(options.get("command-alias")) == {0: "split-pane=split-window", 1: "splitp=split-window",
                                                  2: "yy=lsw", 100: "zz=list-sessions -F x"}
    options.unset("command-alias", 0)
    assert 0 not in dict(options.get("command-alias"))
    options.unset("command-alias")
    assert options.get("command-alias") == ((0, "split-pane=split-window"), (1, "splitp=split-window"))
    with pytest.raises(OptionError, match="^not an array: history-limit$"):
        options.set_array("history-limit", 1, "5")
    assert split_index("command-alias[7]") == ("command-alias", 7)
    with pytest.raises(OptionError, match=r"^invalid option: command-alias\[x\]$"):
        split_index("command-alias[x]")
