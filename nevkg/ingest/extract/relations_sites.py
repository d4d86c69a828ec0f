"""Production sites from cue patterns: "a plant in X", "X's factory", "assembles SUVs in X", "built by X"."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.lists import NAME_GAP, joined_runs
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.plans import plan_status
from nevkg.ingest.extract.relations_actors import _is_destination, _is_outside, _is_owner_word, is_government
from nevkg.ingest.extract.spans import IN_CLAUSE, span_at, verb_of
from nevkg.ingest.extract.vocab import NON_OPERATORS, SITE_NOUN_RE, SITE_NOUNS

#: a production site named by its verb: "assembles compact SUVs in Haikou", "to build EVs in Abu Dhabi"
_MAKE_VERB = re.compile(
    r"\b(?P<verb>assembl(?:e|es|ed|ing)|build(?:s|ing)?|manufactur(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|"
    r"mak(?:e|es|ing))\s+(?P<obj>(?:[\w\-]+\s+){0,4}?(?:vehicles|cars|SUVs|sedans|pickups|EVs|NEVs|models|"
    r"hatchbacks|buses|trucks|vans|batter(?:y|ies)|battery\s+packs|packs|kits|robotaxis|cells)|them)\s+"
    r"(?:locally\s+)?(?:in|at|near|outside)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?)*$")
# ("assembles cars in A and B": each place of the list; "already assembles them in A", the goods told before)
#: "the plant … built by X": the operator named after the site
_SITE_BY = re.compile(r"^" + IN_CLAUSE + r"{0,80}?\b(?:built|run|operated|owned|developed|managed)\s+by\s+"
                      r"(?:a\s+joint\s+venture\s+(?:between|of)\s+)?(?:the\s+|an?\s+)?(?:[a-z][\w\-]*\s+){0,3}?$")
# (the owner described: "run by local industrial group X")


#: a site's passive verb, its builder and its place: " will be built by X in ", " is to be set up near "
_BUILT_IN = re.compile(r",?\s+(?:which\s+|that\s+)?(?:will\s+be|would\s+be|is\s+being|was|were|is|are|has\s+been|had\s+"
                       r"been|to\s+be|is\s+to\s+be|are\s+to\s+be)\s+(?:\w+\s+)?(?:built|set\s+up|constructed|erected|"
                       r"located|established|opened|based|sited)\s+(?:by\s+(?:the\s+)?(?:[A-Z][\w\-&]*\s+){1,4})?"
                       r"(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:city|town|province|state)\s+of\s+)?")
_SITE_NOUNS = rf"(?:{SITE_NOUN_RE}|production\s+line|assembly\s+line)"
#: a maker's verbs: "produces", "built", "assembling", "made"
_MAKER_VERBS = (r"produc(?:e|es|ed|ing)|buil[dt]s?|building|assembl(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|"
                r"mak(?:e|es|ing)|made")
#: a maker's verb, its object and "at": "will produce the K5 at ", "assembles its vans in "
_MADE_AT = re.compile(rf"\b(?:{_MAKER_VERBS})\s+(?:[\w\-’']+\s+){{0,5}}?(?:at|in)\s+(?:the\s+)?", re.I)
#: after the owner: "'s plant", "'s Zaragoza factory"
_POSS_SITE = re.compile(rf"['’]s?\s+(?:[\w\-]+\s+){{0,2}}?{_SITE_NOUNS}\b")
#: a passive maker's verb right before its maker: "are assembled by", "will be built under contract by local group"
_MADE_BY = re.compile(r"\b(?:are|is|were|was|be|been)\s+(?:\w+\s+)?(?:assembled|built|made|produced|manufactured)\s+"
                      r"(?:under\s+(?:a\s+)?(?:contract|licen[cs]e)\s+|locally\s+)?by\s+(?:the\s+|an?\s+)?"
                      r"(?:[a-z][\w\-]*\s+){0,3}?$", re.I)
#: a made thing's maker's customer right after: "produced for X by Y"
_MADE_FOR = re.compile(r"\b(?:produced|built|made|assembled|manufactured)\s+(?:exclusively\s+)?for\s+$", re.I)
#: a maker's verb ("will assemble … at a plant in X run by Y")
_MAKES = re.compile(rf"\b(?:{_MAKER_VERBS})\b", re.I)
#: right after the owner's name used as an adjective: " plant", " car factory" ("at the Allur plant in X")
_NAMED_SITE = re.compile(r"\s+(?:car\s+|assembly\s+|vehicle\s+)?(?:plant|factory|works)\s+(?:in|at|near)\b")
#: a place spoken of again after a site noun: "in the country", "in the state", "there", "nearby"
_PLACE_BACK = re.compile(r"\s+(?:(?:in|within)\s+the\s+(?P<noun>country|nation|state|province|city|region)\b|"
                         r"(?:there|nearby|close\s+by)\b)", re.I)
_BACK_KINDS = {"country": {"country"}, "nation": {"country"}, "state": {"state", "province"},
               "province": {"province", "state"}, "city": {"city", None}, "region": {"region", "province", "state"}}
#: kinds of place too wide to be where a plant stands when a narrower one is named
_COARSE = {"region", "economic-union"}


def _verb_clause(doc: Any, cue_s: int, cue_e: int) -> str | None:
    """The words of the clause of the verb that governs a site cue, without the verbs coordinated with it ("runs a
    plant in A and is building one in B": "runs a plant in A"); ``None`` when no verb governs it."""
    span = span_at(doc, cue_s, cue_e) if doc is not None else None
    verb = verb_of(span.root) if span is not None else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    while verb.dep_ in {"xcomp", "acl"} and verb.head.i != verb.i:
        verb = verb.head  # "plans to build a plant", "has plans to build …": the plan's verb or noun
    drop = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} or c.dep_ == "conj" and c.pos_ in
            {"VERB", "AUX"} for t in c.subtree}  # (the subject's relative clause says nothing of this site)
    return " ".join(t.text for t in verb.subtree if t.i not in drop)


