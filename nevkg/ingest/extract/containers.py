"""Containers of places: "Tarnow, Poland", "X, Y state", "in the state of Y", "the Polish plant in X", "X (Country)".

A mixin of the mention finder (``_Entities``): it reads the place mentions found and sets ``located_in`` on new
places, or records in ``stated_in`` the container the article gives a known place.
"""

from __future__ import annotations

import re

from nevkg.ingest.cities import city_country
from nevkg.ingest.countries import COUNTRY_NAMES
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import IN_CLAUSE
from nevkg.ingest.extract.vocab import NAMED_WORKS_RE, SITE_NOUN_RE

#: a compass word before a container ("in western Y", "in the north-east of" is not covered)
_DIRECTION = r"(?:(?:[a-z]+-)?(?:north|south|east|west|central)(?:ern)?(?:-(?:east|west)(?:ern)?)?\s+)?"
#: a place described after a comma: ", in western Y", ", a port city in Y", ", a town of Y"
_DESCRIBED = (r",\s+(?:(?:an?|the)\s+(?:[a-z\-]+\s+){0,2}(?:city|town|port|province|region|state|municipality|"
              rf"district|village|county|prefecture|seat|capital)\s+)?(?:in|of)\s+(?:the\s+)?{_DIRECTION}")
# (", the seat of Somogy County", ", the capital of X province": the town lies in it)


#: a country's government after its name or adjective ("the Uzbek presidency", "Morocco's industry minister",
#: "German Economy Minister")
_GOVERNMENT = re.compile(r"(?:['’]s)?\s+(?:[A-Za-z]+\s+){0,2}?(?:[Pp]resident|[Pp]residency|[Gg]overnment|"
                         r"[Pp]rime\s+[Mm]inister|[Mm]inistry|[Mm]inister|authorities|[Pp]arliament|[Cc]abinet)\b")
#: a site, then the town it stands in: "a factory near ", "output at the plant in central province "
_AT_SITE = re.compile(rf"\b(?:{SITE_NOUN_RE}|assembly|production|output)\b" + IN_CLAUSE
                      + r"{0,40}?\b(?:in|near|at|outside)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")
#: a locative preposition right before a place
_AT_END = r"\b(?:in|at|near|outside)\s+(?:the\s+)?$"
#: kinds of new place that lie in a country (a region or a country does not)
_LOCAL_KINDS = {"city", "province", "state", "district", "port", "place"}


