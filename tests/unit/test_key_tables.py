"""Key tables (bindings.py): tmux's key names, order and list-keys columns (pure)."""

from __future__ import annotations

from tmux_py.bindings import KeyTables, canonical_key, is_bindable, key_order


def test_canonical_names_are_the_ones_tmux_prints():
    # tmux 3.3a: C-x is a control character, so M- comes first; C- of a special key comes first.
    assert [canonical_key(name) for name in ("PageUp", "C-M-x", "Delete", "S-M-C-Up", "x", "END")] == [
        "PPage", "M-C-x", "DC", "C-M-S-Up", "x", "End"]


def test_order_is_tmux_3_3a_prefix_order():
    # tmux 3.3a, list-keys -T prefix (the keys tmuxpy binds too), in its order.
    tmux = ("C-b C-o Space ! \" # $ % & ' 0 9 : ; ? C [ ] c z { } ~ DC PPage Up Down Left Right "
            "M-1 M-n M-Up M-Right C-Up C-Right S-Up").split()
    assert sorted(tmux[::-1], key=key_order) == tmux


def test_mouse_keys_bind_in_any_case_and_sort_between_characters_and_special_keys():
    # tmux 3.3a, list-keys of a table holding these keys, in its order.
    tmux = ("} MouseDown1Pane MouseDragEnd1Pane WheelUpPane WheelDownPane DoubleClick1Pane TripleClick3Border "
            "BSpace F1 M-MouseDown3Border C-WheelDownStatus").split()
    assert sorted(tmux[::-1], key=key_order) == tmux
    assert canonical_key("doubleclick1pane") == "DoubleClick1Pane" and canonical_key("C-wheelupPane") == "C-WheelUpPane"
    assert is_bindable("WheelUpStatusLeft") and is_bindable("M-MouseDrag1Border") and is_bindable("C-a")
    assert not is_bindable("MouseMovePane") and not is_bindable("WheelUp") and not is_bindable("Foo")


def test_lines_pad_like_tmux_and_bound_commands_read_back():
    tables = KeyTables()
    tables.bind("prefix", "x", [["split-window"], ["select-pane", "-U"]])
    tables.bind("root", "M-h", [["display-message", "a b"]], repeat=True)
    assert tables.lines("root") == ['bind-key -r -T root M-h display-message "a b"']
    assert "bind-key    -T prefix x       split-window \\; select-pane -U" in tables.lines("prefix")
    assert tables.for_client()["prefix"]["x"] == "split-window ; select-pane -U"
    tables.unbind("prefix", None)
    assert tables.lines("prefix") == [] and tables.for_client()["prefix"] == {}


def test_notes_list_as_tmux_3_3a_lists_them():
    # tmux 3.3a's list-keys -N after the same binds: one column for the root and prefix tables, root
    # lines under spaces as wide as the prefix; keys without a note only with -a (not widening it).
    tables = KeyTables()
    tables.bind("root", "F5", [["display-message", "f5"]], note="root note")
    tables.bind("root", "F6", [["display-message", "f6"]])
    tables.bind("root", "MouseDown1Pane", [["display-message", "m"]], note="never shown")
    lines = tables.note_lines(None, prefix_key="C-b")
    assert lines[:3] == ["    F5      root note", "C-b C-b     Send the prefix key",
                         "C-b C-o     Rotate through the panes"]
    assert "C-b M-Right Resize the pane right by 5" in lines and not any("F6" in line for line in lines)
    assert tables.note_lines(None, "%", prefix="> ", prefix_key="C-b") == ["> % Split window horizontally"]
    assert tables.note_lines("root", every=True) == ["F5 root note", "F6 display-message f6"]
    assert tables.note_lines(None, first=True, prefix_key=None) == ["F5 root note"]
    # -1: each table's first key, in the column its whole table makes (M-Right's)
    assert tables.note_lines(None, first=True, prefix_key="C-a") == ["    F5      root note",
                                                                      "C-a C-b     Send the prefix key"]


def test_bind_without_a_command_changes_only_the_note_of_a_bound_key():
    tables = KeyTables()
    tables.set_note("prefix", "%", "mine")
    tables.set_note("prefix", "Y", "nothing bound")
    assert tables.note_lines("prefix", "%") == ["% mine"] and tables.lines("prefix", "%") == [
        "bind-key -T prefix \\% split-window -h"]
    assert "Y" not in tables.table("prefix")
    tables.set_note("prefix", "%", None)
    assert tables.note_lines("prefix", "%") == [] and tables.note_lines("prefix", "%", every=True) == [
        "%split-window -h"]
