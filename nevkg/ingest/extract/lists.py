"""Lists in prose: names or figures written one after another with only a comma, "and" or "or" between them."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["joined_runs", "NAME_GAP"]

#: what stands between two items of one list, by default: a comma, "and", or both
LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")
#: what stands between two names of one list, "and" a word of its own: "A, B and C", "A and B"
NAME_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def joined_runs(items: list[Any], text: str, gap: re.Pattern = LIST_GAP) -> list[list[Any]]:
    """The items (anything with ``start`` and ``end`` offsets into ``text``) grouped into runs: neighbours with
    only ``gap`` between them.

    Examples
    --------
    >>> from types import SimpleNamespace as At
    >>> text = "BYD, Chery and Geely sold cars; Tesla did too."
    >>> names = [At(start=0, end=3), At(start=5, end=10), At(start=15, end=20), At(start=32, end=37)]
    >>> [[text[m.start:m.end] for m in run] for run in joined_runs(names, text)]
    [['BYD', 'Chery', 'Geely'], ['Tesla']]
    """
    runs: list[list[Any]] = []
    for item in sorted(items, key=lambda k: k.start):
        if runs and gap.fullmatch(text[runs[-1][-1].end:item.start]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs
