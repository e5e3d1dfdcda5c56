"""The suite's own layout: pytest imports test files by basename (the test folders are not
packages), so two files of one name stop the whole run at collection."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_test_file_names_are_unique_across_folders():
    names = Counter(path.name for path in TESTS.rglob("test_*.py") if "__snapshots__" not in path.parts)
    assert [name for name, count in names.items() if count > 1] == []
