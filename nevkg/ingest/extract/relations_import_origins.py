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

__all__ = ["ImportOriginRules"]

#: imports spoken of ("imports", "imported", "import volumes", "clearances")
_IMPORTS = re.compile(r"\bimport(?:s|ed|ing)?\b|\bclearances\b", re.I)
#: a sentence that speaks of the goods counted in the sentence before ("most of them", "88 percent of these")
_OF_THEM = re.compile(r"\b(?:of\s+(?:them|these|those)|(?:these|those|the)\s+imports)\b", re.I)
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
#: between two countries of one list of origins
_AND = re.compile(r"\s*(?:,|and|or|,\s+and)\s+(?:the\s+)?")
#: an adjective of origin ("Chinese-made", "China-built")
_MADE = re.compile(r"-(?:made|built|manufactured|produced)\b", re.I)


class ImportOriginRules:
    """Exports from a country of origin to the country whose imports a sentence counts."""

    text: str
    ents: Any
    _sentences: list[tuple[int, int, int]]

    def import_origins(self, s: int, e: int) -> None:
        """Propose exports from each country of origin of the sentence ``s``–``e`` to the importing country.

        Parameters
        ----------
        s, e : int
            The sentence's offsets in the text.
        """
        at = next((i for i, (a, _, _) in enumerate(self._sentences) if a == s), 0)
        before = self._sentences[at - 1] if at and self._sentences[at - 1][2] == self._sentences[at][2] else None
        if not _IMPORTS.search(self.text, s, e) and not (
                before is not None and (_OF_THEM.search(self.text, s, e) or _GOODS_FROM.search(self.text, s, e))
                and _IMPORTS.search(self.text, *before[:2])):
            return
        countries = self.ents.countries_in(s, e, unions=True)
        origins = [c for c in countries if self._named_as_origin(c)]
        origins += [c for c in countries if c not in origins and any(  # "from Japan and the Republic of Korea"
            o.end <= c.start and _AND.fullmatch(self.text[o.end:c.start]) for o in origins)]
        market = self._importing_country(countries, origins, at) if origins else None
        for origin in origins if market is not None else ():
            if origin.id != market.id:
                self._trade(origin, market, None, "import-origin")  # type: ignore[attr-defined]

    def _named_as_origin(self, c: Mention) -> bool:
        """The country is named as where the goods come from."""
        if c.rule.startswith("demonym"):
            return bool(_MADE.match(self.text, c.end))
        return bool(_BEFORE_ORIGIN.search(self.text, max(0, c.start - 30), c.start)
                    or _AFTER_ORIGIN.match(self.text, c.end))

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
                    if c.id not in skip and not self._named_as_origin(c)]
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
