"""Key notes: bind-key -N, and list-keys -N / -1 / -a / -P, the listing C-b ? and C-b / show."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW

SCENARIOS = [
    scenario("key-notes-default-listing",
             NEW, "lsk -T prefix", "lsk -N", "lsk -N -T prefix", "lsk -N -T root",
             "lsk -N -T copy-mode-vi", "lsk -aN", "lsk -N -P 'x'", "lsk -N -P ''", "lsk -1N", "lsk -T prefix '?'",
             "lsk -T prefix /"),
    scenario("key-notes-one-key",
             NEW, "lsk -1N C-b", "lsk -1N %", "lsk -1N x", "lsk -N M-Right", "lsk -1N -T prefix '\"'",
             "lsk -1N F12", "lsk -1N Foo", "lsk -1aN -T prefix %", "lsk -N -T nosuch"),
    # A note comes with -N, goes with a bind without it; bind -N with no command changes the note
    # of a bound key alone (not -r), and binds nothing; keys without a note are left out, or with
    # -a shown by their commands (not widening the column); mouse keys never show.
    scenario("key-notes-bind",
             NEW, "bind -N 'my note' X display hi", "lsk -T prefix X", "lsk -1N X",
             "bind -N 'with \"quotes\"' Q display q", "lsk -1N Q", "bind X display again", "lsk -1N X",
             "bind -r -N 'only the note' X", "lsk -T prefix X", "lsk -1N X", "bind X", "lsk -1N X",
             "bind -N 'nothing bound' Y", "lsk -T prefix Y", "bind -N '' Z display z", "lsk -1N Z",
             "lsk -aN -T prefix Z", "bind -n -N 'root note' F5 display f5", "bind -n F6 display f6",
             "bind -n -N 'a mouse key' MouseDown1Pane display m", "lsk -N", "lsk -N -P '> '", "lsk -N -T root",
             "lsk -aN -T root", "lsk -1N F5", "bind -N x -T newtable a", "lsk -T newtable", "lsk -N -T newtable",
             "bind -T mine -N 'a longer key name' M-Right display r", "bind -T mine q display q", "lsk -N -T mine",
             "lsk -aN -T mine", "lsk -aN -P 'p> ' -T mine"),
    # The prefix option names the prefix shown; with none, the prefix table is not listed.
    scenario("key-notes-prefix-option",
             NEW, "bind -n -N 'root note' F5 display f5", "set -g prefix C-a", "lsk -N",
             "set -g prefix None", "lsk -N", "lsk -N -P 'p '", "lsk -N -T prefix"),
]
