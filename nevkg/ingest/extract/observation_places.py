"""Where a figure is about: the currency of a name several countries share, the country of a company's local arm,
an association's market and a country's makers' share of a market; a mixin of
:class:`~nevkg.ingest.extract.observations.ObservationRules`."""

from __future__ import annotations

import re

from nevkg.ingest.extract.currencies import SHARED
from nevkg.ingest.extract.model import Mention, Statistic
from nevkg.ingest.extract.vocab import LEGAL_FORM_END


def opening_dateline(text: str, m: Mention) -> bool:
    """A place opening the article as its dateline ("OTTAWA —", "MUMBAI:"): where the story was filed.

    >>> opening_dateline("OTTAWA — The plan …", Mention(0, 6, "OTTAWA", "places", "ottawa", True, "city"))
    True
    """
    return (m.file == "places" or m.text.isupper()) and m.start < 3 and bool(
        re.match(r"\s*(?:[-—–:]|\(|,\s+[A-Z][a-z]{2}\.?\s+\d)", text[m.end:m.end + 12]))


#: a country's makers named by its adjective ("Chinese brands' share", "Chinese carmakers took 75% of …")
_MAKERS_AFTER = re.compile(r"\s+(?:(?:EV|car|electric[\s-]vehicle)\s+)?(?:brands|carmakers|automakers|makers|"
                           r"manufacturers|EVs|cars|vehicles|models|companies)\b")


class FigurePlaces:
    """The places a figure is about (needs the extractor's ``ents``, ``text`` and ``_clause_break``)."""

    def _local_currency(self, st: Statistic) -> str | None:
        """The currency of a name several countries use ("dirhams": Morocco's or the Emirates'), from the country
        the article names most among those that use it; ``None`` when the name is not shared or no such country
        is named, or when the words name the country ("Chilean pesos")."""
        from nevkg.ingest.countries import COUNTRIES
        from nevkg.ingest.extract.figure_units import national_currency

        if national_currency(st.unit_text or "", ""):
            return None

        word = re.sub(r"(?:e?s|er|or)$", "", (st.unit_text or "").strip().split(" ")[-1].lower())
        codes = SHARED.get({"kron": "krone"}.get(word, word))
        if not codes:
            return None
        counts: dict[str, int] = {}
        for m in self.ents.mentions:
            code = COUNTRIES.get(m.label or m.text) if m.file == "places" else None
            if code in codes:
                counts[codes[code]] = counts.get(codes[code], 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    def _association_market(self, subject: Mention, compilers: list[Mention],
                            notes: list[str]) -> tuple[Mention, list[Mention]]:
        """A market figure an industry association gives ("the association's figures") is its country's market's
        (the country its name names, else its own or the dateline's), the association its compiler: the new
        subject and compilers (unchanged when no such country is named)."""
        places = [m for m in [*self.ents.mentions, *self.ents.inner] if m.file == "places"]
        label = self.label(subject.id) or subject.text
        home = next((m.id for m in places if m.kind == "country" and re.search(
            rf"\b{re.escape(m.text)}\b", label)), None) or self._country_of(subject) or self.ents.home_country()
        market = next((m for m in places if m.id == home), None) if home else None
        if market is None:
            return subject, compilers
        notes.append(f"a market figure an association gives: its country's ({market.text})")
        return market, [subject, *compilers]

    def _arm_country(self, subject: Mention) -> Mention | None:
        """The country a company's local arm is named for ("X UK Ltd", "X Motor India"): the market its figures
        are about."""
        if subject.file != "organizations" or subject.known:
            return None
        spans = [(m.start, m.end) for m in self.ents.mentions if m.id == subject.id]
        inside = next((p for p in self.ents.mentions + self.ents.inner if p.file == "places" and p.kind == "country"
                       and not p.rule.startswith("demonym") and any(a <= p.start and p.end <= b for a, b in spans)),
                      None)
        core = LEGAL_FORM_END.sub("", subject.text)  # ("X UK Ltd": the country before the legal form)
        words, end = core.split(), subject.start + len(core)
        for n in (1, 2):  # "X Motor India", "X South Africa"
            if inside is None and len(words) > n:
                name = " ".join(words[-n:])
                inside = self.ents._country_mention(end - len(name), end, name, "arm-country", 0.6)
        return inside if inside is not None and inside.kind == "country" else None

    def _makers_share(self, st: Statistic, subject: Mention | None, dest: Mention | None,
                      before: list[Mention]) -> tuple[Mention | None, Mention | None]:
        """A market share whose subject is a place or none, with a country's makers named by its adjective before
        it ("Chinese brands' share of the Thai EV market"): that country's share, the market its destination.
        Returns ``(subject, destination)``."""
        if subject is not None and subject.file != "places":
            return subject, dest
        makers = next((m for m in reversed(before) if m.rule.startswith("demonym") and m.id != getattr(
            subject, "id", None) and _MAKERS_AFTER.match(self.text, m.end)  # type: ignore[attr-defined]
            and not self._clause_break(m.end, st.start)), None)  # type: ignore[attr-defined]
        return (makers, dest or subject) if makers is not None else (subject, dest)
