"""The units of figures: the nouns and currencies a number counts in ("12,400 units", "RM2.1 billion") and the unit
a bare number takes from the words before it ("exports rose to 12,400")."""

from __future__ import annotations

import re

from nevkg.ingest.extract.currencies import CODES, LETTERS, NATIONAL, SIGNS, WORDS
from nevkg.ingest.extract.spans import IN_CLAUSE

__all__ = ["CUR_OF", "UNIT_AFTER", "UNIT_OF", "implied_unit", "national_currency"]

#: the unit a bare number takes from the noun before it ("staffing will reach 1,000", "volume of 1.6 million")
_IMPLIED = [(re.compile(r"\bnumber\s+of\s+(?:countries|markets)\b[^.;0-9]{0,70}\bto\s+$", re.I),
             "countries-and-regions"),  # "bringing the number of countries in which it sells to 46"
            (re.compile(r"\bnumber\s+of\s+(?:showrooms|stores|dealers|dealerships|outlets)\b[^.;0-9]{0,70}\bto\s+$",
                        re.I), "stores"),
            (re.compile(r"\b(?:staff\w*|workforce|headcount|employ\w*|hir\w+|jobs?)\b" + IN_CLAUSE + r"{0,60}$",
                        re.I), "jobs"),
            (re.compile(r"\b(?:rides|trips)\b[^.;0-9]{0,40}$", re.I), "rides"),  # "Paid rides totaled 4.7 million"
            (re.compile(r"\b(?:volume|sales|exports?|shipments?|deliveries|output|production|capacity|sold|"
                        r"exported|shipped|delivered|produced|registrations?)\b[^.;0-9]{0,40}$", re.I), "vehicles")]


def national_currency(words: str, unit: str) -> str:
    """The currency of a unit's words with the adjective of its country ("14.6 billion Algerian dinars": DZD),
    else ``unit``.

    >>> national_currency(" Pakistani rupees", "inr"), national_currency(" Canadian dollars", "usd")
    ('pkr', 'cad')
    """
    return next((code for code, rx in NATIONAL.items() if re.search(rf"\b{rx}\b", words)), unit)


#: the currency words of the table written after an amount, longest first ("2.3 billion birr", "tugriks")
_CURRENCY_WORDS = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s*cent\b|percent\b|pct\b)")