def _tense_status(sent: str) -> str | None:
    """A site's status from the tense and verbs of its sentence (under construction, planned, launched …)."""
    status = None
    if re.search(r"under\s+construction|broke\s+ground|began\s+construction|started\s+construction|"
                 r"is\s+building|being\s+built", sent, re.I):
        status = "under-construction"
    elif re.search(r"plans?\s+to|will\s+(?:build|set\s+up|open)|planned|to\s+be\s+built", sent, re.I):
        status = "planned"
    elif re.search(r"began\s+production|started\s+production|start(?:ed)?\s+operation|went\s+into\s+"
                   r"(?:operation|production)|came\s+on\s+stream|rolled\s+off|inaugurated", sent, re.I):
        status = "launched"
    elif re.search(r"expand\w*|ramp\w*\s+up|extend\w*", sent, re.I):
        status = "expanding"
    elif re.search(r"announc\w+", sent, re.I):
        status = "announced"
    elif re.search(r"\boperat\w+|\bruns\b|\bopened\b", sent, re.I):
        status = "operating"
    return status


#: words before "plant" that make it a power, water or chemical plant
_POWER_PLANT = re.compile(r"\b(?:power|hydro(?:electric|power)?|solar|wind|coal(?:-fired)?|gas(?:-fired)?|nuclear|"
                          r"geothermal|thermal|desalination|water(?:\s+treatment)?|sewage|waste|biogas|"
                          r"petrochemical|chemical|steel|cement)(?:\s+power)?\s+$", re.I)


#: a site named as what acts on the clause's subject ("X would be hit by the new plant in Y", "hurt by a factory")
_AGENT_SITE = re.compile(r"\b(?:affected|hit|hurt|threatened|challenged|squeezed|pressured|undercut|matched|"
                         r"overtaken|rivalled|dwarfed|eclipsed)\s+by\s+(?:the|a|an|this|that)?\s*(?:[\w\-]+\s+){0,3}$",
                         re.I)
#: what opens a relative clause about someone else just before a name ("a supplier in which X holds a stake")
_IN_RELATIVE = re.compile(r"\b(?:(?:in|of|from|with|to)\s+which|whose)\s+(?:the\s+)?$", re.I)


