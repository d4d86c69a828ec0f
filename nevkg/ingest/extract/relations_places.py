"""Where an organisation belongs: its country as the text gives it ("Chinese carmaker X", "Brazil's X", "X of
Korea", "X, a Thai firm", a country in its name), a government body speaking for a country ("Peru will cut the
duty, the trade ministry said") and a company based somewhere ("X, based in Y", "Y-based X").

A new organisation gets ``country`` or ``based_in`` on its record; a known one gets a record proposed for merging,
as :meth:`known_facts` does for "Chinese carmaker X".
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.vocab import APPOS_COMPANY_NOUNS, SITE_NOUNS

_SPEECH = {"say", "announce", "state", "add", "confirm", "tell", "report", "note"}
#: "X, based in Y", "X, which is headquartered in Y", "X (based in Y)"
_BASED_AFTER = re.compile(r"\s*[,(]\s*(?:which\s+is\s+|a\s+[\w\s\-]{0,30}?)?(?:based|headquartered)\s+in\s+"
                          r"(?:the\s+)?$")
#: "Y-based X", "Y-based carmaker X"
_BASED_BEFORE = re.compile(r"^-(?:based|headquartered)\s+(?:[a-z][\w\-]*\s+){0,3}$")
#: nouns that describe an organisation ("Brazil's trade chamber X", "X, a Thai firm")
_COMPANY_NOUNS = {"carmaker", "automaker", "company", "firm", "maker", "manufacturer", "group", "brand", "giant",
                  "startup", "start-up", "producer", "supplier", "conglomerate", "rival", "exporter", "player",
                  "chamber", "board", "ministry", "agency", "regulator", "association", "authority", "council",
                  "committee", "commission", "department", "operator"}
#: company nouns after a country's possessive in apposition ("X, Belgium's largest coach operator"): the shared ones
#: and this module's own organisation nouns (not the service firms' words of org_context: see there)
_APPOS_NOUNS = "|".join(sorted(APPOS_COMPANY_NOUNS | _COMPANY_NOUNS - {"rival", "player", "giant"}))
#: words that join a country and a name without making the country the name's own ("sold in X by Y", "X and Y")
_LINK_WORDS = (r"\b(?:and|or|by|to|in|into|for|from|with|than|as|at|on|of|while|but|via|after|before|that|which|"
               r"who|said|says|told|is|are|was|were|has|have|had|be|been|become|became|remains?|remained)\b")


def _describes(words: str) -> bool:
    """Whether the words between a country and a name describe the name ("carmaker", "state-owned group",
    "car manufacturing giant"): at most two words, or three ending in a company noun; no joining word."""
    ws = words.split()
    if re.search(_LINK_WORDS, words) or len(ws) > 3:
        return False
    return len(ws) < 3 or ws[-1].rstrip("s") in _COMPANY_NOUNS


#: a news outlet named with its country ("the Spanish portal X")
_MEDIA = re.compile(r"\b(?:portal|newspaper|magazine|daily|outlet|broadcaster|website|news\s+agency|"
                    r"news\s+site|media)\s+$", re.I)


class PlaceRules:
    """The country or base of an organisation, as a sentence states it (a mixin of the extractor)."""

    def _country_of(self, org: Mention) -> str | None:
        """The country an organisation is said to be from: "Chinese automaker X", "Brazil's X", "X, a Thai firm" (not
        a heading's last word before a paragraph that opens with the name: "No Plant in Russia" / "X denied …")."""
        before = self.text[max(0, org.start - 40):org.start]
        if _MEDIA.search(before[-25:]):
            return None  # "the Spanish portal X": where a news outlet is from is no fact of the trade
        titled = re.search(r"(?:^|[,:]\s+)(?P<adj>[A-Z][a-z]+)\s+(?P<w>(?:[A-Z][a-z\-]+\s+){1,2})$", before)
        if titled and titled.group("w").lower().split()[-1] in _COMPANY_NOUNS:  # a headline's "…, Lao Firm X"
            from nevkg.ingest.countries import DEMONYMS

            a = org.start - len(before) + titled.start("adj")
            country = self.ents._country_mention(a, a + len(titled.group("adj")), DEMONYMS[titled.group("adj")],
                                                 "demonym", 0.6) if titled.group("adj") in DEMONYMS else None
            if country is not None:
                return country.id
        chinese = re.search(r"\bChinese\s+((?:[a-z\-]+\s+){0,3})$", before)
        if chinese and _describes(chinese.group(1)) and "china" in self.gaz.ids:
            return "china"
        for m in self.ents.countries_in(0, len(self.text)):
            gap = (self.text[m.end:org.start] if m.end <= org.start else "").lower()  # (a headline's "Lao Firm X")
            if m.end <= org.start and "\n" not in gap and re.fullmatch(r"(?:['’]s)?\s+(?:[a-z\-]+\s+){0,3}", gap) and \
                    _describes(re.sub(r"^['’]s", "", gap)) and self._in_phrase_of(m, org):
                return m.id
            if org.end <= m.start and re.fullmatch(r"\s+of\s+", self.text[org.end:m.start]) and \
                    not m.rule.startswith("demonym") and not re.match(r"['’]s|\s+[A-Z]", self.text[m.end:m.end + 3]):
                return m.id  # "X of Korea"
            if org.end <= m.start and re.fullmatch(r",\s+(?:an?|the)\s+", self.text[org.end:m.start]) and \
                    re.match(r"\s+(?:[a-z\-]+\s+){0,1}(?:company|firm|automaker|carmaker|group|maker|manufacturer)",
                             self.text[m.end:m.end + 40]):
                return m.id
            if org.end <= m.start and re.fullmatch(r"(?:\s*\([^()]{1,60}\))?,\s+", self.text[org.end:m.start]) and \
                    re.match(rf"['’]s\s+(?:[a-z\-]+\s+){{0,3}}(?:{_APPOS_NOUNS})\b", self.text[m.end:m.end + 60]):
                return m.id  # "X (www.x.example), Belgium's largest coach operator"
        return self._country_parsed(org)

    def _in_phrase_of(self, m: Mention, org: Mention) -> bool:
        """Whether no verb of a clause stands between the place ``m`` and the organisation ("the Saudi stake gives X
        …" says nothing of where X is from); true without a parse."""
        if self.doc is None:
            return True
        gap = self.doc.char_span(m.end, org.start, alignment_mode="expand") or []
        return not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound", "nmod"} for t in gap)
        # (a verb as a modifier is part of the description: "U.S. ride-hailing company X")

    def _country_in_name(self, org: Mention, public: bool = False) -> str | None:
        """A country named inside an organisation's own name ("Thailand Board of Investment"); in a public body's
        (``public``), also one a capitalised word before it pairs with ("Department of Finance Canada")."""
        inside = self.ents.countries_in(org.start, org.end, inner=True)
        if inside:
            return inside[0].id
        words = re.findall(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", org.text)
        if public:  # (two words, then one)
            caps = re.findall(r"[A-Z][a-z]+", org.text)
            words = [f"{a} {b}" for a, b in zip(caps, caps[1:], strict=False) if f"{a} {b}" in org.text] + caps
        return next((c for w in words if (c := self.ents.country_id(w)) is not None), None)

    def _country_parsed(self, org: Mention) -> str | None:
        """From the parse: a company noun in apposition to the organisation ("One of Japan's largest carmakers,
        X"; "X, the Korean group") whose possessor or adjective is a country."""
        if self.doc is None:
            return None
        span = span_at(self.doc, org.start, org.end)
        if span is None:
            return None
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        if root.dep_ == "nsubj":  # "One of X's carmakers, Y signed …": the parser makes both subjects
            nouns += [c for c in root.head.children if c.dep_ in {"nsubj", "npadvmod"} and c.i < root.i]
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < root.i:
            nouns.append(root.head.head)  # "X's board of trade Y": the parser hangs the name under "of"
        for n in nouns:
            for t in n.subtree:
                if t.lemma_.lower() not in _COMPANY_NOUNS or span.start <= t.i < span.end:
                    continue
                for c in t.children:
                    if c.dep_ in {"poss", "amod", "compound"}:
                        m = self.ents.country_at(c.idx)
                        if m is not None:
                            return m.id
        return None

    def org_places(self, sent: Any, orgs: list[Mention], places: list[Mention]) -> None:
        for m in orgs:
            if (m.kind or "") in _GOV:
                country = self._spoken_for(m, places)
                if country is not None:
                    self._state(m, "country", country)
            base = self._base_of(m, places)
            if base is not None:
                self._state(m, "based_in", base)

    def _spoken_for(self, gov: Mention, places: list[Mention]) -> Mention | None:
        """The country a government body speaks for: "C will …, the ministry said" (not one whose name says whose
        it is: "…, the Ministry of Economy of D said")."""
        span = span_at(self.doc, gov.start, gov.end)
        if span is None or self._country_in_name(gov):
            return None
        tok = span.root.head if span.root.dep_ == "appos" else span.root
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH:
            return None
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for subj in (c for c in clause.children if c.dep_ == "nsubj"):
                p = next((p for p in places if p.start <= subj.idx < p.end and p.kind == "country"
                          and not p.rule.startswith("demonym")), None)
                if p is not None:
                    return p
        return None

    def _base_of(self, org: Mention, places: list[Mention]) -> Mention | None:
        """Where a company is based: "X, based in Y", "Y-based X"."""
        for p in places:
            if p.start >= org.end and p.start - org.end < 60 and _BASED_AFTER.search(self.text[org.end:p.start]):
                return p
            if p.end <= org.start and org.start - p.end < 40 and _BASED_BEFORE.match(self.text[p.end:org.start]):
                return p
        return None

    def _state(self, org: Mention, key: str, place: Mention) -> None:
        """Record that the text places ``org`` (its ``country`` or ``based_in``) at ``place``."""
        if place.id == org.id:
            return
        rec = self.ents.new.get(org.id)
        if rec is not None:
            if self.ents.new_meta[org.id].file == "organizations":
                rec.setdefault(key, place.id)
            return
        entry = self.gaz.entries.get(org.id)
        if entry is None or entry.file != "organizations":
            return
        if key == "country" and any(self._country_of(m) for m in self.ents.mentions if m.id == org.id):
            return  # stated elsewhere too: :meth:`known_facts` proposes it
        rule = "stated-country" if key == "country" else "stated-base"
        if any(c.file == "organizations" and c.rule == rule and c.record["id"] == org.id for c in self.candidates):
            return
        self.add("organizations", {"id": org.id, "label": entry.label, "kind": entry.kind or "company",
                                   key: place.id}, 0.55, [(org.start, org.end), (place.start, place.end)], rule,
                 new=False, merge_into=org.id, notes=[f"this article places '{org.id}' in '{place.id}'"])

    def _own_places(self, cue: Any, where: list[Mention], actor: Mention) -> list[Mention]:
        """The places of the clause that no site noun of another named owner holds ("A's plant in X and the B
        factory in Y": X is A's, Y is B's), nor the region said of such a place ("A's plant in X, in China's Y
        region": Y is A's too)."""
        def site_of(p: Mention) -> Any:
            tok = span_at(self.doc, p.start, p.end).root
            while tok.dep_ in {"pobj", "prep", "conj", "appos", "compound"} and tok.head.i != tok.i:
                tok = tok.head
                if tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in SITE_NOUNS | {"assembly", "production"}:
                    return tok
            return None

        def others(site: Any) -> bool:  # the site noun names an owner of its own that is not the actor
            return site is not None and site.i != cue.i and any(
                (m := self._mention_of(c, anaphors=False)) is not None and m.id != actor.id
                for c in site.children if c.dep_ in {"poss", "compound"})
        theirs = [p for p in where if others(site_of(p))]
        for p in where:
            if any(re.fullmatch(r",\s+in\s+(?:the\s+)?(?:[A-Z][\w\-]*['’]s\s+)?", self.text[q.end:p.start])
                   for q in theirs):
                theirs.append(p)
        return [p for p in where if p not in theirs]
