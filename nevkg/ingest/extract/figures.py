"""Figures in text: a number with its scale, unit, qualifier, year-on-year change and measure cue."""

from __future__ import annotations

import re
from decimal import Decimal

from nevkg.ingest.extract.currencies import CODES, LETTERS, SIGNS
from nevkg.ingest.extract.figure_units import CUR_OF, UNIT_AFTER, UNIT_OF, implied_unit, national_currency
from nevkg.ingest.extract.figures_context import (
    NAME_BRACKET,
    bare_value,
    changed_to_unit,
    continue_units,
    grouped,
    merge_ranges,
    ranking_unit,
)
from nevkg.ingest.extract.model import Statistic
from nevkg.ingest.extract.periods import _num
from nevkg.ingest.extract.vocab import MONEY_UNITS

_SCALES = {"thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
           "trillion": Decimal(10) ** 12, "mn": Decimal(10) ** 6, "bn": Decimal(10) ** 9,
           "crore": Decimal(10) ** 7, "lakh": Decimal(10) ** 5, "m": Decimal(10) ** 6, "k": Decimal(1000),
           "mln": Decimal(10) ** 6, "bln": Decimal(10) ** 9, "mil": Decimal(10) ** 6, "bil": Decimal(10) ** 9,
           "cr": Decimal(10) ** 7,
           "lakh crore": Decimal(10) ** 12}
#: thousands grouped by spaces ("52 806 units", "R1 200 000"), never a phone number's groups ("12 000 0000")
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|[ \u00a0\u202f]\d)"
#: a batch of a number of goods told before ("The first 80 will arrive …", "the other 120", "the remaining 80")
_BATCH = re.compile(r"\b(?:[Tt]he\s+(?:first|other|remaining|last|next)|[Aa]nother|[Aa]\s+further)\s+$")
#: rand, Philippine pesos and naira written "R9.8 billion", "P1,298,000", "N46.8bn": the bare letter is a currency
#: only before a scaled or grouped amount (never before a model name such as "P7")
_LARGE = r"\d+(?:[.,]\d+)?\s?(?:million|billion|trillion|mn|bn)\b|\d{1,3}(?:,\d{3})+(?![\d,])|" + _SPACED
#: the currency signs, letters and codes of the table, longest first ("GH₵" before "₵", "Dhs" before "Dh")
_SIGNS = "|".join(re.escape(k) + r"\s?" for k in sorted(SIGNS, key=len, reverse=True))
_LETTERS = "(?-i:" + "|".join(re.escape(k) for k in sorted(LETTERS, key=len, reverse=True)) + ")"
_CODES = "|".join(sorted((c.upper() for c in CODES if c not in {"usd", "eur", "gbp", "thb", "brl", "inr", "myr",
                                                                 "cny"}), key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.,$])(?<![A-Za-z]-)(?P<cur>" + _SIGNS + r"|(?:" + _LETTERS + r")(?=\s?\d)\s?|"
    r"(?:US\s?\$|R\$|(?:C|A|HK|S|NT|NZ)\$|\$|¥|€|£|₹|₦)\s?|Rs\.?\s?|RMB\s?|CNY\s?|USD\s?|EUR\s?|"
    r"GBP\s?|THB\s?|BRL\s?|INR\s?|MYR\s?|(?:RM|Bt|Rp|Rbs|Tk\.?|(?-i:[KTU]?Shs?))(?=\s?\d)\s?|"
    r"(?-i:[RPN])(?=" + _LARGE + r")|"
    r"(?:" + _CODES + r")\s)?"
    r"(?P<num>"
    r"\d{1,3},\d{1,2}(?=[\s-]?(?:million|billion|trillion|mn|bn|m)\b)|"  # a decimal comma ("US$21,6 million")
    r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
    + _SPACED + r"(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"(?i:half\s+a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a)(?=\s+(?:thousand|million|billion)\b))"
    r"(?:[\s-]?(?P<scale>lakh\s+crore|(?i:thousand|million|billion|trillion)|mln|bln|mn|bn|crore|lakh|"
    r"(?<=\d\s)(?:mil|bil)(?=\s|$|[,.;:)\]])|"  # (Malaysian papers' "RM236 mil", "RM1.1 bil")
    r"m(?=\s|$|[,.;:)\]])|k(?=\s|$|[,.;:)\]])|"  # ("Rs15 billion ($53.4m)")
    r"(?<=\d\s)cr(?=\s|$|[,.;]))"
    r"(?P<nth>th)?\b)?"
    r"(?:[\s-]?(?P<pct>%|percent\b|per\s+cent\b|pct\b|pc\b|percentage\s+points?\b))?"
    r"(?:[\s-]?(?P<times>times|fold)\b)?")
