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


def test_comparisons_arithmetic_and_modifiers_as_tmux():
    values = {"name": "abcdef", "path": "/usr/lib/x", "zero": "0"}
    assert expand("#{<:a,b}#{>:a,b}#{<=:1,1}#{>=:1,2}#{||:0,#{zero}}#{&&:1,x}", values) == "101001"
    assert expand("#{m:a*,#{name}}#{m:a*,name}#{m/r:^a.c,abc}#{m/ri:^A,abc}", values) == "1011"
    assert expand("#{e|+|:2,3} #{e|/|:-7,2} #{e|%|:7,3} #{e|/|f|:7,2} #{e|*|f|4:1.5,2} #{e|/|:1,0}",
                  values) == "5 -3 1 3.50 3.0000 0"
    assert expand("#{b:path} #{d:path} #{n:name} #{w:name} #{b:#{name}}", values) == "x /usr/lib 6 6 abcdef"
    assert expand("#{=/3/...:name}|#{=/-2/..:name}|#{=/9/..:name}|#{p8:name}|#{p-8:name}|", values) == (
        "abc...|..ef|abcdef|abcdef  |  abcdef|")
    assert expand("#{s/B(c)/X\\1/i:name} #{s/[/x/:name} #{l:#{name}}", values) == "aXcdef abcdef #{name}"
    assert expand("#{w:wide} #{=3:#{name}}", {"wide": "日本", "name": "abcdef"}) == "4 abc"


def test_one_letter_shortcuts_and_escaped_characters_as_tmux():
    values = {"session_name": "a", "window_index": "0", "window_name": "w", "pane_id": "%0", "host_short": "vm"}
    assert expand("#S|#I|#W|#D|#h|#x|#[fg=red]|##|#,|#}|a#:b", values) == "a|0|w|%0|vm|#x|#[fg=red]|#|,|}|a#:b"
    assert expand("#{?session_name,a#,b,c}|#{?0,x,y#}z}|#{==:a#,,a#,}", values) == "a,b|y}z|1"


def test_option_expansion_loops_and_combined_modifiers_as_tmux():
    """Outputs of tmux 3.3a's ``display -p`` for the same formats (windows 0, 1, 2; 2 current)."""
    def window(index: int) -> Variables:
        return Variables({"window_index": lambda: index, "window_active": lambda: index == 2})

    variables = Variables({"left": lambda: "[#{session}] ", "session": lambda: "main", "clock": lambda: "%%H"},
                          loops={"W": lambda: [(window(index), index == 2) for index in range(3)]})
    assert expand("#{W:#{window_index}#{?window_active,*,}}", variables) == "012*"
    assert expand("#{W:#I,[#I]}", variables) == "01[2]"
    assert expand("#{P:#{pane_index}}", variables) == ""  # no loop of that kind here
    assert expand("#{E:left}|#{T:clock}|#{E:clock}", variables) == "[main] |%H|%%H"
    assert expand("#{T;=/4/>:left}|#{E;=-3:left}", variables) == "[mai>|n] "


def test_truncation_counts_cells_not_styles():
    values = {"styled": "#[fg=red]abcdef", "wide": "日本語"}
    assert expand("#{=/3/>:styled}|#{=-3:styled}", values) == "#[fg=red]abc>|#[fg=red]def"
    assert expand("#{=3:wide}|#{=4:wide}", values) == "日|日本"


def test_commands_expand_through_the_runner_without_strftime_again():
    ran = []
    variables = Variables({"name": lambda: "x"}, jobs=lambda command: ran.append(command) or "out")
    assert expand("a#(echo #{name} %%s (nested))b", variables, timed=True) == "aoutb"
    assert ran == ["echo x %s (nested)"]
    assert expand("a#(echo x)b", {"name": "x"}) == "ab"  # nothing runs commands here
    assert expand("a#(unterminated", variables) == "a"
