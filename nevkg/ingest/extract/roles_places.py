"""Where the holder of a public office serves: a mayor's town, a governor's province, a minister's country; a
mixin of the role rules (:class:`~nevkg.ingest.extract.roles_context.RoleContextRules`)."""

from __future__ import annotations

import re
from collections import Counter

from nevkg.ingest.extract.countries_here import MAKERS_HOME
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.title_words import LEGISLATOR_TITLES

#: nouns of a company after a country's adjective ("Chinese carmaker X"): the company's home, no office's country
_COMPANY_AFTER = re.compile(r"\s+(?:[\w\-]+\s+){0,2}?(?:automakers?|carmakers?|makers?|manufacturers?|compan(?:y|ies)|"
                            r"firms?|groups?|brands?|giants?|start-?ups?|conglomerates?|suppliers?|investors?|"
                            r"exporters?|importers?|producers?|rivals?|retailers?|dealers?|distributors?|lenders?|"
                            r"banks?|operators?)\b", re.I)
#: an office of another state right after a country's adjective ("and Chinese Ambassador NAME"): that office's
_OFFICE_AFTER = re.compile(r"\s+(?:Ambassador|Embassy|Consul|Envoy|Foreign|Prime|President|Premier|Vice|Deputy|"
                           r"Minister|Secretary)\b")
#: a part of a land an adjective names ("the Dutch side" of an island, "the Turkish border"): a place, no government
_LAND_PART_AFTER = re.compile(r"\s+(?:side|part|half|border|coast|shore|sector)\b")


def _portfolio_words(text: str) -> frozenset[str]:
    """The words of a portfolio, without its joints ("Trade and Industry": {"trade", "industry"})."""
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w not in {"and", "of", "the", "for"})


#: a possessive before a place that makes it a part of a town ("the city's Industrial District", "its port")
_PART_OF_TOWN = re.compile(r"\b(?:the\s+(?:city|town|municipality)['’]s|its)\s+$", re.I)

#: a town's council, a mayor's body ("Brisbane City Council", "the Municipal Council of X")
_TOWN_COUNCIL = re.compile(r"\b(?:City|Town|Municipal|Borough|Shire)\s+Council\b")


def government_of(label: str, adjective: str) -> bool:
    """Whether ``label`` names the government called by ``adjective`` ("the Flemish Government" of "Flemish").

    >>> government_of("Flemish Government", "Flemish"), government_of("Flemish Parliament", "Flemish")
    (True, False)
    """
    return re.match(rf"(?:the\s+)?{re.escape(adjective)}\s+[Gg]overnment$", label) is not None


#: a legislator's title, and the bodies legislators sit in
_LEGISLATOR = re.compile(rf"{LEGISLATOR_TITLES}|Member\s+of\s+Parliament|(?i:lawmaker|legislator)")
_ASSEMBLY = re.compile(r"\b(?:Legislature|Parliament|Senate|Congress|Assembly|House\s+of\s+[A-Z]\w+|Duma|Knesset|"
                       r"Majlis)\b")
#: a legislator's title and the chamber it sits in, where the article names several assemblies
_CHAMBERS = ((r"Senator", r"\bSenate\b"), (r"Representative|Congress(?:wo)?man", r"\bHouse\s+of\s+Representatives\b"),
             (r"MLA", r"\bLegislative\s+Assembly\b"), (r"MNA", r"\bNational\s+Assembly\b"),
             (r"MHK", r"\bHouse\s+of\s+Keys\b"), (r"MP|Member\s+of\s+Parliament", r"\bParliament\b"))


