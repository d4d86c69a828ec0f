"""Whose figure it is and where it goes: the subject and destination of a statistic.

The subject is the subject of the verb that governs the figure (a pronoun or "the carmaker" → the company named
last), an owner named by "owned by", the company a rate is given "for", the company a tariff hits, or the i-th
name of a "respectively" list or a partners' split; a tariff rate's destination is the market that charges it.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.lists import joined_runs
from nevkg.ingest.extract.model import Mention, Statistic
from nevkg.ingest.extract.relations import _is_destination
from nevkg.ingest.extract.spans import IN_CLAUSE, asides, span_at, without_examples
from nevkg.ingest.extract.stake_forms import named_as_venture
from nevkg.ingest.extract.vocab import MONEY_UNITS, SITE_NOUNS

_FLOW_TO = re.compile(r"\b(?:exports?|shipments?|sales|deliveries|registrations|exported|shipped|sold|delivered|"
                      r"sent|shares?)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:[\w-]+\s+){0,2}?(?:to|in|into)\s+"
                      r"(?:the\s+)?$", re.I)
_TARIFF = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|surtax(?:es)?|levy|levies|import\s+(?:tax|fee)s?)\b", re.I)
#: kinds of organisation whose "X said sales rose" speaks of its own sales (an association or a ministry that says
#: so reports a market's figures)
_COMPANY_KINDS = {"company", "automaker", "technology-company", "brand", "joint-venture-company", "supplier",
                  "battery-maker", "dealer-group", "distributor"}
#: a market that charges a tariff ("X imposed", "X will be implementing", "X is applying", "X charges")
_IMPOSES = re.compile(r"^\s+(?:(?:last|this|next|earlier\s+this|on|in)\s+(?:week|month|year|Monday|Tuesday|Wednesday|"
                      r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\s+|(?:earlier|recently|yesterday|today)\s+)?"
                      r"(?:(?:has|have|had|will|would|is|are|was|were|be|also|now|then|already)\s+){0,3}"
                      r"(?:impos\w*|charg\w*|appl(?:y|ies|ied|ying)|levi\w*|levy|rais\w*|introduc\w*|implement\w*|"
                      r"set|sets|brings?|brought|hikes?|hiked|increas\w*|mov(?:es|ed|ing)?\s+up|restor\w*|reinstat\w*|"
                      r"adopt\w*|approv\w*|slap\w*|extend\w*|finali[sz]\w*|confirm\w*|"
                      r"(?:agreed|decided|voted|plans?|is\s+set)\s+to\s+(?:impose|raise|apply|move\s+up|bring\s+forward))\b",
                      re.I)


_FACILITIES = SITE_NOUNS | {"project", "venture", "line", "hub", "campus"}
_SAY = {"say", "announce", "report", "state", "disclose", "confirm", "add", "tell", "reveal", "post"}


def _phrase(tok: Any) -> list[Any]:
    """The tokens of a noun phrase without its relative clauses ("the group, which owns X,"); a participle
    phrase stays ("cars made by X")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ != "relcl":
            out += _phrase(c)
    return out


#: "N% of that 10,000 target", "N% of the total volume": a part of a whole the article stated before
_OF_WHOLE = re.compile(r"\s*of\s+(?:the|that|this|these|those|its|their|all)\s+(?:(?:total|overall|combined|whole|"
                       r"entire)\s+)?(?:(?P<num>\d[\d,.]*(?:\s*(?:million|billion|thousand|mn|bn))?)\s+|"
                       r"(?=(?:total|volume|sales|exports|shipments|deliveries|output|production|figure|target|"
                       r"amount|number|them|those)\b))", re.I)
_ANAPHORIC_NOUNS = {"company", "firm", "automaker", "carmaker", "group", "brand", "maker", "manufacturer", "startup",
                    "giant", "producer", "operator", "supplier", "subsidiary", "unit", "exporter", "venture", "jv"}
_MONEY = MONEY_UNITS
_INVESTMENT = re.compile(r"\binvest\w*|\bplant\b|\bfactory\b|\bfacility\b|\bproject\b|\bdeal\b|\bagreement\b",
                         re.I)
_PUBLIC_BODIES = {"government-body", "ministry", "customs-office", "industry-association", "business-association"}


