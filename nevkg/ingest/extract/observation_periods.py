"""The period of a figure: its own clause's, a stated day, a parallel clause's, its whole's, or one carried from
the sentences before it; a mixin of :class:`~nevkg.ingest.extract.observations.ObservationRules`."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figure_cues import _POINT_MEASURES, PUT_INTO
from nevkg.ingest.extract.forecast_periods import production_start_before
from nevkg.ingest.extract.model import Candidate, Period, Statistic
from nevkg.ingest.extract.period_bases import base_periods, head_period, same_period, times_of_this_level
from nevkg.ingest.extract.period_forms import QUARTER_END, THE_PERIOD, THE_QUARTER
from nevkg.ingest.extract.period_now import count_now
from nevkg.ingest.extract.periods import MONTH, _num
from nevkg.ingest.extract.spans import IN_CLAUSE, verbs_of
from nevkg.ingest.extract.subjects import _MONEY

#: where a figure's clause ends and another begins (its period is not the other clause's)
_CLAUSE_GAP = re.compile(r";|\band\s+(?:will|plans?|is|has|could|would|may|might|should|can|aims?|expects?|wants?|"
                         r"intends?|hopes?)\b|,\s+while\b|,\s+and\s+(?:it|he|she|they|its|his|her|their|"
                         r"[A-Z][\w-]*['’]s\s+(?:target|goal|aim|plan|ambition))\b")  # (", and its target is …")
#: a clause that turns from a figure to plans or states ("… and will open", "… and plans to")
_PLAN_GAP = re.compile(r"\b(?:and|but)\s+(?:will|plans|is|has|could|would|may|might|should|can|aims|expects)\b|"
                       r"\b(?:will|would|plans?\s+to|aims?\s+to|expects?\s+to)\b")
#: the words that put a day as the start of a rate ("from", "starting on", "effective")
_START_CUE = re.compile(r"\b(?:starting|beginning|from|effective|as\s+of|as\s+from|with\s+effect\s+from|"
                        r"in\s+force\s+from|takes?\s+effect\s+on|comes?\s+into\s+force\s+on)\s+(?:on\s+)?$", re.I)
#: words before a rate that is already in force beside a new measure ("on top of the standard 10% tariff")
_STANDING_RATE = re.compile(r"\b(?:on\s+top\s+of|in\s+addition\s+to|(?:the\s+)?(?:standard|existing|current|"
                            r"regular|normal|usual|general|most-favoured-nation|MFN))\b[^.;%]{0,40}$", re.I)
#: words of a measure's rate
_RATE_WORD = re.compile(r"\b(?:rates?|tariffs?|dut(?:y|ies)|surtax\w*|levy|levies)\b", re.I)
#: the words before a price ("priced at", "a price of", "starting at", "sells for", "retails from")
_PRICE_BEFORE = re.compile(r"\b(?:(?:priced|prices?|retails?|retailing|starts?|starting|(?:price\s+)?tag)\s+"
                           r"(?:\w+\s+){0,2}?(?:at|from|of|for)|sells?\s+for|selling\s+for)\s+(?:about\s+|around\s+|"
                           r"just\s+|under\s+|below\s+)?$", re.I)  # ("sells for" has its preposition)
#: verbs whose time is when something starts, not the time of a figure stated with them
_STARTING = {"start", "begin", "open", "commence", "launch", "resume", "due", "enter", "break"}
#: a rate per year after a count ("60,000 vehicles a year", "per annum", "annually")
_PER_YEAR = re.compile(r"\s*(?:a|per|each|every)\s+(?:year|annum)\b(?!\s+(?:earlier|ago|before|later)\b)|"
                       r"\s*annually\b", re.I)  # (not "1,420 vehicles a year earlier": the base of a change)
_MILESTONE = re.compile(r"(?:thousand|million|billion)th\b|\d(?:st|nd|rd|th)\b")


#: a total's start after it: "since 2023", "since March 2024", "since it entered the market in 2025"
_SINCE_AFTER = re.compile(r"^" + IN_CLAUSE + r"{0,60}?\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+|"
                          r"(?:it|they|the\s+\w+|its\s+\w+)\s+(?:[\w-]+\s+){0,5}?in\s+)?"
                          rf"(?:(?P<m>{MONTH})\s+)?(?P<y>(?:19|20)\d\d)\b")


def _since_start(text: str, st: Statistic, s: int, e: int, article_date: str | None) -> Period | None:
    """"has sold 3,100 since it entered the market in 2025", "have delivered N since March 2024": a total from
    that start up to the article's month (only with a perfect tense before the figure)."""
    from nevkg.ingest.extract.periods import _PERFECT, _month

    m = _SINCE_AFTER.match(text[st.end:e])
    if m is None or not article_date or len(article_date) < 7 or not _PERFECT.search(text, max(s, st.start - 60),
                                                                                        st.start):
        return None
    start = f"{m.group('y')}-{_month(m.group('m')) if m.group('m') else 1:02d}"
    if start > article_date[:7]:
        return None
    return Period(st.end + m.start("y"), st.end + m.end("y"), m.group(0).strip(), start, article_date[:7], True,
                  kind="since")