class SiteRules:
    """Production sites named by a plant noun or by what is made there (a mixin of the extractor)."""

    def _sites(self, s, e, sent, orgs, places, dates) -> None:
        rx = re.compile(r"(?P<cue>(?:vehicle\s+|car\s+|assembly\s+|parts\s+|battery\s+|manufacturing\s+|production\s+|"
                        r"new\s+|first\s+|overseas\s+)*(?:factory|factories|plant|plants|production\s+base|"
                        r"(?<=its\s)(?:[A-Z][\w\-]+\s+)?(?:workshop|yard|sawmill)\b|"
                        r"manufacturing\s+base|manufacturing\s+facilit(?:y|ies)|production\s+facilit(?:y|ies)|"
                        r"production\s+line|assembly\s+line|(?:battery|cell)[\s-]+(?:pack\s+)?(?:assembly\s+)?line|"
                        r"(?:battery[\s-]+)?pack\s+line|knock-down\s+assembly|CKD\s+\w+)\b)", re.I)
        seen: set[tuple[str, str]] = set()
        places = [p for p in places if not _is_outside(self.text, p)]  # "its third plant outside China"
        for m in rx.finditer(sent):
            cue_s, cue_e = s + m.start(), s + m.end()
            cue = m.group("cue").lower()
            if _POWER_PLANT.search(self.text[max(s, cue_s - 30):cue_s]):
                continue  # "its hydroelectric plants in X", "a solar plant": energy, not vehicles, is made there
            place = next((p for p in places if p.start >= cue_e and re.fullmatch(
                r",?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}(?:[A-Z]\w+['’]s\s+)?"
                r"(?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?,\s+)?", self.text[cue_e:p.start])), None)
            if place is None:  # "the factory will be built by X in Y", "a plant is to be set up near Y"
                place = next((p for p in places if p.start >= cue_e and _BUILT_IN.fullmatch(
                    self.text[cue_e:p.start])), None)
            if place is None:  # "… in Hungary, where it will build its first plant"
                place = next((p for p in reversed(places) if p.end <= cue_s and re.fullmatch(
                    r",\s+where\s+[^.;,]{0,60}", self.text[p.end:cue_s])), None)
            if place is None:
                place = next((p for p in places if p.end <= cue_s and re.fullmatch(
                    r"(?:['’]s)?\s+(?:[a-z\-]+\s+){0,1}", self.text[p.end:cue_s])), None)
            back = None if place is not None else _PLACE_BACK.match(self.text, cue_e)
            if back is not None:  # "a factory in the country", "a plant there", "a battery factory nearby"
                place = self._place_back(back, cue_s)
            if place is None:
                continue
            after = back.end() if back is not None and place is not None else max(cue_e, place.end)
            op = next((o for o in orgs if o.start >= after and not o.compiler and _SITE_BY.match(
                self.text[after:o.start])), None)  # "a plant in Jeddah, built by X"
            if op is None:  # "the Zaragoza plant of X": X's plant, whoever the clause's subject is
                op = next((o for o in orgs if o.start >= after and not o.compiler and re.fullmatch(
                    r"\s+of\s+(?:the\s+)?", self.text[after:o.start])), None)
            if op is None and _AGENT_SITE.search(self.text[max(s, cue_s - 40):cue_s]):
                continue  # "X would not be affected by the new plant in Y": the plant is another's, not X's
            if op is None:
                op = self._actor_before(cue_s if back is not None else min(cue_s, place.start), s, orgs)
            if op is None:  # a name after the site ("the plant in X of Y", "… was ruled out, Y said"), not one
                # of a clause after a speech verb or a subordinate ("plants near X, Z said after meeting Y")
                op = next((o for o in orgs if o.start > cue_e and not o.compiler and not re.search(
                    r"\b(?:said|says|told|after|before|while|when|whose|which|who)\b",
                    self.text[max(cue_e, place.end):o.start])), None)
            if op is None or (op.id, place.id) in seen or is_government(op):
                continue  # (a government announces or approves a plant, it runs none)
            seen.add((op.id, place.id))
            if self.known_site(op, place):
                continue  # proposed already, at this place or one containing it (narrowed to this one)
            kind = "knock-down-assembly" if re.search(r"knock-down|ckd", cue) else "parts-factory" if "parts" in cue \
                else "production-base" if re.search(r"base|facilit", cue) else "plant" if "plant" in cue \
                else "factory"
            status = plan_status(self.text[s:cue_s], self.text[max(cue_e, place.end):e]) or _tense_status(
                _verb_clause(self.doc, cue_s, cue_e) or sent)  # (the verb's own clause, else the sentence)
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            if dates:
                rec["announced_on" if status in {"announced", "planned"} else "start"] = dates[0].period_start
            models = [mm for mm in self.mentions_in(s, e, ("vehicle_models",))]
            if models:
                rec["products"] = sorted({mm.id for mm in models})
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            site = self.add("sites", {"id": rid, **rec}, 0.65, [(op.start, op.end), (cue_s, cue_e),
                                                                (place.start, place.end)], f"site:{cue}")
            last = max((p.end for p in places if place.end <= p.end <= op.start), default=place.end)
            maker = self._actor_before(cue_s, s, orgs, {op.id}) if re.match(  # (the site's places right before)
                r",?\s+(?:run|operated|owned|managed)\s+by\b", self.text[last:op.start]) else None
            made = _MAKES.search(self.text, s, cue_s) if maker is not None else None
            if made is not None:  # "X will assemble cars at a plant in Y run by Z": X's cars, Z's plant
                self._made_at_site(maker, op, site, made)
        self._made_in(s, sent, orgs, places, seen)
        self._at_others_site(s, e, orgs)
        self._made_by(s, orgs, places)

    def _made_by(self, s: int, orgs: list[Mention], places: list[Mention]) -> None:
        """"X cars are assembled by Y in Z": Y's site in Z, where X's cars are made (X and Y work together); "a
        robotaxi produced for X by Y": X and Y work together."""
        for maker in orgs:
            made_for = _MADE_FOR.search(self.text, max(s, maker.start - 40), maker.start)
            owner = next((o for o in orgs if re.fullmatch(r"\s+by\s+(?:the\s+)?", self.text[maker.end:o.start])),
                         None) if made_for is not None else None
            if owner is not None and owner.id != maker.id:
                self._made_at_site(maker, owner, None, made_for)
        for owner in orgs:
            by = _MADE_BY.search(self.text, max(s, owner.start - 80), owner.start)
            place = next((p for p in places if p.start >= owner.end and re.fullmatch(
                r"\s+(?:in|at|near)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}", self.text[owner.end:p.start])), None)
            maker = self._actor_before(by.start(), s, orgs, {owner.id}) if by is not None else None
            if maker is None or place is None or is_government(owner):
                continue
            rid = self.cid(f"{owner.id}-{place.id}-plant")
            site = None if self.known_site(owner, place) else self.add(
                "sites", {"id": rid, "label": f"{self.label(owner.id)} plant in {self.label(place.id)}",
                          "kind": "plant", "operator": [owner.id], "place": place.id}, 0.55,
                [(owner.start, owner.end), by.span(), (place.start, place.end)], "site:made-by")
            site = site or next((c for c in self.candidates if c.file == "sites" and owner.id in c.record["operator"]
                                 and c.record.get("place") == place.id), None)
            self._made_at_site(maker, owner, site, by)

    def _made_in(self, s, sent, orgs, places, seen: set[tuple[str, str]]) -> None:
        """Sites named by what is made there: "X, which assembles SUVs in Haikou", "X … to build EVs in Y"."""
        for place in places:
            m = _MAKE_VERB.search(self.text[max(s, place.start - 120):place.start])
            if m is None or re.match(rf"\s+{_SITE_NOUNS}\s+of\s", self.text[place.end:place.end + 40]):
                continue  # "assembles SUVs at the Zaragoza plant of Y": Y's site (:meth:`_at_others_site`)
            vs = max(s, place.start - 120) + m.start()
            which = [o for o in orgs if o.end <= vs and re.fullmatch(r",\s+(?:which|that|who)\s+(?:\w+\s+){0,2}",
                                                                      self.text[o.end:vs])]
            subject = [o for o in orgs if o.end <= vs and not o.compiler and not _is_destination(self.text, o)
                       and not _is_owner_word(self.text, o)]
            op = which[-1] if which else subject[0] if subject else None  # "it", "its": anaphors among orgs
            if op is None or (op.kind or "") in NON_OPERATORS or (op.id, place.id) in seen or any(
                    c.file == "sites" and op.id in c.record["operator"] and c.record["place"] == place.id
                    for c in self.candidates):
                continue
            seen.add((op.id, place.id))
            parts = re.search(r"batter|packs|cells", m.group("obj"), re.I)
            kind = "parts-factory" if parts else "plant"
            before = self.text[max(s, vs - 30):vs]
            status = plan_status(self.text[s:vs]) or (
                "planned" if re.search(r"\bto\s+$|\bwill\s+(?:\w+\s+)?$|plans?\s+to", before, re.I) else
                "operating" if m.group("verb").endswith(("es", "s")) else None)
            rec: dict[str, Any] = {"label": f"{self.label(op.id)} {kind.replace('-', ' ')} in {self.label(place.id)}",
                                   "kind": kind, "operator": [op.id], "place": place.id}
            if status:
                rec["status"] = status
            rid = self.cid(f"{op.id}-{place.id}-{kind}")
            self.add("sites", {"id": rid, **rec}, 0.55, [(op.start, op.end), (vs, vs + len(m.group(0).rstrip())),
                                                         (place.start, place.end)], f"site:made-in:{m.group('verb')}")

    def _place_back(self, back: re.Match, pos: int) -> Mention | None:
        """The place "the country", "the state", "there" or "nearby" speaks of again: the latest one named (of
        that kind) in the 400 characters before, not an adjective."""
        noun = (back.group("noun") or "").lower()
        kinds = _BACK_KINDS.get(noun)
        prev = [p for p in self.ents.mentions if p.file == "places" and pos - 400 <= p.start and p.end <= pos
                and not p.rule.startswith("demonym") and (p.kind in kinds if kinds else p.kind not in _COARSE)]
        prev = [p for p in prev if not self._goes_to(p)]  # ("ship kits to A from its plant there": not A)
        return max(prev, key=lambda p: p.end) if prev else None

    def _at_others_site(self, s: int, e: int, orgs: list[Mention]) -> None:
        """"X will produce the K5 at Y's plant in Z", "X builds vans at the Z factory of Y": X's cars are made at
        Y's site (a production project of X there; X and Y work together)."""
        for m in _MADE_AT.finditer(self.text, s, e):
            owner = next((o for o in orgs if o.start >= m.end() and not o.rule.startswith("anaphor:") and (
                re.fullmatch(r"(?:[\w\-]+\s+){0,2}?", self.text[m.end():o.start]) and _POSS_SITE.match(self.text, o.end)
                or o.start == m.end() and _NAMED_SITE.match(self.text, o.end)  # "at the Allur plant"
                or re.fullmatch(rf"(?:[\w\-]+\s+){{0,2}}?{_SITE_NOUNS}\s+of\s+(?:the\s+)?",
                                self.text[m.end():o.start]))),
                None)
            maker = self._actor_before(m.start(), s, orgs, {owner.id} if owner else set())
            if owner is None or maker is None or _IN_RELATIVE.search(self.text, max(s, maker.start - 20), maker.start):
                continue  # "… Y, a start-up in which X owns a stake, for cells to be made at Y's plant": not X's
            site = next((c for c in self.candidates if c.file == "sites" and owner.id in c.record["operator"]
                         and any(s <= a < e for a, _ in c.spans) and c.record.get("place")), None)
            run = next((r for r in joined_runs([o for o in orgs if o.end <= maker.end], self.text, NAME_GAP)
                        if maker in r), [maker])  # "A and B models are assembled at the Y plant": A's and B's
            for maker in run:
                self._made_at_site(maker, owner, site, m)

    def _made_at_site(self, maker: Mention, owner: Mention, site: Any, m: re.Match) -> None:
        """``maker``'s production at ``owner``'s ``site`` (its record of the site, if any), and the two firms' work
        together."""
        if site is not None and not any(c.file == "sites" and maker.id in c.record["operator"] and
                                        c.record.get("place") == site.record["place"] for c in self.candidates):
            rec = {"label": f"{self.label(maker.id)} production in {self.label(site.record['place'])}",
                   "kind": "production-project", "operator": [maker.id], "place": site.record["place"]}
            self.add("sites", {"id": self.cid(f"{maker.id}-production-{site.record['place']}"), **rec}, 0.5,
                     [(maker.start, maker.end), m.span(), (owner.start, owner.end)], "site:made-at-others")
        if self._new_partnership(maker.id, owner.id, "cooperation"):
            self.add("partnerships", {"id": self.cid(f"{maker.id}-{owner.id}-cooperation"),
                                      "label": f"{self.label(owner.id)} builds for {self.label(maker.id)}",
                                      "kind": "cooperation", "partners": [maker.id, owner.id]}, 0.5,
                     [(maker.start, maker.end), (owner.start, owner.end)], "site:made-at-others")

    def narrower_site(self, o: Any, c: Any) -> bool:
        """Whether the site candidate ``o`` (still proposed, not ``c``) stands at a place inside ``c``'s place."""
        return o is not c and o in self.candidates and o.record["place"] != c.record["place"] and \
            c.record["place"] in self._wider(o.record["place"])

    def _containers(self, pid: str) -> set[str]:
        """The places a place lies in, as this article or the records say."""
        entry = self.gaz.entries.get(pid)
        return set(self.ents.new.get(pid, {}).get("located_in") or []) | set(getattr(entry, "parents", None) or [])

    def known_site(self, actor: Mention, place: Mention) -> bool:
        """Whether the actor's site at ``place``, at a place containing it or inside it, is proposed already;
        one at a containing place is narrowed to ``place`` ("a plant in Peru … The factory, in the city of
        Trujillo": Trujillo)."""
        same = [c for c in self.candidates if c.file == "sites" and actor.id in c.record.get("operator", []) and
                (c.record.get("place") in {place.id, *self._containers(place.id)}
                 or place.id in self._containers(c.record.get("place") or ""))]
        for c in same:
            if c.record["place"] in self._containers(place.id):
                twin = next((o for o in same if o is not c and o.record.get("place") == place.id), None)
                if twin is not None:  # the same site, proposed already at this place: one record, both spans
                    twin.spans = sorted({*twin.spans, *c.spans})
                    self.candidates.remove(c)
                    continue
                c.record["place"] = place.id
                c.record["label"] = f"{self.label(actor.id)} site in {self.label(place.id)}"
                c.spans = sorted({*c.spans, (place.start, place.end)})
                c.notes.append(f"place narrowed to '{place.id}', which the article puts in the one named first")
        return bool(same)

    def prune_coarse_sites(self) -> None:
        """A company's site "in Europe" (a region or a union) is dropped, whether or not the article names the
        country, province or city it stands in (no record names a plant by its region alone); so is the same
        company's site of the same status at a place that holds the other's place ("a plant in Russia's Tula
        region" read at both), and a unit's site at the place where its parent's site is (one site)."""
        kinds = {m.id: m.kind for m in self.ents.mentions if m.file == "places"}
        sites = [c for c in self.candidates if c.file == "sites" and c.record.get("place")]
        for c in sites:
            if kinds.get(c.record["place"]) in _COARSE:
                self.candidates.remove(c)
        for c in sites:  # "a plant in Russia's Tula region" read twice, at the country and at the region: one site
            ops = set(c.record.get("operator") or [])
            if c in self.candidates and any(
                    self.narrower_site(o, c) and ops == set(o.record.get("operator") or []) and
                    (o.record.get("status") == c.record.get("status") or kinds.get(c.record["place"]) == "country")
                    for o in sites):  # (a site in a country beside the company's site in one of its towns: that one)
                self.candidates.remove(c)
        self._zone_sites(sites, kinds)
        for c in sites:  # "X India's plant in Y" beside X's plant in Y: one site, named by the parent's record
            parents = {self.ents.new.get(o, {}).get("parent") for o in c.record.get("operator") or []} - {None}
            if c in self.candidates and parents and any(
                    o is not c and o in self.candidates and parents & set(o.record.get("operator") or [])
                    and o.record["place"] == c.record["place"] for o in sites):
                self.candidates.remove(c)


    def _zone_sites(self, sites: list[Any], kinds: dict[str, str]) -> None:
        """A company's site in a new industrial zone the article puts nowhere ("assembling cars at 304 Industrial
        Park") beside the same company's one site in a town or province ("its factory in Prachin Buri") is that
        site, narrowed to the zone (one record, both spans), and the zone lies in that town or province."""
        for c in sites:
            pid, ops = c.record["place"], set(c.record.get("operator") or [])
            if c not in self.candidates or self.ents.new.get(pid, {}).get("kind") != "district" or \
                    self._containers(pid) or self.ents.new_meta[pid].rule != "area":
                continue
            others = [o for o in sites if o is not c and o in self.candidates and set(o.record.get("operator") or [])
                      == ops and o.record["place"] != pid]
            if len(others) != 1 or kinds.get(others[0].record["place"]) not in {"city", "province", "state"}:
                continue
            other = others[0]
            self.ents.new[pid]["located_in"] = [other.record["place"]]  # (the zone lies in that town)
            other.record["place"] = pid
            other.spans = sorted({*other.spans, *c.spans})
            other.notes.append(f"place narrowed to '{pid}', an industrial zone the article names for the same site")
            self.candidates.remove(c)


#: what an expansion can be of without being a market's ("expand its plant", "expansion of capacity")
_GROWN = SITE_NOUNS | {"capacity", "production", "output", "line", "workforce", "operation", "campus", "base"}


def expands_a_site(cue: Any) -> bool:
    """Whether the market cue ``cue`` is "expand" or "expansion" of a plant, a factory or capacity, which names
    no market ("will expand its plant in X")."""
    return cue.lemma_.lower() in {"expand", "expansion"} and any(
        t.lemma_.lower() in _GROWN for c in cue.children if c.dep_ in {"dobj", "prep"}
        for t in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]))
