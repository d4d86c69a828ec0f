"""Relations a sentence names but does not assert: the cue word is negated or sits in a denied report.

A rule proposes a relation from a cue word (a plant, "sell", "export", "partner" …) with its organisation and
place; the parse then says whether the sentence states it as a fact:

* negated: the cue, or the verb it is the object of, has "not", "never" or "n't" ("does not sell cars in X",
  "will never build a plant in Y"), or the cue noun has "no" ("has no plant in Z", "no plans for a factory in W");
* denied: the cue, or a name of the relation, is inside what a verb of denying governs ("denied a report that it
  would open a plant in V", "dismissed talk of a deal with U").

A report or a rumour that nobody denies stays: the corpus records it (``other:reportedly_…``,
``other:considers_plant_in``), and a site only weighed gets its status from :mod:`plans`.

A place that only describes an organisation's home is no place where it acts: "a Casablanca-based importer",
"the Stockholm-listed group", "headquartered in Z", "listed in V", "the first European plant of the Shanghai group"
give no
partner, site, market, deployment or investment there (:func:`home_only`).

Such a relation is withdrawn. A site that has not *yet* opened or started is still a (planned) site, and a site
whose plan the text gives up or puts off keeps its status (``dropped``, ``postponed``: :mod:`plans`) instead.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.ner import run_in_head
from nevkg.ingest.extract.relations_actors import _is_owner_word
from nevkg.ingest.extract.relations_modality import ended, hypothetical, questioned, rumoured, weighed
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.vocab import SITE_NOUNS

__all__ = ["AssertionRules", "unasserted"]

#: the candidate files that hold relations read from a cue word
RELATION_FILES = ("partnerships", "sites", "market_presence", "investments", "deployments")
#: verbs of denying what a report, a rumour or another clause says
_DENY = {"deny", "dismiss", "refute", "disclaim", "rebut", "debunk"}
#: verbs a site noun can be negated under and still exist, planned ("has not yet opened its plant")
_STARTING = {"start", "begin", "open", "launch", "commence", "complete", "finish", "reach", "inaugurate", "announce",
             "disclose", "name", "say", "give", "reveal", "confirm"}
#: dependency labels through which a negation reaches the cue (its verb and that verb's own complements)
_NEG_UP = {"dobj", "pobj", "prep", "attr", "acomp", "xcomp", "compound", "amod", "oprd", "npadvmod", "appos",
           "dative", "pcomp"}
#: nouns of a deal that a partner's relative clause can say has ended ("whose contract was not renewed")
_DEAL_NOUNS = {"contract", "agreement", "deal", "franchise", "licence", "license", "distributorship", "mandate",
               "concession", "partnership"}
#: verbs that end such a deal ("whose franchise expired", "whose contract was terminated")
_DEAL_ENDS = {"end", "expire", "terminate", "lapse", "cancel", "revoke", "scrap"}
#: labels that end the clause a denial can reach into (a new sentence of its own, an aside, a second clause)
_DENY_STOP = {"advcl", "conj", "parataxis", "ROOT"}


#: nouns of a site, which a clause "based in X" places rather than homes ("a centre to be based in X")
_SITE_HEADS = SITE_NOUNS | {"centre", "center", "hub", "office", "line", "base", "campus", "warehouse", "depot",
                           "studio", "lab", "laboratory", "venture", "unit", "subsidiary", "arm"}
#: nouns of an organisation that a place before them only says the home of ("the Shanghai group")
_HOME_NOUNS = {"group", "firm", "company", "conglomerate", "investor", "fund", "bank", "carmaker", "automaker",
               "startup", "start-up", "giant", "holding"}
_HOME_AFTER = re.compile(r"-(?:based|headquartered|listed|registered)\b", re.I)
#: (not "based in": "a research centre to be based in X" is one of the company's sites, not its home)
_HOME_BEFORE = re.compile(r"\b(?:headquartered|listed|registered|incorporated)\s+(?:in|on)\s+(?:the\s+)?$", re.I)


def home_only(text: str, doc: Any, spans: list[tuple[int, int]], modifier: bool = True) -> bool:
    """Whether every one of a place's mentions ``spans`` in a sentence names an organisation's home ("X-based",
    "X-listed", "headquartered in X") or a section (a run-in head, "X — …"), or (with ``modifier``, for a mention
    typed as a place) a modifier of an organisation
    noun ("the X group", "an X investment firm")."""
    for a, b in spans:
        if _HOME_AFTER.match(text, b) or _HOME_BEFORE.search(text[max(0, a - 40):a]) or run_in_head(text, a, b) \
                or _based_clause(text, doc, a, b):
            continue  # (a run-in head, "LATIN AMERICA — …", names the section, not where the actor acts)
        if not modifier:
            return False
        span = span_at(doc, a, b)
        noun = span.root if span is not None and len(span) else None
        while noun is not None and noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i != noun.i:
            noun = noun.head
        if noun is None or noun.i == span.root.i or noun.lemma_.lower() not in _HOME_NOUNS:
            return False
    return bool(spans)


def _based_clause(text: str, doc: Any, a: int, b: int) -> bool:
    """Whether the place at ``a``–``b`` is in a clause that says where an organisation is based ("X, which is based
    in P, …", "a start-up based in P"; not "a centre to be based in P", a site), or in a phrase set off by commas
    after the organisation's name ("X, which is based in Hefei, in China's Anhui province, …")."""
    span = span_at(doc, a, b)
    if span is None or not len(span):
        return False
    tok = span.root
    for up in tok.ancestors:
        if up.lemma_.lower() in {"base", "headquarter", "headquartered"} and up.dep_ in {"relcl", "acl"}:
            return up.head.lemma_.lower() not in _SITE_HEADS
        if up.dep_ == "prep" and up.lower_ == "in" and up.i > 0 and doc[up.i - 1].text == "," and any(
                c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in {"base", "headquarter", "headquartered"}
                for c in up.head.children):
            return True  # "X, which is based in Hefei, in China's Anhui province, …": where X is too
        if up.dep_ in {"ROOT", "ccomp", "advcl", "conj"}:
            return False
    return False


def _negated(tok: Any) -> bool:
    """Whether ``tok`` has a negation of its own: "not", "never", "n't" (not "not only"), or "no" before a noun."""
    for child in tok.children:
        nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if nxt is not None and nxt.lower_ in {"less", "fewer", "more"} and child.lower_ in {"not", "no"}:
            continue  # "not less than 18 showrooms", "no fewer than 40 dealers": a bound, no negation
        if child.dep_ == "neg":
            if nxt is not None and nxt.lower_ in {"only", "just", "merely"}:
                continue  # "not only sells in A but also …"
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
    return False


def _none_such(cue: Any, verb: Any) -> bool:
    """Whether the site ``cue`` is the indefinite object of the negated ``verb``: "has not announced a plant",
    "has not opened any factory" say there is none (but "has not opened its plant" speaks of one)."""
    return cue.head.i == verb.i and cue.dep_ == "dobj" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in cue.children)


