"""A country's imports by origin: "vehicles imported from China rose 24 percent", "China accounted for 84 percent of
the electric cars imported", "Some 82 percent of them came from China": the country of origin exports to the
importing country.

Trade statistics name the country of origin in a few fixed ways: after "from" in a sentence about imports, as the
adjective of "Chinese-made" goods, after "made in", or as the subject of "accounted for" / "was the source of" a
share of them (and the countries listed with it: "from Japan and the Republic of Korea"). The importer is the
country or union the sentence names otherwise ("Georgia's car imports"), else the last one the three sentences
before name (not as an origin), else the country in the name of a body there that counts them ("the Gambia
Revenue Authority"), else the country the article reports from. A sentence that says "of
them" or "of these", or counts goods "from" a country ("cars from Japan fell"), speaks of the imports of the
sentence before. A mixin of the extractor, run on each sentence.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import span_at

__all__ = ["ImportOriginRules"]

#: imports spoken of ("imports", "imported", "import volumes", "clearances")
_IMPORTS = re.compile(r"\bimport(?:s|ed|ing)?\b|\bclearances\b", re.I)
#: a sentence that speaks of the goods counted in the sentence before ("most of them", "88 percent of these")
_OF_THEM = re.compile(r"\b(?:of\s+(?:them|these|those)|(?:these|those|the)\s+imports)\b", re.I)
#: a levy or rule on imports, no count of them ("import tax", "import duties", "an import ban")
_LEVY = re.compile(r"\s+(?:tax|taxes|duty|duties|tariffs?|levy|levies|licen[cs]es?|ban|bans|permits?|quotas?|"
                   r"rules?|regime)\b", re.I)
#: exports spoken of ("exports", "exported", "shipments to")
_EXPORTS = re.compile(r"\bexport(?:s|ed|ing)?\b|\bshipments?\s+to\b", re.I)
#: goods counted by where they come from, in a sentence after one about imports ("Used cars from Japan fell 12% to
#: 7,950, while those from China rose")
_GOODS_FROM = re.compile(r"\b(?:cars|vehicles|units|vans|trucks|buses|motorcycles|tricycles|those|ones)\s+from\s+",
                         re.I)
#: the words before a country of origin ("imported from", "made in", "the share of China in")
_BEFORE_ORIGIN = re.compile(r"\b(?:from|made\s+in|built\s+in|manufactured\s+in|produced\s+in|share\s+of)\s+"
                            r"(?:the\s+)?$", re.I)
#: the words after a country of origin as subject ("China accounted for", "China was the source of")
_AFTER_ORIGIN = re.compile(r"\s+(?:alone\s+)?(?:accounted\s+for|accounts\s+for|was\s+the\s+(?:source|origin)\s+of|"
                           r"made\s+up|supplied)\b", re.I)
#: a country ranked as a source of the goods, in apposition or as what it is ("the biggest supplier", ", still the
#: main source,", "remains the country's third-largest supplier", ", the source of most of the used cars")
_RANKED = re.compile(r",?\s+(?:(?:still|remains|remained|is|was|stays|stayed|became|becomes)\s+){0,2}the\s+"
                     r"(?:[\w-]+(?:'s)?\s+){0,3}?(?:supplier|source|origin)\b", re.I)
#: a source spoken of (before a country ranked after it)
_SOURCE = re.compile(r"\b(?:supplier|source|origin)s?\b", re.I)
#: the words before a country ranked after another one ("ahead of Japan", "after Thailand")
_RANKED_AFTER = re.compile(r"\b(?:ahead\s+of|after|behind|followed\s+by)\s+(?:the\s+)?$", re.I)
#: a country's count after it ("South Korea with 1,940", "the U.S. mainland with 1,380")
_WITH_COUNT = re.compile(r"(?:\s+mainland)?\s+with\s+(?:some\s+|about\s+)?\d")
#: what an importer does with the goods (its subject is no source)
_BUYING = {"import", "buy", "purchase", "receive", "bring", "register", "sell", "clear"}
#: a number that counts nothing: a year or an ordinal ("in 2025", "the 11th member")
_NO_COUNT = re.compile(r"(?:1[89]|20)\d\d$|\d*(?:1st|2nd|3rd|\dth)$|(?:first|second|third|fourth|fifth)$", re.I)
#: a count right after a country, its verb left out ("Japan supplied 97 and the United States 41")
_GAPPED = re.compile(r"\s+(?:some\s+|about\s+)?\d")
#: the words before a country whose verb is left out ("and", a comma)
_GAP_BEFORE = re.compile(r"(?:,|\band)\s+(?:the\s+)?$")
#: between two countries of one list of origins
_AND = re.compile(r"\s*(?:,|and|or|,\s+and)\s+(?:the\s+)?")
#: an adjective of origin ("Chinese-made", "China-built")
_MADE = re.compile(r"-(?:made|built|manufactured|produced)\b", re.I)


class ImportOriginRules:
    """Exports from a country of origin to the country whose imports a sentence counts."""

    text: str
    ents: Any
    doc: Any
    _sentences: list[tuple[int, int, int]]

    def import_origins(self, s: int, e: int) -> None:
        """Propose exports from each country of origin of the sentence ``s``–``e`` to the importing country.

        Parameters
        ----------
        s, e : int
            The sentence's offsets in the text.
        """
        at = next((i for i, (a, _, _) in enumerate(self._sentences) if a == s), 0)
        countries = self.ents.countries_in(s, e, unions=True)
        ranked = [c for c in countries if not c.rule.startswith("demonym") and _RANKED.match(self.text, c.end)]
        own = bool(_IMPORTS.search(self.text, s, e))
        counted = [] if own else [c for c in countries if self._counted_subject(c)]
        before = self._sentences[at - 1] if at and self._sentences[at - 1][2] == self._sentences[at][2] else None
        if not own and not ((ranked or counted) and self._after_imports(at)) and not (
                before is not None and (_OF_THEM.search(self.text, s, e) or _GOODS_FROM.search(self.text, s, e))
                and _IMPORTS.search(self.text, *before[:2])):
            return
        origins = [c for c in countries if c in counted or self._named_as_origin(c)]
        origins += [c for c in countries if c not in origins and self._source_listed_after(c, origins)]
        origins += [c for c in countries if c not in origins and any(  # "from Japan and the Republic of Korea"
            o.end <= c.start and _AND.fullmatch(self.text[o.end:c.start]) for o in origins)]
        market = self._importing_country(countries, origins, at) if origins else None
        for origin in origins if market is not None else ():
            if origin.id != market.id:
                self._trade(origin, market, None, "import-origin")  # type: ignore[attr-defined]

    def _after_imports(self, at: int) -> bool:
        """Whether the sentence ``at`` follows one on imports, in its paragraph or the one before, with no sentence
        on exports between (or itself on exports)."""
        para = self._sentences[at][2]
        paragraphs = {para}
        for a, b, p in reversed(self._sentences[max(0, at - 6):at + 1]):
            paragraphs.add(p)
            if len(paragraphs) > 2 or _EXPORTS.search(self.text, a, b):
                break  # (paragraphs are lines: the one before is the last line with a sentence; a count of
                # exports is no source of imports: "Shipments to Mexico fell 21%, while Colombia's more than doubled")
            if any(not _LEVY.match(self.text, m.end()) for m in _IMPORTS.finditer(self.text, a, b)):
                return True
        return False

    def _counted_subject(self, c: Mention) -> bool:
        """The country is the subject of a clause that counts something ("Japan shipped 1,120", "South Korea was flat
        at 410", "China, with 880 cars, was up 52 percent"): in a sentence after one on imports, a source counted."""
        span = span_at(self.doc, c.start, c.end) if self.doc is not None and not c.rule.startswith("demonym") else None
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = span.root.head
        return verb.lemma_ not in _BUYING and any(t.like_num and t.i > span.root.i and not _NO_COUNT.match(t.text)
                                                  for t in verb.subtree)

    def _named_as_origin(self, c: Mention) -> bool:
        """The country is named as where the goods come from ("imported from X", "X accounted for", "X, the biggest
        supplier", "the biggest supplier, ahead of X")."""
        if c.rule.startswith("demonym"):
            return bool(_MADE.match(self.text, c.end))
        return self._origin_alone(c) or self._source_listed_after(c, [  # "Japan supplied 3,610, followed by South
            # Korea with 1,940, and the U.S. mainland with 1,380": listed after one named as a source by its own words
            o for o in self.ents.countries_in(max((a for a, _, _ in self._sentences if a <= c.start), default=0),
                                              c.start, adjectives=False) if self._origin_alone(o)])

    def _source_listed_after(self, c: Mention, origins: list[Mention]) -> bool:
        """The country follows a source of the sentence as the next of a ranked list ("X, …, accounted for 702,
        followed by Japan with 214 and Germany with 118") or with its verb left out ("X supplied 97 and the United
        States 41")."""
        if c.rule.startswith("demonym") or not any(o.end <= c.start for o in origins):
            return False
        before = self.text[max(0, c.start - 20):c.start]
        return bool(_RANKED_AFTER.search(before) or _WITH_COUNT.match(self.text, c.end)
                    or _GAPPED.match(self.text, c.end) and _GAP_BEFORE.search(before))

    def _origin_alone(self, c: Mention) -> bool:
        """The country is named as a source by its own words ("imported from X", "X accounted for", "X, the
        biggest supplier", "the biggest supplier, ahead of X")."""
        return bool(_BEFORE_ORIGIN.search(self.text, max(0, c.start - 30), c.start)
                    and not self.text.startswith("'s", c.end)  # ("figures from Samoa's statistics office")
                    or _AFTER_ORIGIN.match(self.text, c.end) or _RANKED.match(self.text, c.end)
                    or (_RANKED_AFTER.search(self.text, max(0, c.start - 20), c.start)
                        and _SOURCE.search(self.text, max(0, c.start - 120), c.start)))

    def _importing_country(self, countries: list[Mention], origins: list[Mention], at: int) -> Mention | None:
        """The importing country: another country of the sentence, else the last one named (not as an origin) in
        the three sentences before sentence ``at`` (of its paragraph, or speaking of imports), else the country
        of the body counting them, else the article's own country."""
        skip = {o.id for o in origins}
        own = [c for c in countries if c.id not in skip and not c.rule.startswith("demonym") and not self._aside(c)]
        if own:
            return own[0]
        para = self._sentences[at][2]
        for a, b, p in reversed(self._sentences[max(0, at - 3):at]):
            if p != para and not _IMPORTS.search(self.text, a, b):
                continue  # (a country of another paragraph's story is not the importer)
            prev = [c for c in self.ents.countries_in(a, b, adjectives=False, unions=True)
                    if c.id not in skip and not self._named_as_origin(c) and not self._counted_subject(c)]
            if prev:
                return prev[-1]
        counted = self._country_of_counting_body(at, skip)
        if counted is not None:
            return counted
        home = self.ents.home_country()
        if home is None or home in skip:
            return None
        return next((m for m in self.ents.mentions if m.id == home and m.file == "places"), None)

    def _aside(self, c: Mention) -> bool:
        """Whether the country ``c`` stands in a clause set off by commas that says nothing of imports ("Used cars
        from the UAE, most of them first sold in the United States, fell 12 percent"): not the importer."""
        a = self.text.rfind(",", 0, c.start)
        b = self.text.find(",", c.end)
        stop = max(self.text.rfind(".", 0, c.start), self.text.rfind("\n", 0, c.start))
        return a > stop and b != -1 and "." not in self.text[c.end:b] and not _IMPORTS.search(self.text, a, b) \
            and re.match(r",\s+(?:most|many|some|all|half|none|few|much|mainly|mostly|largely)\b", self.text[a:b]) \
            is not None

    def _country_of_counting_body(self, at: int, skip: set[str]) -> Mention | None:
        """The country named in an organisation's name in sentence ``at`` or the three before it ("Figures from the
        Gambia Revenue Authority show …", "According to Statistics Mauritius"): the country whose imports its
        figures count, when the article names that country on its own too."""
        named = {re.sub(r"^[Tt]he\s+", "", m.text): m for m in self.ents.countries_in(0, len(self.text),
                                                                            adjectives=False) if m.id not in skip}
        for a, b, _ in reversed(self._sentences[max(0, at - 3):at + 1]):
            for org in reversed([m for m in self.ents.mentions if m.file == "organizations" and a <= m.start
                                 and m.end <= b]):
                hit = next((c for name, c in named.items() if re.search(rf"\b{re.escape(name)}\b", org.text)), None)
                if hit is not None:
                    return hit
        return None
