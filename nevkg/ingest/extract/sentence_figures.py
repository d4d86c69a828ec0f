"""The figures of one sentence: which become observations, and which change belongs to which figure.

A mixin of the extractor (:class:`~nevkg.ingest.extract.core._Extractor`): :meth:`SentenceFigures.statistics`
reads the numbers of a sentence (:func:`~nevkg.ingest.extract.figures.find_statistics`), drops those inside a
date or a name, gives the sentence's status (reported, estimate, forecast, target) and ties each year-on-year
change to the figure it qualifies ("rose 12% to N", "N, up 5%"); the observation records themselves come from
:class:`~nevkg.ingest.extract.observations.ObservationRules`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figure_cues import _FORECAST, _TARGET
from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Candidate, Mention, Period, Statistic
from nevkg.ingest.extract.observation_periods import _START_CUE, _YEAR_EARLIER
from nevkg.ingest.extract.periods import MONTH, _plain
from nevkg.ingest.extract.spans import IN_CLAUSE, verbs_of

#: a turn to another clause ("…, while exports from B fell"; "; B shipped …"): its names are not a figure's
CLAUSE_TURN = re.compile(r";|,\s+(?:while|whereas|but)\b")


#: a comparison with what was expected ("than most of the industry expected", "as forecast"): no forecast
_MET_EXPECTATION = re.compile(r"\b(?:than|as)\s+(?:[\w'’-]+\s+){0,5}?(?:had\s+)?(?:expected|forecast|predicted|"
                              r"projected|anticipated)\b", re.I)


class SentenceFigures:
    """The statistics of a sentence and their year-on-year changes (needs the extractor's mentions)."""

    def statistics(self, s: int, e: int, periods: list[Period], ctx: dict[str, Any]) -> None:
        sent = self.text[s:e]
        last = getattr(self, "_last_count", None)  # (a ranking going on in the next paragraph counts the same)
        stats = find_statistics(sent, s, ctx.get("count_unit") or (last[1] if last and s - last[0] < 600 else None))
        counts = [st for st in stats if st.kind == "amount" and st.unit in {"vehicles"} and not st.conversion]
        if counts:
            ctx["count_unit"] = counts[-1].unit  # (a ranking in the next sentence counts the same)
            self._last_count = (counts[-1].end, counts[-1].unit)
        # numbers inside a date or period ("14, 2025") are not figures
        stats = [st for st in stats if not any(p.start <= st.start < p.end for p in periods)]
        # model names and ids ("SU7") were skipped by find_statistics; numbers inside entity names are dropped here
        self._drop_currency_names(stats)
        stats = [st for st in stats if not any(m.start <= _digit(self.text, st) < m.end for m in self.ents.mentions)]
        bases: list[tuple[Statistic, Candidate | None]] = []
        compilers = [m for m in self.mentions_in(s, e, ("organizations",)) if m.compiler]
        said = _MET_EXPECTATION.sub("", sent)  # ("a faster start than the industry expected": no forecast)
        status = "forecast" if _FORECAST.search(said) else "target" if _TARGET.search(sent) else \
            "estimate" if re.search(r"\bestimat(?:ed|es)\b(?!\s+\d)", sent) and not re.search(
                r"\ban\s+estimated\b", sent) else "reported"
        starts = [p for p in periods if p.date and _START_CUE.search(self.text[max(0, p.start - 30):p.start])]
        if starts:  # "the duties will apply from 1 May. The rates are …": a day the next sentences' rates start
            ctx["start_day"] = starts[-1]
            ctx["start_measure"] = bool(re.search(r"\b(?:tariffs?|dut(?:y|ies)|surtax\w*|levy|levies)\b", sent, re.I))
            if ctx["start_measure"]:  # (the days measures start on, article-wide)
                self.measure_starts = {**getattr(self, "measure_starts", {}), starts[-1].period_start: starts[-1]}
        pending: Statistic | None = None  # "rose 12% to N": a change waiting for the figure it leads to
        for i, st in enumerate(stats):
            if st.role == "yoy":
                st.sequential = bool(_MONTH_ON_MONTH.match(self.text[st.end:e]))
                free = [(b, c) for b, c in reversed(bases) if c is not None and b.yoy is None
                        and not b.conversion and not self._comparison_base(b, e)]
                # a change belongs to an amount rather than to a share stated after it ("N cars, a 35% share,
                # which is 48% more than a year ago")
                target = next((c for b, c in free if b.kind == "amount"), None) or next((c for _, c in free), None)
                base_stat = next((b for b, c in reversed(bases) if c is target), None)
                if base_stat is not None and (self._clause_break(base_stat.end, st.start) or st.sequential):
                    target = base_stat = None  # (another clause's figure; a change against the month before)
                if target is not None and base_stat is not None:
                    self._attach_change(st, base_stat, target, bases)
                    continue
                nxt = stats[i + 1] if i + 1 < len(stats) else None
                if nxt is not None and nxt.kind == "amount" and _CHANGE_TO.fullmatch(self.text[st.end:nxt.start]) \
                        and not _MONTH_ON_MONTH.match(self.text[nxt.end:e]):
                    pending = st
                    continue
                st.role = "growth"
            cand = self.observation(st, s, e, periods, ctx, compilers, _status_of(st, status, sent, s), bases)
            bases.append((st, cand))
            if pending is not None:
                if cand is not None and st.kind == "amount":
                    self._attach_change(pending, st, cand, bases)
                else:
                    pending.role = "growth"
                    bases.append((pending, self.observation(pending, s, e, periods, ctx, compilers,
                                                            _status_of(pending, status, sent, s), bases)))
                pending = None

    def _comparison_base(self, b: Statistic, e: int) -> bool:
        """A figure given as the base of a comparison ("from 3,000 a year earlier", "compared with 18,000 in
        2024"): a change in the sentence belongs to the figure compared with it, not to the base."""
        return bool(_YEAR_EARLIER.match(self.text, b.end, e) or re.search(
            r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|from)\s+$", self.text[max(0, b.start - 20):b.start]))

    def _attach_change(self, st: Statistic, base_stat: Statistic, target: Candidate, bases: list) -> None:
        """Record the change ``st`` as the year-on-year change of the figure ``base_stat`` (its candidate
        ``target``); conversions of the same figure share it."""
        yoy = (st.value - 1) * 100 if st.kind == "times" else st.value
        base_stat.yoy = yoy
        target.record["yoy_change_pct"] = _plain(yoy)
        if st.bound:
            target.record["yoy_bound"] = st.bound
        target.spans.append((st.start, st.end))
        target.spans.sort()
        for b, c in bases:
            if b.conversion and c is not None and b.start > base_stat.start:
                c.record["yoy_change_pct"] = _plain(yoy)
        # the same change stated before without its figure (a headline "exports up 18 pct"): one fact, not two
        for c in [c for c in self.candidates if c.file == "observations" and c.rule == "statistic:growth"
                  and c.record.get("value") == _plain(yoy) and c.record.get("subject") in {
                      None, target.record.get("subject")} and c.record.get("period_start") in {
                      None, target.record.get("period_start")}]:
            self.candidates.remove(c)

    def _drop_currency_names(self, stats: list[Statistic]) -> None:
        """A currency code before an amount ("EUR 1.2bn"), or the amount with it, that the parser proposed as a new
        name (an organisation, a model)."""
        for st in stats:
            for m in [m for m in self.ents.overlaps(st.start, st.end) if not m.known and m.rule.startswith("ner:")
                      and re.fullmatch(r"(?:[A-Z]{3}|US\$?|Rs\.?|R\$)(?:\s?[\d.,]+\s?(?:bn|mn|m|k|billion|million|"
                                       r"thousand)?)?", m.text)]:
                self.ents.forget(m)

    def _clause_break(self, a: int, b: int) -> bool:
        """Whether a new clause about another subject starts between two offsets."""
        gap = self.text[a:b]
        if CLAUSE_TURN.search(gap) or re.search(r"\bwhile\b", gap):
            return True
        return any(m.file == "organizations" and not m.compiler for m in self.mentions_in(a, b))

    def _other_clause(self, st: Statistic, m: Mention) -> bool:
        """Whether the parse puts a name in another clause than the figure: their nearest verbs differ
        ("X, whose sales rose to N in May, plans a plant in Y": Y is where the plan is, not where the sales were)."""
        verbs = verbs_of(getattr(self, "doc", None), (st.start, st.end), (m.start, m.end))
        return verbs is not None and verbs[0].i != verbs[1].i


#: between a change and the figure it leads to: "rose 12% to N", "up 35% from a year earlier at N"
_CHANGE_TO = re.compile(r"(?:\s+(?:in|during|over|for)\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}?(?:(?:19|20)\d\d|months?|"
                        r"quarter|half|year|period|[A-Z][a-z]+(?:\s+(?:19|20)\d\d)?))?"
                        # ("fell 12% in April from a year earlier to 6,200 units"; not a change on the month before:
                        # that is a figure of its own)
                        r"(?:\s*,?\s+(?:from|on|over|compared\s+(?:with|to))\s+(?:a|the)\s+year\s+(?:earlier|"
                        r"ago|before)|\s+year[\s-]on[\s-]year)?"
                        r"\s*,?\s*(?:to|at)\s+(?:an?\s+(?:record|all-time\s+high|total)\s+(?:of\s+)?)?")


#: a change against the month before, written after the figure: a statistic of its own, not a yearly change
_MONTH_ON_MONTH = re.compile(rf"{IN_CLAUSE}{{0,40}}?\b(?:from|than|compared\s+(?:with|to)|over|on)\s+(?:in\s+)?"
                             rf"(?:(?:{MONTH})(?!\s+\d)|"
                             r"the\s+(?:previous|prior)\s+(?:month|quarter)|last\s+month|an?\s+(?:month|quarter)\s+"
                             r"(?:earlier|before))\b|" + IN_CLAUSE
                             + r"{0,40}?\b(?:month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|"
                             r"sequential(?:ly)?)\b", re.I)


def _digit(text: str, st: Statistic) -> int:
    """The offset of a figure's first digit (after a currency code or symbol, a qualifier)."""
    m = re.search(r"\d", text[st.start:st.end])
    return st.start + m.start() if m else st.start


def _status_of(st: Statistic, status: str, sent: str, s: int) -> str:
    """A figure's status in a sentence of ``status``: a target only when a target's cue comes before it, or after
    it in the same stretch without a comma ("has 62 sites, … and aims to reach 85": 62 is reported)."""
    if status != "target":
        return status
    cues = [m.start() + s for m in _TARGET.finditer(sent)]
    if any(c < st.start for c in cues) or any(c > st.end and "," not in sent[st.end - s:c - s] for c in cues):
        return "target"
    return "reported"
