"""People with their titles and organisations, around every person the parse names.

The common English forms, each read from the words next to the name up to a clause boundary:

* title (and organisation) before the name: "ORG chief executive NAME", "ORG's president NAME",
  "the chairman of ORG, NAME", "Country's deputy prime minister NAME", "Uzbek President NAME";
* after the name, set off by a comma or brackets: "NAME, vice-chairman of ORG", "NAME, ORG's chief executive",
  "NAME, chief executive at ORG", "NAME (ORG founder)".

A government title without an organisation takes the country named in the title ("Canada's minister …"), else
the country around it; a legislator's title before the name ("MHK NAME, a member of X") outranks "member".

This module finds the phrase around each person (:mod:`.apposition`, the words before or after the name up to a
clause boundary) and the names the parser missed or cut short; the phrase's title and organisation are read by
:class:`~nevkg.ingest.extract.role_titles.TitlePhrases`, roles from the clause by :mod:`.roles_context`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.apposition import apposed_phrase
from nevkg.ingest.extract.linking import fullest_name
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.people import _FUNCTION
from nevkg.ingest.extract.people import _TITLE_RX as _TITLE_WORD_RX
from nevkg.ingest.extract.person_like import person_like
from nevkg.ingest.extract.portfolios import (
    LISTED_PORTFOLIO_TITLE,
    PORTFOLIO_ORG,
    listed_fields_start,
    without_portfolio_commas,
)
from nevkg.ingest.extract.role_titles import TitlePhrases
from nevkg.ingest.extract.roles_context import RoleContextRules
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.title_spans import ended_post, second_posts
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _TITLE_RX
from nevkg.ingest.extract.title_words import holder_named_next, legislator_before, region_remit, trailing_function

#: where a phrase before the name starts
_LEFT_STOP = re.compile(r"(?:^|[,;:()\"“”]|\s[-–—]+\s|\b(?:said|says|told|added|noted|confirmed|explained|stressed|"
                        r"announced|commented|remarked|insisted|argued|warned|wrote|according\s+to|whose|by|with|from|when|that|"
                        r"which|while|where|as|after|before|for|including|like|between|under)\b)(?=[^,;:()\"“”]*$)",
                        re.I)
#: words a title starts with ("Chief Executive", "Senior Vice President"): never part of a name before or after
_TITLE_START = {"chief", "executive", "officer", "vice", "senior", "deputy", "managing", "general", "head", "founder",
                "co-founder", "president", "chairman", "chairwoman", "director", "ceo", "cfo", "cto", "coo", "minister",
                "secretary", "spokesman", "spokeswoman", "spokesperson", "chair", "manager", "councillor", "councilor",
                "councilman", "councilwoman", "alderman", "alderwoman"}
_HONORIFIC = re.compile(rf"(?:\b(?:{HONORIFIC_RANK.pattern}))$")


#: a body's short form in brackets after its name ("the Investment Coordinating Board (BKPM)")
_ACRONYM_AFTER_NAME = re.compile(r"(?<=[A-Za-z])\s\([A-Z][A-Za-z]{1,9}\)(?=\s|$)")
#: a post's remit after its title, which the parser may hang elsewhere ("… in charge of international business")
_REMIT = re.compile(r"\s+(?:in\s+charge\s+of|responsible\s+for)\s+[a-z][\w\s-]*?(?=\s*[,;.]|$)")
#: the head nouns of public bodies, by which an article names again one it named in full ("the Commission")
_BODY_HEADS = {"Commission", "Council", "Parliament", "Ministry", "Authority", "Agency", "Government", "Bank",
               "Cooperative", "Co-operative", "Sacco", "Association", "Board"}
#: verbs of saying whose subject a person's name is
_SAYING = {"say", "tell", "add", "note", "explain", "stress", "affirm", "remark", "state", "inform", "opine", "confirm",
           "announce", "emphasise", "emphasize", "reveal", "assert", "underline", "underscore", "comment"}
#: honorifics before a name ("Dr.", "Prof", "Mr"): never a given name
_HONORIFICS = {"mr", "ms", "mrs", "mx", "dr", "prof", "sir", "dame"}


class RoleRules(TitlePhrases, RoleContextRules):
    """Roles from the words around each person mention (needs the parse's person names)."""

    def parse_people(self, s: int, e: int) -> None:
        if self.doc is None:
            return
        self._unlabelled_people(s, e)
        persons = [m for m in self.ents.mentions if s <= m.start and m.end <= e and person_like(m, self.ents)]
        for p in persons:
            if any(c.file == "roles" and (p.start, p.end) in c.spans for c in self.candidates):
                self._post_taken(p, s, e)  # "NAME, TITLE of ORG, becomes interim TITLE2 of …": the new post too
                continue  # a pattern already gave this mention its role
            if self._not_a_person(p):
                continue
            self._extend_name(p)
            self.role_person = p
            found = self._title_parsed(p, s, e) or self._title_after(p, e) or self._title_before(p, s) or \
                self._title_appointed(p, s, e) or self._title_succeeded(p) or self._title_from_context(p, s, e)
            self.role_person = None
            if found and ended_post(self.text, p.start, found[1], found[2], s, e):
                found = self._main_verb_post(p)  # "NAME was TITLE of ORG from 2015 to 2020": a post held in the
                # past (but "NAME, who ran A until 2020, now chairs B": the main verb's post)
            if found and re.fullmatch(r"(?i:member)", found[0]) and (leg := legislator_before(self.text, p.start)):
                found = (*leg, found[3])  # "Garff MHK NAME, a member of X's committee": the legislator's title
            if found:
                title, ts, te, org = found
                self.add_role(p.start, p.end, title, ts, te, org, "person:parse")
                for title, ts, te, org2 in second_posts(self, org, s, e):  # "… and since May a TITLE of ORG2"
                    self.add_role(p.start, p.end, title, ts, te, org2, "person:second-post")

    def _main_verb_post(self, p: Mention) -> tuple[str, int, int, Mention] | None:
        """The post the main verb gives the person ``p`` its subject ("… now chairs ORG"): its title at the
        organisation it takes as object."""
        from nevkg.ingest.extract.roles_context import _HEAD_VERBS

        span = span_at(self.doc, p.start, p.end)
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ not in _HEAD_VERBS:
            return None
        verb = span.root.head
        org = next((m for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                    if (m := self._mention_at(t)) is not None and m.file == "organizations"), None)
        return (_HEAD_VERBS[verb.lemma_], verb.idx, verb.idx + len(verb.text), org) if org is not None else None

    def _post_taken(self, p: Mention, s: int, e: int) -> None:
        """A second post the person takes up in the clause of a name that has its role ("becomes", "takes over
        as", "joins as", "will succeed … as")."""
        span = span_at(self.doc, p.start, p.end)
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_.lower() not in {
                "become", "take", "join", "succeed"}:
            return
        self.role_person = p
        found = self._title_appointed(p, s, e)
        self.role_person = None
        if found:
            title, ts, te, org = found
            self.add_role(p.start, p.end, title, ts, te, org, "person:post-taken")

    def _unlabelled_people(self, s: int, e: int) -> None:
        """A proper name of two to four words that speaks ("X Y said") or carries a title in apposition
        ("X Y, chief executive of Z") is a person even where the parser gave it no entity label."""
        span = span_at(self.doc, s, e)
        if span is None:
            return
        for t in span:
            if t.pos_ != "PROPN" or t.dep_ not in {"nsubj", "appos", "ROOT"}:
                continue
            names = sorted([c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t],
                           key=lambda x: x.i)
            title_ent = None
            while len(names) > 1 and names[0].lower_.rstrip(".") in _HONORIFICS - {"sir", "dame"} | {"eng", "engr"}:
                names = names[1:]  # "Dr NAME", "Eng NAME": an honorific is no part of the name
            while len(names) > 2 and (names[0].lower_ in _TITLE_START or _TITLE_RX.fullmatch(names[0].text)):
                title_ent = names[0].ent_type_  # "Spokesperson NAME said": the title is no part of the name
                names = names[1:]
            portfolio = names[0].lower_ in _TITLE_START and (PORTFOLIO_ORG.fullmatch(" ".join(
                n.text for n in names[1:])) or LISTED_PORTFOLIO_TITLE.match(self.text, names[0].idx))
            if _TITLE_WORD_RX.fullmatch(names[-1].text) or portfolio:
                continue  # "(Chief Financial Officer)", "Deputy Industry, … Minister": a title's words, no name
            first, last = names[0].i, t.i
            if not 2 <= last - first + 1 <= 4 or any(not self.doc[i].is_title for i in range(first, last + 1)) \
                    or _TITLE_RX.fullmatch(t.text):
                continue  # (a title in capitals, "Transport Commissioner, NAME, said", is no name)
            a, b = self.doc[first].idx, t.idx + len(t.text)
            speaks = t.dep_ == "nsubj" and t.head.lemma_ in {"say", "tell", "add", "note", "explain", "stress"}
            titled = any(c.dep_ == "appos" and _TITLE_RX.search(" ".join(x.text for x in c.subtree))
                         for c in t.children) or (t.dep_ == "appos" and _TITLE_RX.fullmatch(t.head.text)) or \
                (first > 0 and _TITLE_RX.fullmatch(self.doc[first - 1].text) and self.doc[first - 1].head.i == t.i)
            if not (speaks or titled):
                continue
            parts = self._name_fragments(a, b, titled)
            if parts is None or any(k.compiler for k in parts):
                continue  # (a source's name is no person's: "Source: Site Editor: NAME")
            if any(self.doc[i].ent_type_ not in {"", "PERSON", title_ent} for i in range(first, last + 1)
                   if not any(k.start <= self.doc[i].idx < k.end for k in parts)):
                continue  # the parser calls it an organisation or a place (not only because a title came first)
            for k in parts:  # "Ahmet Yilmaz said": not a company "Yilmaz"
                self.ents.forget(k)
            from nevkg.ingest.extract.name_generic import generic_name
            from nevkg.ingest.extract.ner import _propose

            if not generic_name(self.text[a:b]):  # "Overseas Chief said": a title, not a name
                _propose(self.ents, "people", "", self.text[a:b], a, b, "parse")

    def _name_fragments(self, a: int, b: int, titled: bool) -> list[Mention] | None:
        """The mentions inside the proper name ``text[a:b]`` that are pieces of it (the parser's guess at one
        word of a person's name: a "person" it then typed as a company, or, for a name with a title, a last
        word it called a place or company), or None when another name overlaps it."""
        parts = self.ents.overlaps(a, b)
        if all(not k.known and k.rule.startswith("ner:") and a <= k.start and k.end <= b and len(k.text.split()) == 1
               and k.end - k.start < b - a and k.id in self.ents.new
               and (k.rule == "ner:PERSON" or titled and k.end == b) for k in parts):
            return parts
        return None

    def _extend_name(self, p: Mention) -> None:
        """A name the parser cut short takes the capitalised given names before it ("Mehmet" of "Mehmet Ali
        Kaya"), never a title word, an organisation or a place; a name that took a title word in ("Officer Jane
        Doe") leaves it out."""
        span = span_at(self.doc, p.start, p.end)
        if span is None or p.known:
            return
        self._extend_name_right(p, span)
        span = span_at(self.doc, p.start, p.end) or span
        i = span.start
        while i < span.end - 2 and (self.doc[i].lower_ in _TITLE_START or _TITLE_RX.fullmatch(self.doc[i].text)):
            i += 1
        trimmed = i > span.start
        hon = re.search(rf"(?:{HONORIFIC_RANK.pattern})$", self.text[max(0, p.start - 40):p.start])
        honorific = p.start - len(hon.group(0)) if hon else p.start + 1  # ("Datuk", "Tan Sri": not the name)
        while not trimmed and i > 0 and span.end - i < 4:
            t = self.doc[i - 1]
            if t.pos_ != "PROPN" or not t.is_title or _TITLE_RX.fullmatch(t.text) or t.lower_ in _TITLE_START or \
                    t.idx >= honorific or t.lower_.rstrip(".") in _HONORIFICS or \
                    _FUNCTION.fullmatch(t.text) or \
                    t.head.i not in range(span.start, span.end) or t.ent_type_ in {"GPE", "NORP", "ORG", "LOC"} or \
                    self.ents.overlaps(t.idx, t.idx + len(t.text)):
                break
            i -= 1
        if i == span.start:
            return
        self._rename(p, self.doc[i].idx, p.end)  # the record takes the whole name, and its id from it

    def _extend_name_right(self, p: Mention, span: Any) -> None:
        """A name the parser cut before its last word, which it took for a place ("Yayat Sudrajat [Mulyana]
        affirmed"): the capitalised word right after the name that the name's words hang on, when it is the
        subject of a verb of saying and no known or other name, ends the name."""
        if span.end >= len(self.doc):
            return
        last = self.doc[span.end]
        over = self.ents.overlaps(last.idx, last.idx + len(last.text))
        if last.pos_ != "PROPN" or not last.is_title or last.dep_ != "nsubj" or \
                last.head.lemma_.lower() not in _SAYING or span.root.head.i != last.i or \
                any(t.head.i != last.i for t in span if t.dep_ == "compound") or _TITLE_RX.fullmatch(last.text) or \
                last.lower_ in _TITLE_START or any(k.known or k.file == "organizations" for k in over):
            return
        for k in over:
            self.ents.forget(k)  # (the parser's "place" of that word)
        self._rename(p, p.start, last.idx + len(last.text))

    def _rename(self, p: Mention, start: int, end: int) -> None:
        """Give the person ``p`` the span ``text[start:end]``, its record the whole name and its id from it."""
        from nevkg.ingest.extract.ner import relabel

        name = self.text[start:end]
        p.start, p.end, p.text, p.label = start, end, name, name
        if p.id in self.ents.new and not any(m.id == p.id and m is not p for m in self.ents.mentions):
            p.id = relabel(self.ents, p.id, name, p.file, p)

    def _title_parsed(self, p: Mention, s: int, e: int) -> tuple[str, int, int, Mention] | None:
        """The title phrase from the parse: an apposition of the name ("NAME, TITLE of ORG"), the name as the
        apposition of a title ("the TITLE of ORG, NAME"), or the title words before the name in its phrase."""
        span = span_at(self.doc, p.start, p.end)
        if span is None:
            return None
        root = span.root
        ranges = []
        for c in root.children:
            if c.dep_ == "appos" and c.i >= span.end:
                sub = list(c.subtree)
                a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                if ranges and ranges[-1][1] == a:  # "vice-president" cut by the parser into three appositions
                    a = ranges.pop()[0]
                remit = _REMIT.match(self.text, b)  # ("vice-president in charge of international business")
                ranges.append((a, remit.end() if remit else region_remit(self.text, b, self.ents.mentions) or b))
        apposed = apposed_phrase(span, self.text)  # "the TITLE of ORG, NAME"
        if apposed is not None:
            ranges.append(apposed)
        left = [t for w in span for t in w.lefts  # (of any word of the name: "Chief Executive" hangs on the first)
                if t.i < span.start and t.dep_ in {"compound", "amod", "poss", "nmod", "det"}]
        if left:
            first = listed_fields_start(self.text, self.doc[min(t.left_edge.i for t in left)].idx)
            cut = without_portfolio_commas(list(re.finditer(r"[,;:()\"“”]|\s[-–—]+\s", self.text[first:p.start])),
                                            self.text[first:p.start])  # (a dateline, a quote)
            ranges.append((first + (cut[-1].end() if cut else 0), p.start))
        headed = self._title_by_head_verb(p, root)  # "NAME, who heads ORG", "NAME has led ORG since 2019"
        if headed is not None:
            own = next((self._clean_title(*r) for r in ranges if r[0] >= p.end and not self.mentions_in(*r)
                        and re.match(r",\s*(?:its|their|the)\s", self.text[p.end:r[0] + 6])), None)
            return (*own, headed[3]) if own else headed  # ("led by NAME, its director-general": that title)
        for a, b in ranges:
            a, b = max(a, s), min(b, e)
            for other in self.ents.mentions:  # a phrase never runs over another person
                if other.file == "people" and other.start != p.start and a <= other.start < b:
                    if other.start > p.start:
                        b = min(b, other.start)
                    else:
                        a = max(a, other.end)
            if a >= p.end and self._next_holders(a, b, e):
                continue  # "A, Governor of X B, …": a list of people named title first; the title is B's
            b = a + len(re.split(r",\s+and\b|;", self.text[a:b])[0])
            found = self._title_and_org(a, b)
            if found is None:
                continue
            cleaned, org = found
            if org is None and b <= p.start:  # "Chairman NAME of ORG", "Economist NAME from ORG": the organisation
                # follows the name
                org = next((m for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "from"}
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
        span = span_at(self.doc, a, b)
        if span is None:
            return None
        from nevkg.ingest.countries import COUNTRIES, DEMONYMS

        words, nation = [], False
        for t in span:
            if t.pos_ not in {"PROPN", "NOUN"} or not (t.is_title or t.is_upper) or _TITLE_RX.fullmatch(t.text) \
                    or t.lower_ in _TITLE_START or t.lower_ in {"company", "group", "firm", "former"}:
                # (a PERSON tag here is the parser running the name over the company and the title: "X Chairman
                # NAME" read as one name)
                break
            if t.ent_type_ in {"GPE", "NORP"}:
                if t.text in DEMONYMS or t.text in COUNTRIES or self.gaz.lookup(t.text, ("places",)) is not None:
                    break  # "Turkish President NAME"
                nation = True  # (an unknown word the parser took for a nation: only the short name of a company)
            words.append(t)
        if len(words) > 1 and words[-1].text == "Board":
            words.pop()  # ("ORG Board Chairperson NAME": the board is the title's)
        del words[len(words) - trailing_function(words):]  # ("ORG Public Relations Manager NAME": the title's)
        if not words or len(words) > 3 or not _TITLE_RX.search(span.text[words[-1].idx + len(words[-1].text) - a:]):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if self.ents.overlaps(start, end) or PORTFOLIO_ORG.fullmatch(self.text[start:end]) or \
                self.text[start:end] in {"State", "Permanent", "Federal", "National"}:
            return None  # (a portfolio: "Trade Minister NAME"; a rank: "State Secretary", "Permanent Secretary")
        name = self.text[start:end]
        full = fullest_name(self.ents.mentions, name) or next(  # "Commission spokesperson NAME" after "the European
            (m for m in self.ents.mentions if m.file == "organizations" and name in _BODY_HEADS  # Commission"
             and (m.label or m.text).endswith(" " + name)), None)
        if full is None and nation:
            return None
        if full is not None:  # "Talvik CEO NAME" after "Talvik Energy": its short name
            short = Mention(start, end, name, "organizations", full.id, full.known, full.kind, "short-name", 0.6,
                            full.label)
            self.ents.add(short)
            return short
        from nevkg.ingest.extract.ner import _propose

        _propose(self.ents, "organizations", "company", name, start, end, "parse")
        return next((m for m in self.ents.mentions if m.start == start and m.file == "organizations"), None)

    def _title_after(self, p: Mention, e: int) -> tuple[str, int, int, Mention] | None:
        rest = self.text[p.end:e]
        m = re.match(r"^\s*(?:,|\()\s*(?:who\s+(?:is|was|became|has\s+been|serves\s+as|served\s+as|took\s+over\s+as|"
                     r"joined\s+as)\s+|the\s+|a\s+|an\s+)?", rest)
        if not m:
            return None
        a = p.end + m.end()
        if re.match(r"(?:and|or|but|while)\s", self.text[a:e]):
            return None  # "NAME, and on behalf of X its CEO": a clause joined on, no apposition
        names = [(k.start, k.end) for k in self.mentions_in(a, e)]  # (a name's own commas stop nothing: "the
        stop = next((x for x in re.finditer(r"[,;()]|\s+(?:said|says|told|added|noted|who|which)\b|[.](?:\s|$)",
                                            self.text[a:e])  # Ministry of Commerce, Transport and Industry")
                     if not any(ns < a + x.start() < ne for ns, ne in names)), None)
        b = a + stop.start() if stop else e
        if any(m.file == "people" and a <= m.start < b for m in self.ents.mentions) or self._next_holders(a, b, e):
            return None  # "Governor A, Mayor B and …": a list of people, no apposition
        found = self._title_and_org(a, b)
        return (*found[0], found[1]) if found and found[1] is not None else None

    def _next_holders(self, a: int, b: int, e: int) -> bool:
        """Whether a name in ``text[a:b]`` is followed by a person's ("Governor of X NAME"): the title phrase is
        that person's, named title first."""
        return any(k.end < b and holder_named_next(self, k.end, e) for k in self.mentions_in(a, b))

    def _title_before(self, p: Mention, s: int) -> tuple[str, int, int, Mention] | None:
        left = self.text[s:p.start]
        left = _HONORIFIC.sub("", left)
        b = s + len(left.rstrip(" ,"))
        # ("sent its TITLE, NAME": the phrase before the comma; a body's short form in brackets stops nothing:
        # "Economist at the Institute of X (IX) NAME")
        names = [(m.start - s, m.end - s) for m in self.mentions_in(s, b)]  # ("the Institute for X": a name's "for")
        stops = [m for m in _LEFT_STOP.finditer(_ACRONYM_AFTER_NAME.sub(lambda m: " " * len(m.group(0)), left[:b - s]))
                 if not any(ns < m.start() and m.end() < ne for ns, ne in names)]
        while left.rstrip().endswith(",") and len(stops) > 1 and re.fullmatch(
                r"\s*(?:for|with)", stops[-1].group(0)) and not _TITLE_RX.search(left[stops[-1].end():b - s]):
            stops.pop()  # "secretary of state for mobility": a title's own "for"
        stops = without_portfolio_commas(stops, left[:b - s])
        a = s + (stops[-1].end() if stops else 0)
        if b <= a:
            return None
        span = span_at(self.doc, a, b)
        verbs = [t for t in span or [] if t.pos_ in {"VERB", "AUX"} and not _TITLE_RX.search(self.text[a:t.idx])]
        if verbs:  # "the government sent its TITLE, NAME": the phrase starts after the clause's verb
            a = verbs[-1].idx + len(verbs[-1].text)
        if any(m.file == "people" and a <= m.start < b for m in self.ents.mentions):
            return None  # "Mayor A and managers of the supplier B": another person's title, B is no person
        found = self._title_and_org(a, b)
        if found is None:
            return None
        cleaned, org = found
        if org is None and re.search(r"\b(?:(?:led|headed|run|chaired|founded)\s+by|,\s*whose)\s*$",
                                     self.text[max(s, a - 20):a]):
            # "ORG, led by CEO NAME", "ORG, whose CEO NAME"
            org = next((m for m in reversed(self.orgs_outside_relatives(s, a)) if not m.compiler),
                       None) or self._company_called_place(s, a)
        elif org is None and re.search(r"\bunder\s*$", self.text[max(s, a - 8):a], re.I):
            # "Under CEO NAME, ORG cut costs"
            end = next((e for s0, e, _ in self._sentences if s0 <= p.start < e), p.end)
            org = next((m for m in self.mentions_in(p.end, end, ("organizations",)) if not m.compiler),
                       None) or self._company_called_place(p.end, end, last=False)
        return (*cleaned, org) if org is not None else None
