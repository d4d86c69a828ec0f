"""Where a title phrase read from the parse ends, and the posts a person holds besides the first.

- "NAME is TITLE of ORG, the overseas arm of ORG2": the words after the comma describe ORG; the title ends at
  ORG (the parser hangs the apposition on ORG, inside the title's subtree). So it does before "and" after ORG:
  "NAME is TITLE of ORG and (since MONTH) a TITLE2 of ORG2" holds two posts, the second read by
  :func:`second_posts` ("of the group (itself)": the group named before).
- "He is also chairman of ORG", "She also sits on the supervisory board of ORG" (a profile's next sentence): the
  person named last before in the paragraph holds the post (:func:`pronoun_posts`); a seat on a board is the
  title "member of the (supervisory) board", for a named person too ("NAME sits on the board of ORG").
- "NAME (TITLE, ORG)": a title and its organisation in brackets after the name (:func:`bracket_roles`).
- A post held in the past is no role (:func:`ended_post`): "NAME was TITLE of ORG from 2015 to 2020", "NAME, who
  ran ORG until 2020, …", "Before joining ORG2, NAME was TITLE of ORG".
- "ORG has appointed NAME chief financial officer": the parser reads the name as a modifier of the title
  (:func:`appointed_roles`).
- "Its chief executive, NAME," after a passive sentence ("Yuelu's dealers are run by ORG."): the company the
  sentence before spoke of is its agent, not the owner named in its subject's possessive.
- "NAME, an official in charge of the Department of X of the Ministry of Y," (Chinese official news: the post has
  no other name): the role is at the ministry, its title "official in charge of the Department of X"; at the
  department itself ("official in charge") when no body is named with it.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _TITLE_RX

__all__ = ["cut_at_described_org", "in_charge_roles", "passive_agent", "previous_actor", "second_posts",
           "pronoun_posts", "bracket_roles", "appointed_roles",
           "ended_post"]

#: the punctuation that opens an apposition or a clause on a name
_OPENERS = {",", "(", ";", "—", "–"}


def cut_at_described_org(tokens: list[Any], mentions: list[Any]) -> list[Any]:
    """The tokens of a title phrase up to an organisation that a comma (or bracket, dash) then describes.

    Parameters
    ----------
    tokens : list
        The phrase's parser tokens, in text order.
    mentions : list
        The article's mentions (with ``start``, ``end`` and ``file``).

    Returns
    -------
    list
        ``tokens`` cut before the first opener (a comma, bracket, dash, "and", or a gap in the parse's phrase)
        that follows an organisation's name inside the phrase; the whole phrase when none does.
    """
    if not tokens:
        return tokens
    start = tokens[0].idx
    for k, t in enumerate(tokens[1:], 1):
        if (t.is_punct and t.text in _OPENERS or t.lower_ == "and" or t.i != tokens[k - 1].i + 1) and any(
                m.file == "organizations" and start <= m.start and m.end <= t.idx
                and not tokens[k - 1].text.endswith(("'s", "’s")) for m in mentions):
            return tokens[:k]
    return tokens


#: after a person's name: the post of an official in charge of a body or its department
_IN_CHARGE = re.compile(r",\s+(?:an?|the)\s+(?:(?:senior|leading|responsible)\s+)?(?P<title>(?:official|person)\s+"
                        r"in\s+charge\s+of)\s+(?:the\s+)?")


def in_charge_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles "NAME, an official in charge of DEPARTMENT (of BODY | at BODY)," and "…of BODY's DEPARTMENT," in the
    sentence ``text[s:e]``.

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text, mentions and ``mentions_in``).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation mention, rule)`` for each.
    """
    text, found = R.text, []
    for p in [m for m in R.ents.mentions if m.file == "people" and s <= m.start and m.end <= e]:
        t = _IN_CHARGE.match(text, p.end, e)
        if t is None:
            continue
        orgs = [m for m in R.mentions_in(t.end(), e, ("organizations",))]
        if not orgs or orgs[0].start != t.end():
            continue
        first, body = orgs[0], None
        if len(orgs) > 1:
            gap = text[first.end:orgs[1].start]
            if re.fullmatch(r"\s+(?:of|at)\s+(?:the\s+)?", gap):
                body = orgs[1]  # "DEPARTMENT of BODY"
            elif re.fullmatch(r"['’]s?\s+", gap):
                body, first = first, orgs[1]  # "BODY's DEPARTMENT"
        ts = p.end + t.start("title")
        if body is None:
            found.append((p.start, p.end, t.group("title").rsplit(" ", 1)[0].strip(), ts, ts + len(t.group("title")),
                          first, "person:in-charge-of"))
            continue
        title = " ".join(f"{t.group('title')} the {first.text}".split())
        found.append((p.start, p.end, title, ts, max(first.end, body.end), body, "person:in-charge-of"))
    return found


def passive_agent(R: Any, s: int, e: int) -> Any:
    """The organisation that is the agent of the passive main verb of the sentence ``text[s:e]`` ("… are run by
    ORG", "… was built by ORG"), when its subject is no organisation; else None.

    Parameters
    ----------
    R : RoleRules
        The extractor (its parse and mentions).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    Mention or None
        The agent's mention.
    """
    from nevkg.ingest.extract.spans import span_at

    span = span_at(R.doc, s, e) if R.doc is not None else None
    if span is None:
        return None
    root = span.root
    subj = [t for c in root.children if c.dep_ == "nsubjpass" for t in c.subtree]
    if not subj or any((m := R._mention_at(t)) is not None and m.file == "organizations" and t.head.dep_ != "poss"
                       and t.dep_ != "poss" for t in subj):
        return None
    agent = [t for c in root.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    found = [m for t in agent if (m := R._mention_at(t)) is not None and m.file == "organizations"]
    return found[0] if found else None


def previous_actor(R: Any, a: int) -> Any:
    """The organisation the sentence before the one at ``text[a]`` spoke of: the agent of its passive main verb
    (:func:`passive_agent`), else a public body that is its subject, else the extractor's ``last_org``.

    Parameters
    ----------
    R : RoleRules
        The extractor.
    a : int
        A position in the current sentence.

    Returns
    -------
    Mention or None
        That organisation's mention.
    """
    prev = [(s, e) for s, e, _ in R._sentences if e <= a]
    while prev and not R.text[prev[-1][0]:prev[-1][1]].strip():
        prev.pop()
    return (passive_agent(R, *prev[-1]) or _subject_body(R, *prev[-1]) if prev else None) or R.last_org


def _subject_body(R: Any, s: int, e: int) -> Any:
    """A public body that is the subject of the main verb of the sentence ``text[s:e]`` ("The Ministry of Commerce
    announced …"): the extractor's ``last_org`` leaves it out as a source of what is said; or an organisation named
    again as the subject by a noun or "it" ("The company imported …": the one it stands for, not a later name; not
    "the venture", whose parents the next sentence may speak of)."""
    from nevkg.ingest.extract.spans import span_at

    span = span_at(R.doc, s, e) if R.doc is not None else None
    if span is None:
        return None
    subj = [t for c in span.root.children if c.dep_ == "nsubj" for t in c.subtree]
    found = [m for t in subj for m in [*R.ents.mentions, *getattr(R.ents, "anaphors", [])]
             if m.start <= t.idx < m.end and m.file == "organizations"
             and (m.kind in {"government-body", "ministry", "customs-office", "industry-association"}
                  or m.rule.startswith("anaphor:") and m.rule not in {"anaphor:its", "anaphor:venture"})]
    return found[0] if found else None


#: after a post's organisation: a second post joined by "and" ("and since May an executive vice-president of")
_SECOND_POST = re.compile(r"(?:\s*,\s*[^,;]{0,80}?)?\s*,?\s+and\s+(?:(?:since|from)\s+[A-Z][a-z]+(?:\s+\d{4})?\s+|"
                          r"(?:also|now|currently)\s+)?(?:an?\s+|the\s+)?(?P<title>[a-z][a-z\s-]{1,50}?)\s+(?:of|at)\s+"
                          r"(?:the\s+)?")
#: a company named again by its noun after the second post ("of the group itself")
_AGAIN = re.compile(r"(?P<noun>group|company|carmaker|automaker|parent)(?:\s+itself)?\b", re.I)


def second_posts(R: Any, org: Any, s: int, e: int) -> list[tuple[str, int, int, Any]]:
    """The second post joined to a post's organisation ``org`` in its sentence (ending at ``e``): "… of ORG (, the
    overseas arm of ORG3,) and since March an executive vice-president of ORG2 / of the group itself".

    Parameters
    ----------
    R : RoleRules
        The extractor.
    org : Mention
        The organisation of the first post (none when it is named outside the sentence ``text[s:e]``).
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(title, title start, title end, organisation)`` of the second post, or nothing.
    """
    m = _SECOND_POST.match(R.text, org.end, e) if s <= org.start < e else None
    if m is None or not _TITLE_RX.search(m.group("title")) or len(m.group("title").split()) > 5:
        return []
    at = m.end()
    named = next((k for k in R.ents.mentions if k.start == at and k.file == "organizations"), None)
    if named is None:
        again = _AGAIN.match(R.text, at, e)
        if again is None:
            return []
        noun = again.group("noun").lower()
        before = [k for k in R.ents.mentions if k.file == "organizations" and k.end <= at and k.label
                  and (noun in {"company", "carmaker", "automaker", "parent"} or noun in k.label.lower())]
        named = before[-1] if before else None
    if named is None or named.id == org.id:
        return []
    return [(" ".join(m.group("title").split()), m.start("title"), m.end("title"), named)]


#: a sentence opened by a pronoun that holds a post: "He is also chairman of", "She has been a director at"
_PRONOUN_POST = re.compile(r"(?:He|She)\s+(?:also\s+)?(?:is|was|has\s+been|remains|serves\s+as)\s+(?:also\s+)?"
                           r"(?:the\s+|an?\s+)?(?P<title>[a-z][a-z\s-]{1,50}?)\s+(?:of|at)\s+(?:the\s+)?")
#: a seat on a board: "sits on the supervisory board of", "has a seat on the board of"
_BOARD_SEAT = re.compile(r"\b(?:sits?|sitting|has\s+a\s+seat|holds\s+a\s+seat)\s+on\s+(?:the\s+|its\s+)?"
                         r"(?P<board>(?:(?:supervisory|management|advisory|executive)\s+)?board)\s+"
                         r"(?:of\s+directors\s+)?(?:of|at)\s+(?:the\s+)?")


def pronoun_posts(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Posts held by the subject of the sentence ``text[s:e]`` when it is "He" or "She" (the person named last
    before in the paragraph) or a person named at its start: "He is also TITLE of ORG", "… sits on the
    (supervisory) board of ORG".

    Parameters
    ----------
    R : PeopleRules
        The extractor.
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each post.
    """
    text = R.text
    lead = re.match(r"\s*", text[s:e])
    a = s + lead.end()
    person = next((m for m in R.ents.mentions if m.file == "people" and m.start == a), None)
    if person is None and re.match(r"(?:He|She)\b", text[a:e]):
        para = next((p for s0, e0, p in R._sentences if s0 <= s < e0), None)
        starts = [s0 for s0, _, p in R._sentences if p == para]
        first = min(starts) if starts else s
        person = next((m for m in sorted(R.ents.mentions, key=lambda m: -m.start) if m.file == "people"
                       and first <= m.start < s), None)
    if person is None:
        return []
    found = []
    post = _PRONOUN_POST.match(text, a, e) if person.start != a else None
    if post is not None and _TITLE_RX.search(post.group("title")):
        org = next((k for k in R.ents.mentions if k.start == post.end() and k.file == "organizations"), None)
        if org is not None:
            found.append((person.start, person.end, " ".join(post.group("title").split()), post.start("title"),
                          org.end, org, "person:pronoun-post"))
    for seat in _BOARD_SEAT.finditer(text, a, e):
        org = next((k for k in R.ents.mentions if k.start == seat.end() and k.file == "organizations"), None)
        if org is not None:
            found.append((person.start, person.end, f"member of the {seat.group('board')}", seat.start(), org.end,
                          org, "person:board-seat"))
    return found


#: "NAME (TITLE, ORG)": the opening bracket, the title and the comma before the organisation
_BRACKET_TITLE = re.compile(r"\s*\(\s*(?P<title>[A-Za-z][A-Za-z\s&-]{1,60}?),\s*(?:the\s+)?")


def bracket_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles written "NAME (TITLE, ORG)" in the sentence ``text[s:e]``.

    Parameters
    ----------
    R : PeopleRules
        The extractor.
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each.
    """
    found = []
    for p in [m for m in R.ents.mentions if m.file == "people" and s <= m.start and m.end <= e]:
        t = _BRACKET_TITLE.match(R.text, p.end, e)
        if t is None or not _TITLE_RX.search(t.group("title")):
            continue
        org = next((k for k in R.ents.mentions if k.start == t.end() and k.file == "organizations"), None)
        if org is None or not re.match(r"\s*\)", R.text[org.end:org.end + 3]):
            continue
        found.append((p.start, p.end, " ".join(t.group("title").split()), t.start("title"), t.end("title"), org,
                      "person:bracket-title-org"))
    return found


#: "ORG has appointed NAME (as) (its) (new) TITLE"
_APPOINTED = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:appointed|named|promoted|hired|elected|tapped)\s+"
                        r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\s+(?:as\s+)?(?:its\s+|the\s+|an?\s+)?"
                        r"(?:new\s+)?(?P<title>[a-z][a-z\s-]{1,40}?)(?=\s*(?:[,.;]|$|\s+(?:of|at|effective|on|"
                        r"in|from|to|after|replacing|succeeding)\b))")  # (not "for Europe": a scope the title keeps)


def appointed_roles(R: Any, s: int, e: int) -> list[tuple[int, int, str, int, int, Any, str]]:
    """Roles "ORG has appointed NAME TITLE" (or "named NAME (as) its TITLE") in the sentence ``text[s:e]``: at
    ORG, or at the organisation named right after the title ("… chief executive of ORG2").

    Parameters
    ----------
    R : PeopleRules
        The extractor.
    s, e : int
        The sentence's bounds.

    Returns
    -------
    list
        ``(name start, name end, title, title start, title end, organisation, rule)`` for each.
    """
    found = []
    for o in [m for m in R.ents.mentions if m.file == "organizations" and s <= m.start and m.end <= e]:
        t = _APPOINTED.match(R.text, o.end, e)
        if t is None or not _TITLE_RX.search(t.group("title")) or len(t.group("title").split()) > 5:
            continue
        person = next((m for m in R.ents.mentions if m.file == "people" and m.start == t.start("name")), None)
        if person is None:
            continue
        after = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", R.text[t.end("title"):e])
        org = next((k for k in R.ents.mentions if after and k.start == t.end("title") + after.end()
                    and k.file == "organizations"), None) or o
        found.append((person.start, person.end, " ".join(t.group("title").split()), t.start("title"),
                      t.end("title"), org, "person:appointed"))
    return found


#: a span of time that has ended, after a post: "until 2020", "until last year", "from 2015 to 2020"
_ENDED = re.compile(r"\b(?:until|till)\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?(?:(?:19|20)\d\d|last\s+\w+|"
                    r"recently|[A-Z][a-z]+\s+(?:19|20)\d\d)\b|\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|until|and)\s+"
                    r"(?:19|20)\d\d\b")
#: a sentence that opens on the time before the person's present post
_BEFORE_NOW = re.compile(r"\s*(?:Before\s+(?:joining|moving\s+to|coming\s+to|that)|Previously|Prior\s+to\s+"
                         r"(?:joining|that)|Earlier\s+in\s+(?:his|her|their)\s+career)\b")
#: past verbs of holding a post between the name and the title
_PAST_HOLD = re.compile(r"\b(?:was|were|had\s+been|ran|led|headed|chaired)\b")


def ended_post(text: str, ns: int, ts: int, te: int, s: int, e: int) -> bool:
    """Whether the post whose title spans ``text[ts:te]``, held by the person named at ``ns`` in the sentence
    ``text[s:e]``, is one held in the past.

    Parameters
    ----------
    text : str
        The article's text.
    ns : int
        Where the person's name starts.
    ts, te : int
        The title's span.
    s, e : int
        The sentence's bounds.

    Returns
    -------
    bool
        True for a past verb of holding with an ended span ("was TITLE of ORG from 2015 to 2020", "who ran ORG
        until 2020") or in a sentence opened by "Before joining …", "Previously".
    """
    lo, hi = min(ns, ts), max(te, ns)
    clause_end = re.search(r"[,;]\s+(?:now|and\s+now|but|while)\b|[;.](?:\s|$)", text[hi:e])
    end = hi + clause_end.start() if clause_end else e
    past = _PAST_HOLD.search(text[lo:end])
    if past is None:
        return False
    return bool(_ENDED.search(text[lo:end]) or _BEFORE_NOW.match(text, s))
