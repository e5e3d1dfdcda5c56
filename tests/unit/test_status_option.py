"""The status option as tmux 3.3a's choice: its words, the lines each takes, and ``set`` with
no value (pure)."""

from __future__ import annotations

import pytest

from tmux_py.options import OPTION_DEFS, OptionError, Options, status_lines


@pytest.mark.parametrize("value", ["1", "7", "ON", "true", ""])
def test_status_takes_only_its_words(value):
    with pytest.raises(OptionError, match=f"^unknown value: {value}$"):
        Options().set("status", value)


def test_each_word_takes_its_lines():
    options = Options()
    assert options.get("status") == "on"
    assert [status_lines(word) for word in ("off", "on", "2", "3", "4", "5")] == [0, 1, 2, 3, 4, 5]
    options.set("status", "4")
    assert status_lines(options.get("status")) == 4


def test_config_toml_true_and_false_name_on_and_off():
    assert OPTION_DEFS["status"].parse(False) == "off"
    assert OPTION_DEFS["status"].parse(True) == "on"
    with pytest.raises(OptionError, match="^unknown value: on$"):
        OPTION_DEFS["mode-keys"].parse(True)  # a choice without on: true names nothing


@pytest.mark.parametrize(("name", "before", "after"), [
    ("status", "on", "off"), ("status", "off", "on"), ("status", "3", "3"),
    ("mode-keys", "vi", "emacs"), ("status-justify", "left", "centre"), ("status-justify", "right", "right"),
    ("mouse", True, False),
])
def test_no_value_swaps_the_first_two_words_or_flips_a_flag(name, before, after):
    assert OPTION_DEFS[name].toggled(before) == after