#: a yearly change right after a figure, against a named year ("…, up 13% from 2025", "a rise of 8% on 2024")
_BASE_YEAR = re.compile(IN_CLAUSE + r"{0,40}?\d(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+"
                        r"(?:year[\s-]on[\s-]year\s+)?(?:from|on|over|compared\s+(?:with|to)|versus|against)\s+(?:in\s+)?(?:the\s+same\s+period\s+(?:of|in)\s+)?"
                        r"(?P<y>(?:19|20)\d\d)\b", re.I)


#: a company's founding before its year ("founded in 1987", "established in 2015")
_FOUNDED = re.compile(r"\b(?:founded|established|incorporated|set\s+up|formed|created)\s+(?:back\s+)?(?:in\s+)?$", re.I)


def _aside(text: str, p: Period, st: Statistic) -> bool:
    """The period sits in brackets, or in a relative clause set off by commas, that do not hold the figure
    ("600 staff (the site closed in 2015)", "the plant, which opens in 2027, will employ 600"), in a clause
    opened by "since" after the figure, or dates a founding ("founded in 1987")."""
    gap = text[st.end:p.start] if st.end <= p.start else ""
    if re.search(r"\bsince\b", gap) and not re.search(r"\bsince\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?$", gap):
        return True  # "… for Rs 900 crore, its first plant since it entered India in 2021" ("since January" is
        # the figure's own span)
    if _FOUNDED.search(text[max(0, p.start - 40):p.start]):
        return True  # "Founded in 2015, it sold 412,000 cars in 2025": when the company began, not the figure's time
    a, b = text.rfind("(", 0, p.start), text.rfind(")", 0, p.start)
    if a > b:
        close = text.find(")", p.end)
        return close != -1 and not (a < st.start < close)
    for rel in re.finditer(r",\s+(?:which|who|whose|where|when)\b[^,;()]*,", text[max(0, p.start - 120):p.end + 120]):
        lo, hi = max(0, p.start - 120) + rel.start(), max(0, p.start - 120) + rel.end()
        if lo < p.start and p.end <= hi:
            return not (lo < st.start < hi)
    return False


#: a figure's time said again as "by then" after it ("a 12% share of the market by then")
_BY_THEN = re.compile(r"[^.;]{0,60}?\bby\s+then\b", re.I)


#: a figure stated for the year before ("…, from 18,000 a year earlier")
_YEAR_EARLIER = re.compile(r"\s*(?:in\s+)?(?:a\s+year\s+(?:earlier|ago|before(?!\s+(?:the|its|their|an?|\d)\b))|"
                           r"the\s+(?:previous|prior)\s+year|"
                           r"the\s+same\s+(?:period|month|quarter)\s+(?:of\s+|in\s+)?(?:the\s+previous\s+year|"
                           r"last\s+year|a\s+year\s+(?:earlier|ago)))\b", re.I)

