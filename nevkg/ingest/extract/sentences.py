"""The sentences of an article: paragraphs at line breaks, sentences at a full stop, question or exclamation mark
before a capital, a digit or a quote, except after abbreviations."""

from __future__ import annotations

import re

__all__ = ["list_intros", "split_sentences"]

#: abbreviations whose full stop ends no sentence
_ABBREV = {"co", "ltd", "inc", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx", "est", "e.g", "i.e", "u.s", "u.k",
           "gov", "dept", "rs", "ma", "prof", "sen", "rep", "gen", "jr", "sr", "hon", "atty", "engr", "eng", "capt",
           "col", "lt", "maj", "cdr", "cmdr", "sgt", "rev", "insp", "supt", "amb"}
# ("Ma." is the Filipino María of a name: "Ma. Cristina L. Sison-Tan"; "Atty.", "Engr.", "Eng." titles; ranks before a
# name: "Capt.", "Col.", "Lt.")
#: the legal forms among them, and the words that open a new sentence after one (never a name's next word)
_LEGAL = {"co", "ltd", "inc", "corp"}
_OPENER = re.compile(r"(?:The|It|Its|They|Their|This|These|He|She|His|Her|We|A|An|In|But|However|Both)\b")


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of each sentence: paragraphs at line breaks, sentences at . ! ? before a
    capital, a digit or a quote, except after abbreviations such as Co., Ltd., Jan. or U.S.

    >>> t = "Lanshan Motors Co., Ltd. grew. Sales rose 5%.\\nNew line"
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['Lanshan Motors Co., Ltd. grew.', 'Sales rose 5%.', 'New line']
    >>> t = "It works with Hexi Energy Corp. The two plan stations."
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['It works with Hexi Energy Corp.', 'The two plan stations.']
    >>> t = "It ordered 16 buses for £5.9m. Six will arrive in July."
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['It ordered 16 buses for £5.9m.', 'Six will arrive in July.']
    """
    out: list[tuple[int, int, int]] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        base = pos
        pos += len(line) + 1
        start = 0
        for m in re.finditer(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘(])", line):
            before = re.search(r"([A-Za-z][A-Za-z.]*)\.?$", line[start:m.start() + 1].rstrip(".!?\"”’')]") + "")
            word = (before.group(1) if before else "").lower().rstrip(".")
            initial = re.fullmatch(r"[a-z]", word) and not re.search(r"\d[a-z]$", line[start:m.start()], re.I)
            if line[m.start()] == "." and (word in _ABBREV or initial) and not (
                    word in _LEGAL and _OPENER.match(line, m.end())):
                continue  # (a legal form before "The", "It", "He" … ends its sentence: "… X Corp. The two …"; a
                # letter after a number is a unit, no initial: "… for £5.9m. Six …")
            end = m.start() + len(m.group(0).rstrip())
            if line[start:end].strip():
                out.append((base + start, base + end, para))
            start = m.end()
        if line[start:].strip():
            s = start + (len(line[start:]) - len(line[start:].lstrip()))
            out.append((base + s, base + len(line.rstrip()), para))
    return out


#: a list item's marker: "1. ", "2) ", "- ", "• ", "* "
_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*–])\s+\S")


def list_intros(text: str) -> dict[int, int]:
    """The paragraph (line number) of each list item's lead-in: the items of a list that follows a line ending in
    a colon belong with it ("The top brands in October were:" then "1. BYD - 3,104 units"), so they share its
    time and subject; so do the items of a list with no lead-in, with its first.

    >>> list_intros("Sales in May were:\\n\\n1. A - 5 units\\n2. B - 3 units\\nDone.")
    {2: 0, 3: 0}
    >>> list_intros("FAST FACTS\\n\\n• A sold 5 in May.\\n• B sold 3.")
    {3: 2}
    """
    out: dict[int, int] = {}
    intro = None
    for para, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        if _ITEM.match(line):
            if intro is None:  # a list with no lead-in ("FAST FACTS", then bullets): its items go with its first
                intro = para
            else:
                out[para] = intro
            continue
        intro = para if line.rstrip().endswith(":") else None
    return out
