"""The currencies an amount is written in: their ISO 4217 codes, the signs and letters written before an amount
("J$1.4 billion", "₮9 million", "SR45 million"), the words written after it ("2.3 billion birr", "640 million
colones"), and which country's money a word several countries use means ("Omani rials", "Rwandan francs").

Every code here is a unit concept of the shipped records (``concepts.yaml``), so a figure read in it can be
recorded; the tests check that.
"""

from __future__ import annotations

__all__ = ["CODES", "LETTERS", "NATIONAL", "SHARED", "SIGNS", "WORDS"]

#: the ISO 4217 codes (lower case) of the currencies amounts are read in
CODES = frozenset({
    "usd", "eur", "cny", "gbp", "inr", "thb", "brl", "myr", "cad", "aud", "hkd", "sgd", "twd", "nzd", "idr", "aed",
    "sar", "krw", "mxn", "jpy", "try", "zar", "nok", "sek", "dkk", "chf", "pln", "huf", "czk", "mad", "egp", "ngn",
    "kes", "vnd", "php", "pkr", "cop", "clp", "ars", "pen", "uzs", "kzt", "rub", "qar", "kwd", "uyu", "dzd", "bdt",
    "npr", "lkr", "tzs", "ugx",
    # Africa
    "etb", "ghs", "rwf", "xof", "xaf", "zmw", "mwk", "mzn", "aoa", "bwp", "nad", "mur", "tnd",
    # the Gulf, the Levant and Central Asia
    "omr", "bhd", "jod", "iqd", "ils", "kgs", "azn", "gel",
    # Asia and the Pacific
    "mnt", "lak", "khr", "mmk", "fjd", "pgk",
    # Europe
    "ron", "bgn", "rsd", "uah", "isk",
    # the Americas
    "crc", "jmd", "ttd", "dop", "gtq", "pyg", "bob"})

#: signs written before an amount that hold a symbol ("J$1.4 billion", "GH₵320 million", "₮9 million", "S/ 25
#: millones"), besides the common ones the figure pattern writes out ($, US$, €, £, ¥, ₹, ₦, R$, C$, …)
SIGNS = {"J$": "jmd", "JA$": "jmd", "TT$": "ttd", "RD$": "dop", "FJ$": "fjd", "N$": "nad", "GH₵": "ghs",
         "GH¢": "ghs", "₵": "ghs", "₡": "crc", "₮": "mnt", "₸": "kzt", "₺": "try", "₴": "uah", "₱": "php", "₫": "vnd",
         "₩": "krw", "৳": "bdt", "₾": "gel", "₼": "azn", "₪": "ils", "₭": "lak", "₲": "pyg", "E£": "egp",
         "S/.": "pen", "S/": "pen"}

#: letters written right before an amount ("SR45 million", "QR1.2bn", "Br2.5 billion", "LE 3 billion"): a
#: currency only before a digit, and (like "RM") only before a scaled or large amount, never a model's name
LETTERS = {"SR": "sar", "QR": "qar", "Br": "etb", "Dh": "aed", "Dhs": "aed", "LE": "egp", "L.E.": "egp",
           "Rwf": "rwf", "FRw": "rwf", "RO": "omr", "BD": "bhd", "JD": "jod", "NIS": "ils", "FCFA": "xof",
           "K": "zmw"}  # (Zambia's kwacha; Malawi's kwacha, Papua New Guinea's kina and Myanmar's kyat are written
# "K" too: :mod:`.dateline_currency` reads them by the article's country)

