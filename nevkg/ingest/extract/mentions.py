"""Entity mentions: known names from the gazetteer and new ones from name patterns.

:class:`_Entities` keeps the article's mentions and the new records they propose, and runs the name rules in
order: the gazetteer's names, names by suffix (its mixin :class:`.name_patterns.NamePatterns`), countries of
the built-in list, the parse's names (:mod:`.ner`), countries by adjective ("the Chilean market"), companies'
home cities, quoted and listed vehicle models, the short names of new organisations, the forms found after the
parse's (:mod:`.forms`) and where places lie (its mixin :class:`.containers.ContainerRules`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.countries import DEMONYMS
from nevkg.ingest.extract.containers import ContainerRules
from nevkg.ingest.extract.countries_here import CountryMentions
from nevkg.ingest.extract.datelines import front_matter_end
from nevkg.ingest.extract.linking import body_forms, initials_form
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.model_mentions import pattern_models
from nevkg.ingest.extract.name_patterns import _CAP, _STRIP_FOR_HEAD, NamePatterns
from nevkg.ingest.extract.periods import _MONTH_NUM
from nevkg.ingest.extract.place_country_towns import country_named_towns
from nevkg.ingest.extract.title_words import NOT_A_TITLE
from nevkg.ingest.extract.vocab import LEAD_STOP
from nevkg.ingest.gazetteer import Gazetteer, slugify

_DEMONYM_MARKET = re.compile(r"\b(?:the|its|their)\s+(?P<adj>" + "|".join(sorted(DEMONYMS, key=len, reverse=True))
                             + r")\s+(?:(?:car|auto|automobile|vehicle|EV|NEV|passenger[\s-]car|new[\s-]energy)\s+)?"
                             r"markets?\b")
#: a place named as the home of a company: "Wuhu-based", "based in Wuhu", "headquartered in Wuhu"
_HOME_CITY = re.compile(r"\b(?P<a>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)-(?:based|headquartered)\b|"
                        r"\b(?:based|headquartered)\s+in\s+(?P<b>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)\b(?!['’-])")
#: words that describe a company's trade at the end of its name ("Velmora Robotics" is "Velmora" for short)
_DESCRIPTOR_TAIL = re.compile(r"(?:[ ]+(?:Robotics|Electric|Energy|Mobility|Industries|Industry|Manufacturing|Cars|"
                              r"Batteries|Battery|Power|Wheels|EV|Autonomous|Intelligent))+$")


#: a trade word that opens a Spanish or Portuguese company's name before its own ("Automotora X", "Grupo X")
_ROMANCE_LEAD = re.compile(r"(?:Automotora|Automotriz|Automotores|Importadora|Distribuidora|Comercial|Grupo|Autos)"
                           r"\s+(?=[A-ZÀ-Þ][\w\-]+$)")


class _Entities(NamePatterns, ContainerRules, CountryMentions):
    """Finds and keeps entity mentions; proposes the new ones."""

    def __init__(self, text: str, gaz: Gazetteer, doc: Any = None) -> None:
        self.text = text
        self.gaz = gaz
        self.doc = doc
        #: known names inside a longer new name (kept as mentions of the article, not as relation ends)
        self.inner: list[Mention] = []
        #: ids of the parser's "people" that their context shows to be organisations ("X (www.x.example)")
        self.no_people: set[str] = set()
        self.mentions: list[Mention] = []
        self.new: dict[str, dict[str, Any]] = {}  # id → record (new entities)
        self.new_meta: dict[str, Mention] = {}

    def overlaps(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < e and s < m.end]

    def forget(self, m: Mention) -> None:
        """Drop mention `m` (when still kept) and its new record, when no other mention names it."""
        if m in self.mentions:
            self.mentions.remove(m)
        self.drop_unused(m.id)

    def in_dateline(self, m: Mention) -> bool:
        """Whether ``m`` lies in one of the article's datelines (where the story was filed from: no place where an
        actor acts, nor a figure's subject)."""
        return any(a <= m.start and m.end <= b for a, b in getattr(self, "dateline_spans", ()))

    def drop_unused(self, rid: str) -> None:
        """Drop the new record `rid` when no mention names it any more."""
        if not any(k.id == rid for k in self.mentions):
            self.new.pop(rid, None)
            self.new_meta.pop(rid, None)

    def add(self, m: Mention) -> None:
        for other in self.overlaps(m.start, m.end):
            self.mentions.remove(other)
        self.mentions.append(m)

    def run(self) -> None:
        text, gaz = self.text, self.gaz
        for s, e, entry in gaz.finditer(text):
            if entry.file == "places" and re.match(r"\s+dollars?\b|\s?\$", text[e:e + 12]):
                continue  # "U.S. dollars", "US$ 1 billion" name a currency, not the country
            if entry.file == "places" and text[s:e].islower():
                continue  # "overseas markets", "the global market": a known grouping, but a phrase, not a name
            if entry.file == "places" and re.search(r"\w-(?:of|de|du|la|au|en)-$", text[max(0, s - 8):s]):
                continue  # "Spain" of "Port-of-Spain": the end of a town's hyphened name
            if entry.file == "places" and _inside_country(text, s, e):
                continue  # "Africa" of "South Africa": the country's name, which the country rules read
            self.mentions.append(Mention(s, e, text[s:e], entry.file, entry.id, True, entry.kind, "gazetteer",
                                         0.95, entry.label))
        country_named_towns(self)  # ("Andorra la Vella": a town, not Andorra)
        self._patterns()
        self._countries()
        self._island_short_names()  # ("on Norfolk" beside Norfolk Island)
        if self.doc is not None:
            from nevkg.ingest.extract.ner import ner_mentions

            ner_mentions(self, self.doc)
        self._demonym_markets()
        self._home_cities()
        from nevkg.ingest.extract.place_areas import named_areas
        from nevkg.ingest.extract.place_contexts import context_places, directional_regions

        context_places(self)
        named_areas(self)
        directional_regions(self)
        pattern_models(self)
        self._short_names()
        from nevkg.ingest.extract.forms import name_forms

        name_forms(self)
        self.mentions.sort(key=lambda m: m.start)
        self._containment()
        for k in self.mentions:  # a mention moved to another new name ("Kunlun" to Kunlun New Energy Auto) or
            rec = self.new.get(k.id) if not k.known else None  # named before its record was retyped: its kind
            if rec and rec.get("kind") and self.new_meta[k.id].file == k.file:
                k.kind = rec["kind"]

    def _new_id(self, label: str, file: str) -> str:
        base = slugify(label)
        if file == "vehicle_models" and base in self.gaz.ids:
            base = f"{base}-model"
        stem, n = base, 2
        while base in self.gaz.ids and base not in self.new:  # a new record never takes a known record's id
            base, n = f"{stem}-{n}", n + 1
        return base

    def _demonym_markets(self) -> None:
        """"the Chilean market": the adjective names the country (a market for the presence rules)."""
        for m in _DEMONYM_MARKET.finditer(self.text):
            s, e = m.span("adj")
            if self.overlaps(s, e):
                continue
            mention = self._country_mention(s, e, DEMONYMS[m.group("adj")], "demonym-market", 0.75)
            if mention is not None:
                self.mentions.append(mention)

    def _home_cities(self) -> None:
        """New cities named as a company's home ("Wuhu-based", "based in Wuhu") or before a country
        ("in Gothenburg, Sweden")."""
        from nevkg.ingest.countries import COUNTRIES

        found: list[tuple[int, int, str | None]] = []
        for m in _HOME_CITY.finditer(self.text):
            g = "a" if m.group("a") else "b"
            found.append((m.start(g), m.end(g), None))
        countries = [k for k in self.mentions if k.file == "places" and k.kind == "country"]
        for k in countries:
            m = re.search(r"\b(?:in|at|near|outside|from)\s+(?P<name>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?),\s+"
                          r"(?:the\s+)?$", self.text[max(0, k.start - 50):k.start])
            if m and not re.match(r",\s*[A-Z]|\s+and\s+[A-Z]", self.text[k.end:k.end + 6]):
                off = max(0, k.start - 50)
                found.append((off + m.start("name"), off + m.end("name"), k.id))
        for s, e, country in found:
            name = self.text[s:e]
            if self.overlaps(s, e) or name in DEMONYMS or name in COUNTRIES or name.lower() in LEAD_STOP \
                    or name.lower() in _MONTH_NUM or self.gaz.lookup(name) is not None:
                continue
            rid = self._new_id(name, "places")
            if rid in self.gaz.ids and rid not in self.new:
                continue
            rec: dict[str, Any] = {"id": rid, "label": name, "kind": "city"}
            if country:
                rec["located_in"] = [country]
            rule = "city-of-country" if country else "home-city"
            self._add_new(rec, Mention(s, e, name, "places", rid, False, "city", rule, 0.5, name))

    def _add_new(self, rec: dict[str, Any], mention: Mention) -> None:
        if rec["id"] not in self.new:
            self.new[rec["id"]] = rec
            self.new_meta[rec["id"]] = mention
        self.add(mention)

    def _short_names(self) -> None:
        """Later mentions of a new organisation by its head name ("Lanshan" for "Lanshan Motors") or by the first
        words of its name ("Orvan" for "Orvan Mobility Group", "JSW MG" for "JSW MG Motor India")."""
        from nevkg.ingest.extract.name_merges import composite_names, merge_headline_names, used_before_others
        from nevkg.ingest.extract.regional_arms import national_arms

        headline_names = merge_headline_names(self)
        self.absorbed: dict[str, str] = {}  # a record dropped for a longer name's short form → that name's id
        from nevkg.ingest.extract.publications import cited_papers

        papers = cited_papers(self.text)  # (read once: a paper's leading word is no short form of it)
        forms = {rid: self._short_forms(rid, rec, papers) for rid, rec in list(self.new.items())}
        counts: dict[str, int] = {}
        for fs in forms.values():
            for f in set(fs):
                counts[f] = counts.get(f, 0) + 1

        def least(rid: str, form: str) -> bool:  # of the names sharing a form, the one it cuts least
            size = {r: len(self.new[r]["label"].split()) for r, fs in forms.items() if form in fs and r in self.new}
            return rid in size and sorted(size.values()).count(size[rid]) == 1 and size[rid] == min(size.values())

        heads = {_stripped_head(rec["label"]) for rid, rec in self.new.items() if rid in forms}
        owner = {}  # a form shared with the company's own arms ("Hongyan" of "Hongyan Motors" and "Hongyan Motors
        for f in (f for f, n in counts.items() if n > 1):  # Malaysia"): the parent's, whose name opens the others'
            rids = [r for r, fs in forms.items() if f in fs]
            parents = [r for r in rids if all(o == r or self.new[o]["label"].startswith(self.new[r]["label"] + " ")
                                              for o in rids)]
            arms = national_arms({r: self.new[r]["label"] for r in rids}, self.gaz)
            named_after_parents = composite_names(self, f, rids)
            plain = [r for r in rids if r not in named_after_parents]
            if len(parents) == 1:
                owner[f] = parents[0]
            elif len(plain) == 1:  # "Danzhu" of Danzhu New Energy Materials, not of the venture Danzhu Akchour …
                owner[f] = plain[0]
            elif arms:  # "Jiarun" of Jiarun New Energy Components, not of its arm Jiarun Components Poland
                owner[f] = next(r for r in rids if r not in arms)
            elif (first := used_before_others(self, f, rids)) is not None:
                owner[f] = first  # "Xuri to build a plant … Xuri said …", then "Xuri's parent, Xuri Group": the first
        for rid, fs in forms.items():
            rec = self.new.get(rid)
            own = _stripped_head(rec["label"]) if rec else None
            # a form two new names share names neither, unless it is the parent's (above) or one's name without its
            # corporate and trade words and only a leading word of the others' ("Atlas" of Atlas Holdings beside
            # Atlas Qilin Motors), else the name it cuts least ("Ziyun": Ziyun Drive, not Ziyun Lombardia Mobility)
            for head in (f for f in fs if f in owner and owner[f] == rid or f not in owner and (
                    counts[f] == 1 or f == own and counts[f] == sum(
                    1 for g in forms.values() if f in g) and sum(1 for h in heads if h == f) == 1
                    or least(rid, f))):
                if rec is None or rid not in self.new:
                    break
                self._short_mentions(rid, rec, head)
        for f, holder in owner.items():  # a form of a name read by a suffix rule that a longer name took in since
            if holder not in self.new and self.absorbed.get(holder) in self.new:
                self._short_mentions(self.absorbed[holder], self.new[self.absorbed[holder]], f)
        for rid, name in headline_names:
            if name not in self.new[rid].setdefault("aliases", []):
                self.new[rid]["aliases"].append(name)

    def _short_forms(self, rid: str, rec: dict[str, Any], papers: set[str]) -> list[str]:
        """The short forms of a new organisation's name: its head without corporate words, then its leading
        words (longest first; not a function word, a known name or a generic word); a public body's, only its
        name's words before "of PLACE" ("the Municipal Authority"); a paper's (a publisher, or one of ``papers``,
        the names the text cites as papers), only the forms in capitals ("ERR" of "ERR News")."""
        from nevkg.ingest.cities import city_country

        if "aliases" in rec or self.new_meta[rid].file != "organizations":
            return []
        if rec.get("kind") in _BODIES:  # "the Municipal Authority" of "Municipal Authority of Dili"
            return body_forms(rec["label"], self.gaz) + initials_form(rec["label"], self.text, self.gaz, 3)
        from nevkg.ingest.makers import MAKERS

        label = rec["label"]
        out = []
        head = _stripped_head(label)
        if head and head != label and not self.gaz.lookup(head) and not city_country(head):
            out.append(head)  # (a larger town's name is the town's: "Kaduna" beside "Kaduna Electric")
        lead = _ROMANCE_LEAD.match(head or label)
        if lead and not self.gaz.lookup(rest := (head or label)[lead.end():]) and not city_country(rest):
            out.append(rest)  # "Automotora Cuñapirú S.A.": "Cuñapirú", its trade word first as Spanish writes it
        words = label.split()
        for n in range(len(words) - 1 if words[-1][:1].isupper() else 0, 0, -1):  # not of a cut name ("X and")
            pre = " ".join(words[:n])
            last = words[n - 1]
            if pre in out or any(w.lower() in LEAD_STOP or w == "&" for w in words[:n]) \
                    or not (last[:1].isupper() and re.fullmatch(r"[\w\-]+", last)) or last.lower() in LEAD_STOP \
                    or last.lower() in _GENERIC or len(pre) < 3 or self.gaz.lookup(pre) or pre in MAKERS \
                    or city_country(pre):
                continue  # a carmaker's or brand's own name ("Jaecoo" of "Jaecoo UK Ltd") is no short form
            out.append(pre)
        if rec.get("kind") == "publisher" or label in papers:
            out = [f for f in out if f.isupper()]  # (a paper is named in full or by an acronym, "ERR" of "ERR
            # News": "Prishtina" of "Prishtina Insight" is the city)
        return out + initials_form(label, self.text, self.gaz, 2)  # "RMC" for "Riverlane Mobility Corporation"

    def _short_mentions(self, rid: str, rec: dict[str, Any], head: str) -> None:
        first = min((k.start for k in self.mentions if k.id == rid), default=len(self.text))
        # a leading word of the name that the text uses only after the full name is its short form
        # (or inside a longer short form of the same name: "Huoxing" in a headline's "Huoxing Drive")
        own = [(k.start, k.end) for k in self.mentions if k.id == rid]
        top = front_matter_end(self.text)  # (a headline, deck or photo caption above the body names it before
        # the body does: "Kessler plant")
        heads = [x.span() for x in re.finditer(rf"(?<![\w\-]){re.escape(head)}(?![\w\-])", self.text)]
        later = all(a > first or a < top for a, b in heads
                    if not self.text.startswith(rec["label"], a) and not any(s <= a and b < e for s, e in own))
        title_ok = NOT_A_TITLE if head.isupper() else ""  # (an acronym before a title: "DPS Commissioner NAME")
        titled = re.compile(rf"\s+{title_ok}(?:{_CAP})")
        for a, b in heads:
            if titled.match(self.text, b):
                continue
            if any(k.file == "places" and k.rule in {"ner:GPE", "ner:LOC"} and (k.start, k.end) == (a, b)
                   for k in self.mentions) and _AT_PLACE.search(self.text, max(0, a - 40), a) \
                    and not re.match(r"['’]s\b", self.text[b:b + 2]):
                continue  # "the home plant in Changzhou": the city, not "Changzhou Industrial Investment" (but
                # "kits from Jinghan's main factory": the company's)
            if re.search(r"\b(?:for|in|across|around|throughout|to)\s+the\s+$",
                         self.text[max(0, a - 20):a]) \
                    and re.match(r"\s*(?:[,.;:)]|and\b|$)", self.text[b:]):
                continue  # "general manager for the Caribbean": the region, not "Caribbean Utilities Company"
            for odd in [k for k in self.overlaps(a, b) if (k.start, k.end) == (a, b)
                        and not k.known and k.rule.startswith(("ner:", "context-place", "org-suffix:")) and k.id != rid
                        and (k.file in {"places", "people", "vehicle_models"} or k.file == "organizations"
                             and (head.isupper() or head == _stripped_head(rec["label"]) or later)
                             and self.new.get(k.id, {}).get("label") == head)]:
                # (a company named by a leading word of another's name before that name, "Magna" before "Magna
                # Steyr", stays one of its own: an acronym, the name without its corporate and trade words
                # ("Velmora" of "Velmora Robotics"), or a leading word used only after the full name is the
                # longer name)
                self.forget(odd)  # the parser's place or person "Lanshan" is Lanshan Motors
                if odd.id not in self.new:
                    self.absorbed[odd.id] = rid
            for cut in [k for k in self.overlaps(a, b) if a <= k.start and k.end <= b
                        and (k.start, k.end) != (a, b) and not k.known and k.rule.startswith("ner:")
                        and k.file == "organizations" and all(any(x <= o.start and o.end <= y for x, y in heads)
                                                              for o in self.mentions if o.id == k.id)]:
                self.forget(cut)  # ("Wattle Grove chief executive …", "Garage du Rocher opened": the parser's
                # company "Wattle", "Rocher" was cut short, wherever the text names it)
            if self.overlaps(a, b):
                continue
            self.mentions.append(Mention(a, b, head, "organizations", rid, False, rec["kind"],
                                         "short-name", 0.6, rec["label"]))
            rec.setdefault("aliases", [])
            if head not in rec["aliases"]:
                rec["aliases"].append(head)


