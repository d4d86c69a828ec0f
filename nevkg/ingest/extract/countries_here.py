"""The countries an article names: one place on the mention layer that every rule asks ("the country of this
sentence", "a country inside this name", "the country at this token", "the article's most named country",
"does this word name a country").

A mixin of the mention finder (``_Entities``); :func:`is_country_name` and :func:`country_entry` need only the
gazetteer.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["CountryMentions", "is_country_name", "country_entry"]

#: the home of the makers the graph follows: its towns (their plants, their seats) are named beside their goods
MAKERS_HOME = "china"


def country_entry(name: str, gaz: Any) -> Any:
    """The gazetteer entry of the country a name is.

    Parameters
    ----------
    name : str
        A label or alias, compared normalized.
    gaz : Gazetteer
        The known entities.

    Returns
    -------
    Entry or None
        The entry when the name is a known country's.

    Examples
    --------
    >>> from nevkg.ingest.gazetteer import Entry, Gazetteer
    >>> gaz = Gazetteer([Entry("peru", "places", "Peru", "country"), Entry("lima", "places", "Lima", "city")])
    >>> country_entry("Peru", gaz).id, country_entry("Lima", gaz)
    ('peru', None)
    """
    entry = gaz.lookup(name, ("places",))
    return entry if entry is not None and entry.kind == "country" else None


def is_country_name(name: str, gaz: Any) -> bool:
    """Whether a name is a country's: a known one, or one of the built-in list.

    Parameters
    ----------
    name : str
        The name as written.
    gaz : Gazetteer
        The known entities.

    Returns
    -------
    bool

    Examples
    --------
    >>> from nevkg.ingest.gazetteer import Gazetteer
    >>> gaz = Gazetteer([])
    >>> is_country_name("Uzbekistan", gaz), is_country_name("Tashkent", gaz)
    (True, False)
    """
    from nevkg.ingest.countries import COUNTRIES

    return name in COUNTRIES or country_entry(name, gaz) is not None


class CountryMentions:
    """Country mentions of the article (a mixin of ``_Entities``: ``self.mentions`` and ``self.inner``)."""

    def countries_in(self, start: int, end: int, *, adjectives: bool = True, inner: bool = False,
                     unions: bool = False) -> list[Mention]:
        """The country mentions inside ``text[start:end]``, in text order; ``adjectives=False`` leaves out
        adjectives ("Chinese"), ``inner=True`` adds the countries inside longer names ("Thailand Board of
        Investment"), ``unions=True`` the unions of countries ("the European Union")."""
        pool = self.mentions + (self.inner if inner else [])
        kinds = {"country", "economic-union"} if unions else {"country"}
        return sorted((m for m in pool if m.file == "places" and m.kind in kinds and start <= m.start
                       and m.end <= end and (adjectives or not m.rule.startswith("demonym"))),
                      key=lambda m: m.start)

    def country_at(self, pos: int) -> Mention | None:
        """The country mention covering offset ``pos`` (a token of the parse), if any."""
        return next((m for m in self.mentions if m.file == "places" and m.kind == "country"
                     and m.start <= pos < m.end), None)

    def most_named_country(self, *, adjectives: bool = True) -> list[Mention]:
        """The mentions of the country the article names most often (the first of the most named on a tie)."""
        counts: dict[str, list[Mention]] = {}
        for m in self.countries_in(0, len(self.text), adjectives=adjectives):
            counts.setdefault(m.id, []).append(m)
        return max(counts.values(), key=len) if counts else []

    def country_above(self, pid: str) -> str | None:
        """The nearest country a place lies in: the container the article states for it ("Santiago, Chile"), a new
        place's ``located_in``, then the records' containers, up the chain; ``None`` when no country is known or
        proposed above it."""
        ups = [self.stated_in[pid][0]] if pid in getattr(self, "stated_in", {}) else []
        todo, seen = ups + [pid], set()
        while todo:
            p = todo.pop(0)
            if p in seen:
                continue
            seen.add(p)
            entry = self.gaz.entries.get(p)
            if p != pid and self.kind_of(p) == "country":
                return p
            todo += (entry.parents if entry is not None else []) + list((self.new.get(p) or {}).get("located_in") or [])
        return self._table_country(pid)

    def unplaced_places(self) -> int:
        """How many mentions of towns and smaller places the article makes that no country is known for (by the
        records, the article or the table of the world's larger cities)."""
        return sum(1 for m in self.mentions if m.file == "places" and m.kind in {"city", "district", "port", "place"}
                   and self.country_above(m.id) is None and self._table_country(m.id) is None)

    def _table_country(self, pid: str) -> str | None:
        """The country of a new town from the table of the world's larger cities ("Suwon": South Korea), when the
        article names that country too."""
        from nevkg.ingest.cities import city_country
        from nevkg.ingest.countries import COUNTRY_NAMES

        rec = self.new.get(pid) or {}
        if rec.get("kind") not in {"city", "district", "port"}:
            return None
        code = city_country(rec.get("label") or "")
        found = self.country_id(COUNTRY_NAMES[code]) if code in COUNTRY_NAMES else None
        return found if found is not None and any(m.id == found for m in self.mentions) else None

    def home_country(self) -> str | None:
        """The country an article reports from: its dateline's, else the one whose towns it names far more than any
        other's (not China, where the makers' plants are), else the country it names most, when named three times
        at least."""
        country = self.dateline_country()
        if country is not None:
            return country
        towns = self._towns_home()
        if towns is not None and towns != MAKERS_HOME:  # (the makers' home towns come with their goods)
            return towns
        most = self.most_named_country(adjectives=False)
        return most[0].id if len(most) >= 3 else towns

    def _towns_home(self) -> str | None:
        """The country whose towns an article names at least three times more than any other country's, by name
        or by town (the records' or the world table's), when it names that country too."""
        return self.leading_country(3, stated=True)

    def leading_country(self, margin: int, *, stated: bool) -> str | None:
        """The country the article names, by its name or by its towns and regions, at least ``margin`` times more
        than any other, when it names that country too; else ``None``. A known place counts for the country the
        records put it in; a new one for the country the article states for it (with ``stated``) or, without, only
        for the one the table of the world's towns gives it (never guessed)."""
        from collections import Counter

        counts: Counter[str] = Counter()
        for m in self.mentions:
            if m.file != "places" or m.rule.startswith("demonym"):
                continue
            c = m.id if m.kind == "country" else self.country_above(m.id) if m.known or stated else \
                self._table_country(m.id)
            if c is not None:
                counts[c] += 1
        top = counts.most_common(2)
        if not top or top[0][1] - (top[1][1] if len(top) > 1 else 0) < margin:
            return None
        return top[0][0] if any(m.id == top[0][0] for m in self.mentions) else None

    def dateline_country(self) -> str | None:
        """The country of the article's dateline city ("HANOI, May 4 (Reuters) --"): from the records' containers
        of the city, else from the built-in capitals; ``None`` without a dateline or when the country is not a
        record known or proposed here."""
        from nevkg.ingest.countries import CAPITALS

        line = getattr(self, "dateline", None)
        city = line.label or line.text if line is not None else getattr(self, "dateline_city", None)
        if city is None:
            return None
        found = self.country_above(line.id) if line is not None else None
        if found is not None:
            return found
        name = CAPITALS.get(city.title())
        return self.country_id(name) if name is not None else None

    def country_id(self, name: str) -> str | None:
        """The id of the country called ``name``: a known country's, else the one proposed here under that label."""
        entry = country_entry(name, self.gaz)
        if entry is not None:
            return entry.id
        return next((r for r, rec in self.new.items() if rec.get("label") == name and rec.get("kind") == "country"),
                    None)

    def kind_of(self, rid: str | None) -> str | None:
        """The kind of a known or proposed record (``None`` when it has none)."""
        entry = self.gaz.entries.get(rid) if rid else None
        return entry.kind if entry is not None else (self.new.get(rid) or {}).get("kind") if rid else None

    def _countries(self) -> None:
        """Countries the records do not know yet, from the built-in list (with their ISO codes)."""
        from nevkg.ingest.countries import COUNTRIES, COUNTRY_NAMES

        names = [n for n in COUNTRIES if self.gaz.lookup(n, ("places",)) is None]
        if not names:
            return
        rx = re.compile(r"(?<![\w])(?<!-of-)(?<!-de-)(?<!-du-)(?<!-la-)(?<!-au-)(?<!-en-)(?:"  # (not "Port-of-Spain")
                        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
        for m in rx.finditer(self.text):
            if self.overlaps(m.start(), m.end()):
                continue
            full = COUNTRY_NAMES.get(COUNTRIES.get(m.group(0), ""), "")
            if full.startswith(m.group(0) + " ") and self._in_place_name(m.start(), m.end()):
                continue  # a country's short name inside another place's ("Grand Cayman", "Cayman Brac")
            mention = self._country_mention(m.start(), m.end(), m.group(0), "country-list", 0.85)
            if mention is not None:  # ("Korea": South Korea, known or new under its own name)
                self.add(mention)

    def _country_mention(self, s: int, e: int, name: str, rule: str, conf: float) -> Mention | None:
        """A mention at ``text[s:e]`` of the country called ``name`` (known, or new from the country list)."""
        from nevkg.ingest.countries import COUNTRIES, COUNTRY_NAMES

        name = COUNTRY_NAMES.get(COUNTRIES.get(name, ""), name)  # "Korea", "Czechia": the country's own name
        known = self.gaz.lookup(name, ("places",))
        if known is not None:
            return Mention(s, e, self.text[s:e], "places", known.id, True, known.kind, rule, conf, known.label)
        if name not in COUNTRIES:
            return None
        rid = self._new_id(name, "places")
        if rid in self.gaz.ids and rid not in self.new:
            rid = f"{rid}-country"
        mention = Mention(s, e, self.text[s:e], "places", rid, False, "country", rule, conf, name)
        if rid not in self.new:
            self.new[rid] = {"id": rid, "label": name, "kind": "country", "iso_code": COUNTRIES[name]}
            self.new_meta[rid] = mention
        return mention

    def _island_short_names(self) -> None:
        """A land whose name is "X Island" or "X Islands", named so in the article, is "X" alone later ("on
        Norfolk", "Norfolk's roads" beside Norfolk Island), unless the text writes the word in lower case too or it
        names a feast ("Christmas")."""
        from nevkg.ingest.countries import COUNTRIES

        for full in (n for n in COUNTRIES if n in self.text):
            short = re.fullmatch(r"([A-Z][a-z]+) Islands?", full)
            if short is None or short.group(1) in {"Christmas", "Easter"} or re.search(
                    rf"\b{short.group(1).lower()}\b", self.text):
                continue
            for m in re.finditer(rf"(?<![\w-]){short.group(1)}(?![\w-])(?!\s+(?:Islands?\b|[A-Z]))", self.text):
                if not self._in_place_name(m.start(), m.end()) and not self.overlaps(m.start(), m.end()) and (
                        mention := self._country_mention(m.start(), m.end(), full, "island-short", 0.8)) is not None:
                    self.add(mention)

    def _in_place_name(self, s: int, e: int) -> bool:
        """Whether the word at ``text[s:e]`` is part of another place's name: a capitalised word right before or
        after it ("Grand Cayman", "Cayman Brac")."""
        return bool(re.search(r"[A-Z][\w'’-]*[ ]$", self.text[max(0, s - 20):s])
                    or re.match(r"[ ][A-Z]", self.text[e:e + 2]))
