from __future__ import annotations

import time

from tmux_py.format import Variables, ctime, expand


def test_expansion_forms():
    values = {"a": "1", "b": "xyz", "e": "", "zero": "0"}
    assert expand("#{a},#{b}", values) == "1,xyz"
    assert expand("#{?a,yes,no} #{?e,yes,no} #{?zero,yes,no}", values) == "yes no no"
    assert expand("#{==:#{a},1} #{!=:x,x}", values) == "1 0"
    assert expand("#{=2:b} #{=-1:b}", values) == "xy z"
    assert expand("## #{missing}|#{unterminated", values) == "# |"  # tmux drops an unterminated #{
    assert expand("#{=0:b}", values) == "xyz"  # 0: no limit
    assert expand("#{?a,#{b},none}", values) == "xyz"


def test_time_modifier_matches_tmux_form():
    stamp = time.mktime((2026, 11, 3, 8, 47, 13, 0, 0, -1))
    assert ctime(stamp) == "Tue Nov 3 08:47:13 2026"
    assert expand("#{t:created}", {"created": str(int(stamp))}) == "Tue Nov 3 08:47:13 2026"


def test_variables_are_lazy():
    calls = []
    variables = Variables({"cheap": lambda: 1, "costly": lambda: calls.append(1) or "x", "flag": lambda: True})
    assert expand("#{cheap} #{flag}", variables) == "1 1"
    assert calls == []
