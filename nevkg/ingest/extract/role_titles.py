"""A title phrase next to a person's name: its title words, and the organisation (or country) it names.

A mixin of the role rules (:class:`~nevkg.ingest.extract.roles.RoleRules`), which find the phrase: given the
words ``text[a:b]``, :meth:`TitlePhrases._title_and_org` cleans the title (names, possessives, articles, dates
left out: "the company's chief executive" is "chief executive") and finds what it is a title of, always among
the mentions of the phrase: an organisation; for a government title a country, or a city or region as "mayor of
X"; a government portfolio the parser took for an organisation ("Trade Minister") is dropped. The title
vocabulary is shared with :mod:`.roles` and :mod:`.roles_context`.
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.person_like import person_like
from nevkg.ingest.extract.portfolios import _PORTFOLIO_WORD, PORTFOLIO_ORG
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.roles_places import government_of
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.title_spans import previous_actor
from nevkg.ingest.extract.title_words import (
    COMPANY_TITLE,
    COUNCIL_TITLE,
    GOV_TITLE,
    LEGISLATOR_INITIALS,
    ROLE_TITLE_RX,
    STATE_TITLE,
)
from nevkg.ingest.extract.vocab import MEMBERS_NOUNS

#: the nouns of a body of members, as an alternation ("co-operative", "association")
_MEMBERS = "|".join(sorted(MEMBERS_NOUNS))
#: a noun that names again a company spoken of, after "the" and at most one word ("the Chinese carmaker's CEO")
_OWNER_NOUN = (r"(?:company|firm|group|carmaker|automaker|car\s*maker|maker|startup|start-up|brand|"
               rf"joint\s+venture|venture|JV|manufacturer|developer|operator|supplier|{_MEMBERS})")
OWNER_RX = re.compile(rf"\b(?:its|the\s+(?:[\w-]+\s+)?{_OWNER_NOUN}['’]s)(?=\s)|\b(?:of|at)\s+the\s+(?:[\w-]+\s+)?"
                      rf"{_OWNER_NOUN}\s*$", re.I)  # (also "managing director of the joint venture")
#: a body of members spoken of again ("the co-operative's chairman", "head of the association"): only the one
#: whose name says so, never the last organisation named
_MEMBERS_RX = re.compile(rf"\b(?:{_MEMBERS})\b", re.I)
#: a public body spoken of again before a title ("the regulator's director", "the agency's head")
_BODY_RX = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:regulator|authority|agency|ministry|commission|administration)['’]s\s",
                      re.I)
#: lower-case words between a title's preposition and the organisation they describe ("of the trade body X")
_DESCRIPTOR = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
                         r"(?:(?!(?:of|at|for|with|in|and|from)\s)[a-z][\w’'-]*\s+){1,5}$")
# (a country's adjective first: "the Brazilian carmakers' …"; "from" opens none: "Member of Parliament from X")
#: what a company is, said before its name ("the Madrid brokerage X", "the Danish shipping group X")
_COMPANY_DESCRIPTOR = (r"(?:company|firm|group|carmaker|automaker|maker|manufacturer|consultancy|brokerage|bank|"
                       r"lender|insurer|fund|investor|house|supplier|operator|dealer|distributor|importer|retailer|"
                       r"start-?up)")
_DESCRIBED = rf"(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}{_COMPANY_DESCRIPTOR}\s+"
#: the words after a place (or a name) that make it only the where of a company named next
_DESCRIBED_NEXT = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}{_COMPANY_DESCRIPTOR}\s+[A-Z]")
#: a title's organisation named by a venture noun ("director general of the joint venture")
_OF_THE_VENTURE = re.compile(r"\bof\s+(?P<v>the\s+(?:joint[\s-]venture|JV|venture))[\s,;]*$", re.I)
#: a company noun closing a title phrase ("director of the cooperative"): what the noun stands for
_OF_THE_NOUN = re.compile(r"\bof\s+(?P<n>the\s+(?:cooperative|co-operative|sacco|company|firm|group|operator))[\s,;]*$",
                          re.I)
#: an organisation described, not named, at the end of a title phrase ("of the Budapest dealer group", "at the
#: Milan-based unit"): the person's own organisation, told before
_DESCRIBED_ONLY = re.compile(rf"\s+(?:of|at|for|with)\s+the\s+(?:[\w.&’'-]+\s+){{0,3}}?(?:{_COMPANY_DESCRIPTOR}|"
                             r"unit|arm|subsidiary|division|business)(?:\s+(?:with\s+immediate\s+effect|effective\s+"
                             r"immediately|(?:from|in|on|next|this)\s+[A-Z]?[a-z]+(?:\s+\d{1,4})?))?[\s,;]*$", re.I)


#: titles written short before a name, as American papers write them ("Gov. NAME", "Sen. NAME", "Rep. NAME")
_SHORT_TITLES = {"Gov.": "Governor", "Sen.": "Senator", "Rep.": "Representative"}
_SHORT_TITLE = re.compile(r"\b(?:Gov|Sen|Rep)\.")


class TitlePhrases:
    """The title and the organisation of a phrase (needs the extractor's mentions and the role-context rules)."""

    def _org_in(self, a: int, b: int, title: str) -> Mention | None:
        orgs = [m for m in self.mentions_in(a, b, ("organizations",)) if not m.compiler  # (a source's own title:
                or re.match(r"['’]s?\s", self.text[m.end:m.end + 3])]  # "according to X's chief executive")
        if (v := _OF_THE_VENTURE.search(self.text[a:b])) is not None and not orgs:
            return self.anaphor_at(a + v.start("v")) or self._venture_named_before(a)  # "director general of the
            # joint venture": the venture's company, else none
        if (n := _OF_THE_NOUN.search(self.text[a:b])) is not None and not orgs and (
                found := self.anaphor_at(a + n.start("n"))) is not None and found.file == "organizations":
            return found  # "NAME, director of the cooperative": the cooperative named before
        if orgs and GOV_TITLE.search(title) and not orgs[-1].known and orgs[-1].rule.startswith("ner:"):
            country = self._country_portfolio(orgs[-1])  # "X's Industry and Technology Minister"
            if country is not None:
                return country
        while orgs and GOV_TITLE.search(title) and not orgs[-1].known and PORTFOLIO_ORG.fullmatch(
                orgs[-1].text) and orgs[-1].rule.startswith(("ner:", "org-suffix:")):  # ("Public Works")
            self.ents.forget(orgs[-1])  # "Trade Minister NAME", "Foreign Affairs and Trade Minister": portfolios
            orgs = orgs[:-1]
            title = (self._clean_title(a, b) or (title,))[0]  # (the portfolio is the title's again)
        if orgs and GOV_TITLE.search(title) and not orgs[-1].known:
            # "Turkish Industry and Technology Minister": the parser's new "organisation" is the portfolio
            from nevkg.ingest.countries import DEMONYMS

            first = orgs[-1].text.split()[0]
            if first in DEMONYMS:
                country = self.ents._country_mention(orgs[-1].start, orgs[-1].start + len(first), DEMONYMS[first],
                                                     "demonym", 0.7)
                if country is not None:
                    if PORTFOLIO_ORG.fullmatch(orgs[-1].text[len(first):].strip()):
                        self.ents.forget(orgs[-1])  # ("Kenyan Energy Cabinet": no organisation, a title's words)
                        self.ents.add(country)
                    return country
        described = _DESCRIBED_ONLY.search(self.text[a:b])
        if described and not STATE_TITLE.search(title) and all(m.start >= a + described.start() for m in orgs):
            own = self._own_org() or self._described_before(a + described.start(), a + described.end()) or next(
                (n for n in getattr(self.ents, "anaphors", []) if a + described.start() <= n.start < a + described.end()
                 and n.file == "organizations"), None)  # "chief technology officer of the group": what it stands for
            if own is not None:  # (a name inside the description only says where: "the Budapest dealer group")
                return own
            orgs = []
        if orgs and re.match(r"(?i:member)\b", title):  # a member of the body named after "of", not of the seat's
            seat = re.search(r"\bMember\s+for\s", self.text[a:b])  # namesake ("the Member for Blue Hills")
            orgs = [m for m in orgs if seat is None or m.start < a + seat.end()] or orgs
            of = next((m for m in orgs if re.search(r"(?i:\bmember\s+of\s+(?:the\s+)?)$", self.text[a:m.start])), None)
            if of is not None:
                return of
        short = self._short_org_name(a, b)
        if short is not None and (not orgs or orgs[-1].start == short.start):
            return short
        if orgs:
            return orgs[-1]
        if (union := self._union_spoken_of(a, b)) is not None:  # "the union's president"
            return union
        if _BODY_RX.search(self.text[max(0, a - 30):b]):  # "the regulator's director of X": the body named last
            from nevkg.ingest.extract.relations_actors import _GOV

            return next((m for m in reversed(self.mentions_in(0, a, ("organizations",))) if (m.kind or "") in _GOV),
                        None)
        if GOV_TITLE.search(title) and re.search(r"\b(?:its|their)\s", self.text[max(0, a - 8):b]):
            state = self._government_spoken_of(a)  # "the Danish government sent its minister of X, NAME"
            if state is not None:
                return state
        if (owner := OWNER_RX.search(self.text[max(0, a - 30):b])) and not STATE_TITLE.search(title):
            # (a place in the phrase is the title's scope: "head of Asia"; "its president" is a company's)
            if _MEMBERS_RX.search(owner.group(0)):  # "the co-operative's president": the body whose name says so
                return next((x for x in self.noun_anaphors(a - 30, b) if _MEMBERS_RX.search(x.text)), None)
            return self._company_spoken_of(a)
        if COMPANY_TITLE.search(title) and not GOV_TITLE.search(title):
            odd = self._company_called_place(a, b)  # "CEO of Velmora": the parser called the company a place
            if odd is not None:
                return odd
        at = next((m for m in self.mentions_in(a, b, ("places",)) if re.search(
            r"\b(?:analyst|economist|researcher|strategist|professor|partner|associate|counsel)\s+(?:at|with)\s+"
            r"(?:the\s+)?$", self.text[max(a, m.start - 40):m.start], re.I)), None)
        if at is not None:  # "an analyst at Northgate Research (in X)": the parser called the employer a place
            return self._company_called_place(at.start, at.end)
        if COUNCIL_TITLE.search(title):  # a councillor's council, the one the text names
            return self._council_before(b)
        if GOV_TITLE.search(title):
            # a country first; a city or a new place only as "TITLE of X" ("president of X", "mayor of Y") or
            # for a governor or mayor ("Y mayor NAME")
            local = re.search(r"\b(?:governor|mayor|state\s+secretary|chief\s+minister|premier|menteri\s+besar)\b",
                              title, re.I)  # (a state's secretary; the head of a state's or province's government)
            places = self.mentions_in(a, b, ("places",))
            # "X's ambassador to Y", "the Chinese ambassador to Y": the possessive country, the adjective's; a
            # union of states is one too ("EU trade commissioner")
            states = [m for m in places if m.kind in {"country", "economic-union"}]
            states = [m for m in states if not re.search(r"\bto\s+(?:the\s+)?$",
                                                         self.text[max(a, m.start - 8):m.start])] or states
            places = [m for m in states if re.match(r"['’]s?\s", self.text[m.end:m.end + 3])] \
                or states or [m for m in places if m.kind in {
                "province", "state", None} or m.kind != "region" and (local or re.search(
                    r"\b(?:of|for)\s+(?:the\s+)?$", self.text[max(a, m.start - 10):m.start]) or re.match(
                    r"['’]s?\s", self.text[m.end:m.end + 3]))]  # ("Queensland's transport commissioner")
            if places:
                return places[-1]
            # no country in the phrase: only an office of state ("Prime Minister X", "President X") takes the
            # country around it; a company's president or secretary without a company gets no role
            if re.search(r"\b(?:minister|premier|governor|mayor|ambassador|envoy|chancellor|king|cabinet\s+secretary|"
                         rf"under-?secretary|secretary\s+of\s+state|state\s+secretary|(?:{_PORTFOLIO_WORD}|Home|"
                         rf"Health|Defen[cs]e|Agriculture|Education)\s+secretary)\b", title, re.I) or \
                    re.fullmatch(r"(?:Vice[\s-])?President", title):
                if (ministry := self._ministry_of(title) or self._adjective_government(title)) is not None:
                    return ministry  # the ministry the article names, or the government of the title's adjective
                if local:  # a mayor's or governor's own town or province in the sentence, never a far country
                    return self._local_place(a, title) or self._country_named_in(a) or (
                        self._home_territory() if re.search(r"governor", title, re.I) else None)
                return self._country_around(a)
            return self._commission_before(a) if re.search(r"\bcommissioner\b", title, re.I) else None
        if OWNER_RX.search(self.text[max(0, a - 30):b]):
            return self._company_spoken_of(a)
        return self._assembly_of(title)  # ("Sen. NAME introduced a bill in the Guam Legislature")

    def _venture_named_before(self, a: int) -> Mention | None:
        """The joint venture the sentence names before ``text[a]`` ("X, a joint venture of A and B, …")."""
        from nevkg.ingest.extract.anaphora_ventures import JV_NAMED

        s = next((s for s, e, _ in self._sentences if s <= a < e), a)
        return next((m for m in reversed(self.mentions_in(s, a, ("organizations",)))
                     if JV_NAMED.match(self.text[m.end:m.end + 60])), None)

    def _described_before(self, a: int, b: int) -> Mention | None:
        """The organisation described before with the same adjective of a country as ``text[a:b]`` ("the Swedish
        company" after "the Swedish truck maker X"): the last one so introduced."""
        from nevkg.ingest.countries import DEMONYMS

        adjs = [w for w in re.findall(r"\b[A-Z][a-z]+\b", self.text[a:b]) if w in DEMONYMS]
        if len(adjs) != 1:
            return None
        return next((m for m in reversed(self.mentions_in(0, a, ("organizations",))) if re.search(
            rf"\b{adjs[0]}\s+(?:[a-z][\w-]*\s+){{0,3}}$", self.text[max(0, m.start - 40):m.start])), None)

    def _own_org(self) -> Mention | None:
        """The organisation of the person whose title is being read (``self.role_person``), told before: a role
        proposed already, or the organisation in brackets after the name ("NAME (ORG)")."""
        p = getattr(self, "role_person", None)
        if p is None:
            return None
        ids = {p.id} | {m.id for m in self.ents.mentions if m.file == "people" and m.start == p.start}
        for c in self.candidates:
            if c.file == "roles" and c.record["person"] in ids:
                found = next((m for m in self.ents.mentions if m.id == c.record["organization"]), None)
                if found is not None and found.file == "organizations":
                    return found
        for m in self.ents.mentions:
            if m.file == "people" and m.id in ids and m.start < p.start:
                o = re.match(r"\s*\(\s*", self.text[m.end:m.end + 4])
                org = next((k for k in self.ents.mentions if o and k.start == m.end + o.end()
                            and k.file == "organizations" and self.text[k.end:k.end + 1] == ")"), None)
                if org is not None:
                    return org
        return None

    def _company_spoken_of(self, a: int) -> Mention | None:
        """Whom "its" or "the company's" before ``text[a]`` means: the organisation the sentence speaks of (the
        subject of its clause, never one named inside a relative clause: "X, which works with Y and Z, …, the
        company's CEO"), else the last named before it in the sentence, else the one its anaphoric subject stands
        for ("The company runs …, its chief executive, NAME, said"), else the one of the sentence before (the
        agent of a passive sentence: "… are run by ORG")."""
        sent = next(((s, e) for s, e, _ in self._sentences if s <= a < e), (a, a))
        before = [m for m in self.mentions_in(sent[0], a, ("organizations",)) if not m.compiler
                  and not person_like(m, self.ents)]  # never the person the parser called an organisation
        if not before:
            named = [x for x in getattr(self.ents, "anaphors", []) if sent[0] <= x.start <= a]
            return next((x for x in named if x.file == "organizations" and x is not named[0] and x.id == named[0].id
                         and x.text.lower() == "its" and x.start <= a <= x.end + 2), None) or previous_actor(self, a)
        # a noun or pronoun standing for a company ("The group sold …, its chairman"; "it" never for a public body)
        nouns = [x for x in getattr(self.ents, "anaphors", []) if sent[0] <= x.start < a and x.file == "organizations"
                 and x.text.lower() not in {"its", "their"} and (x.text.lower() not in {"it", "they"} or x.kind not in
                                                                 _GOV)]
        for m in sorted(before + nouns, key=lambda m: m.start):
            span = span_at(self.doc, m.start, m.end)
            if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"} and not any(
                    t.dep_ in {"relcl", "acl", "advcl"} for t in span.root.ancestors):
                return m
        outside = self.orgs_outside_relatives(sent[0], a)
        return next((m for m in reversed(before) if m in outside), before[-1])

    def _company_called_place(self, a: int, b: int, last: bool = True) -> Mention | None:
        """The last (or first) new name in ``text[a:b]`` that the parser called a place but no country list
        knows, made an organisation: it is named as the company of a company title."""
        from nevkg.ingest.countries import COUNTRIES
        from nevkg.ingest.extract.ner import retype

        odd = [m for m in self.mentions_in(a, b, ("places",)) if not m.known and m.rule.startswith("ner:")
               and m.id in self.ents.new and m.text not in COUNTRIES
               and not re.match(r"-(?:based|headquartered)\b", self.text[m.end:m.end + 16])]  # (a company's home)
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
            cleaned = self._clean_title(a, b) or cleaned  # (a portfolio read as a name was dropped)
            first = cleaned[0].split(" ")[0]
            if government_of(self.label(org.id), first):
                cleaned = (cleaned[0][len(first) + 1:], cleaned[1] + len(first) + 1, cleaned[2])  # ("Flemish Economy
            return cleaned, org  # Minister" of the Flemish Government: "Economy Minister")
        # "president of Kenya", "minister of finance of Kenya": the country closing the phrase is the
        # organisation, not part of the title (a scope inside a company title stays: "head of Europe")
        last = org.file == "places" and GOV_TITLE.search(cleaned[0]) and re.fullmatch(  # (", Mr NAME" after it)
            rf"(?:\s+(?:state|province|region))?[\s,.;)]*(?:{HONORIFIC_RANK.pattern})?",
            self.text[org.end:b] + " ", re.I) and re.search(
            r"(?:\b(?:of|for)\s+(?:the\s+)?|,\s*)$", self.text[a:org.start])  # (", Andhra Pradesh" too)
        tail = re.match(r"\s+(?:state|province|region)\b", self.text[org.end:b], re.I)
        # the country opening the phrase ("Thai Prime Minister", "the Chinese ambassador to X") is no title word
        first = org.file == "places" and GOV_TITLE.search(cleaned[0]) and re.fullmatch(
            r"\W*(?:the\s+)?", self.text[a:org.start], re.I)
        cut = [(org.start, org.end + (tail.end() if tail else 0))] if last or first or org.file == "organizations" \
            else []
        cleaned = self._clean_title(a, b, cut) or cleaned
        return cleaned, org

    def _clean_title(self, a: int, b: int, also: list[tuple[int, int]] | None = None) -> tuple[str, int, int] | None:
        """The title words of ``text[a:b]``: organisation and place names (and the spans ``also``), possessives
        and articles left out."""
        described = _DESCRIBED_ONLY.search(self.text[a:b])
        if described:  # "managing director of the Budapest dealer group": the description is no title word
            b = a + described.start()
        pre = re.search(r"\b(?:co|vice|ex)-$", self.text[max(0, a - 5):a], re.I)
        if pre:  # "co-founder": the parser hung "co" elsewhere
            a -= len(pre.group(0))
        cut = [(m.start, m.end) for m in self.mentions_in(a, b, ("organizations", "places"))
               if (m.file == "organizations" or re.match(r"['’]s\b", self.text[m.end:m.end + 2]))
               and not _DESCRIBED_NEXT.match(self.text[m.end:b]) and not (  # ("the Oslo lender X")
                   m.text == "Parliament" and re.search(r"(?i:member\s+of\s+)$", self.text[a:m.start]))] + (also or [])
        # ("Member of Parliament": one title)
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
        if len(pieces) > 1:  # "analyst at X in Shanghai": where the organisation is, no title word
            pieces[-1] = re.sub(r"^\s*(?:,\s*)?in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,?\s*$", "",
                                pieces[-1])
            # "X Auto International's chief executive" where the mention is "X Auto": the rest of its name
            pieces[-1] = re.sub(r"^[ \t]+(?:[A-Z][\w&-]*[ \t]+){0,2}[A-Z][\w&-]*['’]s\s", " ", pieces[-1])
        title = " ".join(" ".join(pieces).split())
        title = _SHORT_TITLE.sub(lambda x: _SHORT_TITLES[x.group(0)], title)  # ("Gov. NAME": Governor)
        title = re.sub(rf"\b(?:the\s+(?:[\w-]+\s+)?)?(?:{_OWNER_NOUN}|association|agency|ministry|authority|regulator|"
                       r"department|commission|bureau|administration|council|fund|platform|union|town|city|"
                       r"municipality|state|province|country)['’]s\s+", " ", title,
                       flags=re.I)  # "the authority's director of X": the title is "director of X"
        title = re.sub(rf"\s+(?:of|at)\s+the\s+(?:[\w-]+\s+)?{_OWNER_NOUN}$", "", title, flags=re.I)
        title = re.sub(r"^(?:said|says|confirmed|confirms|added|adds|noted|explained|stressed|announced|told|"
                       r"according\s+to)\s+", "", title)  # "…, confirmed country manager NAME"
        title = re.sub(r"^.*\b(?:on\s+behalf\s+of|by)\s+(?=\S)", "", title)  # ("signed for X by its CEO")
        title = re.sub(r"^who\s+(?:(?:was|is|has\s+been|had\s+been)\s+(?:named|appointed|promoted\s+to|elected)|"
                       r"is|was|became|has\s+been|had\s+been|serves\s+as|served\s+as|took\s+over\s+as|"
                       r"joined\s+as|remains|will\s+become)\s+(?:as\s+)?", "", title)  # (a relative clause)
        title = re.sub(r"(?<=\w)\s+(?:who|which)\s+\w.*$", "", title)  # "an MP who chairs the committee": the
        # clause after the title tells what the holder does, no title word
        title = re.sub(r"\s+(?:Mr|Ms|Mrs|Mx|Dr|Prof|Professor|Sir|Dame)\.?(?:\s*['’])?$", "", title)  # (before "'Ana")
        title = re.sub(rf"[\s,]+(?:{HONORIFIC_RANK.pattern.rstrip('+')})+$", "", title + " ").strip()  # ("…, Datuk")
        title = re.sub(r",\s*Chief$", "", title)  # ("its chairman, Chief NAME": a chief's style, no title word)
        title = re.sub(r"^(?:['’]s\s*)|(?:\b(?i:a|an|its|their|his|her|whose)\s+)|(?<!\bof )"
                       r"(?<!\bfor )(?<!\bin )(?<!\bon )(?<!\band )\b(?i:the)\s+|"
                       r"(?<!\bon )(?<!\bfor )\b(?i:the)\s+(?![A-Z])", " ", title)
        # (a place's article stays: "general manager for the Gulf", "director for Latin America and the Caribbean"; so
        # does a brief's: "spokesperson on (for) the economy")
        title = re.sub(r"\bof\s+(?=(?:(?i:supervisory|management|executive|advisory)\s+)?[Bb]oard\b)", "of the ",
                       title)  # ("Chairman of the Board", "chairman of its supervisory board": "of the supervisory")
        title = re.sub(r"\s+['’]s\b|['’]s\s", " ", title)
        title = re.sub(r"\b(?:of|at)\s+(?=for\s)", "", title)  # "general manager of [X] for Southeast Asia"
        title = re.sub(r"^(?:\W|\b(?:of|at|for|in|and)\b)+|(?:\W|\b(?:of|at|for|in|and)\b)+$", "", title.strip())
        title = re.sub(r"^(?i:the)\s+|\s+(?:of|at|for|in|with)\s+the$", "", title)  # ("… and the Minister of
        # Commerce, NAME"; "Director General of Transport in the [Ministry of X]": the cut organisation's article)
        title = re.sub(r"\s+(?:of|at)\s+(?:(?:the|its)\s+)?(?i:corporation|company|firm|group|trust|authority|agency|"
                       r"utility|operator|cooperative|co-operative|enterprise)$", "", title)
        # ("chairman of the corporation": the organisation named before, no title words)
        title = re.sub(r"\s*\([^)]*$", "", title)  # an unclosed bracket: an acronym of the organisation follows
        title = re.sub(r"\s+(?:is|was|has\s+been|will\s+be)$", "", title)  # "whose chairman is NAME"
        title = re.sub(r"\s+of\s+(?:the\s+)?(?:state|province|region|city)$", "", title)  # "governor of the state of X"
        # ("Nairobi-based economist": where the person works, no title word)
        title = re.sub(r"^(?:[A-Z][\w.&]*[\s-])*[A-Z][\w.&]*-based\s+(?=[a-z])", "", title)
        title = re.sub(r"\s+(?:of|at|for)\s+(?:the\s+)?(?:[\w.&]+-(?:based|owned|listed|backed|headquartered|"
                       r"controlled)\s*)+$", "", title)  # "CEO of U.S.-based X": where X is based, no title word
        title = re.sub(r"\s+(?:(?:last|this|next|earlier|later)\s+(?:week|month|year)|on\s+[A-Z][a-z]+day|"
                       r"(?:with\s+)?effect(?:ive)?\s+immediately)$", "", title)  # "… last week", "… on Monday"
        title = " ".join(re.sub(r"\s+(?:in|since|from)\s+(?:[A-Z][a-z]+\s+)?\d{4}$", "", title).split())
        title = re.sub(r"^(?:(?:former|ex-?)\s+)?.+?\s+(?:of\s+)?and\s+now\s+", "", title)  # "… and now TITLE"
        title = re.sub(r"^(?:boss|head|chief|leader|number\s+two|No\.?\s*2)\s*,\s+(?=\w)", "", title, flags=re.I)
        # ("X's boss, chairman NAME": the word a headline writer uses, then the title)
        title = re.sub(r"^((?:\w+\s+)?(?:ambassador|envoy|consul(?:[\s-]general)?|commissioner))\s+in\s+(?:the\s+)?"
                       r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$", r"\1", title, flags=re.I)  # (the city posted in)
        # "the Member for Blue Hills", "MP for Fako West", "a member of the council from the X party": the seat, the
        title = re.sub(r"^(Member|MP|MHK|MLA|MNA|MPP|TD)\s+for\s+[A-Z].*$|"  # party no title words
                       r"^((?i:member)(?:\s+of\s+Parliament)?)\s+from\b.*$", r"\1\2", title)
        title = re.sub(rf"^(?:[A-Z][\w'’.&-]*\s+){{1,3}}(?=(?:{LEGISLATOR_INITIALS})$)", "", title)
        # ("Opposition MLA", "SDP MP", "Garff MHK": a party, a side or a seat, no title words)
        member = re.fullmatch(r"(?i:member)", title) and ROLE_TITLE_RX.search(self.text[a:b])  # (the assembly cut)
        if not title or not (ROLE_TITLE_RX.search(title) or member) or len(title.split()) - sum(  # (places aside)
                len(m.text.split()) for m in self.mentions_in(a, b, ("places",)) if m.text in title) > 9:
            return None
        start = self.text.find(title.split()[0], a, b)
        return title, max(start, a), b