class ContainerRules:
    """Where a place lies, as the text says it; lists of places ("A, B and C") are not chains of containers."""

    def _containment(self) -> None:
        """A place named with its container right after it ("Tarnow, Poland", "X in Y") is located in it; for a
        known place this restates its container (``self.stated_in``), for a new one it sets ``located_in``."""
        self.stated_in: dict[str, tuple[str, int, int]] = {}
        self._known_containers()
        self._stated_containers()
        self._named_after_towns()
        self._nearby_country()
        self._host_country()

    def _stated_containers(self) -> None:
        """Containers the text states right after a place ("Tarnow, Poland", "X, Y state", "X (Country)")."""
        places = sorted((m for m in self.mentions if m.file == "places"), key=lambda m: m.start)
        countries = self.countries_in(0, len(self.text))
        for m in places:
            if m.kind == "country" or m.rule.startswith("demonym"):
                continue
            # "the Spanish city of X": the adjective's country
            pre = re.search(r"(?:city|town|port|region|province|state|district)\s+of\s+$|(?:plant|factory|"
                            r"facility|site|works|port)\s+(?:in|at|near)\s+$", self.text[max(0, m.start - 30):m.start])
            if pre:
                adj = [c for c in countries if c.rule.startswith("demonym") and 0 <= m.start - c.end <= 32]
                if adj:
                    self._contain(m, adj[-1])
                    continue
            for p in places:
                gap = self.text[m.end:p.start]
                if p.start < m.end or p.id == m.id or len(gap) > 50 or p.rule.startswith("demonym"):
                    continue
                # "X, in the (northeastern) (Indian) state of Y"
                state = re.fullmatch(r",?\s+(?:in\s+)?(?:the\s+)?(?:(?:[a-z\-]+|[A-Z][a-z]+)\s+){0,2}?(?:state|"
                                     r"province|region|prefecture)\s+of\s+", gap) or (re.fullmatch(r",\s*", gap) and
                                              re.match(r"\s+(?:state|province)\b", self.text[p.end:p.end + 10]))
                if len(gap) > 30 and not state:
                    continue
                if re.fullmatch(rf"\s+{NAMED_WORKS_RE}\s+(?:in|at)\s+(?:the\s+)?", gap) and (
                        p.kind in {"country", "province", "state"} or not m.known):
                    self._contain(m, p)  # "the X plant in Y": X lies in Y
                    break
                described = re.fullmatch(_DESCRIBED, gap)  # "X, in western Y", "X, a port city in Y"
                if not (state or described or re.fullmatch(r",\s*(?:the\s+)?|\s+in\s+(?:the\s+)?"
                                                            rf"{_DIRECTION}|\s*\(\s*", gap)) \
                        or self._in_list(m, p):
                    continue
                if described:
                    if p.kind in {"country", "province", "region", "district", "state"} or p.known:
                        self._contain(m, p)
                        break
                    continue
                chain = re.match(r",\s*(?:the\s+)?$", gap) and any(
                    re.fullmatch(r",\s*(?:the\s+)?", self.text[p.end:c.start]) for c in countries if c.start > p.end)
                at_site = re.fullmatch(r",\s*", gap) and re.search(
                    rf"\b(?:{SITE_NOUN_RE}|headquarters|centre|center)\s+(?:in|at|near)\s+$",
                    self.text[max(0, m.start - 30):m.start]) and not re.match(r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z]",
                                                                             self.text[p.end:p.end + 12])
                if not (p.known or p.kind in {"country", "province"} or state or chain or at_site):
                    continue  # a container is a known place, a country or a province, a place before its country,
                    # or the second of two names after "a plant in" ("a plant in X, Y")
                if gap.strip().startswith("in") and not state and (
                        p.kind not in {"country", "province", "region"} or not re.search(
                        r"\b(?:in|at|near|outside|of|from)\s+(?:the\s+)?$", self.text[max(0, m.start - 12):m.start])):
                    continue
                if state and not p.known and p.id in self.new:
                    self.new[p.id]["kind"] = p.kind = "state" if re.search(r"\bstate\b", gap) else "province"
                self._contain(m, p)
                break

    def _named_after_towns(self) -> None:
        """An industrial zone or park named after a town lies in it ("the Çerkezköy Organized Industrial Zone",
        "the Dhabeji Special Economic Zone"), when the text names the town on its own too."""
        towns = {m.label or m.text: m for m in self.mentions if m.file == "places" and m.kind in _LOCAL_KINDS}
        for rid, rec in self.new.items():
            if rec.get("kind") != "district" or rec.get("located_in") or self.new_meta[rid].file != "places":
                continue
            town = next((t for name, t in towns.items() if t.id != rid and rec["label"].startswith(name + " ")), None)
            if town is not None:
                rec["located_in"] = [town.id]

    def _nearby_country(self) -> None:
        """A new town or province the text gives no container: the one country the sentences around it name
        ("… Spain is the favourite. Zaragoza already builds …"). Only when exactly one country is named in its
        sentence and the one before it, in the same paragraph (line); adjectives, destinations and origins ("to X",
        "from X"), countries in a list of places ("Dubai and Singapore") and the countries the text gives as
        another place's container ("A and B (Slovakia)") do not count, and a town listed with a known place
        ("Guangzhou and X") is left alone, and so are a national capital and a larger town of the world's table
        named near another country ("Kaunas" beside "a maker of China")."""
        from nevkg.ingest.countries import CAPITALS

        places = sorted((m for m in self.mentions if m.file == "places"), key=lambda m: m.start)
        held = {ups[0] for rec in self.new.values() for ups in [rec.get("located_in") or [None]]}
        held |= {c for c, _, _ in self.stated_in.values()}
        pairs = [(a, b) for a, b in zip(places, places[1:], strict=False)
                 if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?", self.text[a.end:b.start])]
        listed = {(m.start, m.end) for pair in pairs for m in pair}
        for m in places:
            rec = self.new.get(m.id)
            if m.known or rec is None or rec.get("located_in") or rec.get("kind") not in _LOCAL_KINDS:
                continue
            if any(o.known and m in (a, b) for a, b in pairs for o in (a, b) if o is not m):
                continue  # "Guangzhou and X": listed with a known place, X may lie anywhere that one does
            if m.rule == "dateline" or m.text.isupper() and not self.text[:m.start].strip():
                continue  # a dateline's city ("MUMBAI, May 4 -"): the story's countries say nothing of its own
            start = self.text.rfind("\n", 0, m.start) + 1
            ends = [e.end() for e in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", self.text[start:m.start])]
            start = start + ends[-2] if len(ends) >= 2 else start
            stop = re.search(r"[.!?](?:\s|$)", self.text[m.end:])
            stop_at = m.end + stop.end() if stop else len(self.text)
            if "\n" in self.text[m.end:stop_at]:
                stop_at = self.text.index("\n", m.end)
            own_at = re.search(_AT_END, self.text[max(0, m.start - 12):m.start])
            sent_s = max([start] + [start + x.end() for x in re.finditer(r"[.!?]\s", self.text[start:m.start])])
            near = {p.id for p in self.countries_in(start, stop_at, adjectives=False) if p.id != m.id
                    and (p.start, p.end) not in listed and not re.search(
                        r"\b(?:to|into|from|for)\s+(?:the\s+)?$", self.text[max(0, p.start - 12):p.start])
                    and not (own_at and p.start >= sent_s and re.search(
                        _AT_END, self.text[max(0, p.start - 12):p.start]))  # "a plant in X, … one in Y"
                    and not (re.match(r"['’]s?\s", self.text[p.end:p.end + 3]) and not 0 <= m.start - p.end < 25)
                    } - held  # ("X's plant and Y's new quota": Y's quota, not X's container; "Y's X state" is)
            capital_of = CAPITALS.get(m.label or m.text)
            table = self._table_country(m.id)  # (a larger town of the world lies where the world says, when the
            if table is not None and table not in near:  # article names that country)
                continue
            if len(near) == 1 and (capital_of is None or self.country_id(capital_of) in near):
                rec["located_in"] = sorted(near)  # (a capital lies in its own country, whatever is named near it)

    def _host_country(self) -> None:
        """A new town or province where a site stands ("a factory near X", "output at the plant in province X")
        that the text gives no container lies in the host country: the one country whose government the article
        names, by its name or adjective ("the Uzbek presidency", "Morocco's industry minister")."""
        hosts = {m.id for m in self.countries_in(0, len(self.text)) if _GOVERNMENT.match(self.text, m.end)}
        if len(hosts) != 1:
            return
        host = hosts.pop()
        for m in (m for m in self.mentions if m.file == "places" and not m.known and m.id != host):
            rec = self.new.get(m.id)
            if rec is None or rec.get("located_in") or rec.get("kind") not in _LOCAL_KINDS:
                continue
            code = city_country(m.label or m.text)  # (a larger town of the world lies where the world says:
            if code is not None and self.country_id(COUNTRY_NAMES.get(code, "")) != host:  # "near Chennai")
                continue
            if _AT_SITE.search(self.text[max(0, m.start - 80):m.start]):
                rec["located_in"] = [host]

    def _known_containers(self) -> None:
        """A known place named in one sentence with a known place its records put it in ("Thailand, a hub in
        Southeast Asia", "its first plant in the Americas, in Brazil"): the sentence implies the containment,
        which is stated for it (``self.implied_in``: place id → [(container id, start, end)]). Containers through
        a chain count too. Not from a list of places ("Spain, Poland and Norway in Europe" lists markets), not
        for the whole world, "overseas markets" or an economic union, and an adjective ("the Thai market") does
        not name a container."""
        self.implied_in: dict[str, list[tuple[str, int, int]]] = {}
        places = sorted((m for m in self.mentions if m.file == "places"), key=lambda m: m.start)
        listed = {(m.start, m.end) for a, b in zip(places, places[1:], strict=False)
                  if re.fullmatch(r"\s*(?:,|and|or|,\s*and|/)\s*(?:the\s+)?", self.text[a.end:b.start])
                  for m in (a, b)}
        for m in places:
            if not m.known or (m.start, m.end) in listed or m.kind == "economic-union":
                continue
            ups = self._ancestors(m.id) - {"world", "overseas-markets", m.id}
            for c in places:
                if c.id not in ups or not c.known or c.rule.startswith("demonym") or c.kind == "economic-union" \
                        or (c.start, c.end) in listed or abs(c.start - m.start) > 120 or re.search(
                            r"[.!?]\s", self.text[min(m.end, c.end):max(m.start, c.start)]):
                    continue
                if all(u[0] != c.id for u in self.implied_in.get(m.id, [])):
                    self.implied_in.setdefault(m.id, []).append((c.id, min(m.start, c.start), max(m.end, c.end)))

    def _ancestors(self, pid: str) -> set[str]:
        """Every place the records put ``pid`` in, through chains of ``located_in``."""
        out: set[str] = set()
        todo = [pid]
        while todo:
            entry = self.gaz.entries.get(todo.pop())
            for up in getattr(entry, "parents", None) or []:
                if up not in out:
                    out.add(up)
                    todo.append(up)
        return out

    def _contain(self, m: Mention, p: Mention) -> None:
        if not m.known and m.id in self.new:
            self.new[m.id].setdefault("located_in", [p.id])
        elif m.known:
            self.stated_in.setdefault(m.id, (p.id, m.start, p.end))

    def _in_list(self, m: Mention, p: Mention) -> bool:
        """``m`` and ``p`` are items of a list ("A, B, C and D"), not a place and its container: another name
        stands before ``m`` with a comma, or the run of names after ``p`` ends in "and"."""
        if re.search(r"[A-Za-z\)],\s*(?:(?:north|south|east|west|central)(?:ern)?\s+)?$",
                     self.text[max(0, m.start - 12):m.start]):
            return True  # (", east Asia": a direction written in lower case before the name)
        tail = re.match(r"(?:,\s*(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)*,?\s+(?:and|or)\s+(?:the\s+)?"
                        r"(?:[A-Z]|other\s|many\s|more\s|several\s|elsewhere\b|beyond\b)",
                        self.text[p.end:p.end + 160])  # ("…, the Middle East and other regions")
        return bool(tail)
