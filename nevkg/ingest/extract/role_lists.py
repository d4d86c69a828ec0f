"""People listed under a heading that gives their title: a research note's "Analysts: NAME (CITY); NAME (CITY)",
"Analyst: NAME, CFA". Each is an analyst of the organisation that writes the note (its letterhead), else of the
organisation the heading's paragraph names.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["headed_list_roles"]

#: the heading and the list after it, up to the end of the sentence or line
_HEADING = re.compile(r"(?:^|\n|[.]\s+)(?P<head>Analysts?|Research\s+analysts?|Authors?|Economists?|"
                      r"Strategists?)\s*:\s*", re.I)
_TITLES = {"analyst": "analyst", "analysts": "analyst", "research analyst": "research analyst",
           "research analysts": "research analyst", "economist": "economist", "economists": "economist",
           "strategist": "strategist", "strategists": "strategist"}


def headed_list_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles of the people listed after a heading "Analysts:" in the sentence ``text[s:e]``.

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text, mentions and ``_writer``).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each person listed.
    """
    text, out = R.text, []
    for h in _HEADING.finditer(text, max(0, s - 1), e):
        title = _TITLES.get(" ".join(h.group("head").lower().split()))
        if title is None:
            continue  # (an author is no title)
        stop = re.search(r"[.](?:\s|$)|\n", text[h.end():e])
        end = h.end() + stop.start() if stop else e
        people = [m for m in R.ents.mentions if m.file == "people" and h.end() <= m.start < end]
        if not people:
            continue
        para_end = text.find("\n", end)
        org = R._writer() or next(iter(R.mentions_in(end, para_end if para_end > 0 else len(text),
                                                     ("organizations",))), None)
        if org is None:
            continue
        for p in people:
            out.append((p.start, p.end, title, h.start("head"), h.end("head"), org, "person:headed-list"))
    return out
