"""Roles read from the clause around a name rather than from its own phrase.

* appointments and changes of post: "ORG named NAME (as) its TITLE", "NAME was appointed TITLE of ORG",
  "ORG named NAME TITLE", "NAME will become / take over as / join as ORG's TITLE";
* a company title with no organisation in the name's phrase ("Chief executive NAME said …", "Its chief
  executive, NAME, …") names the company the text spoke about just before: an organisation earlier in the same
  sentence, else the one of the previous sentence;
* the organisation of a title found outside the phrase's own names: a company's short name the parser took for
  a place ("Velmora chairman NAME" after "Velmora Motors"), the country around a government title.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.anaphora import members_body
from nevkg.ingest.extract.apposition import apposed_phrase
from nevkg.ingest.extract.linking import fullest_name
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.people_as_orgs import PersonOrOrg
from nevkg.ingest.extract.relations_actors import _RELATIVE as _CLOSED_RELATIVE
from nevkg.ingest.extract.relations_orders import _LENDER
from nevkg.ingest.extract.roles_former import former_spans
from nevkg.ingest.extract.roles_places import OfficePlaces
from nevkg.ingest.extract.roles_speaker import SpeakerClauses, financing
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.title_spans import cut_at_described_org, previous_actor
from nevkg.ingest.extract.vocab import MEMBERS_NOUNS

#: nouns for an organisation a name may stand in apposition to ("the regulator X")
_BODY_NOUNS = {"regulator", "agency", "authority", "association", "body", "group", "company", "firm", "federation",
               "chamber", "council", "commission", "ministry", "operator", "startup", "maker", "carmaker", "automaker",
               "supplier", "manufacturer", "institute", "bank", "fund", "union", "lobby", "organisation",
               "organization"}
#: "NAME, who heads ORG": the verb and the title it gives
_HEAD_VERBS = {"head": "head", "lead": "head", "run": "head", "chair": "chair", "found": "founder"}
#: what a person may head as a part of an organisation ("has led the Asian business of ORG")
_PARTS = {"business", "operation", "arm", "unit", "division", "subsidiary", "branch", "board", "company", "firm",
          "group", "department", "office", "team", "committee", "venture", "brand", "affiliate"}
_APPOINT_VERBS = {"appoint", "name", "promote", "elect", "hire", "tap", "choose", "select", "nominate", "designate",
                  "reappoint", "install", "introduce", "announce", "confirm", "unveil"}
#: verbs whose subject takes up a post: "NAME will become its TITLE", "NAME took over as TITLE"
_BECOME_VERBS = {"be", "become", "remain", "serve", "join", "take", "succeed", "step", "return", "continue",
                 "replace"}
#: titles only a company (or another organisation, never a state) gives
_COMPANY_ONLY = re.compile(r"\b(?:chief|CEO|CFO|CTO|COO|(?-i:MD)|SVP|EVP|chair(?:man|woman|person)?|"
                           r"managing\s+director|"
                           r"general\s+manager|founder|co-founder|vice[\s-]?president|president|executive|head|"
                           r"director|spokes(?:man|woman|person)|manager|owner|proprietor)\b", re.I)
_GOVERNMENT = re.compile(r"\b(?:minister|premier|governor|mayor|ambassador|envoy|consul|chancellor|king|senator|"
                         r"secretary\s+of\s+state)\b", re.I)


#: a word of a trade union's name ("Sindicato dos Metalúrgicos de X", "IG Metall", "United Auto Workers")
_UNION_NAME = re.compile(r"\b(?:Union|Sindicato|Sindicat|Syndicat|Sindacato|Gewerkschaft|Workers|Metall|"
                         r"Metalúrgicos|Metalurgicos|Metalmeccanici)\b|^IG\s")


#: a brand's name used for its goods ("4,180 Qiaomu cars"): no organisation a title of the sentence belongs to
_MAKES_GOODS = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:cars?|vehicles?|models?|EVs?|SUVs?|buses|bus|trucks?|vans?|"
                          r"units)\b")


#: the noun of the body a bare title belongs to, before the title ("Cooperative chairperson NAME", "company
#: president NAME"), which is no title word ("group" is: "group managing director")
_OWNER_NOUN_FIRST = re.compile(rf"(?i:company|firm|operator|{'|'.join(sorted(MEMBERS_NOUNS))})\s+(?=\S)")

class RoleContextRules(OfficePlaces, PersonOrOrg, SpeakerClauses):
    """Roles from the verb a name hangs on, and from the organisation spoken of just before."""

    def _title_appointed(self, p: Mention, s: int, e: int) -> tuple[str, int, int, Mention] | None:
        """"ORG named NAME (as) its TITLE", "NAME was appointed TITLE of ORG", "NAME will become its TITLE"."""
        span = span_at(self.doc, p.start, p.end)
        if span is None:
            return None
        root, verb = span.root, span.root.head
        appoint = root.dep_ in {"dobj", "nsubjpass", "oprd"} and verb.lemma_.lower() in _APPOINT_VERBS
        become = root.dep_ == "nsubj" and verb.lemma_.lower() in _BECOME_VERBS
        if not (appoint or become):
            return None
        title_tok = next((c for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr", "dobj"} and c is not root
                          and c.i not in range(span.start, span.end) and (c.dep_ != "dobj" or become)
                          and not (c.dep_ == "dobj" and c.pos_ == "PROPN")), None)  # ("succeeds NAME as TITLE")
        if title_tok is None:
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if prep is None and verb.lemma_.lower() in {"take", "step"}:  # "took over as", "stepped in as"
                prep = next((t for c in verb.children if c.dep_ in {"prt", "prep", "advmod"} for t in c.children
                             if t.dep_ == "prep" and t.lower_ == "as"), None)
            title_tok = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) \
                if prep is not None else None
        if title_tok is None:
            return None
        sub = [t for c in verb.children if c.dep_ == title_tok.dep_ and c.i not in range(span.start, span.end)
               for t in c.subtree] \
            if title_tok.dep_ in {"attr", "oprd"} else list(title_tok.subtree)  # ("vice", "-", "president")
        sub = cut_at_described_org(sorted(sub, key=lambda t: t.i), self.ents.mentions)  # (", the arm of Y")
        after = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "with"} and c.i > sub[-1].i
                 and c.i - sub[-1].i == 1 for t in c.subtree]  # "is TITLE at ORG": the parser hangs "at" on "is"
        stop = next((k for k, t in enumerate(after) if t.is_punct), len(after))
        after = after[:stop]  # (not a clause on the organisation: "…, which supplies cells")
        a, b = max(s, sub[0].idx), min(e, (after or sub)[-1].idx + len((after or sub)[-1].text))
        cleaned = self._clean_title(a, b)
        if cleaned is None:
            return None
        org = self._org_in(a, b, cleaned[0])
        if org is None:
            owner = [verb]
            if verb.dep_ in {"acl", "relcl"}:
                owner.append(verb.head)  # "ORG named NAME …" read as a noun with a clause on it
            owner += list(verb.ancestors)[:2]  # "ORG said NAME would become its …"
            for v in owner:
                subj = [t for c in v.children if c.dep_ == "nsubj" for t in c.subtree]
                if v is not verb and v.pos_ in {"PROPN", "NOUN"}:
                    subj = list(v.subtree)
                orgs = [m for m in map(self._mention_at, subj) if m is not None and m.file == "organizations"]
                if orgs:
                    org = orgs[0]
                    break
        return (*cleaned, org) if org is not None else None

    def _title_succeeded(self, p: Mention) -> tuple[str, int, int, Mention] | None:
        """"X will be succeeded by NAME": NAME takes up the post X holds (X a name, or "he"/"she" for the last person
        given a role before)."""
        span = span_at(self.doc, p.start, p.end)
        if span is None or span.root.dep_ != "pobj" or span.root.head.dep_ != "agent" or \
                span.root.head.head.lemma_.lower() not in {"succeed", "replace"}:
            return None
        before = next((c for c in span.root.head.head.children if c.dep_ == "nsubjpass"), None)
        if before is None:
            return None
        held = self._mention_at(before)
        ids = {held.id} if held is not None and held.file == "people" else None
        roles = [c for c in self.candidates if c.file == "roles" and min(x[0] for x in c.spans) < p.start
                 and (ids is None and before.lower_ in {"he", "she"} or ids and c.record["person"] in ids)]
        if not roles:
            return None
        last = roles[-1]
        org = next((m for m in self.ents.mentions if m.id == last.record["organization"]), None)
        return (last.record["title"], before.idx, before.idx + len(before.text), org) if org is not None else None

    def _title_by_head_verb(self, p: Mention, root: Any) -> tuple[str, int, int, Mention] | None:
        """"NAME, who heads ORG" (a relative clause on the name) or "NAME heads / has led / founded ORG" (the
        name the verb's subject): the verb's title at the organisation it takes as object, or whose part it takes
        ("runs the Asian arm of ORG", "chairs the board at ORG"); a main verb only with the organisation or one
        of its parts as object ("led the talks with ORG" gives nothing)."""
        passive = self._title_by_agent(root)  # "ORG, (which was) founded by NAME", "ORG is headed by NAME"
        if passive is not None:
            return passive
        verb = next((c for c in root.children if c.dep_ == "relcl" and c.lemma_ in _HEAD_VERBS), None)
        main = verb is None and root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_ in _HEAD_VERBS
        verb = root.head if main else verb
        if verb is None:
            return None
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if main and not all(self._mention_at(c) is not None or c.lemma_.lower() in _PARTS for c in objs):
            return None
        # the object's organisation, or one "at / of" the verb ("heads the committee at ORG")
        pool = [t for c in objs for t in c.subtree] + [t for c in verb.children if c.dep_ == "prep" and c.lower_ in {
            "at", "of", "for"} and objs for t in c.subtree]
        obj = next((m for t in pool if (m := self._mention_at(t)) is not None and m.file == "organizations"), None) \
            or next((self._propose_org(c) for c in objs if c.pos_ == "PROPN" and c.ent_type_ in {"ORG", ""}
                     and not self.ents.overlaps(c.idx, c.idx + len(c.text))), None) \
            or next((m for c in objs for m in [self._named_body(c)] if m), None)
        if obj is None:
            return None
        title = _HEAD_VERBS[verb.lemma_]
        remit = [t for t in objs[0].subtree if t.i <= objs[0].i] if len(objs) == 1 and title == "head" else []
        if remit and objs[0].lemma_.lower() not in _PARTS and all(t.is_alpha and t.is_lower and t.dep_ not in {
                "det", "poss"} for t in remit) \
                and not self.ents.overlaps(remit[0].idx, remit[-1].idx + len(remit[-1].text)):
            title = f"head of {' '.join(t.text for t in remit)}"  # "who heads customer relations at ORG"
        both = span_at(self.doc, obj.start, obj.end)
        for other in (self._mention_at(t) for t in (both.root.conjuncts if both is not None else [])):
            if other is not None and other.file == "organizations" and other.id != obj.id:
                self.add_role(p.start, p.end, title, verb.idx, verb.idx + len(verb.text), other,
                              "person:parse")  # "who chairs both A and B"
        return title, verb.idx, verb.idx + len(verb.text), obj

    def _brands_owner(self, brands: list[Mention], pos: int) -> Mention | None:
        """The company that owns all of ``brands`` (new brands the article gave an owner: "its A and B brands"),
        as its mention last named before ``pos``."""
        owners = {self.ents.new.get(b.id, {}).get("brand_of") for b in brands}
        if len(owners) != 1 or None in owners:
            return None
        owner = owners.pop()
        return next((m for m in sorted(self.ents.mentions, key=lambda m: -m.start) if m.id == owner
                     and m.start < pos), None)

    def _title_by_agent(self, root: Any) -> tuple[str, int, int, Mention] | None:
        """The name as the agent of a passive head verb ("founded / led / headed / chaired by NAME"): the title at
        the organisation that is the verb's subject, or the noun it qualifies ("ORG, led by NAME"), or the one a
        relative clause speaks of ("ORG, which was founded by NAME"); never a thing led ("a round led by NAME")."""
        by = root.head
        if root.dep_ != "pobj" or by.dep_ != "agent" or by.head.lemma_ not in _HEAD_VERBS or by.head.tag_ != "VBN":
            return None
        if _COMPANY_ONLY.search(self.text[by.idx:root.idx]):
            return None  # "led by CEO NAME": the written title, read from the name's phrase
        verb = by.head
        owner = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in {"PROPN", "NOUN"}]
        if verb.dep_ in {"acl", "relcl"}:
            owner.append(verb.head)
            if verb.head.dep_ == "appos":  # "ORG, a Dhaka-based distributor founded by NAME": the noun is ORG
                owner.append(verb.head.head)
        org = next((m for t in owner if (m := self._mention_at(t)) is not None and m.file == "organizations"
                    and not m.compiler), None)
        if org is None:
            return None
        return _HEAD_VERBS[verb.lemma_], verb.idx, verb.idx + len(verb.text), org

    def _title_from_context(self, p: Mention, s: int, e: int) -> tuple[str, int, int, Mention] | None:
        """A company title before the name (or in apposition after it) with no organisation in the phrase:
        the organisation named earlier in the sentence, else the one the previous sentence spoke about."""
        found = self._bare_title(p, s, e)
        if found is None:
            return None
        title, ts, te = found
        noun = _OWNER_NOUN_FIRST.match(title)  # "co-operative president NAME": the body's noun is no title word
        if noun:
            title, ts = title[noun.end():], ts + noun.end()
            word = noun.group(0).strip().lower()
            body = members_body(self.mentions_in(0, ts, ("organizations",)), word, ts) \
                if word in MEMBERS_NOUNS else None
            if body is not None:  # (the co-operative whose name says so, named before)
                return title, ts, te, body
        if _GOVERNMENT.search(title) or not _COMPANY_ONLY.search(title) or re.search(
                r"\breport(?:s|ed|ing)?\s+(?:directly\s+)?(?:to\s+)?$|\bunion['’]s\s+$", self.text[max(s, ts - 30):ts]):
            return None  # ("will report to chairman NAME": whose chairman, the sentence does not say; "the union's
            # president": a union's, never the company named before)
        before = [m for m in self.orgs_outside_relatives(s, ts) if not m.compiler
                  and m.kind not in {"publisher"} and not re.search(r"\b(?:told|to|by)\s+(?:the\s+)?$",
                                                                    self.text[max(s, m.start - 10):m.start])
                  and not _MAKES_GOODS.match(self.text, m.end)]  # ("X sold 4,180 Y cars, managing director NAME
        # told …": Y names the cars, X is whose director)
        if before and not _LENDER.search(title):
            before = [m for m in before if not financing(self.text, s, m)]  # ("… with a loan from the X Bank,
            # said owner NAME": the buyer's owner, not the lender's)
        if before and not re.search(r"[;]", self.text[before[-1].end:ts]):
            group = [o for o in before[:-1] if re.fullmatch(r"\s*(?:,|and|&|or)\s*", self.text[o.end:before[-1].start])]
            if group:  # "A and B will …, the country manager said": their common owner, else nobody
                owner = self._brands_owner(group + [before[-1]], ts)
                return (title, ts, te, owner) if owner is not None else None
            return title, ts, te, self._reported_subject(p, before) or before[-1]
        opening = next((x for x in self.noun_anaphors(s, e) if not self.text[s:x.start].strip()), None)
        if opening is not None and not before:  # "The company runs …, according to chief executive NAME": the
            return title, ts, te, opening  # company the sentence's opening anaphor stands for
        prev = [(a, b) for a, b, _ in self._sentences if b <= s]  # only the company of the previous sentence
        org = previous_actor(self, s)  # (the agent of a passive: "… are run by ORG")
        if org is not None and (not prev or not prev[-1][0] <= org.start < prev[-1][1]):
            org = None
        past = former_spans(self.doc, p.start, p.end)  # ("NAME, who joined from X, said": X was the person's)
        later = [m for m in self.mentions_in(s, e, ("organizations",)) if not any(a <= m.start < b for a, b in past)]
        verb = re.search(r"\b(?:said|says|told|added|noted|explained)\b", self.text[p.end:e])  # (what is said, not
        said = next(iter(self.noun_anaphors(p.end + verb.end(), e)), None) if verb else None  # the words about the
        # speaker: "NAME, a former X engineer who set up the company in 2018, said …")
        if said is not None and not later:  # "Managing director NAME said the operator spent …": the company
            # the person speaks of, as the anaphor after the name stands for it (its noun before the title is
            # no title word: "Cooperative chairperson NAME said … registered with the cooperative"; nor is "Group"
            # when the person speaks of the group as "the company")
            noun = re.match(r"(?i:group)\s+(?=\S)", title)
            return (title[noun.end():] if noun else title), ts + (noun.end() if noun else 0), te, said
        if later:  # another organisation in the sentence: whose title it is stays open, unless the person says
            # what it will do and the sentence before spoke of no other ("NAME, the CEO, said ORG would …")
            speaks = self._speaks_of(p, later) and (org is None or org.id == later[0].id)
            return (title, ts, te, later[0]) if speaks else None
        if org is None or org.file != "organizations" or org.compiler:
            return None
        return title, ts, te, org

    def orgs_outside_relatives(self, s: int, e: int) -> list[Mention]:
        """The organisations named in ``text[s:e]`` outside a relative clause closed there ("X, which bought Y
        last year, is led by …": X, not Y, is what the sentence speaks of)."""
        closed = [(r.start(), r.end()) for r in _CLOSED_RELATIVE.finditer(self.text, s, e)]
        return [m for m in self.mentions_in(s, e, ("organizations",))
                if not any(a <= m.start and m.end <= b for a, b in closed)]

    def _bare_title(self, p: Mention, s: int, e: int) -> tuple[str, int, int] | None:
        """The title words right before the name in its phrase ("Chief executive NAME", "its CEO NAME") or in
        apposition after it ("NAME, the group's CEO,")."""
        span = span_at(self.doc, p.start, p.end)
        if span is None:
            return None
        ranges = []
        left = [t for w in span for t in w.lefts  # (of any word of the name: "Chief Executive" hangs on the first)
                if t.i < span.start and t.dep_ in {"compound", "amod", "poss", "nmod", "det"}]
        if left:
            ranges.append((self.doc[min(t.left_edge.i for t in left)].idx, p.start))
        apposed = apposed_phrase(span, self.text)  # "the TITLE of ORG, NAME"
        if apposed is not None:
            ranges.append(apposed)
        m = re.match(r"^\s*,\s*(?:the\s+|its\s+)?", self.text[p.end:e])
        if m:
            stop = re.search(r"[,;()]|\s+(?:said|says|told|added|noted|who|which)\b|[.](?:\s|$)",
                             self.text[p.end + m.end():e])
            ranges.append((p.end + m.end(), p.end + m.end() + (stop.start() if stop else 0)))
        for a, b in ranges:
            a, b = max(a, s), min(b, e)
            cut = list(re.finditer(r"[,;:()\"“”]|\s[-–—]+\s", self.text[a:b].rstrip(" ,")))
            if cut:
                a += cut[-1].end()
            if b <= a or self.mentions_in(a, b, ("organizations", "people")):  # (a place is a scope: "UK head")
                continue
            cleaned = self._clean_title(a, b)
            if cleaned is not None:
                return cleaned
        return None

    def _union_spoken_of(self, a: int, b: int) -> Mention | None:
        """Whose "the union's TITLE" at ``text[a:b]`` is: the trade union named last in the two sentences before
        or in its own (a name the parser called a place, "the Sindicato dos Metalúrgicos de X", is the union)."""
        if not re.search(r"\bthe\s+(?:[\w-]+\s+)?union['’]s\s", self.text[max(0, a - 30):b], re.I):
            return None
        from nevkg.ingest.extract.ner import retype

        sents = [s0 for s0, _, _ in self._sentences if s0 <= a]
        start = sents[-3] if len(sents) > 2 else 0
        union = next((m for m in reversed(self.mentions_in(start, a, ("organizations", "places")))
                      if not m.known and _UNION_NAME.search(m.text) or m.kind == "trade-union"), None)
        if union is not None and union.file == "places" and union.id in self.ents.new:
            retype(self.ents, union.id, "organizations", "trade-union")
        return union if union is not None and union.file == "organizations" else None

    def _propose_org(self, tok: Any) -> Mention | None:
        """A proper noun the parse names as what a person heads ("NAME, who chairs the association X") and no
        rule proposed: a new organisation (its name: the noun with its proper-noun compounds)."""
        from nevkg.ingest.extract.ner import _propose

        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        start, end = words[0].idx, tok.idx + len(tok.text)
        if self.ents.overlaps(start, end) or not all(w.is_title or w.is_upper for w in words):
            return None
        _propose(self.ents, "organizations", "company", self.text[start:end], start, end, "parse")
        return next((m for m in self.ents.mentions if m.start == start and m.file == "organizations"), None)

    def _named_body(self, noun: Any) -> Mention | None:
        """"the transport regulator X", "the carmakers' association X": a name in apposition to a noun for an
        organisation that the parser called a place is that organisation."""
        from nevkg.ingest.countries import COUNTRIES
        from nevkg.ingest.extract.ner import retype

        if noun.lemma_.lower() not in _BODY_NOUNS:
            return None
        for c in noun.children:
            if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN":
                m = next((m for m in self.ents.mentions if m.start <= c.idx < m.end), None)
                if m is not None and m.file == "places" and not m.known and m.rule.startswith("ner:") \
                        and m.id in self.ents.new and m.text not in COUNTRIES:
                    retype(self.ents, m.id, "organizations", "government-body" if noun.lemma_.lower() in {
                        "regulator", "agency", "authority", "ministry", "commission"} else "company")
                    return m
        return None

    def _short_org_name(self, a: int, b: int) -> Mention | None:
        """A new name in ``text[a:b]`` (the parser's place or organisation) that is the short form of an
        organisation of the article ("Velmora" after "Velmora Motors"): a mention of that organisation."""
        from nevkg.ingest.extract.mentions import _STRIP_FOR_HEAD

        for m in reversed(self.mentions_in(a, b, ("places", "organizations"))):
            if m.known or not m.rule.startswith("ner:") or re.match(r"-based\b", self.text[m.end:m.end + 6]):
                continue  # ("Nairobi-based economist": where the person works, never "Nairobi International …")
            org = next((o for o in self.ents.mentions if o.file == "organizations" and o.text != m.text
                        and _STRIP_FOR_HEAD.sub("", o.text) == m.text), None) or (
                fullest_name(self.ents.mentions, m.text) if len(m.text) > 2 else None)
            if org is not None:
                return Mention(m.start, m.end, m.text, "organizations", org.id, org.known, org.kind, "short-name",
                               0.6, org.label)
        return None

    def _country_portfolio(self, org: Mention) -> Mention | None:
        """"X's Industry and Technology" read by the parser as one organisation before a minister's title: the
        country X (a mention of it replaces the name; the portfolio stays in the title)."""
        from nevkg.ingest.countries import COUNTRIES
        from nevkg.ingest.extract.portfolios import PORTFOLIO_ORG

        m = re.match(r"(?P<c>[A-Z][^'’]*?)['’]s?\s+(?P<rest>.+)$", org.text)
        if m is None or not PORTFOLIO_ORG.fullmatch(m.group("rest")):
            return None
        known = self.gaz.lookup(m.group("c"), ("places",))
        name = known.label if known is not None else m.group("c") if m.group("c") in COUNTRIES else None
        country = self.ents._country_mention(org.start, org.start + len(m.group("c")), name, "possessive-country",
                                             0.7) if name else None
        if country is None:
            return None
        self.ents.forget(org)
        self.ents.add(country)
        return country