#: a figure stated for some years before ("…, compared with 260 two years earlier")
_YEARS_EARLIER = re.compile(r"\s*(?P<n>two|three|four|five|[2-5])\s+years\s+(?:earlier|ago|before)\b", re.I)


#: a time that dates a statement rather than the figure stated ("said in May that it sold N in the first quarter")
_SAID_AT = re.compile(r"\b(?:said|says|announced|reported|disclosed|stated|confirmed|told\s+\w+(?:\s+\w+)?)\s+"
                      r"(?:(?:earlier|late|early)\s+)?(?:in|on)?\s*$", re.I)


#: a time that dates a company's founding or listing ("Founded in 2015, it sold N in 2025")
_FOUNDED_IN = re.compile(r"\b(?:founded|established|set\s+up|created|incorporated|formed|listed|launched|born)\s+"
                         r"(?:in\s+|on\s+)?$", re.I)


def _statement_time(text: str, p: Period, sent_start: int) -> bool:
    """Whether ``p`` directly follows a verb of saying ("announced on Monday", "said in May")."""
    return bool(_SAID_AT.search(text[max(sent_start, p.start - 40):p.start]))


def _founding_time(text: str, p: Period, sent_start: int) -> bool:
    """Whether ``p`` dates a founding or listing ("founded in 1987"): never a figure's time."""
    return bool(_FOUNDED_IN.search(text[max(sent_start, p.start - 40):p.start]))


#: a day that dates a stock ("as of September 30, 2026", "as at 30 June")
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.I)


def _quarter_long(p: Period) -> bool:
    """Whether ``p`` spans the three months of one quarter."""
    a, b = p.period_start or "", p.period_end or ""
    return len(a) == len(b) == 7 and a[:4] == b[:4] and int(b[5:]) - int(a[5:]) == 2 and int(b[5:]) % 3 == 0


#: "by" before the last day of a year: a target for that year
_BY_DAY = re.compile(r"\bby\s+$", re.I)


def _year_of_end(p: Period) -> Period:
    """The year a target "by December 31, 2026" is set for (2026)."""
    return Period(p.start, p.end, p.text, p.period_start[:4], p.period_start[:4], p.inferred, kind="by-end")


def _month_of(p: Period) -> Period:
    """The month of a day ("as of September 30, 2026" → 2026-09)."""
    return Period(p.start, p.end, p.text, p.period_start[:7], p.period_start[:7], p.inferred, kind="period")


def _year_before(p: Period) -> Period:
    """The same period one year earlier (2025-03 → 2024-03)."""
    def back(v: str | None) -> str | None:
        return f"{int(v[:4]) - 1}{v[4:]}" if v and v[:4].isdigit() else v
    return Period(p.start, p.end, p.text, back(p.period_start), back(p.period_end), True, p.date, p.kind)


def _timeless(st: Statistic, sent: str, after: str = "", before: str = "") -> bool:
    """An investment, a headcount, a capacity, a stake or a term: a figure that takes no period from the sentences
    before it (it has one only when its own sentence gives it). ``after`` and ``before`` are the texts right after
    and before the figure."""
    if st.limit:
        return True  # a cap or a floor ("shall not exceed 80 vehicles"): a condition, no count at a time
    if st.unit in {"jobs", "years", "hectares", "acres", "square-metres"} or st.unit == "vehicles" and re.search(
            r"\bcapacity\b", sent, re.I):
        return True  # (a term of years is no period's figure either: "a five-year deal signed in May"; nor the
        # area of a site)
    if st.unit == "vehicles" and _PER_YEAR.match(after):
        return True  # "can turn out 60,000 vehicles a year": a rate of capacity
    if st.unit in _MONEY and re.search(r"\binvest\w*|\bworth\b|\bcost\w*|\bspend\w*|\bfund\w*|"
                                       + PUT_INTO, sent, re.I):
        return True
    if st.unit in _MONEY and _PRICE_BEFORE.search(before):
        return True  # "priced at 529,900 pesos", "a price of €44,900", "starts at £36,990": a price, no flow
    if st.kind == "percent" and (re.match(r"\s*(?:(?:countervailing|anti-subsidy|import|additional)\s+)?"
                                         r"(?:dut(?:y|ies)|tariffs?|surtax|levy)\b", after, re.I)
                                 or re.search(r"\b(?:dut(?:y|ies)|tariffs?|surtax|levy)\s+(?:rate\s+)?of\s+$", before,
                                              re.I)):
        return True  # "a 21.3% countervailing duty", "the duty of 21.3%": a rate, no flow of a reporting period
    return st.kind == "percent" and bool(re.search(r"\bstakes?\b|\bowned\b|\bholds?\b|\bshareholding\b", sent,
                                                   re.I))


