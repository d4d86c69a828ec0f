"""Sites that are only weighed, put off or given up: "X is weighing a plant in Y", "Y is on the shortlist for X's
factory", "options considered included plants in A and B", "X shelved its plans for a factory in Y".

Every site rule asks :func:`plan_status` (from the words before its cue) or :func:`parsed_plan_status` (from the
parse) whether the site is ``considered``, ``postponed`` or ``dropped``; such a status wins over the tense-based
ones (a site "planned" in a sentence that only weighs it is considered). :class:`PlanRules` adds the sites a
considered or dropped plan lists ("plants in A and B were considered": one site each) and finds whose plan it is
when the sentence names nobody (the organisation the text spoke about last).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import is_government
from nevkg.ingest.extract.spans import IN_CLAUSE, span_at

__all__ = ["PlanRules", "plan_status", "parsed_plan_status"]

#: verbs and nouns of weighing a place
_CONSIDER = {"consider", "weigh", "mull", "study", "explore", "eye", "scout", "evaluate", "assess", "examine",
             "shortlist", "contemplate", "ponder", "option", "alternative", "candidate", "shortlisted",
             "consideration", "feasibility", "possibility"}
#: verbs of giving a plan up
_DROP = {"drop", "abandon", "shelve", "scrap", "cancel", "rule", "axe", "ditch", "halt", "suspend", "withdraw",
         "scrapped", "abandoned", "shelved", "cancelled", "canceled"}
#: verbs of putting a plan off
_POSTPONE = {"postpone", "delay", "defer", "pause", "postponed", "delayed", "deferred", "paused"}
#: the same, as words before a cue ("is weighing up plans to build a plant in")
_TEXT = [
    ("dropped", re.compile(r"\b(?:dropp\w*|abandon\w*|shelv\w*|scrap\w*|cancel\w*|rul(?:e|es|ed|ing)\s+out|"
                           r"ax(?:e|es|ed|ing)|ditch\w*|suspend\w*|withdr[ae]w\w*|called\s+off|gave\s+up|"
                           r"giv(?:e|es|ing)\s+up|no\s+longer\s+plans?)\b", re.I)),
    ("postponed", re.compile(r"\b(?:postpon\w*|delay\w*|defer\w*|put\s+on\s+hold|on\s+hold|paus\w*)\b", re.I)),
    ("considered", re.compile(r"\b(?:consider\w*|weigh\w*|mull\w*|stud(?:y|ies|ied|ying)|explor\w*|eye(?:s|d|ing)?"
                              r"|scout\w*|evaluat\w*|assess\w*|examin\w*|shortlist\w*|contemplat\w*|ponder\w*|"
                              r"options?|alternatives?|candidates?|feasibility|possibility|could\s+build|"
                              r"might\s+build|may\s+build)\b", re.I)),
]


#: where a new clause starts (the status words of another clause do not count)
_CLAUSE_START = re.compile(r";|\bbut\b|\bwhile\b|\bafter\b|\bbefore\b|\bsince\b|\bwhich\b|[,–—-]\s+(?:and|but)\b|"
                           r",\s+(?=[A-Z])")  # the last: a main clause after an opening phrase


#: the status given after the site ("a plant in X was ruled out", "plants in A and B were considered", "… on hold")
_AFTER = re.compile(r"^" + IN_CLAUSE + r"{0,60}?\b(?:(?:was|were|is|are|(?:has|have|had)\s+(?:now\s+|also\s+)?been)\s+"
                    r"(?:also\s+|now\s+)?"
                    r"(?:being\s+)?(?P<verb>considered|weighed|shortlisted|studied|evaluated|scouted|dropped|scrapped|"
                    r"shelved|abandoned|ruled\s+out|cancell?ed|axed|postponed|delayed|deferred|paused)|"
                    r"(?P<hold>on\s+hold|on\s+ice))\b", re.I)


#: a plan named again ("that plan", "the project", "this location decision")
_FOLLOW = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]hose|[Tt]hese|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+)?"
                     r"(?:plans?|projects?|proposals?|idea|decision|scheme)\b")
#: a site named in the sentence itself (then the site rules read it)
_SITE_CUE = re.compile(r"\b(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|production\s+(?:base|line|site))\b", re.I)


def plan_status(before: str, after: str = "") -> str | None:
    """The plan status the words around a site cue give it.

    Parameters
    ----------
    before : str
        The sentence up to the cue (only its last clause counts).
    after : str, optional
        The sentence after the cue's place ("… was ruled out", "… on hold"; only its first clause counts).

    Returns
    -------
    str or None
        ``"considered"``, ``"postponed"`` or ``"dropped"``; None when the words state no such plan.

    Examples
    --------

    >>> plan_status("It is even weighing up plans to build a")
    'considered'
    >>> plan_status("The group has shelved its plans for a second"), plan_status("The carmaker opened a new")
    ('dropped', None)
    >>> plan_status("Its planned", " in the north was put on hold last week.")
    'postponed'

    """
    clause = _CLAUSE_START.split(before)[-1]
    for status, rx in _TEXT:
        if rx.search(clause):
            return status
    m = _AFTER.match(_CLAUSE_START.split(after)[0]) if after else None
    if m is None:
        return None
    if m.group("hold"):
        return "postponed"
    return next(status for status, rx in _TEXT if rx.search(m.group("verb")))


def parsed_plan_status(cue: Any) -> str | None:
    """The plan status of a site cue from the parse.

    Parameters
    ----------
    cue : spaCy Token
        The site word (plant, factory, production, build …).

    Returns
    -------
    str or None
        ``"considered"``, ``"postponed"`` or ``"dropped"`` when a verb or noun of weighing, putting off or
        giving up governs the cue ("considering building a plant", "shelved plans for a factory", "put the
        plant on hold") or describes the subject of its clause ("the options considered included plants in …",
        "locations under consideration include …"); None otherwise. It needs the statistical pipeline's
        parse, so its examples are the tests of ``tests/ingest/test_plans.py``.
    """
    for tok in [cue, *cue.ancestors]:
        found = _status_of(tok)
        if found:
            return found
        if tok.pos_ in {"VERB", "AUX"}:
            for c in tok.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:  # its head and what describes it, not a relative clause
                    near = [c] + [d for d in c.children if d.dep_ in {"acl", "amod", "compound"}] + \
                        [g for d in c.children if d.dep_ == "prep" for g in d.children if g.dep_ == "pobj"]
                    for t in near:
                        found = _status_of(t)
                        if found:
                            return found
            if tok.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "acl", "conj"}:
                break  # the clause that says what happens to the site ends here
    return None


def _status_of(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    if any(c.lower_ == "on" and any(g.lower_ in {"hold", "ice"} for g in c.children) for c in tok.children):
        return "postponed"  # "put the plant on hold"
    if lemma in _DROP and not (lemma == "rule" and not any(c.lower_ == "out" for c in tok.children)):
        return "dropped"
    if lemma in _POSTPONE:
        return "postponed"
    if lemma in _CONSIDER:
        return "considered"
    return None


class PlanRules:
    """Considered and dropped sites listed together, and whose plan they are (a mixin of the extractor)."""

    def plan_actor(self, cue: Any, status: str | None) -> Mention | None:
        """Whose considered or dropped plan a sentence without any organisation speaks of: the one the text
        spoke about last ("Other options weighed were plants in A and B")."""
        if status not in {"considered", "dropped", "postponed"}:
            return None
        if self.orgs_in(cue.sent.start_char, cue.sent.end_char):
            return None
        return self.last_org

    def listed_places(self, place: Mention, places: list[Mention]) -> list[Mention]:
        """The places listed with ``place`` ("plants in A, B and C"): one site each when a plan weighs them."""
        out = [place]
        ordered = sorted(places, key=lambda p: p.start)
        for direction in (1, -1):
            i = ordered.index(place) if place in ordered else -1
            while i >= 0 and 0 <= i + direction < len(ordered):
                a, b = (ordered[i], ordered[i + 1]) if direction == 1 else (ordered[i - 1], ordered[i])
                gap = self.text[a.end:b.start]
                if not re.fullmatch(r"(?:\s*\([^()]{1,30}\))?\s*(?:,|and|or|,\s*and|,\s*or)\s+(?:(?:in|at|near)\s+)?"
                                    r"(?:the\s+)?", gap):  # ("in A and in B": the preposition said again)
                    break
                nxt = ordered[i + direction]
                if nxt.kind == "country" and (place.kind != "country") or nxt.rule.startswith("demonym") or \
                        nxt.id in self._containers(a.id if direction == 1 else b.id) or \
                        (a if direction == 1 else b).id in self._containers(nxt.id):
                    break  # "in X, Y" where the article puts X in Y (or Y in X) is no list
                out.append(nxt)
                i += direction
        return sorted(out, key=lambda p: p.start)

    def plan_sites(self, cue: Any, actor: Mention, where: list[Mention], place: Mention, status: str) -> None:
        """One site of ``status`` per place the plan lists; a site proposed already at the place (or inside it)
        that was only planned or announced takes the status. A public body weighs no site of its own ("sites in A
        and B were also considered, the agency said": the agency speaks of an investor's plan)."""
        if is_government(actor):
            return
        for p in self.listed_places(place, where):
            same = [c for c in self.candidates if c.file == "sites" and actor.id in c.record.get("operator", [])
                    and p.id in {c.record.get("place"), *self._containers(c.record.get("place") or "")}]
            for c in same:
                if c.record.get("status") in {None, "planned", "announced"}:
                    c.record["status"] = status
            if same:
                continue
            rec = {"label": f"{self.label(actor.id)} site in {self.label(p.id)} ({status})", "kind": "plant",
                   "operator": [actor.id], "place": p.id, "status": status}
            self.add("sites", {"id": self.cid(f"{actor.id}-plant-{p.id}"), **rec}, 0.45,
                     [(actor.start, actor.end), (cue.idx, cue.idx + len(cue.text)), (p.start, p.end)],
                     f"parse:site:{status}")

    def weighed_sites(self, sent: Any, orgs: list[Mention], places: list[Mention]) -> None:
        """"X had also considered sites in A and B", "locations being scouted include A": a site of status
        considered (or dropped, postponed) at each place, for a sites or locations noun a plan verb governs."""
        if not places:
            return
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in {"site", "location"} or tok.dep_ == "compound":
                continue
            status = parsed_plan_status(tok)
            if status is None:
                continue
            actor = self._actor(tok, orgs) or self.plan_actor(tok, status)
            inside = {t.i for t in tok.subtree}  # "sites in A and B": the places of the noun's own phrase
            where = [p for p in self._clause_places(tok, places, actor)
                     if (span := span_at(self.doc, p.start, p.end)) is not None
                     and span.root.i in inside] if actor else []
            if where:
                self.plan_sites(tok, actor, where, where[0], status)

    def plan_followup(self, s: int, e: int) -> None:
        """"… weighing a plant in X. That plan has now been dropped.": a sentence that gives up or puts off "the
        plan" or "the project" without naming a site sets the status of the site the sentence before proposed, or
        the one its own words before the phrase proposed ("… at X, but the plan was shelved")."""
        sent = self.text[s:e]
        m = _FOLLOW.search(sent)
        if m is None or _SITE_CUE.search(sent):
            return
        status = plan_status(sent[:m.start()], sent[m.end():]) or plan_status(sent[:m.end()])
        if status not in {"dropped", "postponed"}:
            return
        before = [a for a, b, _ in self._sentences if b <= s]
        since = before[-1] if before else s
        # "its project in Peru" is another one; a site of this sentence before the phrase is the one it gives up
        # ("… to assemble buses at X, but the plan was shelved last year")
        sites = [c for c in self.candidates if c.file == "sites" and c.spans and s <= min(a for a, _ in c.spans)
                 and c.evidence_end <= s + m.start()]
        named = {p.id for p in self.mentions_in(s, e, ("places",))}
        sites = sites or [c for c in self.candidates if c.file == "sites" and c.spans and since <= max(
            b for _, b in c.spans) <= s and named <= {c.record.get("place")}]
        for c in sites:
            c.record["status"] = status
            c.spans = sorted({*c.spans, (s + m.start(), s + m.end())})
            later = "later in its sentence" if min(a for a, _ in c.spans) >= s else "in the next sentence"
            c.notes.append(f"'{m.group(0)}' is {status} {later}")