def _inside_country(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` ends a country's name that the word before it opens ("South Africa", "East Timor")."""
    from nevkg.ingest.countries import COUNTRIES

    m = re.search(r"(?<![\w-])([A-Z][a-z]+)\s+$", text[max(0, s - 20):s])
    return m is not None and f"{m.group(1)} {text[s:e]}" in COUNTRIES


#: a locative preposition right before a name the parser calls a place (not "a stake in X", "invested in X")
_AT_PLACE = re.compile(r"(?<!stake)(?<!share)(?<!interest)(?<!invested)(?<!investing)(?<!invest)\s+(?:in|at|near|"
                       r"outside|from)\s+(?:the\s+)?$", re.I)


#: a group's word opening a Romance-language company name ("Grupo Arlanza Automoción": Arlanza)
_GROUP_LEAD = re.compile(r"^(?:Grupo|Groupe|Gruppo)\s+(?=\S+\s+\S)")


#: kinds of public and member bodies, whose short form is only their name's words before "of PLACE" (and their
#: initials)
_BODIES = frozenset({"customs-office", "ministry", "government-body", "university", "industry-association",
                     "research-centre"})


def _stripped_head(label: str) -> str:
    """A company's name without its corporate words and the trade words at its end ("Velmora Robotics Co." ->
    "Velmora"; "Grupo Arlanza Automoción" -> "Arlanza")."""
    return _DESCRIPTOR_TAIL.sub("", _STRIP_FOR_HEAD.sub("", _GROUP_LEAD.sub("", label)))


#: words that alone are no short form of a company's name ("New", "General", "Great")
_GENERIC = {"new", "general", "great", "first", "united", "national", "international", "global", "royal", "grand",
            "golden", "star", "auto", "car", "motor", "green", "smart", "future", "east", "west", "north", "south",
            "central", "asia", "euro", "china", "sino", "world", "city", "state", "group", "energy", "power",
            # (a sector or a ministry's portfolio: "Transport" of "Transport Malta" in "Minister for Transport")
            "transport", "transportation", "mobility", "infrastructure", "trade", "industry", "finance",
            "investment", "commerce", "logistics", "development"}
