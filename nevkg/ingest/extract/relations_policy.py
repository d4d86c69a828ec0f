"""Trade measures read from the parse: a tariff, duty, surtax or licence, the authority behind it, and the
countries and companies it hits (each company with a rate of its own too).

A measure the text names (:mod:`.measures`: "a surtax on Korean-made trucks") takes its issuer from its clause
(the subject of the verb that governs it, "imposed by X", "X's tariff", "X tariffs"), else from the authorities
of its sentence, else from the measure named just before (a second measure "the government" announces); the
places it covers from its own words ("Korean-made", "parts from Korea") or the sentence's ("trucks imported
from Korea"); its start
from a date after "from", "starting", "beginning", "as of" or "effective". A sentence with a measure word but no
named measure adds what it names to the measure named just before, or (when none was) proposes one measure per
authority, named from its clauses.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.measure_merge import merge_measures
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import find_periods
from nevkg.ingest.extract.policy_authorities import PolicyAuthorityRules
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.spans import span_at

_MEASURE = {"tariff", "duty", "surtax", "levy", "quota", "countervailing", "anti", "licence", "license", "tax"}
#: a rate written in a sentence ("12 %", "9.5 percent", "20pc")
_RATE = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b|pc\b)", re.I)
#: the words before a date that say a measure starts then
_STARTS = re.compile(r"\b(?:from|(?:start|begin|take\s+effect|took\s+effect|come\s+into\s+force|came\s+into\s+force)"
                     r"\w*(?:\s+(?:on|from))?|beginning(?:\s+on)?|as\s+of|effective(?:\s+from)?|"
                     r"with\s+effect\s+from)\s+$", re.I)
#: a place whose goods are meant: "imported from X", "made in X", "imports from X"
_ORIGIN_BEFORE = re.compile(r"\b(?:import(?:s|ed)?|made|built|produced|manufactured|originating|shipped)\s+"
                            r"(?:\w+\s+){0,4}?(?:from|in)\s+(?:the\s+)?$", re.I)
#: after a country's adjective, its government ("the Mexican authorities")
_GOVERNMENT = re.compile(r"\s+(?:federal\s+)?(?:government|authorities|administration|ministry|regulators?|"
                         r"officials|cabinet|parliament)\b", re.I)
#: between two companies a measure hits, each with its rate: ", 18.8% on ", " and 35.3 percent for "
_NEXT_TARGET = re.compile(r"\s*(?:,|,?\s+and)?\s+(?:(?:up\s+to\s+)?[\d.,]+\s*(?:%|per\s*cent|percent|pc)\s+"
                          r"(?:on|for)\s+)?(?:the\s+)?", re.I)
#: a company named with its own rate: "12 percent for A", "A (17%)", "A: 18.8 %"
_RATED_BEFORE = re.compile(r"[\d.,]+\s*(?:%|per\s*cent|percent|pc)\s+(?:on|for)\s+(?:the\s+)?$", re.I)
_RATED_AFTER = re.compile(r"\s*[(:,]?\s*(?:up\s+to\s+)?[\d.,]+\s*(?:%|per\s*cent|percent|pc)", re.I)
#: words of a trade measure (a measure named only by its clauses is one of these)
_TRADE_MEASURE = {"tariff", "duty", "surtax", "levy", "quota", "countervailing", "anti"}
_WINDOW = 1200  # characters after a measure in which "the rate" or "the tariff" still speaks of it


def _hit(m: Mention) -> bool:
    """An organisation a measure can hit: not an authority, not a news outlet, not a source ("told Reuters")."""
    return (m.kind or "") not in _GOV and m.kind != "publisher" and not m.compiler


#: words that make a licence a company's operating permit ("a commercial licence", "a licence to test")
_PERMIT_BEFORE = {"commercial", "operating", "testing", "test", "driverless", "robotaxi", "taxi", "ride-hailing",
                  "business", "driving", "pilot", "trial", "road", "autonomous"}


def _operating_licence(tok: Any) -> bool:
    """Whether the licence word ``tok`` names a company's permit to run or test a service, not a trade measure:
    a word of operations before it, or "to <verb>" / "for testing …" after it."""
    before = tok.doc[max(tok.sent.start, tok.i - 3):tok.i]
    nxt = tok.doc[tok.i + 1:tok.i + 3]
    if any(t.lemma_.lower() in {"export", "import"} for t in [*before, *nxt]):
        return False  # an export or import licence is a trade measure
    if any(t.lower_ in _PERMIT_BEFORE for t in before):
        return True
    return len(nxt) == 2 and (nxt[0].lower_ == "to" and nxt[1].pos_ == "VERB" or nxt[0].lower_ == "for" and
                              nxt[1].lower_ in {"testing", "tests", "operation", "operations", "driverless",
                                                "autonomous", "robotaxi", "robotaxis", "commercial"})


class PolicyRules(PolicyAuthorityRules):
    """One measure per named measure (else per authority), with what it hits (a mixin of the extractor)."""

    def measures(self, s: int, sent: Any, lemmas: set[str], orgs: list[Mention], places: list[Mention]) -> None:
        """A sentence with a measure word opens a window of a few sentences in which "rate" speaks of it."""
        recent = s < getattr(self, "_measure_until", -1)
        places = [self._seat(p) or p for p in places]
        if lemmas & {"licence", "license"} and all(_operating_licence(t) for t in sent
                                                   if t.lemma_.lower() in {"licence", "license"}):
            lemmas = lemmas - {"licence", "license"}  # a company's licence to run a service is no trade measure
        if lemmas & _MEASURE:
            self._measure_until = s + _WINDOW
        named = [m for m in getattr(self.ents, "measures", []) if sent.start_char <= m.start < sent.end_char]
        last = getattr(self, "_last_named", None)
        if not named and last is not None and s < getattr(self, "_named_until", -1):
            # "the rules will be enforced by B"
            self.add_implementers(last, self.carried_out_by(sent, self._authorities(sent)))
        if named:
            self._named_measures(sent, named, orgs, places, recent)
        elif lemmas & _MEASURE or lemmas & {"rate", "rates"} and recent:
            self._measure(sent, orgs, places, recent)

    # -- named measures
    def _facts(self, rid: str) -> dict[str, Any]:
        facts = self.__dict__.setdefault("measure_facts", {})
        return facts.setdefault(rid, {"issuer": None, "origins": [], "targets": [], "implementers": [],
                                      "start": None, "spans": []})

    def _named_measures(self, sent: Any, named: list[Mention], orgs: list[Mention], places: list[Mention],
                        recent: bool) -> None:
        previous = getattr(self, "_last_named", None)
        for m in named:
            facts = self._facts(m.id)
            facts["spans"].append((m.start, m.end))
            auth = self._issuer_of(m, sent, orgs, places)
            near = self.text[max(sent.start_char, m.start - 25):min(sent.end_char, m.end + 25)]
            if _RATE.search(near) or self._start_date(sent) or auth is not None and self._issuer_how != "modifier":
                facts["stated"] = True  # a rate, a start, or an authority that acts on it ("X imposed", "by X")
            if auth is not None:
                if facts["issuer"] is None:
                    facts["issuer"] = auth.id
                    facts["spans"].append((auth.start, auth.end))
                self.add_implementers(m.id, self.co_issuers(auth, self._authorities(sent)))
            elif facts["issuer"] is None and recent and previous is not None and previous != m.id:
                facts["issuer"] = self._facts(previous)["issuer"]  # "the government" named before
            self.add_implementers(m.id, self.carried_out_by(sent, self._authorities(sent)))
            self.add_speakers(m.id, sent)
            issuer = facts["issuer"]
            for p in places:
                inside = m.start <= p.start < m.end
                if inside and m.rule.startswith("instrument:"):  # "Regulation (EU) 2024/1785": its maker
                    facts["issuer"] = facts["issuer"] or p.id
                    continue
                origin = inside and not re.search(r"\bby\s+(?:the\s+)?$", self.text[max(0, p.start - 8):p.start]) \
                    or bool(_ORIGIN_BEFORE.search(self.text[max(sent.start_char, p.start - 60):p.start]))
                if _GOVERNMENT.match(self.text[p.end:p.end + 30]):
                    continue  # "the Mexican government" makes measures, it is not their target
                if origin and p.id != issuer and p.id not in facts["origins"] and not self._is_issuer_place(p, sent):
                    facts["origins"].append(p.id)
                    facts["spans"].append((p.start, p.end))
            inside = [o for o in orgs if m.start <= o.start < m.end and (o.kind or "") not in _GOV]
            for o in inside + self._listed_after(m, orgs):
                if o.id not in facts["targets"]:
                    facts["targets"].append(o.id)
            if facts["start"] is None:
                facts["start"] = self._start_date(sent)
            self._last_named = m.id
            self._named_until = sent.end_char + _WINDOW

    def _issuer_of(self, m: Mention, sent: Any, orgs: list[Mention], places: list[Mention]) -> Mention | None:
        """The authority behind a named measure: from its clause, else the sentence's government body or
        subject country."""
        span = span_at(self.doc, m.start, m.end)
        self._issuer_how = ""
        cands = [o for o in orgs if (o.kind or "") in _GOV or re.search(
            r"\b(?:Ministry|Department|Commission|Council|Government|Chamber|Agency|Authority)\b", o.text)] + \
            [p for p in places if p.kind in {"country", "economic-union", "region"} and (
                not p.rule.startswith("demonym") or _GOVERNMENT.match(self.text[p.end:p.end + 30]))]
        if span is None:
            return None
        if not cands:
            return self._the_government(next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None))

        def at(token: Any) -> Mention | None:
            return next((c for c in cands if c.start <= token.idx < c.end), None)
        head = span.root
        self._issuer_how = "modifier"
        for t in head.subtree:  # "EU tariffs", "Brazil's tariff"
            if t.i < head.i and t.dep_ in {"compound", "poss", "nmod"} and at(t):
                return at(t)
        self._issuer_how = "clause"
        verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        for v in ([c for c in head.children if c.dep_ == "acl"] + ([verb] if verb is not None else [])):
            for c in v.children:
                if c.dep_ == "agent":  # "imposed by X"
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and at(obj):
                        return at(obj)
                if c.dep_ in {"nsubj"}:  # the subject's own authority before a place it names ("China's ministry")
                    inner = [at(t) for t in c.subtree if t.dep_ in {"nsubj", "nmod", "compound", "conj"} and at(t)]
                    found = [x for x in inner if x.file == "organizations"] + inner + ([at(c)] if at(c) else [])
                    if found:
                        return found[0]
        subjects = [c for c in cands if (self._is_subject(c) or c.rule.startswith("demonym"))
                    and not self._after_from(c)]
        return subjects[0] if subjects else self._the_government(verb)

    def _the_government(self, verb: Any) -> Mention | None:
        """"The government will require …" with no country named in the sentence: the dateline's country."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        country = self.ents.dateline_country() if subj is not None and subj.lemma_.lower() in {
            "government", "authority", "cabinet", "administration", "regulator"} else None
        if country is None:
            return None
        self._issuer_how = "clause"
        return Mention(subj.idx, subj.idx + len(subj.text), subj.text, "places", country, country in self.gaz.ids,
                       "country", "government-of-dateline", 0.5, self.label(country))

    def _listed_after(self, m: Mention, orgs: list[Mention]) -> list[Mention]:
        """The companies listed after a measure's own, each with its rate ("duties of 17% on A, 18.8% on B and
        35.3% on C": B and C, when A ends the measure's name)."""
        last = max((o for o in orgs if m.start <= o.start < m.end and _hit(o)), key=lambda o: o.end, default=None)
        out: list[Mention] = []
        for o in sorted((o for o in orgs if last is not None and o.start >= last.end and _hit(o)),
                        key=lambda o: o.start):
            if not _NEXT_TARGET.fullmatch(self.text[last.end:o.start]):
                break
            out.append(o)
            last = o
        return out

    def _seat(self, p: Mention) -> Mention | None:
        """A capital that acts for its government ("Beijing will require licences", "duties imposed by
        Brussels", "Ottawa's surtax"): a mention of its country (or union) at the capital's span; ``None`` for a
        place named as a place ("a plant near Beijing") or a country not known nor named here."""
        from nevkg.ingest.countries import CAPITALS, SEATS
        from nevkg.ingest.extract.countries_here import country_entry

        name = SEATS.get(p.label or "") or CAPITALS.get(p.label or "") or CAPITALS.get(p.text)
        span = span_at(self.doc, p.start, p.end) if name and p.kind != "country" else None
        if span is None or not (span.root.dep_ in {"nsubj", "nsubjpass", "poss"} or span.root.dep_ == "pobj"
                                and span.root.head.lower_ == "by"):
            return None
        entry = country_entry(name, self.gaz) or self.gaz.lookup(name, ("places",))
        cid = entry.id if entry is not None else next((r for r, rec in self.ents.new.items()
                                                       if rec.get("label") == name), None)
        if cid is None:
            return None
        kind = entry.kind if entry is not None else "country"
        return Mention(p.start, p.end, p.text, "places", cid, entry is not None, kind, "seat-of-government",
                       p.confidence, name)

    def _after_from(self, m: Mention) -> bool:
        return bool(re.search(r"\b(?:from|in|to)\s+(?:the\s+)?$", self.text[max(0, m.start - 12):m.start]))

    def _is_issuer_place(self, p: Mention, sent: Any) -> bool:
        """A country named as the subject of the sentence's main verb is the measure's maker, not its target."""
        span = span_at(self.doc, p.start, p.end)
        return span is not None and span.root.dep_ == "nsubj" and not p.rule.startswith("demonym")

    def _start_date(self, sent: Any) -> str | None:
        for p in find_periods(sent.text, sent.start_char, self.date, self.fiscal_start):
            if (p.date or p.kind == "date") and p.period_start and len(p.period_start) == 10 and \
                    _STARTS.search(self.text[max(sent.start_char, p.start - 30):p.start]):
                return p.period_start
        return None

    def finish_measures(self) -> None:
        """Give each named measure's record what its sentences said: issuer, jurisdiction, origins, targets,
        start, trade flow (run after the entity candidates exist). A measure only named in passing (no rate, no
        start, no authority acting on it: "countries that backed EU tariffs on X") is not proposed."""
        facts = getattr(self, "measure_facts", {})
        self.candidates = [c for c in self.candidates if c.file != "policies" or not c.rule.startswith("measure:")
                           or facts.get(c.id, {}).get("stated")]
        for c in self.candidates:
            if c.file != "policies" or not c.rule.startswith(("measure:", "instrument:")):
                continue
            f = facts.get(c.id, {})
            rec = c.record
            rec["kind"] = self.ents.new.get(c.id, {}).get("kind", rec.get("kind"))
            for key in ("issuer", "start"):
                if f.get(key):
                    rec[key] = f[key]
            for key in ("origins", "targets", "implementers"):
                if f.get(key):
                    rec[key] = list(f[key])
            names = " ".join([rec["label"], *(rec.get("aliases") or [])]).lower()
            flow = "exports" if re.search(r"\bexport", names) else \
                "imports" if re.search(r"\bimport", names) or rec["kind"] == "trade-measure" else None
            if flow:
                rec["trade_flow"] = flow
            juris = self._jurisdiction(rec.get("issuer"))
            if juris:
                rec["jurisdiction"] = juris
                if flow == "exports" and not rec.get("origins"):
                    rec["origins"] = [juris]  # an export measure bears on the goods of its own jurisdiction
            c.spans = sorted(set(c.spans) | set(f.get("spans", [])))
            if not rec.get("issuer"):
                c.missing = ["issuer"]
                c.notes.append("no authority named with this measure: fill in 'issuer' and 'jurisdiction'")
            elif not juris:
                c.missing = ["jurisdiction"]
                c.notes.append("fill in 'jurisdiction': the place where the measure applies")
            order = ["id", "label", "aliases", "kind", "status", "issuer", "implementers", "jurisdiction", "trade_flow",
                     "start", "targets", "origins"]
            c.record = {k: rec[k] for k in order if rec.get(k) not in (None, [])} | \
                {k: v for k, v in rec.items() if k not in order}
        self.candidates = merge_measures(self.candidates)

    def _jurisdiction(self, issuer: str | None) -> str | None:
        """Where a measure applies: its issuer when a place, else the country its issuer is from."""
        if not issuer:
            return None
        entry = self.gaz.entries.get(issuer)
        if entry is not None and entry.file == "organizations" and entry.parents:
            return entry.parents[0]  # a known authority: its country
        if entry is not None and entry.file == "places" or self.ents.new_meta.get(issuer) is not None \
                and self.ents.new_meta[issuer].file == "places":
            return issuer
        for c in self.candidates:
            if c.file == "organizations" and (c.merge_into or c.id) == issuer and c.record.get("country"):
                return c.record["country"]
        return None

    # -- measures named only by their clauses
    def _measure(self, sent: Any, orgs: list[Mention], places: list[Mention], recent: bool = False) -> None:
        """A tariff, duty or surtax and the authority behind it: one measure per authority, with what it hits.
        A sentence that names no authority but gives companies their own rates ("A pays 12 %, B 9 %") adds the
        companies to the measure named in the sentences just before."""
        authorities = [m for m in orgs if (m.kind or "") in _GOV] + \
                      [m for m in places if m.kind in {"country", "economic-union"} and not m.rule.startswith("demonym")
                       and self._is_subject(m) and not self._after_from(m)]  # ("imported from X": an origin)
        if not authorities and (government := self._the_government(sent.root)) is not None:
            authorities = [government]  # "The government has imposed …" under a dateline
        named = getattr(self, "_last_named", None) if recent else None
        if named is not None:  # the measure named just before: what this sentence says is about it
            facts = self._facts(named)
            if authorities and facts["issuer"] is None:
                facts["issuer"] = authorities[0].id
            hits = [m for m in orgs if _hit(m) and m.id != facts["issuer"]]
            if hits and (_RATE.search(sent.text) or authorities):
                facts["targets"] += [h.id for h in hits if h.id not in facts["targets"]]
                facts["spans"] += [(h.start, h.end) for h in hits]
            return
        if not authorities:
            last = next((c for c in reversed(self.candidates) if c.file == "policies"
                         and c.rule == "parse:measure"), None)
            if recent and last is not None and _RATE.search(sent.text):
                self._hits(last, [m for m in orgs if _hit(m) and m.id != last.record["issuer"]])
            return
        if not {t.lemma_.lower() for t in sent} & _TRADE_MEASURE:
            return  # a licence granted, a tax paid: no trade measure named from its clauses
        cue = next(t for t in sent if t.lemma_.lower() in _TRADE_MEASURE)
        rel = next((a for a in cue.ancestors if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children)),
                   None)
        where = next((p for p in places if rel is not None and p.start <= rel.head.idx < p.end
                      and p.kind in {"country", "economic-union", "region"}), None)
        if rel is not None:  # "… growth beyond Europe, where they face higher tariffs": the place of the clause's
            authorities = [where] if where is not None else []  # (none when the clause hangs on no such place)
            if not authorities:
                return
        auth = authorities[0]
        hits = [m for m in orgs if _hit(m) and m.id != auth.id]
        rated = [m for m in hits if _RATED_BEFORE.search(self.text[max(0, m.start - 30):m.start])
                 or _RATED_AFTER.match(self.text[m.end:m.end + 20])]
        hits = (rated or hits) + [m for m in places if m.id != auth.id and m.rule.startswith("demonym")]
        if not hits:
            return
        rec = next((c for c in self.candidates if c.file == "policies" and c.record.get("issuer") == auth.id), None)
        if rec is None:
            rid = self.cid(f"{auth.id}-trade-measure")
            body = {"label": f"{self.label(auth.id)} trade measure", "kind": "trade-measure", "status": "announced",
                    "issuer": auth.id, "targets": [], "origins": []}
            rec = self.add("policies", {"id": rid, **body}, 0.45, [(auth.start, auth.end)], "parse:measure",
                           notes=["a measure named from its clauses: give its proper name and dates"])
        self._hits(rec, hits)

    def _hits(self, rec: Any, hits: list[Mention]) -> None:
        """Add what a measure hits: companies as its targets, countries (named by an adjective) as origins."""
        for h in hits:
            key = "origins" if h.file == "places" else "targets"
            if h.id not in rec.record[key]:
                rec.record[key].append(h.id)
                rec.spans = sorted(set(rec.spans) | {(h.start, h.end)})

    def _is_subject(self, m: Mention) -> bool:
        span = span_at(self.doc, m.start, m.end)
        return span is not None and (span.root.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "pobj"})