#: the rest of a range after its low end ("… to 15%", "… and 8 per cent", "-15%")
_RANGE_ON = re.compile(r"\s*(?:-|–|to|and)\s*(?:US\s?\$|\$|€|£|¥)?\d")
#: the direction of a change written after its size ("a 35 percent increase", "a 12% drop")
_TURN_AFTER = re.compile(r"\s+(?:(?P<up>increase|rise|growth|gain|jump|surge|climb)|"
                         r"(?P<down>decrease|decline|drop|fall|slump|contraction|dip))\b", re.I)
#: a percentage compared with a base after it ("9% fewer cars than in May", "30% more than a year earlier")
_COMPARED_AFTER = re.compile(r"\s+(?:(?P<less>fewer|less|lower)|more|higher)\s+(?:[\w-]+\s+){0,2}?than\b", re.I)


#: a signed percentage in brackets right after a figure: its change
_SIGNED_AFTER_FIGURE = re.compile(r"\d[\d,.]*(?:\s+[a-z]+)?\s*\(\s*(?P<sign>[+\-−–])\s*$")


#: what a term of years qualifies ("a five-year contract", "a 10-year lease"): a duration worth recording
_TERM_NOUN = (r"\s+(?:[\w-]+\s+)?(?:contract|agreement|deal|lease|licen[cs]e|partnership|concession|exemption|"
              r"holiday|break|warranty|loan|term|tax\s+break)s?\b")
