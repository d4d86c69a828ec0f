"""Word lists that several rule modules read, kept in one place so that they do not drift apart.

Each list is the shared base of its kind; a module that needs more (or a narrower reading) adds its own words to
the base where it uses it, under a comment that says why. This module imports nothing from the package, so any
rule module may import from it.

* :data:`SITE_WORDS`, :data:`SITE_NOUNS`, :data:`SITE_NOUN_RE`: the nouns of a production site ("the plant", "its
  factory", "a facility in X"), as lemmas and as a regular-expression alternation (same order as the tuple);
* :data:`NAMED_WORKS_RE`: what follows a place that names a plant ("the Shanghai plant", "its Szeged EV factory");
* :data:`LEGAL_DOTTED_RE`, :data:`LEGAL_POLISH_RE`, :data:`LEGAL_TAIL_RE`: company legal forms that end a name
  ("Adria Charge d.o.o.", "Rijn Mobility B.V.", "Perdana Sdn Bhd", "Motor Mundo Ltda"; :data:`OPEN_QUOTES` and
  :data:`CLOSE_QUOTES` around a name before its form, "“X” d.o.o."), as regular-expression
  alternations, for the rules that find a company's name, type it or strip it to its head; :data:`LEGAL_FORM_END`,
  the legal forms (one or more, commas allowed) that end a company's name ("X Motors do Brasil Ltda.", "X (Pty)
  Ltd", "X Co., Ltd."), for the rules that tell a name by its form or strip the form off; :data:`LEGAL_LEADS`, the
  forms written before a name ("PT X", "SIA X");
* :data:`ROMANCE_TRADE_RE`: Spanish and Portuguese trade words that a company's short name leaves out, for the two
  lists of corporate words (the linker's and the name patterns');
* :data:`APPOS_COMPANY_NOUNS`: the nouns of a company after a country's possessive in an apposition ("X, Belgium's
  largest coach operator"), which make X a company of that country;
* :data:`FUTURE_MODALS`, :data:`PLAN_VERBS`, :data:`TO_COME_RE`: what puts a thing in the future ("will enter",
  "plans to launch", "aims to export"), as words of the parse (modal auxiliaries, lemmas of the verbs whose "to"
  clause is a plan) and as the words of a text, for the rules that tell a market or a launch to come from one had;
* :data:`MEMBERS_NOUNS`: the nouns of a body of members ("the co-operative"), which speak again only of the body
  whose name holds the word, for the anaphora and title rules;
* :data:`UNIT_NOUNS`: the nouns of a company's own unit ("X's automobile arm, Y"), whose name in apposition is the
  one that acts in the clause, not the owner;
* :data:`SURNAME_PARTICLES`: the particles a surname opens with ("Ó Ceallaigh", "Al Habsi", "van Leeuwen"), for
  the rules that read a later mention of a person by the surname;
* :data:`LEAD_STOP`: the words that open no company's name, for the name patterns and the lists of names;
* :data:`ZONE_WORDS_RE`: the words that end an industrial zone's name ("X Industrial Park", "Y Organized Industrial
  Zone"), for the typing of the parser's names and the zones it missed; :data:`ZONE_END`, the same ending a name;
* :data:`MAKER_NAME`: the words of a vehicle maker's name ("X Motors", "X Commercial Vehicle Co."), which type a
  new company as a carmaker.
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.currencies import CODES

__all__ = ["SITE_WORDS", "SITE_NOUNS", "SITE_NOUN_RE", "NAMED_WORKS_RE", "LEGAL_DOTTED_RE", "OPEN_QUOTES",
           "CLOSE_QUOTES", "LEGAL_POLISH_RE",
           "LEGAL_TAIL_RE", "LEGAL_LEADS", "LEGAL_FORM_END", "ROMANCE_TRADE_RE", "APPOS_COMPANY_NOUNS",
           "FUTURE_MODALS", "PLAN_VERBS", "TO_COME_RE", "MEMBERS_NOUNS", "UNIT_NOUNS", "ZONE_WORDS_RE",
           "SURNAME_PARTICLES", "MAKER_NAME", "ZONE_END", "LEAD_STOP"]

#: nouns of a production site, singular and lower-case: what "the plant", "its factory" or "a facility in X" name
SITE_WORDS = ("plant", "factory", "facility", "site", "works", "complex")
#: the same as a set of lemmas
SITE_NOUNS = frozenset(SITE_WORDS)
#: the same as a regular-expression alternation, to be put in a group: ``rf"(?:{SITE_NOUN_RE}|…)"``
SITE_NOUN_RE = "|".join(SITE_WORDS)
#: a site noun right after a place that names the site ("the Shanghai plant", "its Szeged EV factory"), with an
#: optional word of what is made there; no leading space, no trailing boundary (the user adds what it needs)
NAMED_WORKS_RE = r"(?:(?:car|vehicle|assembly|battery|EV)\s+)?(?:plant|factory|works|facility|gigafactory)"

#: Spanish and Portuguese trade words ending a carmaker's name, which its short form leaves out ("Grupo Arlanza
#: Automoción": Arlanza), in both lists of corporate words (``linking.STRIP_FOR_HEAD``, ``name_patterns``')
ROMANCE_TRADE_RE = r"Automoci[oó]n|Automotores|Autom[oó]viles|Automotriz"
#: legal forms written with inner dots or in capitals, without their last dot (the user says whether one follows):
#: Slovenian, Croatian and Serbian, Czech and Slovak, Luxembourg's and Belgium's ("S.à r.l."), Dutch, Danish, Norwegian,
#: Estonian, Lithuanian, Latvian, Spanish and Portuguese forms ("S.A."), Peru's and Mexico's ("S.A.C.", "S.A. de C.V."),
#: the simplified joint-stock company and the limited-liability company of Latin America and Romania ("S.A.S.",
#: "S.R.L."), the Gulf's shareholding and limited-liability companies ("B.S.C. (c)", "W.L.L."), Lebanon's joint-stock
#: and limited companies ("S.A.L.", "S.A.R.L."), Albania's and Kosovo's ("Sh.p.k.", "Sh.a."), Latin America's
#: limited companies and co-operatives ("S. de R.L.", "R.L.")
LEGAL_DOTTED_RE = (r"d\.o\.o|d\.d|s\.r\.o|S\.[àa][ .]?r\.l|a\.s|B\.V|N\.V|A/S|ApS|ASA|OÜ|UAB|SIA|S\.L(?:\.U)?|Lda|"
                   r"S\.A\.R\.L|S\.A\.[CASLM]|S\.R\.L|Sh\.p\.k|Sh\.a|"
                   r"[BQK]\.S\.C(?:\.[ ]\([cC]\))?|W\.L\.L|"
                   r"S\.A\.[ ]de[ ]C\.V|S\.[ ]de[ ]R\.L(?:\.[ ]de[ ]C\.V)?|S\.A|R\.L")
#: the quotes that open and close a name written in quotes before its legal form, as Balkan papers write it
#: ("the company “Majevica Distribucija” d.o.o.", German „…“ too)
OPEN_QUOTES, CLOSE_QUOTES = "“\"„«", "”\"“»"
#: the Polish form "Sp. z o.o", without its last dot
LEGAL_POLISH_RE = r"Sp\.[ ]?z[ ]?o\.o"
#: legal forms of Malaysia, Indonesia, Brazil, Hungary, the Nordics, Italy, France, Turkey, the CIS, the US and the
#: UAE's free zones that end a company's name, without a final dot ("Bhd", "Tbk", "Ltda", "Kft", "Oyj", "S.p.A",
#: "A.Ş", "PJSC", "CJSC", "LLC", "FZCO"; Ireland's designated activity company and company limited by guarantee,
#: "DAC", "CLG"; Bulgaria's "OOD", "EOOD", "AD", "EAD"; North Macedonia's "DOOEL", "DOO"; Estonia's and Norway's
#: "AS"; Iceland's "hf", "ehf", "ohf" and its municipal partnership, "bs")
LEGAL_TAIL_RE = (r"Bhd|Berhad|Tbk|Ltda|Kft|Zrt|AB|Oyj?|S\.?p\.?A|SPA|S\.A\.S|SAS|S\.?r\.?l|A\.[SŞ]|[PC]?JSC|OJSC|LLC|"
                 r"LLP|FZCO|FZ-LLC|FZE|DAC|CLG|E?OOD|E?AD|DOOEL|DOO|AS|[eo]?hf|bs")
#: nouns of a body of members, which speak again only of the one whose name holds the word ("the co-operative's
#: president" of "X Co-operative Society Ltd"; "the association" of residents named by no such name is no company)
MEMBERS_NOUNS = frozenset({"cooperative", "co-operative", "sacco", "association"})
#: legal forms written before a company's name: Indonesia's "PT", Latvia's "SIA" and "AS", Lithuania's "UAB"
LEGAL_LEADS = frozenset({"PT", "SIA", "AS", "UAB"})
#: one or more legal forms, after a space or a comma, that end a company's name ("X Co., Ltd.", "X (Pvt) Ltd",
#: "X Motors do Brasil Ltda.", "X India Private Limited", "X d.o.o.", Singapore's and Fiji's "X Pte Ltd")
LEGAL_FORM_END = re.compile(r"(?:,?\s+(?:Co\.?,?(?:\s+Ltd\.?)?|\(?Pt[ey]\.?\)?\.?(?:\s+(?:Ltd\.?|Limited))?|Ltd\.?|"
                            r"Limited|Inc\.?|Corp\.?|Corporation|PLC|plc|Sdn\.?\s+Bhd\.?|SARL|BV|NV|S\.?A\.?|AG|GmbH|"
                            r"\(?Pvt\.?\)?\.?(?:\s+Ltd\.?)?|\(?Private\)?\s+Limited|Company|"
                            rf"(?:{LEGAL_TAIL_RE}|{LEGAL_DOTTED_RE}|{LEGAL_POLISH_RE})\.?))+$")

#: nouns of a company after a country's (or a place's) possessive in an apposition ("X, Belgium's largest coach
#: operator", "X, the country's biggest carmaker"): X is an organisation, of that country
APPOS_COMPANY_NOUNS = frozenset({
    "company", "firm", "startup", "start-up", "operator", "provider", "developer", "carmaker", "automaker", "maker",
    "manufacturer", "supplier", "distributor", "utility", "conglomerate", "group"})

#: modal auxiliaries that put their verb in the future ("will enter", "would launch", "shall open")
FUTURE_MODALS = frozenset({"will", "would", "shall"})
#: verbs (lemmas) whose "to" clause is a plan, still to come ("plans to enter", "aims to export", "hopes to sell")
PLAN_VERBS = frozenset({"plan", "aim", "intend", "expect", "hope", "want", "prepare"})
#: the same as words of a text, for a regular-expression alternation: the modals, the plan verbs' present forms
#: ("plans", "aims", "expects") and "planning", "planned"
TO_COME_RE = "|".join(sorted(FUTURE_MODALS) + [f"{v}s?" for v in sorted(PLAN_VERBS)] + ["planning", "planned"])

#: kinds of organisation that run no production site and make no investment of their own ("an association
#: established to promote the manufacture of EVs in X", "companies that imported BEVs with the subsidy")
#: nouns of a company's own unit: in "X's automobile arm, Y, sold …" the unit Y acts, not X (a brand or a partner
#: in that place is not one: "our brand, Z, was launched" speaks of the owner's sales)
UNIT_NOUNS = frozenset({"arm", "unit", "subsidiary", "division", "affiliate", "branch", "offshoot", "venture"})
NON_OPERATORS = frozenset({"industry-association", "publisher", "research-centre", "university"})

#: words of a vehicle maker's name ("X Motors", "X Auto", "X Automotive", "X Commercial Vehicle Co.", "X Electric Bus
#: Co.", "X Electric Motorcycle Co.", "X Heavy Truck"): a company so named is a carmaker
MAKER_NAME = re.compile(r"\bMotors?\b|\bAuto(?:mobiles?)?\b(?!\s+Parts)|\b(?:Commercial|Electric|New\s+Energy)\s+"
                        r"(?:Vehicles?|Bus|Coach|Truck|Motorcycles?)\b|\bHeavy\s+Truck\b")
#: the words that end an industrial zone's name ("X Industrial Park", "Y Organized Industrial Zone")
ZONE_WORDS_RE = (r"(?:Organi[sz]ed\s+)?(?:Industrial|Export\s+Processing|Technology|Science|Logistics|Automotive|"
                 r"Hi-Tech|High-Tech|Investment|Business)\s+(?:Park|Zone|Estate|Area|Cluster)")
#: the same, ending a name ("the Newton Industrial Estate", "the Sungai Liang Industrial Park")
ZONE_END = re.compile(rf"\b{ZONE_WORDS_RE}$")
#: the units of money figures (ISO 4217 codes, lower case)
MONEY_UNITS = CODES

#: trade-news abbreviations that are not names
DOMAIN_ABBREVIATIONS = {"EV", "EVS", "NEV", "NEVS", "BEV", "BEVS", "PHEV", "PHEVS", "HEV", "ICE", "SUV", "SUVS",
                        "MPV", "PV", "CV", "SKD", "CKD", "KD", "CBU", "OEM", "OEMS", "CEO", "CFO", "CTO", "COO", "GDP",
                        "R&D", "AI", "IPO", "VAT", "FTA", "MOU", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "YOY", "L4",
                        "L2", "L3", "ADAS", "GW", "GWH", "KWH", "MW", "LFP", "NCM", "US$", "PM", "AM", "FOB", "CIF",
                        # drivetrains, cell chemistries and test cycles of a car's specification
                        "AWD", "RWD", "FWD", "4WD", "NMC", "WLTP", "CLTC", "NEDC", "RHD", "LHD", "OTA",
                        # fuels, and the ships and units of vehicle shipping
                        "LNG", "CNG", "LPG", "PCTC", "PCTCS", "PCC", "PCCS", "RO-RO", "CEU", "TEU", "TEUS"}

#: up to three words that describe an organisation before its name: "Indore-based", "Chinese carmaker", "local
#: dealer group" (lower-case words, a "-based" home, a nationality adjective; never "and", "with" nor "of")
DESCRIBED_RE = (r"(?:(?!(?:and|with|of)\s)(?:[\w.]+-based|[a-z][\w\-]*|[A-Z][a-z]+(?:ese|an|ian|ish|i|ch))\s+)"
                r"{0,3}")

#: the particles a surname opens with, lower-case (Irish, Arabic, Dutch, German, Romance): "Ó Ceallaigh", "Al Habsi"
SURNAME_PARTICLES = frozenset({"ó", "ní", "nic", "mac", "uí", "ua", "al", "el", "van", "von", "de", "da", "del",
                               "della", "di", "du", "le", "la", "ter", "dos", "das"})

#: the words that open no company's name: a name the parser runs on from them starts after them ("the", "Chinese",
#: "automaker", "minister"); for the name patterns and the lists of names
LEAD_STOP = {"the", "in", "on", "at", "by", "for", "from", "as", "while", "meanwhile", "according", "also",
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