#: the unit noun after a number, behind up to three words that qualify it ("12,400 new electric cars")
UNIT_AFTER = re.compile(
    r"^[\s-]?\s*(?:(?:[A-Z][a-z]+(?:an|ese|ish|ic)|French|Dutch|Swiss|Greek|"
    r"Thai|Brazilian|Malaysian|Indian|Chinese|Mexican|Turkish|Indonesian|Hungarian|Canadian|Kuwaiti|Pakistani|Uzbek|"
    r"Philippine|Argentine|Omani|Bahraini|Qatari|Saudi|Iraqi|Nepali|Sri\s+Lankan|(?:West\s+African\s+)?CFA|"
    r"Trinidad(?:\s+and\s+Tobago)?|Fiji|"
    r"Australian|Singapore|Hong\s+Kong|New\s+Zealand|(?:New\s+)?Taiwan|new[\s-]energy|new|electric|passenger|pure[\s-]electric|plug-in|hybrid|intelligent|driverless|"
    r"NEV|EV|overseas|robotaxi|export|more|complete|finished|locally\s+built|domestic|annual|yearly|monthly|"
    r"fast|rapid|ultra-fast|high-power|public|DC|"
    r"global|retail|vehicle|fully|autonomous|self-driving|consecutive|straight|battery[\s-]electric|connected|"
    r"commercial|paid|direct|indirect|permanent|skilled|full-time|part-time|additional|affiliated|CKD|SKD|private|"
    r"light|heavy|medium|(?:light|medium|heavy)-duty|cargo|"
    r"(?:scooter|truck|bus|car|motorcycle|taxi|van|bike)(?=\s+(?:chargers|charging\s+(?:points|stations)))|"
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|sixteen|eighteen|"
    r"twenty|thirty|forty|fifty)-(?:seat|seater|passenger|door|metre|meter|foot)|"
    r"former|remaining|furloughed|laid-off|(?:new\s+(?:and|or)\s+)?(?:used|second-?hand|pre-owned)|"
    r"(?:[Ll]evel|L)[\s-]?[2-5]|[A-Z][A-Za-z0-9-]+(?=\s+(?:(?:[A-Z][A-Za-z0-9-]*|\d{1,2}|electric|new|plug-in|"
    r"hybrid)\s+){0,3}(?:cars?|vehicles|EVs|units|SUVs|robotaxis|shuttles|buses|minibuses|coaches|sedans|vans|"
    r"trucks|taxis|cabs|motorcycles|scooters|workers|employees|staff|dealerships|showrooms|stores|outlets)\b)|"
    r"\d{1,2}(?=\s+(?:electric|new|plug-in|hybrid)\s|\s+(?:cars|vehicles|EVs|SUVs|buses|minibuses|coaches|sedans|"
    r"vans|trucks|taxis)\b))\s+){0,4}"
    r"(?P<unit>sales\s+(?:and|&)\s+service\s+(?:outlets|centres|centers|points|stores|sites)|"
    r"strong\s+(?:workforce|team|staff)|units?|sales(?!\s+(?:outlets|points|(?:and|&)\s+service))|registrations|"
    r"shipments|vehicles?|cars?|NEVs?|EVs?|BEVs?|PHEVs?|EREVs?|HEVs?|robotaxis?|pickups?|trucks?|buses|SUVs?|"
    r"sedans?|minivans?|vans?|MPVs?|"
    r"taxis?|shuttles?|minibuses|midibuses|utes?|(?:e-)?boats?|coach(?:es)?|minicars?|microcars?|buggy|buggies|"
    r"hatchbacks?|crossovers?|kits|yuan|"
    r"RMB|"
    r"U\.S\.\s+dollars|US\s+dollars|dollars|"
    r"euros?|orders?|stores?|showrooms?|outlets|countries\s+and\s+regions|countries|overseas\s+markets|markets|"
    r"models|jobs|factories|plants|months|deliveries|square[\s-]met(?:re|er)s?|employees|workers|staff|people|"
    r"drivers|"
    r"dealer\s+cent(?:re|er)s|dealers|dealerships|sales\s+outlets|retailers|touch[\s-]?points|points\s+of\s+sale|sales\s+points|workshops|GWh|gigawatt[\s-]hours|"
    + _CURRENCY_WORDS + r"|"
    r"acres?|hectares?|ha|(?:metric\s+)?(?:tonnes|tons)|cities|companies|rides|trips|years|cabs?|motorcycles?|scooters?|tricycles?|"
    r"saloons?|(?:e-)?mopeds?|(?:two|three)-wheelers?|rickshaws?|"
    r"chargers|charging\s+(?:points|stations|piles|posts)|charge\s+points)(?![\w])")
UNIT_OF = {"sale": "vehicles", "registration": "vehicles", "shipment": "vehicles", "unit": "vehicles",
            "vehicle": "vehicles", "car": "vehicles", "nev": "vehicles", "ev": "vehicles", "bev": "vehicles",
            "phev": "vehicles", "erev": "vehicles", "hev": "vehicles",
            "robotaxi": "vehicles", "delivery": "vehicles", "deliverie": "vehicles", "pickup": "vehicles",
            "truck": "vehicles", "buse": "vehicles", "bus": "vehicles", "suv": "vehicles", "sedan": "vehicles",
            "minivan": "vehicles", "van": "vehicles", "mpv": "vehicles", "taxi": "vehicles", "hatchback": "vehicles",
            "crossover": "vehicles", "kit": "vehicles", "shuttle": "vehicles", "minibuse": "vehicles",
            "midibuse": "vehicles", "ute": "vehicles", "boat": "vehicles", "e-boat": "vehicles",
            "coach": "vehicles", "coache": "vehicles", "minicar": "vehicles", "microcar": "vehicles",
            "buggy": "vehicles", "buggie": "vehicles",
            "yuan": "cny", "rmb": "cny", "u.s. dollar": "usd", "us dollar": "usd", "dollar": "usd", "euro": "eur",
            "order": "orders-unit", "store": "stores", "showroom": "stores", "outlet": "stores",
            "countries and region": "countries-and-regions", "countrie": "countries-and-regions",
            "overseas market": "countries-and-regions", "market": "countries-and-regions", "model": "models",
            "job": "jobs", "factorie": "factories", "plant": "factories", "month": "months",
            "square metre": "square-metres", "square meter": "square-metres", "square-metre": "square-metres",
            "square-meter": "square-metres", "employee": "jobs", "worker": "jobs",
            "staff": "jobs", "people": "jobs", "driver": "jobs",
            "dealer": "stores", "dealership": "stores", "sales outlet": "stores", "dealer centre": "stores",
            "dealer center": "stores",
            "retailer": "stores", "touchpoint": "stores", "touch point": "stores",
            "sales and service outlet": "stores", "sales and service centre": "stores",
            "sales and service center": "stores", "sales and service point": "stores",
            "sales and service store": "stores", "sales and service site": "stores", "strong workforce": "jobs",
            "strong team": "jobs",
            "strong staff": "jobs",
            "touch-point": "stores", "points of sale": "stores", "sales point": "stores",
            "workshop": "workshops", "gwh": "gwh", "gigawatt-hour": "gwh",
            "gigawatt hour": "gwh", "acre": "acres", "hectare": "hectares", "ha": "hectares",
            "tonne": "tonnes", "ton": "tonnes", "metric tonne": "tonnes", "metric ton": "tonnes",
            "citie": "cities", "companie": "companies",
            "ride": "rides", "trip": "rides", "year": "years", "cab": "vehicles", "motorcycle": "vehicles",
            "scooter": "vehicles", "tricycle": "vehicles", "charger": "chargers", "charging point": "chargers",
            "saloon": "vehicles", "moped": "vehicles", "e-moped": "vehicles", "two-wheeler": "vehicles",
            "three-wheeler": "vehicles", "rickshaw": "vehicles",
            "charging station": "chargers", "charging pile": "chargers", "charging post": "chargers",
            "charge point": "chargers"}
