"""Relation ends of the wrong type: a place proposed where only an organisation can stand.

The cue rules take the nearest name before or after a cue word, and the parse the nearest noun; when the actor is
an anaphor the rules did not resolve, or a place stands between the actor and the cue ("a new plant at X near Y in
Z", "a start-up based in X"), that name is a place. Then:

* a site whose operator is a place has that operator struck (a town or a state runs no plant; the site stays when
  an organisation operates it too);
* a partnership with a place below a country ("a cooperation of the venture and Maharashtra") is withdrawn (a
  country may sign an agreement; its states and towns are, in these sentences, where things are);
* an investment whose investee is a place is an investment *in* that place (the place field), unless the same
  investor already has one in a place in that sentence ("invest … in a plant at X in Z": Z is X's container);
* a market presence whose seller is its own market, and a sale, an entry or an exit whose seller is a place ("In
  X we sell through our showrooms in Y" read as X selling in Y), are withdrawn (a country exports; it sells in,
  enters or leaves no market);
* an export whose exporter is a place named after "from" is withdrawn when an organisation exports to the same
  market in the same sentence ("the venture will export from X to Y": X is where the cars leave from).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TypedEndRules", "PACT_NOUNS", "no_market_cue", "office_place", "possessor_places", "robotaxi_goods",
           "run_in_label"]

#: what one "enters into": an agreement, not a market (:mod:`parsed`: "entered into a deal with X in Y")
PACT_NOUNS = {"agreement", "contract", "deal", "memorandum", "mou", "partnership", "arrangement", "negotiation",
              "talk", "alliance", "venture", "transaction", "understanding", "pact", "discussion", "lease"}
#: nouns a "launch" modifies when it names a time or an event, not a sale ("the launch phase")
_LAUNCH_OF = {"phase", "period", "stage", "event", "ceremony", "date", "party", "edition", "price", "plan",
              "schedule", "window", "team", "campaign"}
#: premises a company keeps somewhere: "offices in X" says nothing of exports to X
_OFFICES = {"office", "branch", "headquarters", "hq", "representative", "desk", "liaison", "agency"}


def no_market_cue(cue: Any) -> bool:
    """Whether a market cue word names no market: "entered into an agreement (talks, a venture …) with X",
    "during the launch phase" (a launch that modifies a noun of time or event).

    Parameters
    ----------
    cue : spacy.tokens.Token
        The cue word of a market rule.

    Returns
    -------
    bool
        True when the cue must be ignored.
    """
    lem = cue.lemma_.lower()
    if lem == "enter":
        return any(c.dep_ == "prep" and c.lower_ == "into" and any(o.lemma_.lower() in PACT_NOUNS for o in c.subtree)
                   for c in cue.children)
    return lem == "launch" and cue.dep_ == "compound" and cue.head.lemma_.lower() in _LAUNCH_OF


#: the nouns of a way between places ("its routes from A to B", "the line between A and B")
_ROUTE_NOUNS = {"route", "line", "service", "corridor", "trip", "journey", "link", "connection", "run"}


def route_places(where: list[Any], doc: Any) -> list[Any]:
    """The places of a site cue's clause that are no ends of a route named in it ("buy coaches from the plant for
    its routes from Kampala to Mbarara": Kampala and Mbarara are where the coaches run, not where the plant is).

    Parameters
    ----------
    where : list of Mention
        The places of the cue's clause.
    doc : spacy.tokens.Doc
        The parse.

    Returns
    -------
    list of Mention
        ``where`` without the places after "from", "to" or "between" that hang on a route noun.
    """
    from nevkg.ingest.extract.spans import span_at

    out = []
    for p in where:
        span = span_at(doc, p.start, p.end)
        lead = span.root if span is not None else None
        while lead is not None and lead.dep_ == "conj" and lead.head.i < lead.i:
            lead = lead.head  # ("to Mbarara, Fort Portal and Kabale": each hangs on the first)
        prep = lead.head if lead is not None and lead.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in {"from", "to", "between"} or prep.head.lemma_.lower() not in _ROUTE_NOUNS:
            out.append(p)
    return out


def possessor_places(cue: Any, where: list[Any], doc: Any) -> list[Any]:
    """The places of a site cue that are its own when the cue is a possessor ("the plant's output to A, B and C":
    a plant named before, and A, B, C are where its output goes; "the Rayong plant's output": Rayong is its place).

    Parameters
    ----------
    cue : spacy.tokens.Token
        The site noun.
    where : list of Mention
        The places of the cue's clause.
    doc : spacy.tokens.Doc
        The parse.

    Returns
    -------
    list of Mention
        ``where`` itself, or for a possessor only the places inside its own phrase.
    """
    from nevkg.ingest.extract.spans import span_at

    if cue.dep_ != "poss":
        return where
    return [p for p in where if (t := span_at(doc, p.start, p.end)) is not None and t.root in cue.subtree]


def office_place(noun: Any) -> bool:
    """Whether the place token ``noun`` is where an office is ("its trading offices in X", "a branch at Y").

    Parameters
    ----------
    noun : spacy.tokens.Token
        The root of a place's span.

    Returns
    -------
    bool
        True when the place only locates premises.
    """
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "offices in A and B": B too
        noun = noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in {"in", "at"}:
        owner = prep.head
        return owner.lemma_.lower() in _OFFICES or any(c.lemma_.lower() in _OFFICES for c in owner.children
                                                       if c.dep_ == "compound")
    return False

#: "from X", "out of X" before a place: an origin of goods
_FROM = re.compile(r"\b(?:from|out\s+of)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)


class TypedEndRules:
    """Strikes or moves relation ends that are places where an organisation must stand (a mixin of the extractor)."""

    candidates: list[Any]
    text: str

    def _typed_is_place(self, rid: str | None) -> bool:
        if not rid:
            return False
        entry = self.gaz.entries.get(rid)  # type: ignore[attr-defined]
        if entry is not None:
            return entry.file == "places"
        meta = self.ents.new_meta.get(rid)  # type: ignore[attr-defined]
        return meta is not None and meta.file == "places"

    def typed_ends(self, before: set[int], s: int, e: int) -> None:
        """Fix the relation candidates added since ``before`` (ids of the candidates that were there) whose
        organisation end is a place, in the sentence ``s``–``e``.

        Parameters
        ----------
        before : set of int
            ``id()`` of the candidates that were there before the sentence was read.
        s, e : int
            The sentence's offsets in the text.
        """
        new = [c for c in self.candidates if id(c) not in before]
        for cand in new:
            r = cand.record
            if cand.file == "sites":
                ops = r.get("operator") or []
                keep = [op for op in ops if not self._typed_is_place(op)]
                if keep != ops:
                    if not keep:
                        self._typed_withdraw(cand, "its only operator is a place")
                        continue
                    r["operator"] = keep
                    cand.notes.append("an operator that is a place struck")
            elif cand.file == "partnerships":
                if any(self._typed_is_place(p) and self.ents.kind_of(p) != "country"
                       for p in r.get("partners") or []):
                    self._typed_withdraw(cand, "a partner is a place below a country")
            elif cand.file == "investments" and self._typed_is_place(r.get("investee")):
                same = any(c is not cand and c.file == "investments" and c in new
                           and c.record.get("investor") == r.get("investor") and c.record.get("place")
                           for c in self.candidates)
                if same:
                    self._typed_withdraw(cand, "the investee is a place the same investor already invests in")
                    continue
                r["place"] = r.pop("investee")
                cand.notes.append("the investee, a place, is where the money goes")
            elif cand.file == "market_presence" and (r.get("exporter") == r.get("market") or r.get("activity") in {
                    "sells-in", "entered", "exited"} and self._typed_is_place(r.get("exporter"))):
                self._typed_withdraw(cand, "a place sells in, enters or leaves no market (nor itself)")
            elif cand.file == "market_presence" and r.get("activity") == "exports-to" \
                    and self._typed_is_place(r.get("exporter")) and self._typed_after_from(r["exporter"], s, e) \
                    and any(c is not cand and c in new and c.file == "market_presence"
                            and c.record.get("market") == r.get("market")
                            and c.record.get("activity") == "exports-to"
                            and not self._typed_is_place(c.record.get("exporter")) for c in self.candidates):
                self._typed_withdraw(cand, "the exporter is the place the goods leave from")

    def _typed_after_from(self, pid: str, s: int, e: int) -> bool:
        """Whether a mention of place ``pid`` in the sentence follows "from" or "out of"."""
        return any(m.id == pid and s <= m.start < e and _FROM.search(self.text[max(s, m.start - 40):m.start])
                   for m in self.ents.mentions)  # type: ignore[attr-defined]

    def _typed_withdraw(self, cand: Any, why: str) -> None:
        cand.notes.append(f"withdrawn: {why}")
        self.candidates.remove(cand)


#: what a robotaxi service offers: launching or making these available somewhere is a deployment, not a sale
_ROBOTAXI_GOODS = {"robotaxi", "robotaxis", "driverless", "autonomous", "self", "robo", "shuttle", "shuttles"}


def robotaxi_goods(cue: Any) -> bool:
    """Whether what the market verb ``cue`` launches, offers or makes available is a robotaxi or driverless
    service: its object, or the subject of "be available" / a passive."""
    verb = cue.head if cue.dep_ == "acomp" else cue
    args = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} or c.dep_ == "nsubj" and verb is not cue]
    return any(t.lemma_.lower() in _ROBOTAXI_GOODS for a in args for t in a.subtree)


def run_in_label(cue: Any) -> bool:
    """Whether ``cue`` is a word of a run-in label that opens its sentence or bullet ("New city launches:",
    "Market entry:"): a heading, not what the sentence's actor does."""
    sent = cue.sent
    before = sent.doc.text[sent.start_char:cue.idx]
    after = sent.doc.text[cue.idx + len(cue.text):sent.end_char]
    return bool(re.fullmatch(r"[\s\-–•*]*(?:[A-Za-z][\w-]*\s+){0,3}", before) and re.match(r"\s*:", after))
