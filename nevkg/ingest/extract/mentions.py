"""Entity mentions: known names from the gazetteer and new ones from name patterns."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.containers import ContainerRules
from nevkg.ingest.extract.countries_here import CountryMentions, is_country_name
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import _MONTH_NUM
from nevkg.ingest.gazetteer import Entry, Gazetteer, slugify

_CAP = (r"(?!(?:Co|Ltd|Inc|Corp)\.)[A-Z][A-Za-z0-9&\-]*(?:(?<=s)['’](?=[ ]+(?:Association|Federation|Union|Council|"
        r"Chamber|Alliance|Confederation|Institute|Society|Organi[sz]ation)\b))?")  # "Manufacturers' Association"
_RUN = re.compile(rf"{_CAP}(?:[ ]+(?:{_CAP}|&|of|and|de|for))*(?:,?[ ]+Co\.,?(?:[ ]+Ltd\.)?|,?[ ]+Ltd\.|"
                  rf",?[ ]+Inc\.|[ ]+Corp\.)?")
_LEAD_STOP = {"the", "in", "on", "at", "by", "for", "from", "as", "while", "meanwhile", "according", "also",
              "chinese", "china's", "both", "last", "this", "its", "his", "her", "their", "our", "a", "an", "and",
              "since", "after", "before", "with", "under", "among", "when", "during", "thai", "spanish", "german",
              "european", "japanese", "korean", "american", "british", "french", "italian", "brazilian", "mexican",
              "indonesian", "malaysian", "vietnamese", "saudi", "emirati", "russian", "turkish", "indian", "of",
              "to", "but", "however", "now", "automaker", "carmaker", "startup", "if", "so", "that", "these",
              "those", "all", "each", "every", "new", "local", "state-owned", "privately", "unlike", "like", "via",
              "across", "through", "near", "within", "outside", "inside", "throughout", "into", "beyond", "around",
              "about", "over", "toward", "towards", "including", "except", "separately", "earlier", "later", "then",
              "yet", "still", "competition", "rival", "rivals", "sample", "article", "ceo", "cfo", "chairman",
              "president", "chief", "executive", "minister", "director", "founder", "vice", "deputy", "head"}
_ORG_SUFFIX = {
    "customs": "customs-office", "association": "industry-association", "federation": "industry-association",
    "chamber": "business-association", "university": "university", "institute": "research-centre",
    "academy": "research-centre", "ministry": "ministry", "commission": "government-body",
    "administration": "government-body", "bureau": "government-body", "government": "government-body",
    "technology": "technology-company", "technologies": "technology-company", "tech": "technology-company",
    "robotics": "technology-company", "motors": "automaker", "motor": "automaker", "auto": "automaker",
    "automobile": "automaker", "automotive": "automaker", "automobiles": "automaker", "vehicles": "automaker",
    "group": "company", "holdings": "company", "holding": "company", "corporation": "company", "corp.": "company",
    "company": "company", "co.": "company", "co., ltd.": "company", "co. ltd.": "company", "ltd.": "company",
    "inc.": "company", "limited": "company", "energy": "company", "battery": "company", "logistics": "company",
    "shipping": "company", "trading": "company", "partners": "company", "mobility": "company",
    "daily": "publisher", "times": "publisher", "post": "publisher", "media": "publisher",
    "press": "publisher",
}
_OF_HEADS = {"Ministry", "Bank", "University", "Association", "Department", "Bureau", "Administration",
             "Commission", "Chamber", "Federation", "Academy", "Institute", "Office", "Council", "Government",
             "Republic", "Union", "Port", "City", "Province", "Kingdom"}
_PLACE_SUFFIX = {"province": "province", "city": "city", "district": "district", "port": "port",
                 "prefecture": "city", "county": "district"}
#: adjectives of countries, for "the Chilean market" (the country is meant)
DEMONYMS = {
    "Algerian": "Algeria", "Argentine": "Argentina", "Argentinian": "Argentina", "Australian": "Australia",
    "Austrian": "Austria", "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Brazilian": "Brazil",
    "British": "United Kingdom", "Bulgarian": "Bulgaria", "Cambodian": "Cambodia", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Croatian": "Croatia", "Czech": "Czechia",
    "Danish": "Denmark", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "Estonian": "Estonia", "Ethiopian": "Ethiopia", "Finnish": "Finland",
    "French": "France", "German": "Germany", "Greek": "Greece", "Hungarian": "Hungary", "Indian": "India",
    "Indonesian": "Indonesia", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kazakhstani": "Kazakhstan", "Kenyan": "Kenya",
    "Korean": "South Korea", "Kuwaiti": "Kuwait", "Malaysian": "Malaysia", "Mexican": "Mexico",
    "Moroccan": "Morocco", "Nepalese": "Nepal", "Nigerian": "Nigeria", "Norwegian": "Norway", "Omani": "Oman",
    "Pakistani": "Pakistan", "Peruvian": "Peru", "Philippine": "Philippines", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "South African": "South Africa", "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Swedish": "Sweden",
    "Swiss": "Switzerland", "Thai": "Thailand", "Turkish": "Turkey", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Vietnamese": "Vietnam"}
_DEMONYM_MARKET = re.compile(r"\b(?:the|its|their)\s+(?P<adj>" + "|".join(sorted(DEMONYMS, key=len, reverse=True))
                             + r")\s+(?:(?:car|auto|automobile|vehicle|EV|NEV|passenger[\s-]car|new[\s-]energy)\s+)?"
                             r"markets?\b")
#: a place named as the home of a company: "Wuhu-based", "based in Wuhu", "headquartered in Wuhu"
_HOME_CITY = re.compile(r"\b(?P<a>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)-(?:based|headquartered)\b|"
                        r"\b(?:based|headquartered)\s+in\s+(?P<b>[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?)\b(?!['’-])")
_STRIP_FOR_HEAD = re.compile(r"(?:[ ]+(?:Automobile|Auto|Motors?|Group|Holdings?|Technology|Technologies|"
                             r"Corporation|Corp\.|Company|Co\.,?(?:[ ]+Ltd\.)?|Ltd\.|Inc\.|Limited|International|"
                             r"New[ ]+Energy|Automotive|Vehicles?))+$")
_QUOTED = re.compile(r"[\"“‘](?P<name>[A-Z0-9][A-Za-z0-9+\- ]{0,28}?)[\"”’]")
_MODEL_CONTEXT = re.compile(r"\b(?:models?|SUVs?|sedans?|hatchbacks?|MPVs?|pickups?|pick-ups?|coupes?|cars?|"
                            r"vehicles?|wagons?|crossovers?|minivans?|trucks?|buses?)\b", re.I)
_MODEL_NAME = r"[A-Z][A-Za-z0-9+\-]*(?:[ ][A-Z0-9][A-Za-z0-9+\-]*){0,3}"
#: "the A and B models", "its A, B and C SUVs": names listed before a plural model noun
_MODELS_BEFORE_NOUN = re.compile(rf"\b(?:the|its|their)\s+(?P<names>{_MODEL_NAME}(?:,\s+{_MODEL_NAME})*,?\s+and\s+"
                                 rf"{_MODEL_NAME})\s+(?:models|SUVs|sedans|hatchbacks|MPVs|pickups|crossovers)\b")
_MODEL_AFTER_NOUN = re.compile(r"\b(?:model|SUV|sedan|hatchback|MPV|pickup|crossover)s?,?\s+(?:the\s+|its\s+)?"
                               r"(?P<name>[A-Z][A-Za-z]*(?:[ -][A-Z0-9][A-Za-z0-9+]*){0,2}\d?[A-Za-z0-9+]*)")


def _clean_run(run: str, start: int) -> tuple[str, int]:
    """Drop sentence-initial and adjectival words from the front of a capitalised run."""
    words = run.split(" ")
    while words and (words[0].lower() in _LEAD_STOP or words[0].lower().rstrip("s") in _LEAD_STOP
                     or words[0].lower() in _MONTH_NUM or re.search(r"-(?:based|owned|listed|headquartered|"
                                                                    r"made|built)$", words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[0].lower() in {"of", "and", "&", "de", "for"}:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


class _Entities(ContainerRules, CountryMentions):
    """Finds and keeps entity mentions; proposes the new ones."""

    def __init__(self, text: str, gaz: Gazetteer, doc: Any = None) -> None:
        self.text = text
        self.gaz = gaz
        self.doc = doc
        #: known names inside a longer new name (kept as mentions of the article, not as relation ends)
        self.inner: list[Mention] = []
        self.mentions: list[Mention] = []
        self.new: dict[str, dict[str, Any]] = {}  # id → record (new entities)
        self.new_meta: dict[str, Mention] = {}

    def overlaps(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < e and s < m.end]

    def add(self, m: Mention) -> None:
        for other in self.overlaps(m.start, m.end):
            self.mentions.remove(other)
        self.mentions.append(m)

    def run(self) -> None:
        text, gaz = self.text, self.gaz
        for s, e, entry in gaz.finditer(text):
            if entry.file == "places" and re.match(r"\s+dollars?\b", text[e:e + 12]):
                continue  # "U.S. dollars" names a currency, not the country
            self.mentions.append(Mention(s, e, text[s:e], entry.file, entry.id, True, entry.kind, "gazetteer",
                                         0.95, entry.label))
        self._patterns()
        self._countries()
        if self.doc is not None:
            from nevkg.ingest.extract.ner import ner_mentions

            ner_mentions(self, self.doc)
        self._demonym_markets()
        self._home_cities()
        self._models()
        self._short_names()
        from nevkg.ingest.extract.forms import name_forms

        name_forms(self)
        self.mentions.sort(key=lambda m: m.start)
        self._containment()

    def _new_id(self, label: str, file: str) -> str:
        base = slugify(label)
        if file == "vehicle_models" and base in self.gaz.ids:
            base = f"{base}-model"
        stem, n = base, 2
        while base in self.gaz.ids and base not in self.new:  # a new record never takes a known record's id
            base, n = f"{stem}-{n}", n + 1
        return base

    def _patterns(self) -> None:
        text, gaz = self.text, self.gaz
        pieces: list[tuple[str, int]] = []
        for m in _RUN.finditer(text):
            offset = m.start()
            # "A Group and B Ltd." are two names; "Shares of X Group" is X Group, "Ministry of Y" stays whole
            parts = re.split(r"( (?:and|&) | of )", m.group(0))
            current, current_start = "", offset
            for part in parts:
                if part == " of " and current and current.split(" ")[-1] in _OF_HEADS:
                    current += part
                elif part.strip() in {"and", "&", "of"}:
                    if current:
                        pieces.append((current, current_start))
                    current, current_start = "", offset + len(part)
                else:
                    current += part
                offset += len(part)
            if current:
                pieces.append((current, current_start))
        for raw, raw_start in pieces:
            run, start = _clean_run(raw, raw_start)
            if not run:
                continue
            words = run.split(" ")
            lower = run.lower()
            org_kind = place_kind = None
            cut = None
            # the longest prefix of the run that ends with a suffix word
            for i in range(len(words), 1, -1):
                tail = " ".join(words[:i]).lower()
                last = words[i - 1].lower()
                for suffix in ("co., ltd.", "co. ltd."):
                    if tail.endswith(" " + suffix) and len(tail) > len(suffix) + 1:
                        org_kind, cut = "company", " ".join(words[:i])
                        break
                if cut:
                    break
                if last in _ORG_SUFFIX:
                    org_kind, cut = _ORG_SUFFIX[last], " ".join(words[:i])
                    break
                if last in _PLACE_SUFFIX:
                    place_kind, cut = _PLACE_SUFFIX[last], " ".join(words[:i])
                    break
            if not cut:
                continue
            nxt = words[len(cut.split(" "))] if org_kind and len(cut.split(" ")) < len(words) else ""
            if nxt and _is_country(nxt, gaz):
                cut = f"{cut} {nxt}"  # a local arm named with its country ("X Motor India")
            name = cut.rstrip(",")
            if re.match(r"\s+(?:Show|Expo|Fair|Week|Festival|Summit|Forum)\b", text[start + len(name):]):
                continue  # an event ("X Motor Show"), not an organisation
            s, e = start, start + len(name)
            if re.search(r"\b(?:and|of|for)$", name) or name.lower() == lower and len(words) < 2:
                continue
            head = _STRIP_FOR_HEAD.sub("", name) if org_kind else re.sub(r"[ ]+\w+$", "", name)
            if not head or head == name and org_kind:
                head = name
            inside = [k for k in self.overlaps(s, e) if k.known]
            if any(k.start <= s and e <= k.end for k in inside):
                continue  # already a known name (or inside one)
            file = "places" if place_kind else "organizations"
            known = gaz.lookup(name, (file,)) or (gaz.lookup(head, (file,)) if head != name else None)
            if org_kind == "customs-office" or org_kind in {"ministry", "government-body", "university",
                                                            "industry-association", "research-centre"}:
                known = gaz.lookup(name, (file,))  # "Qingdao Customs" is not Qingdao
            if known is not None:
                alias = name if normalize_in(name, known) is False else None
                self.add(Mention(s, e, name, known.file, known.id, True, known.kind,
                                 "pattern+gazetteer", 0.85, known.label, new_alias=alias))
                continue
            if any(len(name) <= len(k.text) for k in inside):
                continue
            if place_kind:
                label = head
                rid = self._new_id(label, "places")
                rec = {"id": rid, "label": label, "aliases": [name], "kind": place_kind}
                rule, conf = f"place-suffix:{words[len(name.split(' ')) - 1]}", 0.7
            else:
                label = name
                rid = self._new_id(label, "organizations")
                rec = {"id": rid, "label": label, "kind": org_kind}
                if org_kind == "automaker" or re.search(r"\bAuto(?:mobiles?|motive)?\b(?!\s+Parts)|\bMotors?\b",
                                                        name) and org_kind == "company":
                    rec["kind"] = "automaker"
                if org_kind == "customs-office":
                    if "general-administration-of-customs" in gaz.ids:
                        rec["parent"] = "general-administration-of-customs"
                    city = gaz.lookup(head, ("places",))
                    if city:
                        rec["based_in"] = city.id
                rule, conf = f"org-suffix:{name.split(' ')[-1]}", 0.7 if org_kind != "company" else 0.6
            self._add_new(rec, Mention(s, e, name, file, rid, False, rec["kind"], rule, conf, label))

    def _countries(self) -> None:
        """Countries the records do not know yet, from the built-in list (with their ISO codes)."""
        from nevkg.ingest.countries import COUNTRIES

        names = [n for n in COUNTRIES if self.gaz.lookup(n, ("places",)) is None]
        if not names:
            return
        rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + r")(?![\w])")
        for m in rx.finditer(self.text):
            if self.overlaps(m.start(), m.end()):
                continue
            name = m.group(0)
            rid = self._new_id(name, "places")
            if rid in self.gaz.ids and rid not in self.new:
                rid = f"{rid}-country"
            rec = {"id": rid, "label": name, "kind": "country", "iso_code": COUNTRIES[name]}
            if rid in self.new:
                self.mentions.append(Mention(m.start(), m.end(), name, "places", rid, False, "country",
                                             "country-list", 0.85, name))
            else:
                self._add_new(rec, Mention(m.start(), m.end(), name, "places", rid, False, "country",
                                           "country-list", 0.85, name))

    def _country_mention(self, s: int, e: int, name: str, rule: str, conf: float) -> Mention | None:
        """A mention at ``text[s:e]`` of the country called ``name`` (known, or new from the country list)."""
        from nevkg.ingest.countries import COUNTRIES

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
            if self.overlaps(s, e) or name in DEMONYMS or name in COUNTRIES or name.lower() in _LEAD_STOP \
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

    def _models(self) -> None:
        text = self.text
        spans: list[tuple[int, int, str]] = []
        for m in _QUOTED.finditer(text):
            name = m.group("name").strip()
            ctx = text[max(0, m.start() - 50):m.end() + 30]
            if len(name.split()) > 4 or not _MODEL_CONTEXT.search(ctx):
                continue
            spans.append((m.start("name"), m.start("name") + len(name), "quoted-model"))
        for m in _MODEL_AFTER_NOUN.finditer(text):
            name = m.group("name").strip()
            if not re.search(r"\d", name) and len(name.split()) < 2:
                continue
            spans.append((m.start("name"), m.start("name") + len(name), "model-after-noun"))
        for m in _MODELS_BEFORE_NOUN.finditer(text):
            for n in re.finditer(_MODEL_NAME, m.group("names")):
                if n.group(0) not in {"And"}:
                    spans.append((m.start("names") + n.start(), m.start("names") + n.end(), "models-before-noun"))
        for s, e, rule in spans:
            name = text[s:e]
            same = [k for k in self.overlaps(s, e) if (k.start, k.end) == (s, e) and not k.known
                    and k.file in {"organizations", "places", "people"} and k.id in self.new]
            if rule == "models-before-noun" and same:  # the parser called a listed model a company, place or person
                from nevkg.ingest.extract.ner import retype

                retype(self, same[0].id, "vehicle_models", "")
                self.new[same[0].id].pop("kind", None)
                for k in self.mentions:
                    if k.id == same[0].id:
                        k.kind = None
                continue
            if any(k.start <= s and e <= k.end for k in self.overlaps(s, e)):
                continue
            known = self.gaz.lookup(name, ("vehicle_models",))
            if known:
                self.add(Mention(s, e, name, "vehicle_models", known.id, True, None, rule, 0.8, known.label))
                continue
            rid = self._new_id(name, "vehicle_models")
            self._add_new({"id": rid, "label": name},
                          Mention(s, e, name, "vehicle_models", rid, False, None, rule,
                                  0.55 if rule == "quoted-model" else 0.45, name))

    def _short_names(self) -> None:
        """Later mentions of a new organisation by its head name ("Lanshan" for "Lanshan Motors")."""
        for rid, rec in list(self.new.items()):
            if rec.get("kind") in {"customs-office", "ministry", "government-body", "university",
                               "industry-association", "research-centre"} or "aliases" in rec:
                continue
            if rid not in self.new or self.new_meta[rid].file != "organizations":
                continue
            head = _STRIP_FOR_HEAD.sub("", rec["label"])
            if not head or head == rec["label"] or self.gaz.lookup(head):
                continue
            for m in re.finditer(rf"(?<![\w]){re.escape(head)}(?![\w])(?!\s+(?:{_CAP}))", self.text):
                for odd in [k for k in self.overlaps(m.start(), m.end()) if (k.start, k.end) == m.span()
                            and not k.known and k.rule.startswith("ner:") and k.file in {"places", "people"}]:
                    _forget_mention(self, odd)  # the parser's place or person "Lanshan" is Lanshan Motors
                if self.overlaps(m.start(), m.end()):
                    continue
                self.mentions.append(Mention(m.start(), m.end(), head, "organizations", rid, False, rec["kind"],
                                             "short-name", 0.6, rec["label"]))
                rec.setdefault("aliases", [])
                if head not in rec["aliases"]:
                    rec["aliases"].append(head)


def _forget_mention(ents: _Entities, m: Mention) -> None:
    """Drop a new mention (and its record, when nothing else names it)."""
    ents.mentions.remove(m)
    if not any(k.id == m.id for k in ents.mentions):
        ents.new.pop(m.id, None)
        ents.new_meta.pop(m.id, None)


def normalize_in(name: str, entry: Entry) -> bool:
    """Whether the name is already one of the entry's names (compared normalized)."""
    from nevkg.queries.resolve import normalize

    key = normalize(name)
    return any(normalize(n) == key for n in [entry.label, *entry.names])


def _is_country(word: str, gaz: Any) -> bool:
    """Whether a word names a country (a known one, or one of the built-in list)."""
    return is_country_name(word, gaz)