def _is_flow(measure: str | None, st: Statistic) -> bool:
    """Exports, sales or output (volumes, values and shares of them), revenue, profit or loss: figures that belong
    to a reporting period."""
    return bool(measure) and bool(re.match(r"(?:export|import|sales|overseas-sales|production|output|revenue|"
                                           r"net-loss|profit|first-registrations|deliveries|overseas-deliveries|"
                                           r"market-share|combined-market-share|nev-penetration-rate)", measure)) \
        and not measure.endswith("-capacity") and st.unit in {"vehicles", "percent", "usd", "cny", "eur"}
    # (a capacity is a rate of a plant, no flow of a reporting period: "phase one is 60,000 units a year")


class PeriodRules:
    """The period of a figure (needs the extractor's text, date and reporting periods)."""

    def _dated_period(self, st: Statistic, periods: list[Period]) -> Period | None:
        """A day as a figure's period: a rate in force from a stated day ("a 25% duty from 1 July"), or a
        milestone reached on one ("its 5 millionth car ... on Friday")."""
        days = [p for p in periods if p.date and not _CLAUSE_GAP.search(
            self.text[min(p.end, st.end):max(p.start, st.start)])]
        if st.kind == "percent":
            days = [p for p in days if _START_CUE.search(self.text[max(0, p.start - 30):p.start])]
        elif not _MILESTONE.search(self.text[st.start:st.end]):
            return None
        return min(days, key=lambda p: abs(p.start - st.start)) if days else None

    def _part_of(self, st: Statistic, s: int) -> Candidate | None:
        """The count a sentence opening "Of these, N …" or "Of the N vehicles, M …" takes a part of: the last
        figure of the same unit before it, when that one has a period ("2,380 vehicles as of September 30. Of
        these, 310 vehicles …")."""
        opening = re.match(r"\s*(?:[-•*]\s*)?Of\s+(?:these|those|them|which|the\s+(?P<n>\d[\d,.]*)\s+[a-z]+)\s*,",
                           self.text[s:st.start])  # (or "Of the 2,060 vehicles, 780 run in X, 650 in Y")
        if st.kind != "amount" or opening is None:
            return None
        near = [c for c in self.candidates if c.file == "observations" and c.record.get("unit") == st.unit
                and c.record.get("period_start")][-3:]  # (the latest of them: not the base "a year earlier")
        return max(near, key=lambda c: str(c.record["period_end"])) if near else None

    def _dates_state(self, st: Statistic, p: Period) -> bool:
        """Whether a time of the sentence dates a capacity, headcount, stake or investment: it hangs on the
        figure's own verb ("X, which employs N, will build buses from 2027": the time is the building's, the
        headcount has none), and that verb is not a start told in the past ("opened a plant last year with a
        capacity of N": the capacity is of now). A start still to come dates the capacity it starts with
        ("production will begin in the third quarter of 2028 with a capacity of N a year": N from then on)."""
        verbs = verbs_of(getattr(self, "doc", None), (st.start, st.end), (p.start, p.end))
        if verbs is None:
            return True
        return verbs[0].i == verbs[1].i and (verbs[0].lemma_.lower() not in _STARTING or verbs[0].tag_ != "VBD")

    def _same_verb(self, st: Statistic, p: Period) -> bool:
        """Whether the figure and the time hang on one verb (``True`` without a parse)."""
        verbs = verbs_of(getattr(self, "doc", None), (st.start, st.end), (p.start, p.end))
        return verbs is None or verbs[0].i == verbs[1].i

    def _now_after_then(self, st: Statistic, p: Period) -> bool:
        """Whether the figure's verb is in the present tense and the time's, another verb, in the past ("exported
        N in January-November, and sells in 31 countries": the count is of now)."""
        verbs = verbs_of(getattr(self, "doc", None), (st.start, st.end), (p.start, p.end))
        return verbs is not None and verbs[0].i != verbs[1].i and verbs[0].tag_ in {"VBZ", "VBP"} \
            and verbs[1].tag_ == "VBD"

    def _parallel(self, st: Statistic, periods: list[Period]) -> list[Period]:
        """The periods of a parallel clause of the figure's sentence ("…, while B delivered M in 2025"; "…; B
        shipped M in May"), not of a clause that turns to plans ("… and will open a plant in 2027")."""
        return [p for p in periods if p.kind in {"period", "relative", "ytd"} and not _aside(self.text, p, st)
                and not _PLAN_GAP.search(self.text[min(p.end, st.end):max(p.start, st.start)])]

    def figure_period(self, st: Statistic, s: int, e: int, periods: list[Period], ctx: dict[str, Any],
                      measure: str | None, whole: Candidate | None, notes: list[str]) -> tuple[Period | None, float]:
        """The period of the figure ``st`` of the sentence ``s:e`` and how much less sure it makes the
        observation; the reasons are added to ``notes``."""
        text, sent, drop = self.text, self.text[s:e], 0.0
        timeless = _timeless(st, sent, text[st.end:st.end + 30], text[max(s, st.start - 40):st.start])
        stat_periods = [p for p in periods if not p.date and p.kind not in {"since"}
                        and not _founding_time(text, p, s)]
        if st.kind != "percent":  # "2,380 vehicles as of September 30, 2026": a count at that day's month
            stat_periods += [_month_of(p) for p in periods if p.date and _AS_OF.search(text, max(s, p.start - 20),
                                                                                        p.start)]
            stat_periods += [_year_of_end(p) for p in periods if p.date and (p.period_start or "")[5:] == "12-31"
                             and _BY_DAY.search(text, max(s, p.start - 10), p.start)]  # "by December 31, 2026"
        report = getattr(self, "article_period", None)
        bases = base_periods(text, st, stat_periods, self.date, report)  # "…, up from 48% in the third quarter
        stat_periods = [p for p in stat_periods if p not in bases]  # of 2025": the base's time, not the figure's
        # periods in the figure's own clause (not across "; " or "and will …")
        own = [p for p in stat_periods if not _CLAUSE_GAP.search(text[min(p.end, st.end):max(p.start, st.start)])
               and not _aside(text, p, st)]
        own = times_of_this_level(text, st, s, own)  # (not a later figure's: "rising to 50% by 2031")
        if any(not _statement_time(text, p, s) for p in own):
            own = [p for p in own if not _statement_time(text, p, s)]  # "said in May that it sold N in Q1"
        if own and timeless:  # (a term of years has none: "a five-year deal signed in May" dates the signing)
            own = [p for p in own if self._dates_state(st, p)] if st.unit != "years" else []
        elif own and measure in _POINT_MEASURES:  # a count takes no time of a later clause of its own ("sells in
            own = [p for p in own if p.start < st.start and not self._now_after_then(st, p)  # 46 countries, and …
                   or self._same_verb(st, p)]  # 2027"), nor a past one's ("exported N in May, and sells in 31")
        if not own and _BY_THEN.match(text, st.end, e):  # "…, and a 12% share by then": the time named before
            named = [p for p in stat_periods if p.end <= st.start]
            own = ([p for p in named if re.search(r"\d{4}", p.text)] or named)[-1:]  # (a year written out first)
        dated = self._dated_period(st, periods)
        standing = st.kind == "percent" and bool(_STANDING_RATE.search(text[max(s, st.start - 40):st.start]))
        if standing:
            dated = None  # "come on top of the standard 10% tariff": a rate in force before, not from the new day
            ctx = {**ctx, "start_day": None}
        period = None
        if len(own) > 1 and (mine := [p for p in own if self._same_verb(st, p)]) and len(mine) < len(own):
            own = mine  # "started production in July and built 2,050 units in November": the figure's verb's time
        if own:
            period = min(own, key=lambda p: abs(p.start - st.start) * (1 if p.start < st.start else 1.3))
            period = same_period(text, period, report)  # "RMB 316 million in the same period of 2025"
            if period.kind == "ytd" and report is not None and report.period_start == period.period_start:
                period = report  # "so far this year" in a report on January to September
            if dated is not None and st.kind == "percent" and abs(dated.start - st.start) < abs(
                    period.start - st.start) * (1 if period.start < st.start else 1.3):
                period = dated  # "from 1 July, a 25% tariff, rising to 35% in 2027": the nearer start day
        elif dated is not None:
            period = dated
        elif bases and (head := head_period(bases[0], self.date, report)) is not None:
            period = head
            notes.append(f"the time after the base of its comparison is the base's ({bases[0].text}): the figure "
                         f"is of {head.period_start} to {head.period_end}")
        elif st.kind == "amount" and (base := _BASE_YEAR.match(text, st.end, e)) is not None:
            y = str(int(base.group("y")) + 1)  # "reached 7.1 million, up 13% from 2025": the year after the base
            period = Period(base.start("y"), base.end("y"), base.group("y"), y, y, True)
            notes.append(f"the year after the base of its change ({base.group('y')})")
        elif measure == "production-capacity" and (start := production_start_before(
                text, s, self.date, getattr(self, "fiscal_start", 4),
                st.start if any(p.end <= st.start for p in stat_periods) else None)) is not None:
            period = start  # "Production is scheduled to start in Q3 2028. The plant's capacity is N a year"
            notes.append(f"a capacity from the start of production told just before ({start.text})")
        elif (since := _since_start(text, st, s, e, self.date)) is not None:
            period = since
            notes.append(f"a total up to the article, counted from the start it names ({since.text})")
        elif st.kind == "percent" and ctx.get("start_day") is not None and not stat_periods and (
                _RATE_WORD.search(sent) or ctx.get("start_measure")):
            # (or a paragraph whose start day is a measure's: "The duties apply from X. They were set at …")
            period = ctx["start_day"]  # a rate of a measure in force from a day stated before
            drop += 0.1
            notes.append(f"a rate of a measure in force from a day stated before ({period.text})")
        elif st.kind == "percent" and not stat_periods and not standing and _RATE_WORD.search(sent) \
                and len(starts := getattr(self, "measure_starts", {})) == 1:
            period = next(iter(starts.values()))  # "The duties take effect from 1 December." … "X will pay 18.4%"
            drop += 0.15
            notes.append(f"a rate of the one measure the article dates, in force from {period.text}")
        elif (_is_flow(measure, st) or st.role in {"growth", "multiple"}) and not timeless \
                and self._parallel(st, stat_periods):
            # "A sold N in X, while B delivered M in 2025": a flow of a parallel clause shares its period
            period = min(self._parallel(st, stat_periods), key=lambda p: abs(p.start - st.start))
            drop += 0.15
            notes.append(f"period taken from the sentence's other clause ({period.text})")
        elif report is not None and not stat_periods and THE_QUARTER.search(sent) and _quarter_long(report):
            period = report  # "rides rose 64% to 3.4 million in the quarter": the report's quarter
            if QUARTER_END.search(sent):  # "held N in cash at the end of the quarter": its last month
                period = Period(st.start, st.start, report.text, report.period_end, report.period_end, True)
            notes.append(f"'the quarter' of a quarterly report ({report.text})")
        elif not stat_periods and THE_PERIOD.search(sent) and getattr(self, "flow_period", None) is not None \
                and st.start - self.flow_at < 500:
            period = self.flow_period  # "imports from China rose 52% to $96.3m over the period": the one just told
            notes.append(f"'the period': the period of the figure before it ({period.text or period.period_start})")
        elif (part := self._part_of(st, s)) is not None:
            period = Period(st.start, st.start, "", part.record["period_start"], part.record["period_end"], True,
                            kind="whole")
            notes.append(f"a part of {part.id} ('Of these, N'): its period was taken")
        elif whole is not None and whole.record.get("period_start"):
            period = Period(st.start, st.start, "", whole.record["period_start"], whole.record["period_end"], True,
                            kind="whole")
            notes.append(f"a share of {whole.id}: its period was taken")
        elif ctx.get("period") is not None and not stat_periods and not timeless \
                and measure not in _POINT_MEASURES and not (  # a fleet or a count of markets "now" is the article's
                    self.date and (ctx["period"].period_start or "") > self.date[:7] and not _PLAN_GAP.search(sent)):
            # (a plan's later year is no time of a figure reported after it: "will build 18,000 in 2027. Its share
            # has climbed to 1.5%")
            period, drop = ctx["period"], drop + 0.15
            notes.append(f"period carried from an earlier sentence ({period.text})")
        elif not stat_periods and getattr(self, "article_period", None) is not None and _is_flow(measure, st):
            period, drop = self.article_period, drop + 0.25
            notes.append(f"a flow figure without a period: the article's reporting period ({period.text}) was taken")
        elif not stat_periods and _is_flow(measure, st) and getattr(self, "flow_period", None) is not None \
                and not timeless and st.start - self.flow_at < 500:
            period, drop = self.flow_period, drop + 0.25  # a report going on in the next paragraph
            notes.append("a flow figure without a period: the period of the flow before it "
                         f"({period.text or period.period_start}) was taken")
        elif not stat_periods and _is_flow(measure, st) and getattr(self, "lede_period", None) is not None \
                and not timeless:
            period, drop = self.lede_period, drop + 0.3  # "sales … rose 11.4% to 31,870 units" after "in November"
            notes.append(f"a flow figure without a period: the period the article opens with ({period.text})")
        elif measure in _POINT_MEASURES and self.date and not st.limit:
            period = Period(st.start, st.start, "", self.date[:7], self.date[:7], True, kind="as-of")
            notes.append("a count at the time of the article: period set to the article's month")
        if not timeless and not _is_flow(measure, st) and (
                now := count_now(text, s, st, period, self.date, getattr(self, "doc", None))) is not None:
            period = now[0]  # "X now runs 140 charging points": as of the article's month
            notes.append(now[1])
        years = _YEARS_EARLIER.match(text, st.end, e)
        earlier = _YEAR_EARLIER.match(text, st.end, e)
        own_year = False  # the phrase's own time, with no time named before it in the sentence: as it is
        if earlier is not None and period is not None and earlier.start() <= period.start < earlier.end():
            # "…, compared with US$906 million in the same period last year", "…, against 22,500 in the previous
            # year": the year before the time named earlier in the sentence (not a year before "last year")
            head = [p for p in stat_periods if s <= p.end <= st.start and p.kind != "relative"]
            period, own_year = (head[-1], False) if head else (period, True)
        if period is not None and st.role != "yoy" and earlier is not None:
            if not own_year:
                period = _year_before(period)  # "from 0.9% a year earlier": the base of a change, one year back
        elif period is not None and st.role != "yoy" and years:  # "compared with 260 two years earlier"
            for _ in range(int(_num(years.group("n")))):
                period = _year_before(period)
        elif period is not None and _is_flow(measure, st) and not st.conversion:
            self.flow_period, self.flow_at = period, st.end  # (a report goes on for a paragraph or two)
        return period, drop