class OfficePlaces:
    """The place of an office of state named without one (needs the extractor's text, sentences and mentions)."""

    def _adjective_government(self, title: str) -> Mention | None:
        """The government the article names with the adjective a title opens with ("Flemish Economy Minister": the
        Flemish Government it names), for a region's or nation's adjective the table of countries does not know."""
        m = re.match(r"([A-Z][a-z]+)\s+\S", title)
        return next((k for k in self.ents.mentions if m is not None and k.file == "organizations"
                     and government_of(self.label(k.id), m.group(1))), None)

    def _ministry_of(self, title: str) -> Mention | None:
        """The ministry the article names whose portfolio a minister's title names, after the office ("Deputy
        Minister of Industry": "the Ministry of Industry and Construction") or before it ("Trade and Industry
        Minister": "the Ministry of Trade and Industry"); the portfolio's words are compared, not their order. For
        a ministry named with its country ("… of the Kingdom of X"), that country where the article names it
        elsewhere too (the golds name such ministries without their country)."""
        m = re.search(r"\b(?:Minister|Secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<p>.+)$", title, re.I) or \
            re.fullmatch(r"(?:(?:Deputy|Vice|Acting|State|Junior|First)\s+)*(?P<p>.+?)\s+Minister", title, re.I)
        if m is None:
            return None
        portfolio, words = m.group("p"), _portfolio_words(m.group("p"))
        for k in self.ents.mentions:
            o = re.match(r"(?:the\s+)?Ministry\s+(?:of|for)\s+(?:the\s+)?(?P<p>.+)$", self.label(k.id)) \
                if k.file == "organizations" else None
            if o is None:
                continue
            rest = o.group("p")
            if _portfolio_words(rest) == words or re.match(rf"{re.escape(portfolio)}\b(?!\s+of\b)", rest):
                return k
            c = re.match(rf"{re.escape(portfolio)}\s+of\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Federation|"
                         r"Sultanate|Principality)\s+of\s+(?:the\s+)?)?(?P<c>.+)$", rest)
            if c:  # named with its country: the country, where the article names it too; else the ministry
                cid = self.ents.country_id(c.group("c"))
                return next((n for n in self.ents.mentions if cid is not None and n.id == cid), k)
        return None

    def _local_place(self, pos: int, title: str) -> Mention | None:
        """A mayor's city or a governor's province or state: the one of that kind the sentence names nearest (not
        a part of a town: "the city's X District"), else, for a mayor, the one town council the article names, else
        the town the article is about: the only one it names, or its dateline's when named most (a local paper's:
        "PONTA GROSSA — … Mayor NAME"); never a district where something happens ("a depot in the X District")."""
        mayor = re.search(r"mayor", title, re.I)
        kinds = {"city", None} if mayor else {"province", "state", "region"}
        sent = next(((s, e) for s, e, _ in self._sentences if s <= pos < e), (pos, pos))
        here = [m for m in self.mentions_in(*sent, ("places",)) if not _PART_OF_TOWN.search(
            self.text, max(0, m.start - 30), m.start)]
        found = [m for m in here if m.kind in kinds]
        if found or not mayor:
            return min(found, key=lambda m: abs(m.start - pos)) if found else None
        councils = [m for m in self.ents.mentions if m.file == "organizations" and _TOWN_COUNCIL.search(m.text)]
        if len({m.id for m in councils}) == 1:  # "Brisbane City Council … The Lord Mayor, NAME": its council
            return councils[0]
        towns = [m for m in self.ents.mentions if m.file == "places" and m.kind in kinds
                 and not _COMPANY_AFTER.match(self.text, m.end)]  # (not "the Melbourne energy retailer X")
        counts = Counter(m.id for m in towns).most_common(2)
        line = getattr(self.ents, "dateline", None)
        if len(counts) == 1 or len(counts) == 2 and line is not None and line.id == counts[0][0] and \
                counts[0][1] > counts[1][1]:
            return next(m for m in towns if m.id == counts[0][0])  # the one town of the article, or its dateline's
        return None

    def _home_territory(self) -> Mention | None:
        """The territory the article reports from (Guam, Bermuda …), whose governor a "Governor NAME" with no place
        named is; ``None`` when the article's country is no territory."""
        from nevkg.ingest.countries import COUNTRIES, TERRITORIES

        home = self.ents.home_country()
        m = next((m for m in self.ents.mentions if home is not None and m.id == home and m.file == "places"), None)
        return m if m is not None and COUNTRIES.get(self.label(m.id)) in TERRITORIES else None

    def _assembly_of(self, title: str) -> Mention | None:
        """A legislator's assembly where the phrase names none ("Sen. NAME introduced a bill"): the one legislature,
        parliament or assembly the article names; ``None`` for any other title or where it names none or several."""
        if not _LEGISLATOR.fullmatch(title):
            return None
        found = {m.id: m for m in self.ents.mentions
                 if m.file == "organizations" and _ASSEMBLY.search(m.label or m.text)}
        chamber = next((rx for t, rx in _CHAMBERS if re.fullmatch(t, title)), None)
        if len(found) > 1 and chamber is not None:  # "Sen. NAME" where the article names the Legislature and its
            found = {i: m for i, m in found.items() if re.search(chamber, m.label or m.text)}  # Senate: the Senate
        return next(iter(found.values())) if len(found) == 1 else None

    def _country_named_in(self, pos: int) -> Mention | None:
        """The country the sentence names nearest to ``pos``, by its name (an adjective says whose a company or a
        product is: "the Chinese carmaker X", "the first Chinese cars"): a governor's or mayor's country, where no
        town or province is named."""
        for s, e, _ in self._sentences:
            if s <= pos < e:
                here = [m for m in self.ents.countries_in(s, e, adjectives=False) if not self._destination(m)]
                return min(here, key=lambda m: abs(m.start - pos)) if here else None
        return None

    def _council_before(self, pos: int) -> Mention | None:
        """A councillor's council: the organisation named "… Council" last before ``pos``, else the first one
        the article names after it; ``None`` when the article names none."""
        councils = [m for m in self.ents.mentions if m.file == "organizations" and
                    re.search(r"\bCouncil\b", m.label or m.text)]
        before = [m for m in councils if m.end <= pos]
        return before[-1] if before else councils[0] if councils else None

    def _commission_before(self, pos: int) -> Mention | None:
        """A commissioner's commission: the organisation named "… Commission" in the sentence or the one before
        ("The European Commission imposed the duties. Trade Commissioner NAME said …"); ``None`` when none is."""
        sents = [(s, e) for s, e, _ in self._sentences if s <= pos]
        start = sents[-2][0] if len(sents) > 1 else 0
        found = [m for m in self.ents.mentions if m.file == "organizations" and start <= m.start < pos
                 and re.search(r"\bCommission\b", m.label or m.text)]
        return found[-1] if found else None

    def _country_around(self, pos: int) -> Mention | None:
        """For a government title without a country: the country of the sentence nearest to it, else the country
        of the dateline where the article names it most, else the country named last before it (not as an origin or
        a destination: "from X", "outside X", "to X"), else the one named in its organisations' names ("Bank of the Cook
        Islands"), else its most named country, else the country of its dateline."""
        for s, e, _ in self._sentences:
            if s <= pos < e:
                here = [m for m in self.ents.countries_in(s, e, adjectives=False) if not self._destination(m)]
                # a country the sentence acts on ("made in X", "imports from X") is not the minister's
                actors = [m for m in here if not re.search(r"\b(?:in|from|to|into|on|against|of|with|than)\s+"
                                                           r"(?:the\s+)?$", self.text[max(s, m.start - 12):m.start])]
                if actors or here:
                    return min(actors or here, key=lambda m: abs(m.start - pos))
                # an adjective that does not say whose a company or another office is ("the Turkish city of X",
                # not "Chinese carmaker Y" nor "Chinese Ambassador Z"): the sentence's country
                adjs = [m for m in self.ents.countries_in(s, e) if not _COMPANY_AFTER.match(self.text, m.end)
                        and not _OFFICE_AFTER.match(self.text, m.end) and not self._destination(m)
                        and not _LAND_PART_AFTER.match(self.text, m.end)]
                if adjs:
                    return min(adjs, key=lambda m: abs(m.start - pos))
        most, line = self.ents.most_named_country(adjectives=False), getattr(self.ents, "dateline", None)
        if most and most[0].id in {self.ents.dateline_country(), line.id if line and line.kind == "country" else 0}:
            return most[0]  # the country of the dateline, the one the article names most ("MONTERREY, Mexico --")
        if (line_country := self.ents.dateline_country()) is not None:  # ("KIGALI – …": Rwanda's minister)
            return next((m for m in self.ents.mentions if m.id == line_country), None) or self._dateline_country()
        if (host := self._towns_country()) is not None:
            return host
        earlier = [m for m in self.ents.countries_in(0, pos, adjectives=False) if not re.search(
            r"\b(?:from|outside|beyond|than|of|to|into)\s+(?:the\s+)?$", self.text[max(0, m.start - 10):m.start])]
        # (nor as a destination: "no brand exports from Mexico to the U.S.")
        if earlier:
            return earlier[-1]
        if (named := self._country_in_names()) is not None:
            return named  # ("the Bank of the Cook Islands": the country of the article's own bodies)
        most = self.ents.most_named_country()
        if most:
            return most[0]
        return self._dateline_country()  # "BEIJING, May 4 (Xinhua) -- …, Vice Minister of Commerce NAME said"

    def _destination(self, m: Mention) -> bool:
        """Whether the parse hangs the country ``m`` on a phrase of where goods go or come from ("exported to the
        markets of the union (X, Y)", "imports from X and Y"): a country acted on, not an actor."""
        from nevkg.ingest.extract.spans import span_at

        span = span_at(getattr(self, "doc", None), m.start, m.end)
        if span is None:
            return False
        t = span.root
        while t.head.i != t.i and t.dep_ not in {"nsubj", "nsubjpass", "ROOT"}:
            if t.dep_ == "pobj" and t.head.lower_ in {"to", "from", "across", "throughout"}:
                return True
            t = t.head
        return False

    def _towns_country(self) -> Mention | None:
        """The country the article names, by its name or its towns' and regions', at least two times more than any
        other (a Thessaloniki story naming a Chinese factory's city once), as a mention of it; else ``None``, and
        ``None`` for the makers' home where the article's towns that no table places outnumber its mentions."""
        cid = self.ents.leading_country(2, stated=False)
        if cid is None or cid == MAKERS_HOME and self.ents.unplaced_places() >= sum(
                1 for m in self.ents.mentions if m.file == "places" and cid in {m.id, self.ents.country_above(m.id)}):
            return None  # (the maker's home, whose towns come with its goods, where an island's towns no table knows
            # outnumber them)
        return next((m for m in self.ents.mentions if m.id == cid), None)

    def _country_in_names(self) -> Mention | None:
        """The country named most inside the names of the article's organisations ("Bank of the Cook Islands",
        "Isle of Man Post Office"), as a mention of it; ``None`` when no name holds one the article also names."""
        from nevkg.ingest.countries import COUNTRIES

        counts: Counter[str] = Counter()
        for o in self.ents.mentions:
            if o.file == "organizations":
                counts.update(cid for name in COUNTRIES if name in o.text and re.search(
                    rf"\b{re.escape(name)}\b", o.text) and (cid := self.ents.country_id(name)) is not None)
        for cid, _ in counts.most_common():
            if (m := next((m for m in self.ents.mentions if m.id == cid and m.file == "places"), None)) is not None:
                return m
        return None

    def _dateline_country(self) -> Mention | None:
        """The country of the dateline city, as a mention at the city (an article that names no country)."""
        cid, line = self.ents.dateline_country(), getattr(self.ents, "dateline", None)
        entry = self.gaz.entries.get(cid) if cid else None
        if entry is None or line is None:
            return None
        return Mention(line.start, line.end, line.text, "places", cid, True, "country", "dateline-country", 0.5,
                       entry.label)

    def _government_spoken_of(self, pos: int) -> Mention | None:
        """Whose "its" is, before a government title at ``pos``: the country of a government the sentence names
        before it ("the Danish government sent its minister …", "the government of X said its envoy …")."""
        for s, e, _ in self._sentences:
            if s <= pos < e:
                for m in reversed(self.ents.countries_in(s, pos)):
                    if re.match(r"\s+(?:government|administration|cabinet)\b", self.text[m.end:pos], re.I) or \
                            re.search(r"\b(?:government|administration|cabinet)\s+of\s+(?:the\s+)?$",
                                      self.text[max(s, m.start - 30):m.start], re.I):
                        return m
        return None