CUR_OF = {"us$": "usd", "$": "usd", "usd": "usd", "¥": "cny", "rmb": "cny", "cny": "cny", "r$": "brl", "€": "eur",
           "£": "gbp", "₹": "inr", "rs": "inr", "rs.": "inr", "eur": "eur", "gbp": "gbp", "thb": "thb", "brl": "brl",
           "inr": "inr", "myr": "myr", "c$": "cad", "a$": "aud", "hk$": "hkd", "s$": "sgd", "nt$": "twd",
           "nz$": "nzd", "r": "zar", "p": "php", "n": "ngn", "₦": "ngn",
           "rm": "myr", "bt": "thb", "rp": "idr", "rbs": "rub", "tk": "bdt", "tk.": "bdt",
           "sh": "kes", "shs": "kes", "ksh": "kes", "kshs": "kes", "tsh": "tzs", "tshs": "tzs", "ush": "ugx",
           "ushs": "ugx",
           **{c: c for c in CODES}, **{k.lower(): c for k, c in {**SIGNS, **LETTERS}.items()}}
UNIT_OF.update({w: c for w, c in WORDS.items()} | {w[:-1]: c for w, c in WORDS.items() if w.endswith("s")})



#: units of a span of time: a period's number, never what a compared figure counts
_SPANS_OF_TIME = {"months", "years", "days", "weeks", "hours"}
#: a count of places named as where a figure was counted ("in 28 European markets")
_WHERE_COUNT = re.compile(r"\b(?:in|across)\s+\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?(?:markets|countries|cities|states)\b")


def implied_unit(before: str, after: str = "") -> str | None:
    """The unit implied by the words before a bare number in its sentence ("staffing will reach 1,000"), or by
    the noun it counts a part of ("640,000 of the exports"), else ``None``."""
    if re.match(r"\s+of\s+(?:the|its|their|all)?\s*(?:exports|sales|shipments|deliveries|registrations)\b", after):
        return "vehicles"
    before = _PERCENT.sub(" ", before)  # "sales fell 8% to 21,000": the change does not hide the noun
    if re.search(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|against|versus)\s+(?:about\s+|some\s+)?$",
                 before):  # "1,100 companies …, compared with 260": the count it is compared with gives the unit
        for pm in reversed(list(re.finditer(r"\d[\d,.]*(?P<u>(?:\s+(?!of\b)[a-z]+){1,2})", before))):
            words = pm.group("u").split()  # ("31 overseas markets, up from 22": the noun behind a word; "1,000
            for word in [" ".join(words)] + words:  # sales points, up from about 600": the two words' noun first)
                unit = UNIT_OF.get(word) or UNIT_OF.get(word[:-1]) or UNIT_OF.get(word.rstrip("s"))
                if unit in _SPANS_OF_TIME:
                    break  # ("shipped 142,000 vehicles in the first 10 months, down from 297,000": not months)
                if unit is not None:
                    return unit
    before = _WHERE_COUNT.sub(" ", before)  # "registrations in 28 markets climbed to 104,860": nor where they were
    for rx, unit in _IMPLIED:
        if rx.search(before):
            return unit
    if re.search(r"\b(?:to|at)\s+(?:a\s+record\s+(?:of\s+)?)?$", before) and re.search(
            r"\b(?:sales|exports|shipments|deliveries|output|production|registrations)\b[^.;0-9]{0,70}$", before,
            re.I):
        return "vehicles"  # "sales in X were up N% from a year earlier at 12,400"
    return None