class SubjectRules:
    """The subject of a figure, the organisation an article is about, and the market a tariff rate is charged in."""

    def _parse_subject(self, st: Statistic, dest: Mention | None) -> Mention | None:
        """Whose figure it is, from the parse: the subject of the verb governing the figure (a pronoun or "the
        company" → the organisation named last), its possessor ("X's rate"), or the "of"/"by" phrase of a
        subject noun ("exports from China")."""
        if self.doc is None:
            return None
        span = span_at(self.doc, st.start, st.end)
        if span is None:
            return None
        tok = span.root
        seen = 0
        while tok.pos_ not in {"VERB", "AUX"} and tok.head is not tok and seen < 6:
            for c in tok.children:
                if c.dep_ == "poss":
                    m = self._mention_at(c)
                    if m is not None and m is not dest:
                        return m
            tok, seen = tok.head, seen + 1
        for _ in range(3):
            own = self._verb_actor(tok, dest)
            if own is not None:
                return own
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
            if subj:
                break
            if tok.dep_ in {"conj", "xcomp", "advcl", "relcl", "acl", "acomp"} and tok.head is not tok:
                tok = tok.head
            else:
                break
        for c in subj if subj else []:
            if c.i <= span.root.i <= c.right_edge.i and c.i != span.root.i:
                continue  # the figure sits inside the subject phrase itself
            # a relative clause names the subject only when its head says nothing ("the group, which owns X,"
            # is the group; "the plant, which X runs," is X's)
            words = _phrase(c) if c.lemma_.lower() in _ANAPHORIC_NOUNS else without_examples(c)
            ms = [m for m in (self._mention_at(t) for t in words) if m is not None and m is not dest]
            orgs = [m for m in ms if m.file == "organizations"]
            if c.lemma_.lower() in _FACILITIES and not orgs:
                ms = []  # "the factory near X employs …": X is where the plant is, not whose figure it is
            if c.lower_ in {"venture", "jv"} and not orgs:  # "the venture" after "X, a joint venture of A and B"
                jv = getattr(self, "_last_venture", None) or self._venture_before(c.idx)
                if jv is not None:
                    return jv
            if c.lemma_.lower() in _ANAPHORIC_NOUNS and not orgs:
                # "the Chinese carmaker", "the Shenzhen-based company": a company spoken of before (or named as
                # the source), not the place that describes it
                ms = []
                speaker = self._speaker(span.root)
                if speaker is not None:
                    return speaker
            named = [self._mention_at(c)] if c.pos_ == "PROPN" else []
            named += [self._mention_at(a) for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
            head = next((m for m in named if m is not None and m in orgs), None)
            if head is not None:
                return head  # "Zeekr sold", "Geely's unit Zeekr sold": the name the subject is, not its owner
            if not orgs and any(a.dep_ == "poss" and (a.lower_ in {"its", "their"} or a.lemma_.lower() in
                                                      _ANAPHORIC_NOUNS) for a in c.children):
                return self._pronoun_org(c)  # "its fleets in X and Y number …", "the brand's share in X rose …":
                # X and Y are where, not whose
            if orgs or ms:
                return (orgs or ms)[0]
            if c.lower_ in {"it", "they", "its"} or any(t.lower_ in _ANAPHORIC_NOUNS or t.lower_ in {"its", "their"}
                                                        and t.dep_ == "poss" for t in _phrase(c)):
                return self._pronoun_org(c)
            if any(t.lemma_.lower() in _FACILITIES for t in c.subtree):
                return self.focus_org()  # "the factory employs …": the article's company
        if subj and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _SAY:
            speaker = self._speaker(span.root)  # "X, whose backers include Y, said deliveries rose …": X's
            if speaker is not None and (speaker.kind or "company") in _COMPANY_KINDS:
                return speaker
        return None

    def _pronoun_org(self, tok: Any) -> Mention | None:
        """The company a pronoun in the subject ``tok`` stands for: one named before it in its own sentence ("X
        said its sales …"; not one inside a relative clause or apposition there: "X, which Y controls, said its
        …"), else the one named last."""
        aside = asides(t for t in tok.sent if t.i < tok.left_edge.i and not t.is_ancestor(tok))
        here = [m for m in self.ents.mentions if m.file == "organizations" and not m.compiler
                and tok.sent.start_char <= m.start and m.end <= tok.left_edge.idx
                and (r := span_at(self.doc, m.start, m.end)) is not None and r.root.i not in aside]
        return here[-1] if here else self.last_org

    def _venture_before(self, pos: int) -> Mention | None:
        """The joint venture "the venture" refers to: the last organisation before ``pos`` that the article calls
        one ("their joint venture X", "X, a 50:50 JV") or that two partners formed ("A and B set up X")."""
        for m in sorted((m for m in self.ents.mentions if m.file == "organizations" and m.end <= pos
                         and not m.compiler), key=lambda m: -m.start):
            if (self.ents.new.get(m.id) or {}).get("kind") == "joint-venture-company" or \
                    named_as_venture(self.text, m.start, m.end):
                return m
        return None

    def _verb_actor(self, verb: Any, dest: Mention | None) -> Mention | None:
        """The actor of a verb that the plain subject does not give: the agent of a passive ("a stake is held by
        X"), the name a relative clause hangs on ("X, which shipped N"), or a name right before a verb that has
        no subject in the parse ("…; X delivered N", where the parser took the name for an adverb)."""
        for c in verb.children:
            if c.dep_ == "agent":
                m = next((m for m in map(self._mention_at, c.subtree) if m is not None and m is not dest
                          and m.file == "organizations"), None)
                if m is not None:
                    return m
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if verb.dep_ == "relcl" and subj and subj[0].lower_ in {"which", "that", "who"}:
            m = self._mention_at(verb.head)
            if m is not None and m.file == "organizations":
                return m
            if verb.head.lemma_.lower() in _ANAPHORIC_NOUNS:
                return self.last_org
            return None
        if subj:
            return None
        lefts = [c for c in verb.lefts if c.dep_ in {"advmod", "npadvmod", "dep", "nmod", "compound"}
                 and c.pos_ in {"PROPN", "NOUN", "ADV", "X"}]
        for c in reversed(lefts):
            m = self._mention_at(c)
            if m is not None and m.file == "organizations" and m is not dest:
                return m
        return None

    def _speaker(self, tok: Any) -> Mention | None:
        """The organisation a sentence cites as its source ("…, X said"; "X said …"): the subject of a verb of
        saying at the top of the figure's sentence."""
        root = tok.sent.root
        verbs = [root] + [c for c in root.children if c.dep_ in {"ccomp", "parataxis", "conj"}]
        for v in verbs:
            if v.lemma_.lower() not in _SAY:
                continue
            for c in v.children:
                if c.dep_ == "nsubj":
                    m = next((m for m in map(self._mention_at, _phrase(c)) if m is not None
                              and m.file == "organizations"), None)
                    if m is not None:
                        return m
        return None

    def _agent(self, st: Statistic, after: list[Mention]) -> Mention | None:
        """"60% owned by X", "and 40% by Y": the owner named by the agent phrase after a share; "21% for X", "a
        rate of 9% for X": the company a percentage is given for."""
        if st.kind != "percent":
            return None
        return next((m for m in after if m.file == "organizations" and re.fullmatch(
            r"\s*(?:(?:owned|held|controlled)\s+)?by\s+(?:the\s+)?|\s*,?\s*for\s+(?:the\s+)?",
            self.text[st.end:m.start])), None)

    def _share_of(self, st: Statistic, after: list[Mention], s: int) -> Mention | None:
        """"40% of X's exports", "a third of the sales of X", "15% of its exports": the organisation whose total a
        share is of ("its": the organisation named before it in the sentence, else the one named last)."""
        if st.role not in {"share", "percent"}:
            return None
        if re.match(r"\s*of\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:sales|exports|shipments|deliveries|output|"
                    r"production|revenue)\b", self.text[st.end:st.end + 60]):
            own = [m for m in self.mentions_in(s, st.start, ("organizations",)) if not m.compiler]
            return own[-1] if own else self.last_org
        return next((m for m in after if m.file == "organizations" and (re.fullmatch(
            r"\s*of\s+(?:the\s+)?", self.text[st.end:m.start]) and re.match(r"['’]s?\s", self.text[m.end:m.end + 3])
            or re.fullmatch(r"\s*of\s+(?:the|its)\s+(?:[\w-]+\s+){0,2}?(?:sales|exports|shipments|deliveries|"
                            r"output|production|revenue)\s+(?:of|by)\s+(?:the\s+)?", self.text[st.end:m.start]))),
                    None)

    def _whole_of(self, st: Statistic, s: int, e: int, bases: list) -> Any:
        """The earlier figure a percentage is a part of: "40% of that 10,000 target", "64% of the total volume",
        "Of the total 1.7 million cars exported, 96% …" (its candidate, or ``None``)."""
        if st.kind != "percent":
            return None
        m = _OF_WHOLE.match(self.text, st.end, e)
        opening = re.match(r"\s*Of\s+(?:the|its|their|these|those)\s+", self.text[s:e])
        if m is None and not (opening and any(b.kind == "amount" and b.end <= st.start for b, _ in bases)):
            return None
        whole = [c for c in self.candidates if c.file == "observations" and c.record.get("unit") not in {
            "percent", None} and c.record.get("value") is not None]
        if m is not None and m.group("num"):
            value = find_statistics(m.group("num") + " units")
            hit = next((c for c in reversed(whole) if value and abs(float(c.record["value"]) - float(
                value[0].value)) < 1e-6), None)
            if hit is not None:
                return hit
        here = [c for b, c in reversed(bases) if c is not None and b.kind == "amount" and b.end <= st.start]
        if not here and whole and m is not None and re.search(r"\b(?:total|overall|combined|whole|entire)\b",
                                                               m.group(0), re.I):
            # "N% of the total volume": the article's total, the largest figure of that unit stated before
            return max((c for c in whole if c.record["unit"] == whole[-1].record["unit"]),
                       key=lambda c: float(c.record["value"]))
        return here[0] if here else whole[-1] if whole else None

    def _tariff_target(self, st: Statistic, after: list[Mention]) -> Mention | None:
        """"a 17% duty on X's cars": the company a rate hits."""
        return next((m for m in after if m.file == "organizations" and re.fullmatch(
            r"\s*(?:[\w-]+\s+){0,3}?(?:tariffs?|dut(?:y|ies)|surtax(?:es)?|levy|levies)\s+on\s+(?:the\s+)?"
            r"(?:(?:cars|vehicles|imports|EVs)\s+(?:made\s+by|of|from)\s+(?:the\s+)?)?",
            self.text[st.end:m.start])), None)

    def _tariff_origin(self, st: Statistic, e: int) -> Mention | None:
        """"a 100% surtax on EVs made in X", "a 25% duty on imports from X", "on X-made cars": the country whose
        goods a rate hits."""
        for m in self.mentions_in(st.end, e, ("places",)):
            gap = self.text[st.end:m.start]
            if re.search(r"[.;]", gap) or len(gap) > 90 or not _TARIFF.search(self.text[max(0, st.start - 40):m.start]):
                continue
            if re.search(r"\b(?:made|built|produced|manufactured|assembled|imported)\s+in\s+(?:the\s+)?$|"
                         r"\b(?:imports?|cars|vehicles|EVs|goods|products)\s+(?:\w+\s+)?from\s+(?:the\s+)?$", gap) \
                    or m.rule.startswith("demonym") and re.match(r"[\s-]+(?:made|built|produced)\b",
                                                                 self.text[m.end:m.end + 8]):
                return m
        return None

    def _tariff_market(self, s: int, e: int) -> Mention | None:
        """The market that charges the rates of a tariff sentence: a country or union that imposes, charges,
        applies or raises them ("the EU imposed", "imposed by Canada", "Brazil's tariff"), else the one the
        nearest earlier sentence of the article named so."""
        for a, b, _ in reversed([x for x in self._sentences if x[0] <= s]):
            found = self._imposer(a, b) if _TARIFF.search(self.text[a:b]) else None
            if found is not None:
                return found
            if a <= s < b and self._unplaced_imposer(a, b):
                return None  # "the Commission set duties": its own authority, not an earlier sentence's market
        return None

    def _unplaced_imposer(self, s: int, e: int) -> bool:
        """A public body of no known country imposes the measure of this sentence ("the Commission set …")."""
        return any(m.kind in {"government-body", "ministry"} and _IMPOSES.match(self.text[m.end:min(e, m.end + 40)])
                   for m in self.mentions_in(s, e, ("organizations",)))

    def _imposer(self, s: int, e: int) -> Mention | None:
        for m in self.mentions_in(s, e, ("places", "organizations")):
            if m.kind in {"city", "province", "state", "place"} or m.rule.startswith("demonym") or \
                    m.file == "organizations" and m.kind not in {"government-body", "ministry"}:
                continue
            after = self.text[m.end:min(e, m.end + 40)]
            before = self.text[max(s, m.start - 30):m.start]
            if not (_IMPOSES.match(after) or re.search(r"\bby\s+(?:the\s+)?$", before) and _TARIFF.search(
                    self.text[s:m.start]) or re.match(r"['’]s?\s+(?:[\w%.,-]+\s+){0,3}?(?:tariffs?|dut(?:y|ies)|"
                                                     r"surtax|levy|levies)\b", after)):
                continue
            if m.file == "organizations":  # "X's trade chamber Y raised the tariff": the market is X
                m = next((c for c in reversed(self.ents.countries_in(s, m.start))
                          if re.match(r"['’]s?\s", self.text[c.end:c.end + 3])), None)
                if m is None:
                    continue
            return m
        return None

    def focus_org(self) -> Mention | None:
        """The organisation the article is mostly about (named most often; compilers and publishers left out)."""
        counts: dict[str, list[Mention]] = {}
        for m in self.ents.mentions:
            if m.file == "organizations" and not m.compiler and (m.kind or "") not in {"publisher"} and not (
                    m.start < 3 and m.text.isupper() and re.match(r"\s*[-—–:]", self.text[m.end:m.end + 3])):
                counts.setdefault(m.id, []).append(m)  # (never a dateline the parser took for a name)
        return max(counts.values(), key=len)[0] if counts else None

    def focus_subject(self) -> Mention | None:
        """The article's main actor: its most named organisation, or its most named country when no
        organisation is named more than once."""
        org = self.focus_org()
        place = self.ents.most_named_country(adjectives=False)
        n_org = sum(1 for m in self.ents.mentions if org is not None and m.id == org.id)
        return place[0] if place and len(place) > 2 * n_org else org

    def _respectively(self, st: Statistic, s: int, e: int) -> Mention | None:
        """"A and B sold 12,000 and 8,000 cars, respectively": the i-th figure belongs to the i-th name."""
        sent = self.text[s:e]
        if "respectively" not in sent and ":" not in sent:
            return None
        same = [x for x in find_statistics(sent, s) if x.unit == st.unit and x.role == st.role]
        figures = self._figure_run(st, same)
        ratio = [x for x in same if abs(x.start - st.start) <= 6 and re.fullmatch(
            r"\s?:\s?", self.text[min(x.end, st.end):max(x.start, st.start)] or ":")]  # "A and B ... a 51:49 venture"
        if len(ratio) == 2:
            figures = sorted(ratio, key=lambda x: x.start)
        elif len(figures) < 2 or not re.match(IN_CLAUSE + r"{0,40}?\brespectively\b", self.text[figures[-1].end:e]):
            return None
        names = [m for m in self.mentions_in(s, figures[0].start, ("organizations", "places"))
                 if not m.compiler and not _is_destination(self.text, m) and not re.search(
                     r"\b(?:in|to|into|from)\s+(?:the\s+)?$", self.text[max(s, m.start - 8):m.start])]
        runs = joined_runs(names, self.text)  # runs of names joined by commas and "and"
        run = next((r for r in reversed(runs) if len(r) == len(figures)), None)
        if run is None:
            return None
        return run[[x.start for x in figures].index(st.start)]

    def _figure_run(self, st: Statistic, same: list[Statistic]) -> list[Statistic]:
        """The list of figures ``st`` is in: figures joined by commas and "and"."""
        return next((r for r in joined_runs(same, self.text) if any(x.start == st.start for x in r)), [])

    def _respective_place(self, st: Statistic, s: int, e: int) -> Mention | None:
        """"sold 4,300 and 2,900 cars in A and B, respectively": the i-th figure's destination is the i-th place."""
        sent = self.text[s:e]
        if "respectively" not in sent:
            return None
        figures = self._figure_run(st, [x for x in find_statistics(sent, s) if x.unit == st.unit
                                        and x.role == st.role])
        if len(figures) < 2:
            return None
        tail = re.match(IN_CLAUSE + r"{0,40}?\b(?:in|to|into|across)\s+(?:the\s+)?", self.text[figures[-1].end:e])
        if tail is None:
            return None
        start = figures[-1].end + tail.end()
        run: list[Mention] = []
        for m in self.mentions_in(start, e, ("places",)):
            gap = self.text[run[-1].end if run else start:m.start]
            if run and not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", gap) or not run and gap.strip():
                break
            run.append(m)
        if len(run) != len(figures) or not re.match(r",?\s*respectively\b", self.text[run[-1].end:e]):
            return None
        return run[[x.start for x in figures].index(st.start)]

    def _mention_at(self, token: Any) -> Mention | None:
        """The organisation or place named at ``token`` (not a compiler, nor a dateline's city: where the story
        was filed)."""
        for m in self.ents.mentions:
            if m.start <= token.idx < m.end and m.file in {"organizations", "places"} and not m.compiler \
                    and not self.ents.in_dateline(m):
                return m
        return None