def _yet(tok: Any) -> bool:
    return any(c.lower_ in {"yet", "still"} for c in tok.children)


def unasserted(cue: Any, site: bool = False) -> str | None:
    """Why the relation read from the token ``cue`` is not stated as a fact, or None when it is.

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word (a plant, a verb of selling, a deal …).
    site : bool
        True for a production site: a site negated only by "not yet" or under a verb of opening or starting
        ("has not started production at its plant in X") still exists, planned.

    Returns
    -------
    str or None
        ``"negated"`` or ``"denied"``; None when the sentence asserts it.
    """
    tok = cue
    while True:  # the negation of the cue or of the verb (and its complements) the cue belongs to
        if _negated(tok):
            if not (site and (_yet(tok) or tok.lemma_.lower() in _STARTING and not _none_such(cue, tok))):
                return "negated"
            break
        if tok.dep_ not in _NEG_UP | {"acl"} or tok.head is tok or tok.pos_ in {"VERB", "AUX"} and \
                tok.dep_ not in {"xcomp", "acl", "pcomp"}:  # ("no plans to build a plant", "no intention of
            # selling cars in X": up through the plan noun)
            break
        tok = tok.head
    return denied(cue)


def denied(tok: Any) -> str | None:
    """``"denied"`` when the token ``tok`` (a cue or a name of the relation) is inside what a verb of denying
    governs; None otherwise."""
    while tok.head is not tok and tok.dep_ not in _DENY_STOP | {"nsubj", "nsubjpass"}:
        # up through objects, reports and their clauses (not from a subject: "denied that its plant would close")
        tok = tok.head
        if tok.lemma_.lower() in _DENY:
            return "denied"
    return None


def _supposed(tok: Any, ends: bool = True) -> str | None:
    """``"hypothetical"``, ``"questioned"``, ``"rumoured"`` or (with ``ends``) ``"ended"`` for a cue the sentence
    only supposes, asks about, reports as a rumour or says is over (:mod:`relations_modality`)."""
    if hypothetical(tok):
        return "hypothetical"
    if questioned(tok):
        return "questioned"
    return "rumoured" if rumoured(tok) else "ended" if ends and ended(tok) else None