#: words written after an amount, as written (singular and plural), and the currency they name when no
#: adjective before them names another ("12 billion CFA francs", "Omani rials")
WORDS = {"baht": "thb", "reais": "brl", "real": "brl", "rupees": "inr", "ringgit": "myr", "pounds": "gbp",
         "lira": "try", "rupiah": "idr", "dirham": "aed", "dirhams": "aed", "riyal": "sar", "riyals": "sar",
         "rand": "zar", "kroner": "nok", "kronor": "sek", "krone": "nok", "zloty": "pln", "forint": "huf",
         "forints": "huf", "pesos": "mxn", "tenge": "kzt", "roubles": "rub", "rubles": "rub", "dinar": "dzd",
         "dinars": "dzd", "shilling": "kes", "shillings": "kes", "naira": "ngn", "taka": "bdt", "birr": "etb",
         "cedi": "ghs", "cedis": "ghs", "colón": "crc", "colones": "crc", "lei": "ron", "leu": "ron", "tugrik": "mnt",
         "tugriks": "mnt", "tögrög": "mnt", "togrog": "mnt", "kip": "lak", "soles": "pen", "franc": "chf",
         "francs": "chf", "kwacha": "zmw", "kyat": "mmk", "kyats": "mmk", "riel": "khr", "riels": "khr", "dong": "vnd",
         "yen": "jpy", "manat": "azn", "manats": "azn", "lari": "gel", "som": "kgs", "soms": "kgs", "soum": "uzs",
         "soums": "uzs", "shekel": "ils", "shekels": "ils", "hryvnia": "uah", "hryvnias": "uah", "rial": "omr",
         "rials": "omr", "quetzal": "gtq", "quetzales": "gtq", "guaraní": "pyg", "guaranies": "pyg",
         "guaraníes": "pyg", "boliviano": "bob", "bolivianos": "bob", "metical": "mzn", "meticais": "mzn",
         "kwanza": "aoa", "kwanzas": "aoa", "pula": "bwp", "kina": "pgk", "lev": "bgn", "leva": "bgn"}

#: the country adjective (a regular expression) that makes a shared currency word one country's money ("Algerian
#: dinars", "Pakistani rupees", "Rwandan francs"); without one, the word's usual currency
NATIONAL = {"dzd": r"Algerian", "kwd": r"Kuwaiti", "bhd": r"Bahraini", "jod": r"Jordanian", "tnd": r"Tunisian",
            "iqd": r"Iraqi", "rsd": r"Serbian", "pkr": r"Pakistani", "lkr": r"Sri\s+Lankan", "npr": r"Nepal(?:ese|i)",
            "mur": r"Mauritian", "egp": r"Egyptian", "kes": r"Kenyan", "tzs": r"Tanzanian", "ugx": r"Ugandan",
            "uzs": r"Uzbek", "mxn": r"Mexican", "php": r"Philippine", "cop": r"Colombian", "clp": r"Chilean",
            "ars": r"Argentine", "uyu": r"Uruguayan", "dop": r"Dominican", "sar": r"Saudi", "qar": r"Qatari",
            "mad": r"Moroccan", "rwf": r"Rwandan", "xof": r"(?:West\s+African\s+)?CFA", "chf": r"Swiss",
            "mwk": r"Malawian", "jmd": r"Jamaican", "ttd": r"Trinidad(?:\s+and\s+Tobago)?", "nad": r"Namibian",
            "fjd": r"Fij(?:ian|i)", "cad": r"Canadian", "aud": r"Australian", "hkd": r"Hong\s+Kong",
            "sgd": r"Singapore", "nzd": r"New\s+Zealand", "twd": r"Taiwan"}

#: currency words several countries use, by country code: the article's own countries decide when no adjective does
SHARED = {"dirham": {"MA": "mad", "AE": "aed"}, "krone": {"NO": "nok", "DK": "dkk"},
          "peso": {"MX": "mxn", "AR": "ars", "CL": "clp", "CO": "cop", "PH": "php", "UY": "uyu", "DO": "dop"},
          "dinar": {"DZ": "dzd", "KW": "kwd", "BH": "bhd", "JO": "jod", "TN": "tnd", "IQ": "iqd", "RS": "rsd"},
          "rupee": {"IN": "inr", "PK": "pkr", "LK": "lkr", "NP": "npr", "MU": "mur"},
          "pound": {"GB": "gbp", "EG": "egp"}, "riyal": {"SA": "sar", "QA": "qar", "OM": "omr"},
          "rial": {"OM": "omr"}, "franc": {"CH": "chf", "RW": "rwf", "SN": "xof", "CI": "xof", "ML": "xof",
                                           "BF": "xof", "NE": "xof", "BJ": "xof", "TG": "xof", "CM": "xaf",
                                           "GA": "xaf", "TD": "xaf", "CG": "xaf"},
          "kwacha": {"ZM": "zmw", "MW": "mwk"}, "som": {"KG": "kgs", "UZ": "uzs"}}
