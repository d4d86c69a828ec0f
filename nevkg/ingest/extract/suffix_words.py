"""The words that end or open the name of an organisation found by its own words (read by
:mod:`.name_patterns` and the parser's name types): the suffix words and the kind of organisation each gives
("Motors" an automaker, "Ministry" a ministry, "Ltd" a company), and the head words of public bodies named with
their portfolio or place after "of".

>>> _ORG_SUFFIX["motors"], _ORG_SUFFIX["sas"], _ORG_SUFFIX["utilities"]
('automaker', 'company', 'company')
"""

from __future__ import annotations

__all__ = ["_ORG_SUFFIX", "_PUBLIC", "_OF_HEADS", "_BODY_HEADS", "_NOT_PORTFOLIO"]

_ORG_SUFFIX = {
    "customs": "customs-office", "association": "industry-association", "federation": "industry-association",
    "chamber": "business-association", "university": "university", "institute": "research-centre",
    "academy": "research-centre", "ministry": "ministry", "commission": "government-body",
    "administration": "government-body", "bureau": "government-body", "government": "government-body",
    "committee": "government-body", "directorate": "government-body", "agency": "government-body",
    "authority": "government-body", "council": "government-body", "treasury": "ministry", "office": "government-body",
    "technology": "technology-company", "technologies": "technology-company", "tech": "technology-company",
    "robotics": "technology-company", "driving": "technology-company", "industries": "company",
    "motors": "automaker", "motor": "automaker", "auto": "automaker",
    "automobile": "automaker", "automotive": "automaker", "automobiles": "automaker", "vehicles": "automaker",
    "avtozavod": "automaker",  # (Russian "car plant": "Priokskiy Avtozavod")
    # Spanish and Portuguese trade words ending a company's name ("X Vehículos Eléctricos", "X Automotores")
    "vehículos": "automaker", "veículos": "automaker", "automotores": "automaker", "automotriz": "automaker",
    "automóviles": "automaker", "automoción": "automaker", "eléctricos": "company", "elétricos": "company",
    "group": "company", "groep": "company", "gruppe": "company", "holdings": "company", "holding": "company",
    "corporation": "company", "corp.": "company",
    "company": "company", "co.": "company", "co., ltd.": "company", "co. ltd.": "company", "ltd.": "company",
    "inc.": "company", "limited": "company", "bhd": "company", "sarl": "company", "gmbh": "company",
    "llc": "company", "llp": "company", "plc": "company", "tbk": "company", "works": "company",
    "assemblers": "company", "cabs": "company", "cooperative": "company", "co-operative": "company",
    # legal forms with inner dots or in capitals (Slovenia, Croatia, Czechia, Netherlands, Spain, Nordics, Baltics)
    "ltd": "company", "pty": "company", "d.o.o": "company", "d.d": "company", "s.r.o": "company", "a.s": "company",
    "b.v": "company", "n.v": "company", "s.l": "company", "s.l.u": "company", "aps": "company", "asa": "company",
    "oü": "company", "uab": "company", "sia": "company", "s.a.c": "company", "s.a.a": "company", "s.a": "company",
    "s.a.l": "company", "s.a.m": "company", "s.a.r.l": "company",  # (Lebanon, Monaco)
    "sh.p.k": "company", "sh.a": "company",  # (Albania, Kosovo)
    "ltda": "company", "lda": "company",  # (Portugal's and Timor-Leste's limited company, "X, Lda.")
    "kft": "company", "zrt": "company", "s.r.l": "company", "srl": "company", "s.a.s": "company", "sas": "company",
    "inc": "company", "corp": "company", "sa": "company", "ag": "company", "bv": "company", "nv": "company",
    **dict.fromkeys(("society", "spa", "dac", "clg", "jsc", "ojsc", "cjsc", "pjsc", "oy", "oyj", "ab", "fzco", "fze",
                     "eood", "ood", "ead", "dooel", "doo", "berhad"), "company"),  # (Ireland's activity company and
    # company limited by guarantee; the CIS, Nordic, Gulf free-zone and Balkan forms of vocab.LEGAL_TAIL_RE)
    "energy": "company", "energia": "company", "energía": "company", "battery": "company", "logistics": "company",
    "shipping": "company", "trading": "company", "partners": "company", "mobility": "company",
    "systems": "company", "solutions": "company", "services": "company", "retail": "company", "rentals": "company",
    "transit": "company", "transport": "company", "couriers": "company",
    # (a consultancy's or research house's name: "X Analytics", "Y Economics", "Z Research")
    "analytics": "company", "economics": "company", "research": "company", "consulting": "company",
    "advisory": "company", "consultancy": "company", "consultants": "company", "utilities": "company",
    "daily": "publisher", "times": "publisher", "post": "publisher", "media": "publisher",
    "press": "publisher",
}
#: the kinds of a public body's head word ("Ministry of …", "Department of …")
_PUBLIC = {"ministry", "government-body"}
_OF_HEADS = {"Ministry", "Bank", "University", "Association", "Department", "Bureau", "Administration",
             "Commission", "Chamber", "Federation", "Academy", "Institute", "Office", "Council", "Government",
             "Committee", "Directorate", "Agency", "Authority",
             "Republic", "Union", "Port", "City", "Province", "Kingdom", "Exchange"}
#: a public body's head words that name it with its portfolio after "of", whatever the portfolio's last word ("Board
#: of Investment", "Ministry of Industry"): a government body; not a company's board ("Board of Directors")
_BODY_HEADS = {"Ministry", "Department", "Board", "Bureau", "Directorate", "Commission"}
_NOT_PORTFOLIO = {"Directors", "Trustees", "Governors", "Management", "Supervisors", "Commissioners", "Examiners"}