#: the verb of a delivery with the vehicles as its subject ("will arrive", "will be assembled")
_DELIVERY_VERB = r"(?:will|would|are\s+to)\s+(?:be\s+)?(?:arrive|shipped|delivered|assembled|built|come|made|handed)"
#: a number written as a word before a count noun ("eight models", "three factories")
_WORD_NUMBER = re.compile(r"\b(?P<num>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|"
                          r"four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                          r"(?=(?:\s+(?:new|vehicle|main|major|local|overseas|production|assembly|"
                          r"(?-i:[A-Z][a-z]+(?:an|ese|ish|ic)))|-)?\s*-?"
                          # (a part of them, "five of the dealerships"; a brand's, "two Mitsubishi dealerships")
                          r"(?:(?:of\s+(?:the|its|their|these)\s+|(?-i:[A-Z][a-z][\w-]*)\s+)(?:dealers|dealerships|"
                          r"showrooms|stores|factories|plants)|"
                          # (a part of a fleet: "seven of the 30-seat buses", "two of the electric vans")
                          r"of\s+(?:the|its|their|these)\s+(?:(?:electric|new|\d{1,3}-(?:seat|seater))\s+){0,2}"
                          r"(?:buses|minibuses|midibuses|coaches|vans|utes|trucks|pickups|taxis|boats|vehicles)|"
                          r"models?|factories|plants|workshops|dealers|dealerships|showrooms|stores|countries|"
                          r"markets|cities|months|years|year(?=" + _TERM_NOUN + r")|"
                          # a fleet: "four robotaxis", "four Yunfan WS-6 shuttles", "two driverless buses"
                          r"(?:\d{1,3}-(?:seat|seater|passenger)\s+)?"  # "two 12-seat autonomous minibuses"
                          r"(?:(?-i:[A-Z][\w-]*)\s+){0,2}(?:robotaxis|shuttles|(?:driverless|autonomous|self-driving)"
                          r"\s+(?:cars|vehicles|taxis|buses|minibuses|shuttles))|"
                          # a small fleet: "nine electric utes", "four vans", "two 30-seat buses" (not cars or SUVs:
                          # "makes two SUVs" are models, "two cars collided" no count)
                          r"(?:(?:electric|battery-electric|new|used|\d{1,3}-(?:seat|seater|passenger))\s+){0,2}"
                          r"(?:vehicles|buses|minibuses|midibuses|coaches|vans|utes|trucks|pickups|taxis|"
                          r"motorcycles|scooters|tricycles|boats)|"
                          r"(?:(?:fast|rapid|public|solar|solar-powered|DC|AC|new|more)\s+){0,2}(?:chargers|"
                          r"charging\s+(?:points|stations|posts)|charge\s+points)|"
                          r"month(?=\s+(?:[\w-]+\s+)?(?:holiday|period|delay|extension|"
                          r"pause|suspension|grace|moratorium|transition))|"
                          # the vehicles of an order told before, as the subject of their delivery ("Six will
                          # arrive fully built …, and the other ten will be assembled …")
                          + _DELIVERY_VERB + r")\b)", re.I)
#: the same verb right after a batch's number ("Six will arrive", "the other ten will be assembled")
_DELIVERED = re.compile(rf"\s+{_DELIVERY_VERB}\b")
#: a span of time a plan or change takes ("over the next 18 months", "within five years"): no figure
_TIME_SPAN = re.compile(r"\b(?:(?:over|in|within|during)\s+the\s+(?:next|past|last|coming|previous)|within|"
                        r"in\s+(?:just\s+)?(?:under|over))\s+$", re.I)
#: "repaid over ten years", "spread over five years": a loan's or a payment's term, no lower bound
_SPREAD_OVER = r"\b(?:repaid|repayable|paid|payable|spread|amortised|amortized)\s+over\s+"
#: "for ten years", "for at least ten years", "for its first eight years", "repaid over ten years": a span of years or
#: months as a duration
_FOR_SPAN = re.compile(r"(?:\bfor\s+(?:(?:at\s+least|up\s+to|more\s+than|another|a\s+further|about|nearly|over|"
                       r"(?:its|their)\s+first)\s+)?|" + _SPREAD_OVER + r")$", re.I)
_SINGULAR_AFTER_HYPHEN = re.compile(r"^\s(?P<unit>model|plant|store|market|month|year(?=" + _TERM_NOUN + r"))\b")
#: a noun a span of months qualifies ("a six-month tariff holiday"): a duration worth recording
_DURATION_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:holiday|period|delay|extension|pause|suspension|grace|moratorium|"
                            r"transition)\b", re.I)
_WORD_TIMES = re.compile(r"\b(?P<num>two|three|four|five|six|seven|eight|nine|ten)[\s-](?P<times>times|fold)\b", re.I)
#: a split between partners ("a 51:49 joint venture"): each side is a share of its own
_RATIO = re.compile(r"\b(?P<a>\d{1,2}(?:\.\d+)?)\s?:\s?(?P<b>\d{1,2}(?:\.\d+)?)(?=[\s-]+(?:joint[\s-]ventures?|JVs?|"
                    r"partnership|split|ratio|shareholding|ownership|stake))")
#: a share written as a fraction of a total ("two-thirds of its exports", "half of the market")
_FRACTION = re.compile(r"\b(?P<num>half|(?:a|one)[\s-]third|two[\s-]thirds|(?:a|one)[\s-]quarter|three[\s-]quarters|"
                       r"(?:a|one)[\s-]fifth)(?=\s+of\s+(?:the|its|their|all|total|this|last)?\s*(?:[\w'’-]+\s+){0,3}?"
                       r"(?:sales|exports|shipments|deliveries|output|production|market|registrations|revenue|cars|"
                       r"vehicles|volume|demand|imports)\b)", re.I)
#: an exchange rate: "RMB7.1200 to US$1.00", "US$1 = RMB7.12", "HK$7.8 per US dollar": no amount of money
_CUR = r"(?:RMB|CNY|US\$|USD|HK\$|HKD|EUR|€|£|\$|¥)"
_FX_RATE = re.compile(rf"{_CUR}\s?\d+(?:\.\d+)?\s*(?:to|=|per|for)\s*(?:one\s+|a\s+)?(?:{_CUR}\s?1(?:\.0+)?(?!\.?\d)|"
                      r"(?:U\.?S\.?\s+)?dollar\b|euro\b|yuan\b)")
_FRACTION_OF = {"half": "50", "third": "33.33", "thirds": "66.67", "quarter": "25", "quarters": "75", "fifth": "20"}
_DOUBLED = re.compile(r"\b(?P<num>doubled|tripled|quadrupled|(?:double|triple|quadruple|twice)(?=\s+(?:the\s+(?:year|"
                      r"figure|level|number|volume|total)|that\s+of|last\s+year|a\s+year|its\s+|the\s+previous\s+"
                      r"year)))\b", re.I)
_QUAL = re.compile(
    r"(?P<q>more\s+than|over|to\s+(?:top|exceed|surpass|pass)|exceeding|exceeded|exceeds|surpassed|surpassing|surpasses|above|at\s+least|"
    r"upwards\s+of|in\s+excess\s+of|topped|topping|passed|passing|beyond|nearly|almost|about|around|approximately|roughly|close\s+to|"
    r"an\s+estimated|some|less\s+than|under|below|fewer\s+than|up\s+to|at\s+most|no\s+more\s+than|as\s+many\s+as|"
    r"as\s+much\s+as|as\s+(?:low|high)\s+as|(?:just|well)\s+(?:over|above)|just\s+(?:under|below)|"
    # a limit: a cap ("shall not exceed", "capped at", "a maximum of") or a floor ("not less than", "a minimum of")
    r"(?:not|never)\s+(?:to\s+)?exceed(?:ing)?|capped\s+at|(?:a\s+)?maximum\s+of|a\s+cap\s+of|not\s+more\s+than|"
    r"(?:not|no)\s+(?:less|fewer)\s+than|(?:a\s+)?minimum\s+of)\s+$", re.I)
#: a verb whose particle "up" is followed by "to" and the figure it reaches ("scaled up to 20 GWh")
_RAISED_UP = re.compile(r"\b(?:scal(?:e|es|ed|ing)|ramp(?:s|ed|ing)?|step(?:s|ped|ping)?|gear(?:s|ed|ing)?|"
                        r"ratchet(?:s|ed|ing)?|bump(?:s|ed|ing)?|go(?:es|ing|ne)?|went)\s+$", re.I)
#: the words of a floor or a cap set on a figure (a condition, no count at a time): bounds too
_FLOORS = {"not less than", "no less than", "not fewer than", "no fewer than", "a minimum of", "minimum of"}
_CAPS = {"not exceed", "not to exceed", "not exceeding", "never exceed", "never to exceed", "capped at",
         "a maximum of", "maximum of", "a cap of", "not more than"}
_LIMITS = _FLOORS | _CAPS
_LOWER = {"more than", "over", "to top", "to exceed", "to surpass", "to pass",
          "exceeding", "exceeded", "exceeds", "surpassed", "surpassing", "surpasses", "above",
          "at least", "upwards of", "in excess of", "topped", "topping", "passed", "passing",
          "beyond", "just over", "just above", "well over", "well above", "as low as"} | _FLOORS
_UPPER = {"less than", "under", "below", "fewer than", "up to", "at most", "no more than", "as many as", "as much as",
          "just under", "just below", "as high as"} | _CAPS
_YOY_AFTER = re.compile(
    r"^[\s,]*(?:year[\s-]on[\s-]year|y-o-y|yoy|on\s+an\s+annual\s+basis|(?:(?P<less>less|lower|fewer)\s+than|"
    r"(?:more\s+|higher\s+)?than|from|compared\s+(?:with|to)|over|versus|on)\s+(?:in\s+)?"
    r"(?:(?:the|its|their)\s+(?:volume|level|total|figure|number|sales|exports|output)\s+(?:of\s+)?)?"
    r"(?:the\s+same\s+(?:period|month|time)\s+(?:of\s+|in\s+)?)?(?:a\s+year\s+(?:earlier|ago|before)|"
    r"last\s+year|the\s+previous\s+year|the\s+year\s+before|(?:19|20)\d{2}))", re.I)
_UPWORDS = (r"year[\s-]on[\s-]year\s+(?:increase|growth|rise|jump|surge|gain)\s+of|(?:increase|growth|rise|jump|"
            r"surge|gain)(?:\s+rate)?\s+of|\bup(?:\s+by)?|rose(?:\s+by)?|rising|grew(?:\s+by)?|growing|"
            r"increased(?:\s+by)?|increasing(?:\s+by)?|surged|surging|jumped|jumping|climbed|climbing|soared|"
            r"soaring|gained|expanded(?:\s+by)?|leapt|leaped|rebounded|advanced|edged\s+up|(?:rise|grow|climb|jump|surge|soar|gain)s?|an?\s+(?:annual\s+)?increase\s+of|"
            r"(?<=[(,;]\s)plus|(?<=\()plus")  # "BYD (21,640 units, plus 78.3 percent)", "(plus 142.1 percent)"
_DOWNWORDS = (r"year[\s-]on[\s-]year\s+(?:decline|decrease|drop|fall)\s+of|\bdown(?:\s+by)?|fell(?:\s+by)?|falling|"
              r"dropped(?:\s+by)?|dropping|declined(?:\s+by)?|declining|decreased(?:\s+by)?|decreasing|slipped|slid|"
              r"shrank|dipped|dipping|slumped|plunged|plummeted|tumbled|sank|eased|edged\s+down|contracted(?:\s+by)?|"
              r"(?:fall|drop|decline|slide|slip|dip|sink|plunge)s?|"
              r"an?\s+(?:decline|decrease|drop|fall)\s+of|(?<=[(,;]\s)minus|(?<=\()minus")
_Q = r"(?:(?:more\s+than|nearly|about|over|around|almost|roughly|approximately)\s+)?"
_UP_BEFORE = re.compile(rf"(?:{_UPWORDS})\s+{_Q}$", re.I)
_DOWN_BEFORE = re.compile(rf"(?:{_DOWNWORDS})\s+{_Q}$", re.I)
_SHARE_BEFORE = re.compile(
    rf"(?:accounting\s+for|accounted\s+for|accounts\s+for|account\s+for|making\s+up|made\s+up|makes\s+up|"
    rf"representing|represented|took|taking|claimed|captured|held|share\s+of|"
    rf"share(?:\s+(?:in|of)\s+(?:the\s+)?[\w'’ -]{{1,45}}?)?\s+(?:reached|(?:rose|climbed|grew|increased|fell|dropped|"
    rf"slipped|edged\s+up)\s+to|was|stood\s+at|hit|of)|"
    rf"penetration\s+rate\s+(?:reached|rose\s+to|was|stood\s+at|hit|of)|a\s+share\s+of)\s+{_Q}$", re.I)


#: units a ranking counts in ("led with 2,210 units", "the densest network with 14 sales points")
_RANKED_UNITS = {"vehicles", "stores"}


def find_statistics(text: str, offset: int = 0, count_unit: str | None = None) -> list[Statistic]:
    """The figures in a sentence, with qualifier, unit and the role a percentage or multiple plays; a bare number
    of a ranking ("X led with 2,210, followed by Y with 1,870") counts in ``count_unit``, the unit of the count its
    paragraph gave before, when there is one.

    >>> from nevkg.ingest.extract.periods import _plain
    >>> [(_plain(s.value), s.unit, s.bound, s.approximate, s.role) for s in find_statistics(
    ...     "Exports reached more than 1.35 million units, up 48.4 percent year on year")]
    [(1350000, 'vehicles', 'lower', False, 'base'), (48.4, 'percent', None, False, 'yoy')]
    """
    stats: list[Statistic] = []
    hits = [(m, "num") for m in _NUMBER.finditer(text)] + [(m, "wordtimes") for m in _WORD_TIMES.finditer(text)] \
        + [(m, "doubled") for m in _DOUBLED.finditer(text)]
    hits += [(m, "word") for m in _WORD_NUMBER.finditer(text)] + [(m, "fraction") for m in _FRACTION.finditer(text)]
    hits.sort(key=lambda h: h[0].start())
    for m in _RATIO.finditer(text):
        if Decimal(m.group("a")) + Decimal(m.group("b")) == 100:
            stats += [Statistic(m.start(g) + offset, m.end(g) + offset, Decimal(m.group(g)), "percent", "percent",
                                role="percent") for g in ("a", "b")]
    for m, how in hits:
        s, e = m.start(), m.end()
        before = text[max(0, s - 60):s]
        after = text[e:e + 80]
        if how == "word":
            if re.search(r"\b(?:one|two|three|\d+)\s+(?:in|of|out\s+of)\s+(?:every\s+)?$", before, re.I):
                continue  # "one in five new cars", "two of every ten vehicles": a ratio's base, not a count
            rest = text[m.end("num"):]
            # "an eight-model line-up": the hyphenated noun is singular; "five main workshops": one adjective
            rest = re.sub(r"^-(?=\w)", " ", rest)
            rest = re.sub(r"^(\s+)(?:vehicle|main|major|local|overseas|production|assembly|"
                          r"of\s+(?:the|its|their|these))(?=\s+\w)",  # ("five of the dealerships": a part, its unit)
                          lambda x: x.group(1) + " " * (len(x.group(0)) - len(x.group(1))), rest)
            um = UNIT_AFTER.match(rest) or _SINGULAR_AFTER_HYPHEN.match(rest)
            key = re.sub(r"\s+", " ", um.group("unit").lower()) if um else ""
            unit = UNIT_OF.get(key) or UNIT_OF.get(key[:-1]) or UNIT_OF.get(key.rstrip("s"))
            if um is None and _DELIVERED.match(rest) and (_BATCH.search(before) or not before.strip() or re.search(
                    r"[.!?]\s+$", before)) and not any(x.unit is not None and x.kind == "amount" for x in stats):
                # "Six will arrive fully built …, and the other ten will be assembled …": a batch of the order before
                st = Statistic(s, m.end("num"), _num(m.group("num")), None, "amount", anaphoric=True, batch=True)
            elif unit is None or unit in {"years", "months"} and not _FOR_SPAN.search(before) and not (
                    unit == "months" and _DURATION_NOUN.match(rest[um.end():])) and not (
                    unit == "years" and key == "year"):  # "a five-year contract"
                continue
            else:
                st = Statistic(s, m.end("num") + um.end(), _num(m.group("num")), unit, "amount",
                               unit_text=um.group(0),
                               unit_span=(m.end("num") + um.start("unit"), m.end("num") + um.end("unit")))
        elif how == "fraction":
            st = Statistic(s, e, Decimal(_FRACTION_OF[re.split(r"[\s-]", m.group("num").lower())[-1]]), "percent",
                           "percent")
        elif how == "doubled":
            value = Decimal({"double": 2, "triple": 3, "quadruple": 4, "twice": 2}[m.group("num").lower().rstrip("d")])
            st = Statistic(s, e, value, "times", "times")
        elif how == "wordtimes":
            st = Statistic(s, e, _num(m.group("num")), "times", "times")
        else:
            g = m.groupdict()
            raw = g["num"]
            if re.match(r"-(?:seat|seater|passenger|door|metre|meter|foot|tonne|ton|inch|storey|lane)s?\b", after):
                continue  # "a 12-seat minibus": a specification, not a count
            if re.search(r"\b(?:out\s+of|in)\s+every\s+$", text[max(0, s - 16):s]):
                continue  # "four out of every 10 naira", "one in every five cars": a ratio's base, not an amount
            if re.match(r"[A-Za-z]", text[s - 1:s] if s else "") or re.match(r"^(?:st|nd|rd|th)\b", after) or \
                    re.search(r"\b(?:[Ll]evel|L)[\s-]$", text[max(0, s - 7):s]):
                continue  # part of a name or an ordinal, or an autonomy level ("Level 4")
            if stats and stats[-1].unit_span and stats[-1].start - offset < s < stats[-1].unit_span[0] - offset:
                continue  # a model's number inside the figure before ("1,500 X Liyue 7 electric sedans")
            value = _num(raw)
            if g["scale"]:
                value *= _SCALES[" ".join(g["scale"].lower().split())]
            unit, kind, unit_text, unit_span, ranked = None, "amount", "", None, False
            if g["pct"]:
                unit, kind = "percent", "percent"
            elif g["times"]:
                unit, kind = "times", "times"
            elif g["cur"]:
                if g["cur"].strip() in {"RM", "Bt", "Rp", *LETTERS} and not g["scale"] and not grouped(raw) and \
                        value < 1000:
                    continue  # a model or trim name ("the RM2"), not an amount of ringgit
                unit = CUR_OF[re.sub(r"\s+", "", g["cur"]).lower()]
                wm = re.match(r"^\s+worth\s+of\s+(?P<what>(?:[\w-]+\s+){0,3}?(?:vehicles|cars|NEVs|EVs)\b)", after)
                if wm:
                    unit_text = wm.group("what")
            else:
                um = UNIT_AFTER.match(after)
                if um:
                    word = um.group("unit").lower()
                    key = re.sub(r"\s+", " ", word)
                    key = key[:-1] if key.endswith("s") and key not in {"us dollars"} else key
                    key = key.rstrip("s") if key.endswith("s") else key
                    unit = UNIT_OF.get(key) or UNIT_OF.get(key.rstrip("s"))
                    if unit in MONEY_UNITS:  # "Canadian dollars", "Kuwaiti dinars", "Pakistani rupees"
                        unit = national_currency(um.group(0), unit)
                    unit_text = um.group(0)
                    unit_span = (e + um.start("unit"), e + um.end("unit"))
                    e_unit = e + um.end()
                    e = e_unit
                if unit is None and re.match(r"-year" + _TERM_NOUN, after):
                    unit, unit_text = "years", "year"  # "a 10-year lease"
                elif unit is None and re.match(rf"-month(?:{_TERM_NOUN}|{_DURATION_NOUN.pattern})", after) \
                        and not re.search(r"\b(?:the|this|that)\s+$", before, re.I):  # ("in the 10-month period")
                    unit, unit_text = "months", "month"  # "an 18-month grace period", "a 36-month lease"
                if unit is None:
                    cur = re.match(r"^\s*(yuan|RMB|U\.S\.\s+dollars|US\s+dollars|dollars|euros)\b", after)
                    if cur:
                        unit = UNIT_OF[re.sub(r"\s+", " ", cur.group(1).lower()).rstrip("s")]
                of_those = re.match(r"^\s+of\s+(?:them|these|those|which)\b", after)
                of_count = of_those and re.search(r"\d\s+[a-z]", text[:s])  # ("62 sites, 23 of which …")
                if unit is None and not of_count and (g["scale"] or grouped(raw) or value >= 10 and not re.fullmatch(
                        r"(19|20)\d\d", raw) or ranking_unit(text, s, count_unit) and NAME_BRACKET.search(text[:s])):
                    # (a small count in a ranking's brackets too: "Hesse (5)")
                    in_ranking = ranking_unit(text, s, count_unit)  # "X led with 2,210": the paragraph's count
                    unit = in_ranking if in_ranking and NAME_BRACKET.search(text[:s]) else implied_unit(text[:s], after)
                    ranked = in_ranking is not None and unit in {None, in_ranking}  # ("Bavaria (11)": the ranking's)
                    unit = unit or in_ranking
                elif unit == "vehicles":
                    ranked = ranking_unit(text, s, unit) is not None  # "followed by Toyota with 2,960 units"
                unit = unit or changed_to_unit(text, s, count_unit)  # "Imports from X fell 16% to 6,910"
                if unit is None and (of_those or re.search(
                        r"\b[Oo]f\s+(?:them|these|those|this\s+total|that\s+total),\s+$", text[max(0, s - 30):s])):
                    # "12,000 of them", "Of these, 96,300 were sold abroad": the unit of the figure before
                    st = Statistic(s, e, value, None, "amount", anaphoric=True)
                    unit = "?"
                elif unit is None and _BATCH.search(text, max(0, s - 25), s) and not g["scale"] and not any(
                        x.unit is not None and x.kind == "amount" for x in stats):
                    # "The first 80 will arrive in May 2027, while the other 180 …": a batch of the order before
                    # (not after a count of its own sentence: "the first 40 buses …, while the remaining 110 …")
                    st = Statistic(s, e, value, None, "amount", anaphoric=True, batch=True)
                    unit = "?"
                if unit is None and not bare_value(raw, g["scale"]) and not _RANGE_ON.match(after):
                    continue  # a bare number (a year, a model name, an ordinal): not a statistic
                if unit == "vehicles" and not g["scale"] and not grouped(raw) and re.fullmatch(r"(19|20)\d\d", raw):
                    continue
                if unit in {"months", "years"} and _TIME_SPAN.search(before):
                    continue  # "over the next 18 months": the time of a plan, not a figure
            if unit == "?":
                st.unit = None
            else:
                st = Statistic(s, e, value, unit, kind, unit_text=unit_text, unit_span=unit_span, ranked=ranked)
        q = _QUAL.search(before)
        if q and _RAISED_UP.search(before[:q.start()]) and q.group("q").lower().startswith("up"):
            q = None  # "capacity will be scaled up to 20 GWh": the verb's "up", no cap
        if q:
            word = " ".join(q.group("q").lower().split())
            term = word == "over" and bool(re.search(_SPREAD_OVER + "$", before, re.I) or st.unit in {
                "months", "years"} and re.search(r"\b(?:leas|loan|lend|lent|financ|repa[iy])\w*", text, re.I))
            if term:
                pass  # ("repaid over 10 years", "leased from the bank over 60 months": the term itself, no bound)
            elif word in _LOWER:
                st.bound = "lower"
            elif word in _UPPER:
                st.bound = "upper"
            else:
                st.approximate = True
            st.limit = word in _LIMITS
            st.start = s - (len(before) - q.start())
        # the role of a percentage or multiple
        if st.kind in {"percent", "times"}:
            pre = text[max(0, st.start - 70):st.start]
            turn = _TURN_AFTER.match(after)  # "a 35 percent increase year on year", "a 12% decline from a year ago"
            # (a percentage right before a change noun is a change, whatever its base: "a 12% decline on January")
            yoy_after, compared = _YOY_AFTER.match(after), _COMPARED_AFTER.match(after)
            if _SHARE_BEFORE.search(pre) or st.kind == "percent" and re.match(
                    r"\s*(?:market\s+)?share\b|\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}market\b", after):
                # ("…, or 9.8% of the market", "21% of the Thai EV market")
                st.role = "penetration" if re.search(r"penetration", pre, re.I) else "share"
            elif turn is not None:
                st.role, st.value = "yoy", -st.value if turn.group("down") else st.value
                after = after[turn.end():]
                e += turn.end()
            elif (signed := _SIGNED_AFTER_FIGURE.search(pre)) is not None:
                st.role = "yoy"  # "6,120 units (+112%)", "3,940 (-9%)": the change of the figure before
                st.value = -st.value if signed.group("sign") != "+" else st.value
            elif _DOWN_BEFORE.search(pre) or (yoy_after and yoy_after.group("less")) or (
                    compared and compared.group("less")):
                st.role, st.value = "yoy", -st.value
            elif st.kind == "percent" and compared:
                st.role = "yoy"  # "30% more than in May": a change against its base
            elif _UP_BEFORE.search(pre) or yoy_after or how == "doubled":
                st.role = "yoy"
            elif st.kind == "percent" and re.search(r"penetration\s+rate", pre, re.I):
                st.role = "penetration"
            elif st.kind == "times":
                st.role = "multiple"
            else:
                st.role = "percent"
        if st.kind == "amount" and re.search(r"\(\s*(?:around|about|approximately|roughly|or|some|nearly)?\s*$",
                                             text[max(0, st.start - 16):st.start]) and not (
                st.unit == count_unit and re.search(r"[A-Z][\w.&'’-]*\s*\($", text[max(0, st.start - 30):st.start])):
            st.conversion = True  # (not a ranking's count after its name: "Mazda (6,004) finished fourth")
        ya = _YOY_AFTER.match(after)
        if st.role == "yoy" and ya and text[e:e + ya.end()].strip():
            st.end = e + ya.end()
        st.start += offset
        st.end += offset
        if st.unit_span:
            st.unit_span = (st.unit_span[0] + offset, st.unit_span[1] + offset)
        stats.append(st)
        if st.kind == "amount" and st.unit in _RANKED_UNITS and not st.conversion:
            count_unit = st.unit  # "X has the densest network with 14 sales points, followed by Y (11)"
    # a number without a unit noun: the low end of a range, or a continuation of the figure before
    bare = [st for st in stats if st.unit is None and not st.anaphoric]
    stats = [st for st in stats if st.unit is not None or st.anaphoric]
    stats = sorted(stats + continue_units(text, bare, stats, offset), key=lambda st: st.start)
    fx = [(m.start() + offset, m.end() + offset) for m in _FX_RATE.finditer(text)]  # "RMB7.12 to US$1.00"
    return [st for st in merge_ranges(text, stats, offset) if (st.unit is not None or st.anaphoric)
            and not any(a <= st.start < b for a, b in fx)]