class AssertionRules:
    """Withdraws the relations of a sentence that it negates or denies (a mixin of the extractor)."""

    def drop_unasserted(self, before: set[int], s: int, e: int) -> None:
        """Withdraw the relation candidates added since ``before`` (ids of the candidates that were there) whose
        cue the sentence ``s:e`` negates or denies."""
        if self.doc is None:
            return
        names = {(m.start, m.end) for m in self.ents.mentions}
        for cand in [c for c in self.candidates if id(c) not in before and c.file in RELATION_FILES]:
            if cand.record.get("status") in {"dropped", "postponed"}:
                continue  # the plan's own status says it was given up or put off
            if self._home_place(cand, s, e):
                cand.notes.append("withdrawn: its place only names an organisation's home")
                self.candidates.remove(cand)
                continue
            owners = self._owners_only(cand, s, e)
            if owners and cand.file == "partnerships":
                cand.notes.append("withdrawn: a partner is named only as another's backer or owner")
                self.candidates.remove(cand)
                continue
            if cand.file == "partnerships" and self.deal_ended_with(cand.record.get("partners", []), s, e):
                cand.notes.append("withdrawn: the partner's contract was not renewed or has ended")
                self.candidates.remove(cand)
                continue
            if owners:  # "with Y, a X portfolio company": X backs Y, it runs nothing with the operator
                cand.record["partners"] = [p for p in cand.record["partners"] if p not in owners]
                if not cand.record["partners"]:
                    del cand.record["partners"]
            site = cand.file == "sites"
            for a, b in [(a, b) for a, b in cand.spans if s <= a and b <= e]:
                span = span_at(self.doc, a, b)
                if span is None or not len(span):
                    continue
                cue = (a, b) not in names  # a name of the relation only tells whether it is denied
                ends = cand.file != "sites" and cand.record.get("activity") != "exited"  # (an exit is the fact)
                market = cand.file == "market_presence"  # ("is looking at exporting to X": only weighed)
                if any((unasserted(t, site) or _supposed(t, ends) or market and weighed(t) if cue else denied(t))
                       for t in span if not t.is_punct):
                    cand.notes.append("withdrawn: the sentence negates, denies or only supposes it, or it ended")
                    self.candidates.remove(cand)
                    break

    def deal_ended_with(self, partners: list[str], s: int, e: int) -> bool:
        """Whether one of ``partners`` is named in the sentence ``s:e`` with a clause that ends its deal: "X,
        whose contract the company did not renew in 2025", "X, whose licence expired last year"."""
        for m in [m for m in self.ents.mentions if m.id in partners and s <= m.start and m.end <= e]:
            span = span_at(self.doc, m.start, m.end)
            for verb in [c for c in (span.root.children if span is not None and len(span) else [])
                         if c.dep_ == "relcl"]:
                whose = any(t.lower_ == "whose" and t.head.lemma_.lower() in _DEAL_NOUNS for t in verb.subtree)
                if whose and (verb.lemma_.lower() in _DEAL_ENDS or verb.lemma_.lower() in {"renew", "extend"}
                              and any(c.dep_ == "neg" for c in verb.children)):
                    return True
        return False

    def _owners_only(self, cand: Any, s: int, e: int) -> set[str]:
        """The partners of a partnership or deployment named in the sentence only as another company's backer or
        owner ("PIF-backed Masar", "Masar, a PIF portfolio company")."""
        if cand.file not in {"partnerships", "deployments"}:
            return set()
        out = set()
        for p in cand.record.get("partners") or []:
            found = [m for m in self.ents.mentions if m.id == p and s <= m.start and m.end <= e]
            if found and all(_is_owner_word(self.text, m) for m in found):
                out.add(p)
        return out

    def _home_place(self, cand: Any, s: int, e: int) -> bool:
        """Whether the candidate's place (a site's, a market, a deployment's places, a partner that is a place)
        or its actor (an exporter, an investor, a deployment's operator, a site's one operator) is named in the
        sentence only as an organisation's home ("listed on X": the exchange is where its shares trade)."""
        r = cand.record
        places = {"sites": [r.get("place")], "market_presence": [r.get("market")], "investments": [r.get("place")],
                  "deployments": r.get("places") or [], "partnerships": r.get("partners") or []}[cand.file]
        actor = {"market_presence": r.get("exporter"), "investments": r.get("investor"),
                 "deployments": r.get("operator")}.get(cand.file)
        if cand.file == "sites" and len(r.get("operator") or []) == 1:
            actor = r["operator"][0]  # ("a distributor listed on X, to build a plant in Y": X runs no plant)
        ms = {p: [m for m in self.ents.mentions if m.id == p and s <= m.start and m.end <= e]
              for p in [*places, actor] if p}
        homes = [p for p, found in ms.items() if home_only(self.text, self.doc, [(m.start, m.end) for m in found],
                                                           all(m.file == "places" for m in found))]
        return bool(homes) and (cand.file == "partnerships" or actor in homes
                                or len(homes) == len([p for p in places if p]))

