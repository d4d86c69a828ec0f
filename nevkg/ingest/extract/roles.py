"""People with their titles and organisations, around every person the parse names.

The common English forms, each read from the words next to the name up to a clause boundary:

* title (and organisation) before the name: "ORG chief executive NAME", "ORG's president NAME",
  "the chairman of ORG, NAME", "Country's deputy prime minister NAME", "Uzbek President NAME";
* after the name, set off by a comma or brackets: "NAME, vice-chairman of ORG", "NAME, ORG's chief executive",
  "NAME, chief executive at ORG", "NAME (ORG founder)".

A government title (minister, president, governor …) without an organisation takes the country named in the
title ("Canada's minister …"). The organisation is always a mention in the same phrase: never guessed from
further away.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.roles_context import RoleContextRules

_TITLE = (r"chairman|chairwoman|chairperson|chair|president|vice[\s-]?president|vice[\s-]?chairman|director|"
          r"director[\s-]general|general\s+manager|managing\s+director|manager|chief(?:\s+\w+){0,2}\s+officer|"
          r"chief\s+executive|CEO|CFO|CTO|COO|founder|co-founder|head|secretary|spokesperson|spokesman|"
          r"spokeswoman|minister|prime\s+minister|premier|governor|mayor|ambassador|commissioner|chancellor|"
          r"executive|boss|chief|emeritus|partner|analyst|economist|professor")
_TITLE_RX = re.compile(rf"\b(?:{_TITLE})\b", re.I)
_GOV_TITLE = re.compile(r"\b(?:minister|president|premier|governor|mayor|ambassador|chancellor|king|secretary|"
                        r"commissioner)\b", re.I)
#: a government portfolio the parser may take for an organisation ("Trade Minister NAME", "Finance and Economy")
_PORTFOLIO_ORG = re.compile(r"(?:Trade|Industry|Finance|Economy|Commerce|Transport|Energy|Environment|Investment|"
                            r"Foreign|Foreign\s+Affairs|Interior|Labou?r|Development|Infrastructure|Technology|"
                            r"Digital|Treasury|Business|Economic|Industrial)(?:\s+(?:and|&)\s+(?:[A-Z][a-z]+))*")
#: where a phrase before the name starts
_LEFT_STOP = re.compile(r"(?:^|[,;:()\"“”]|\s[-–—]+\s|\b(?:said|says|told|added|noted|confirmed|explained|stressed|"
                        r"announced|commented|remarked|insisted|argued|warned|wrote|according\s+to|whose|by|with|from|when|that|"
                        r"which|while|where|as|after|before|for|including|like|between|under)\b)(?=[^,;:()\"“”]*$)",
                        re.I)
#: "NAME, who heads ORG": the verb and the title it gives
_HEAD_VERBS = {"head": "head", "lead": "head", "run": "head", "chair": "chair", "found": "founder"}
#: lower-case words between a title's preposition and the organisation they describe ("of the trade body X")
_DESCRIPTOR = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?!(?:of|at|for|with|in|and)\s)"
                         r"[a-z][\w’'-]*\s+){1,5}$")  # (an adjective of a country first: "the Brazilian carmakers' …")
_PLACE_WORDS = re.compile(r"\b(?:City|Province|State|County|District|Region|Island|Islands|Bay|Port|Zone|Park|"
                          r"North|South|East|West|New|San|Santa|São|Saint|St)\b")
#: titles only a company gives
_COMPANY_TITLE = re.compile(r"\b(?:chief|CEO|CFO|CTO|COO|chair(?:man|woman|person)?|managing\s+director|"
                            r"general\s+manager|founder|co-founder|vice[\s-]?president|executive|head|director)\b",
                            re.I)
#: words a title starts with ("Chief Executive", "Senior Vice President"): never part of a name before or after
_TITLE_START = {"chief", "executive", "officer", "vice", "senior", "deputy", "managing", "general", "head", "founder",
                "co-founder", "president", "chairman", "chairwoman", "director", "ceo", "cfo", "cto", "coo", "minister",
                "secretary", "spokesman", "spokeswoman", "spokesperson", "chair", "manager"}
_HONORIFIC = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame|H\.E\.)\.?\s+)$")


class RoleRules(RoleContextRules):
    """Roles from the words around each person mention (needs the parse's person names)."""

    def parse_people(self, s: int, e: int) -> None:
        if self.doc is None:
            return
        self._unlabelled_people(s, e)
        persons = [m for m in self.ents.mentions if s <= m.start and m.end <= e and _person_like(m, self.ents)]
        for p in persons:
            if any(c.file == "roles" and (p.start, p.end) in c.spans for c in self.candidates):
                continue  # a pattern already gave this mention its role
            if self._not_a_person(p):
                continue
            self._extend_name(p)
            found = self._title_parsed(p, s, e) or self._title_after(p, e) or self._title_before(p, s) or \
                self._title_appointed(p, s, e) or self._title_from_context(p, s, e)
            if found:
                title, ts, te, org = found
                self.add_role(p.start, p.end, title, ts, te, org, "person:parse")

    def _unlabelled_people(self, s: int, e: int) -> None:
        """A proper name of two to four words that speaks ("X Y said") or carries a title in apposition
        ("X Y, chief executive of Z") is a person even where the parser gave it no entity label."""
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return
        for t in span:
            if t.pos_ != "PROPN" or t.dep_ not in {"nsubj", "appos", "ROOT"}:
                continue
            names = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
            first, last = min(x.i for x in names), t.i
            if not 2 <= last - first + 1 <= 4 or any(not self.doc[i].is_title for i in range(first, last + 1)):
                continue
            a, b = self.doc[first].idx, t.idx + len(t.text)
            if self.ents.overlaps(a, b):
                continue
            if any(self.doc[i].ent_type_ not in {"", "PERSON"} for i in range(first, last + 1)):
                continue  # the parser calls it an organisation or a place
            speaks = t.dep_ == "nsubj" and t.head.lemma_ in {"say", "tell", "add", "note", "explain", "stress"}
            titled = any(c.dep_ == "appos" and _TITLE_RX.search(" ".join(x.text for x in c.subtree))
                         for c in t.children) or (t.dep_ == "appos" and _TITLE_RX.fullmatch(t.head.text)) or \
                (first > 0 and _TITLE_RX.fullmatch(self.doc[first - 1].text) and self.doc[first - 1].head.i == t.i)
            if not (speaks or titled):
                continue
            from nevkg.ingest.extract.ner import _propose

            _propose(self.ents, "people", "", self.text[a:b], a, b, "parse")

    def _extend_name(self, p: Mention) -> None:
        """A name the parser cut short takes the capitalised given names before it ("Mehmet" of "Mehmet Ali
        Kaya"), never a title word, an organisation or a place; a name that took a title word in ("Officer Jane
        Doe") leaves it out."""
        span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or p.known:
            return
        i = span.start
        while i < span.end - 2 and (self.doc[i].lower_ in _TITLE_START or _TITLE_RX.fullmatch(self.doc[i].text)):
            i += 1
        trimmed = i > span.start
        while not trimmed and i > 0 and span.end - i < 4:
            t = self.doc[i - 1]
            if t.pos_ != "PROPN" or not t.is_title or _TITLE_RX.fullmatch(t.text) or t.lower_ in _TITLE_START or \
                    t.head.i not in range(span.start, span.end) or t.ent_type_ in {"GPE", "NORP", "ORG", "LOC"} or \
                    self.ents.overlaps(t.idx, t.idx + len(t.text)):
                break
            i -= 1
        if i == span.start:
            return
        old_id, name = p.id, self.text[self.doc[i].idx:p.end]
        p.start, p.text, p.label = self.doc[i].idx, name, name
        if old_id in self.ents.new and not any(m.id == old_id and m is not p for m in self.ents.mentions):
            p.id = self.ents._new_id(name, p.file)  # the record takes the whole name, and its id from it
            rec = self.ents.new.pop(old_id)
            self.ents.new_meta.pop(old_id, None)
            self.ents.new[p.id] = {**rec, "id": p.id, "label": name}
            self.ents.new_meta[p.id] = p

    def _mention_at(self, token: Any) -> Mention | None:
        return next((m for m in self.ents.mentions if m.start <= token.idx < m.end), None)

    def _org_in(self, a: int, b: int, title: str) -> Mention | None:
        orgs = [m for m in self.mentions_in(a, b, ("organizations",)) if not m.compiler]
        if orgs and _GOV_TITLE.search(title) and not orgs[-1].known and orgs[-1].rule.startswith("ner:"):
            country = self._country_portfolio(orgs[-1])  # "X's Industry and Technology Minister"
            if country is not None:
                return country
        while orgs and _GOV_TITLE.search(title) and not orgs[-1].known and _PORTFOLIO_ORG.fullmatch(
                orgs[-1].text) and orgs[-1].rule.startswith("ner:"):
            self._drop_new(orgs[-1])  # "Trade Minister NAME", "Foreign Affairs and Trade Minister": portfolios
            orgs = orgs[:-1]
        if orgs and _GOV_TITLE.search(title) and not orgs[-1].known:
            # "Turkish Industry and Technology Minister": the parser's new "organisation" is the portfolio
            from nevkg.ingest.extract.mentions import DEMONYMS

            first = orgs[-1].text.split()[0]
            if first in DEMONYMS:
                country = self.ents._country_mention(orgs[-1].start, orgs[-1].start + len(first), DEMONYMS[first],
                                                     "demonym", 0.7)
                if country is not None:
                    return country
        short = self._short_org_name(a, b)
        if short is not None and (not orgs or orgs[-1].start == short.start):
            return short
        if orgs:
            return orgs[-1]
        if _COMPANY_TITLE.search(title) and not _GOV_TITLE.search(title):
            odd = self._company_called_place(a, b)  # "CEO of Velmora": the parser called the company a place
            if odd is not None:
                return odd
        if _GOV_TITLE.search(title):
            # a country first; a city or a new place only as "TITLE of X" ("president of X", "mayor of Y") or
            # for a governor or mayor ("Y mayor NAME")
            local = re.search(r"\b(?:governor|mayor)\b", title, re.I)
            places = self.mentions_in(a, b, ("places",))
            # "X's ambassador to Y": the possessive country
            places = [m for m in places if m.kind == "country" and re.match(r"['’]s?\s", self.text[m.end:m.end + 3])] \
                or [m for m in places if m.kind == "country"] or [m for m in places if m.kind in {
                "province", "state", None} or m.kind != "region" and (local or re.search(
                    r"\b(?:of|for)\s+(?:the\s+)?$", self.text[max(a, m.start - 10):m.start]))]
            if places:
                return places[-1]
            # no country in the phrase: only an office of state ("Prime Minister X", "President X") takes the
            # country around it; a company's president or secretary without a company gets no role
            if re.search(r"\b(?:minister|premier|governor|mayor|ambassador|chancellor|king)\b", title, re.I) or \
                    re.fullmatch(r"(?:Vice[\s-])?President", title):
                return self._country_around(a)
            return None
        if re.search(r"\b(?:its|the\s+(?:company|firm|group|carmaker|automaker)['’]s)\b", self.text[max(0, a - 30):b],
                     re.I):
            sent = next(((s, e) for s, e, _ in self._sentences if s <= a < e), (a, a))
            before = [m for m in self.mentions_in(sent[0], a, ("organizations",)) if not m.compiler
                      and not _person_like(m, self.ents)]  # never the person the parser called an organisation
            return before[-1] if before else self.last_org
        return None

    def _company_called_place(self, a: int, b: int, last: bool = True) -> Mention | None:
        """The last (or first) new name in ``text[a:b]`` that the parser called a place but no country list
        knows, made an organisation: it is named as the company of a company title."""
        from nevkg.ingest.countries import COUNTRIES
        from nevkg.ingest.extract.ner import retype

        odd = [m for m in self.mentions_in(a, b, ("places",)) if not m.known and m.rule.startswith("ner:")
               and m.id in self.ents.new and m.text not in COUNTRIES]
        if not odd:
            return None
        m = odd[-1] if last else odd[0]
        retype(self.ents, m.id, "organizations", "company")
        return m

    def _title_and_org(self, a: int, b: int) -> tuple[tuple[str, int, int], Mention | None] | None:
        """The title in ``text[a:b]`` and the organisation it names (the title cleaned again once a name in it
        turned out to be the organisation)."""
        cleaned = self._clean_title(a, b)
        if cleaned is None:
            return None
        org = self._org_in(a, b, cleaned[0])
        if org is None:
            return cleaned, org
        if not (a <= org.start and org.end <= b):
            return self._clean_title(a, b) or cleaned, org  # (a portfolio read as a name was dropped)
        # "president of Kenya", "minister of finance of Kenya": the country closing the phrase is the
        # organisation, not part of the title (a scope inside a company title stays: "head of Europe")
        last = org.file == "places" and _GOV_TITLE.search(cleaned[0]) and re.fullmatch(
            r"(?:\s+(?:state|province|region))?[\s,.;)]*", self.text[org.end:b], re.I) and re.search(
            r"\b(?:of|for)\s+(?:the\s+)?$", self.text[a:org.start])
        tail = re.match(r"\s+(?:state|province|region)\b", self.text[org.end:b], re.I)
        cut = [(org.start, org.end + (tail.end() if tail else 0))] if last or org.file == "organizations" else []
        cleaned = self._clean_title(a, b, cut) or cleaned
        return cleaned, org

    def _title_parsed(self, p: Mention, s: int, e: int) -> tuple[str, int, int, Mention] | None:
        """The title phrase from the parse: an apposition of the name ("NAME, TITLE of ORG"), the name as the
        apposition of a title ("the TITLE of ORG, NAME"), or the title words before the name in its phrase."""
        span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        ranges = []
        for c in root.children:
            if c.dep_ == "appos" and c.i >= span.end:
                sub = list(c.subtree)
                ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        if root.dep_ == "appos" and root.head.i < span.start:
            sub = [t for t in root.head.subtree if t.i < span.start]
            if sub:
                ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
        left = [t for t in root.lefts if t.i < span.start and t.dep_ in {"compound", "amod", "poss", "nmod", "det"}]
        if left:
            first = self.doc[min(t.left_edge.i for t in left)].idx
            cut = list(re.finditer(r"[,;:()\"“”]|\s[-–—]+\s", self.text[first:p.start]))  # a dateline, a quote
            ranges.append((first + (cut[-1].end() if cut else 0), p.start))
        verb = next((c for c in root.children if c.dep_ == "relcl" and c.lemma_ in _HEAD_VERBS), None)
        if verb is not None:  # "NAME, who heads ORG"
            obj = next((m for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                        if (m := self._mention_at(t)) is not None and m.file == "organizations"), None) or \
                next((self._propose_org(c) for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
                      and c.ent_type_ in {"ORG", ""} and not self.ents.overlaps(c.idx, c.idx + len(c.text))), None) \
                or next((m for c in verb.children if c.dep_ == "dobj" for m in [self._named_body(c)] if m), None)
            if obj is not None:  # (the first organisation: "runs the Asian arm of ORG")
                both = self.doc.char_span(obj.start, obj.end, alignment_mode="expand")
                for other in (self._mention_at(t) for t in (both.root.conjuncts if both is not None else [])):
                    if other is not None and other.file == "organizations" and other.id != obj.id:
                        self.add_role(p.start, p.end, _HEAD_VERBS[verb.lemma_], verb.idx, verb.idx + len(verb.text),
                                      other, "person:parse")  # "who chairs both A and B"
                return _HEAD_VERBS[verb.lemma_], verb.idx, verb.idx + len(verb.text), obj
        for a, b in ranges:
            a, b = max(a, s), min(b, e)
            for other in self.ents.mentions:  # a phrase never runs over another person
                if other.file == "people" and other.start != p.start and a <= other.start < b:
                    if other.start > p.start:
                        b = min(b, other.start)
                    else:
                        a = max(a, other.end)
            b = a + len(re.split(r",\s+and\b|;", self.text[a:b])[0])
            found = self._title_and_org(a, b)
            if found is None:
                continue
            cleaned, org = found
            if org is None and b <= p.start:  # "Chairman NAME of ORG": the organisation follows the name
                org = next((m for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "at"}
                            for t in c.subtree if (m := self._mention_at(t)) is not None
                            and m.file == "organizations"), None)
            if org is None:
                org = self._org_named_before_title(a, b)
                cleaned = self._clean_title(a, b) if org is not None else cleaned
            if org is not None and cleaned is not None:
                return (*cleaned, org)
        return None

    def _org_named_before_title(self, a: int, b: int) -> Mention | None:
        """"Lyft CEO NAME": capitalised words before the title words name an organisation the parser missed."""
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return None
        words = []
        for t in span:
            if t.pos_ not in {"PROPN", "NOUN"} or not (t.is_title or t.is_upper) or _TITLE_RX.fullmatch(t.text) \
                    or t.lower_ in _TITLE_START \
                    or t.ent_type_ in {"GPE", "NORP", "PERSON"} or t.lower_ in {"company", "group", "firm", "former"}:
                break
            words.append(t)
        if not words or len(words) > 3 or not _TITLE_RX.search(span.text[words[-1].idx + len(words[-1].text) - a:]):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if self.ents.overlaps(start, end) or _PORTFOLIO_ORG.fullmatch(self.text[start:end]):
            return None  # (a portfolio: "Trade Minister NAME")
        name = self.text[start:end]
        full = next((o for o in self.ents.mentions if o.file == "organizations" and o.text.startswith(name + " ")
                     and o.text[len(name) + 1:][:1].isupper()), None)
        if full is not None:  # "Talvik CEO NAME" after "Talvik Energy": its short name
            short = Mention(start, end, name, "organizations", full.id, full.known, full.kind, "short-name", 0.6,
                            full.label)
            self.ents.add(short)
            return short
        from nevkg.ingest.extract.ner import _propose

        _propose(self.ents, "organizations", "company", name, start, end, "parse")
        return next((m for m in self.ents.mentions if m.start == start and m.file == "organizations"), None)

    def _clean_title(self, a: int, b: int, also: list[tuple[int, int]] | None = None) -> tuple[str, int, int] | None:
        """The title words of ``text[a:b]``: organisation and place names (and the spans ``also``), possessives
        and articles left out."""
        pre = re.search(r"\b(?:co|vice|ex)-$", self.text[max(0, a - 5):a], re.I)
        if pre:  # "co-founder": the parser hung "co" elsewhere
            a -= len(pre.group(0))
        cut = [(m.start, m.end) for m in self.mentions_in(a, b, ("organizations", "places"))
               if m.file == "organizations" or re.match(r"['’]s\b", self.text[m.end:m.end + 2])] + (also or [])
        pieces, pos = [], a
        for ms, me in sorted(cut):
            piece = self.text[pos:ms]
            # "president of the carmakers' association X": lower-case words naming what X is, not the title
            desc = _DESCRIPTOR.search(piece)
            if desc:
                piece = piece[:desc.start()]
            pieces.append(piece)
            pos = me
        pieces.append(self.text[pos:b])
        title = " ".join(" ".join(pieces).split())
        title = re.sub(r"\b(?:the\s+)?(?:company|firm|group|carmaker|automaker|brand|manufacturer|"
                       r"association|agency|ministry)['’]s\s+", " ", title)
        title = re.sub(r"\s+(?:Mr|Ms|Mrs|Mx|Dr|Prof|Sir|Dame)\.?$", "", title)
        title = re.sub(r"^(?:['’]s\s*)|(?:\b(?i:the|a|an|its|their|his|her)\s+)", " ", title)
        title = re.sub(r"\s+['’]s\b|['’]s\s", " ", title)
        title = re.sub(r"^(?:\W|\b(?:of|at|for|in|and)\b)+|(?:\W|\b(?:of|at|for|in|and)\b)+$", "", title.strip())
        title = re.sub(r"\s*\([^)]*$", "", title)  # an unclosed bracket: an acronym of the organisation follows
        title = re.sub(r"\s+(?:is|was|has\s+been|will\s+be)$", "", title)  # "whose chairman is NAME"
        title = re.sub(r"\s+of\s+(?:the\s+)?(?:state|province|region|city)$", "", title)  # "governor of the state of X"
        title = re.sub(r"\s+(?:(?:last|this|next|earlier|later)\s+(?:week|month|year)|on\s+[A-Z][a-z]+day|"
                       r"(?:with\s+)?effect(?:ive)?\s+immediately)$", "", title)  # "… last week", "… on Monday"
        title = " ".join(re.sub(r"\s+(?:in|since|from)\s+(?:[A-Z][a-z]+\s+)?\d{4}$", "", title).split())
        if not title or not _TITLE_RX.search(title) or len(title.split()) > 9:
            return None
        start = self.text.find(title.split()[0], a, b)
        return title, max(start, a), b

    def _title_after(self, p: Mention, e: int) -> tuple[str, int, int, Mention] | None:
        rest = self.text[p.end:e]
        m = re.match(r"^\s*(?:,|\()\s*(?:who\s+(?:is|was|became|has\s+been|serves\s+as|served\s+as|took\s+over\s+as|"
                     r"joined\s+as)\s+|the\s+|a\s+|an\s+)?", rest)
        if not m:
            return None
        a = p.end + m.end()
        stop = re.search(r"[,;()]|\s+(?:said|says|told|added|noted|who|which)\b|[.](?:\s|$)", self.text[a:e])
        b = a + stop.start() if stop else e
        found = self._title_and_org(a, b)
        return (*found[0], found[1]) if found and found[1] is not None else None

    def _title_before(self, p: Mention, s: int) -> tuple[str, int, int, Mention] | None:
        left = self.text[s:p.start]
        left = _HONORIFIC.sub("", left)
        stops = list(_LEFT_STOP.finditer(left))
        a = s + (stops[-1].end() if stops else 0)
        b = s + len(left.rstrip(" ,"))
        if b <= a:
            return None
        found = self._title_and_org(a, b)
        if found is None:
            return None
        cleaned, org = found
        if org is None and re.search(r"\b(?:(?:led|headed|run|chaired|founded)\s+by|,\s*whose)\s*$",
                                     self.text[max(s, a - 20):a]):
            # "ORG, led by CEO NAME", "ORG, whose CEO NAME"
            org = next((m for m in reversed(self.mentions_in(s, a, ("organizations",))) if not m.compiler),
                       None) or self._company_called_place(s, a)
        elif org is None and re.search(r"\bunder\s*$", self.text[max(s, a - 8):a], re.I):
            # "Under CEO NAME, ORG cut costs"
            end = next((e for s0, e, _ in self._sentences if s0 <= p.start < e), p.end)
            org = next((m for m in self.mentions_in(p.end, end, ("organizations",)) if not m.compiler),
                       None) or self._company_called_place(p.end, end, last=False)
        return (*cleaned, org) if org is not None else None


def _person_like(m: Mention, ents: Any) -> bool:
    """A person mention, or a new two- or three-word name without corporate words (the parser's label wavers)."""
    if m.file == "people":
        return True
    if m.known or m.file not in {"organizations", "places"} or not m.rule.startswith("ner:"):
        return False
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.ner_types import _ORG_WORDS

    words = m.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(m.text) \
        and not any(ch.isdigit() for ch in m.text) and m.text not in COUNTRIES and not _PLACE_WORDS.search(m.text)
