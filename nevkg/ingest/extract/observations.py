"""Statistics: a figure with its subject, measure, destination and period as an observation."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figure_cues import _SCOPES, _UNIT_MEASURE, _nearest_cue
from nevkg.ingest.extract.forecast_periods import resolved_past, year_on
from nevkg.ingest.extract.model import Candidate, Mention, Period, Statistic
from nevkg.ingest.extract.observation_neighbours import FigureNeighbours
from nevkg.ingest.extract.observation_parts import part_of_last, part_place, whole_of_batch
from nevkg.ingest.extract.observation_periods import _PER_YEAR, _PRICE_BEFORE, PeriodRules
from nevkg.ingest.extract.observation_places import FigurePlaces, opening_dateline
from nevkg.ingest.extract.periods import _plain
from nevkg.ingest.extract.ranked_places import ranked_with, ranking_owner
from nevkg.ingest.extract.rate_subjects import charged_payer, residual_rate, residual_rate_subject
from nevkg.ingest.extract.relations import _ANAPHOR, _is_destination
from nevkg.ingest.extract.sentence_figures import CLAUSE_TURN
from nevkg.ingest.extract.spans import IN_CLAUSE
from nevkg.ingest.extract.subjects import _FLOW_TO, _INVESTMENT, _MONEY, _PUBLIC_BODIES, _TARIFF, SubjectRules

#: a sentence about the company spoken of before, in places ("Its sales in X …", "Their fleets across Y …")
_ITS_IN = re.compile(r"(?:Its|Their)\s+(?:[\w-]+\s+){1,2}(?:in|across|outside|throughout)\s")
#: jobs cut, or a headcount, before a figure of jobs: no jobs created
_NOT_CREATED = re.compile(r"(?P<cut>\b(?:cut|cuts|cutting|shed|sheds|shedding|axe[sd]?|axing|eliminat\w+|slash\w*|"
                          r"lay(?:s|ing)?\s+off|laid\s+off)\b)|\b(?:employ(?:s|ed|ing)|workforce\s+of|staff\s+of|"
                          r"headcount\s+of)\b", re.I)  # ("will employ 3,000": jobs to be created)
#: a preposition of place right before a name: the name says where, not whose
_WHERE_BEFORE = re.compile(r"\b(?:in|at|into|across|throughout|near|around|outside)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w'’.-]*(?:,?\s+(?:and\s+|or\s+)?|,\s*))*$")
#: the fields that make two figures of an article one statistic
_SAME_FACT = ("subject", "measure", "destination", "scope", "period_start", "period_end", "value", "value_max", "unit")
_OBS_ORDER = ["id", "label", "measure", "subject", "destination", "scope", "period_start", "period_end",
              "period_inferred", "value", "value_max", "unit", "bound", "approximate", "yoy_change_pct", "yoy_bound",
              "status", "compiler", "rank", "note"]


#: a verb only supposed right before a figure ("could hire 30 more drivers if …", "would sell N if …")
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might)\s+(?:(?:have|be|easily|probably)\s+)?[a-z]+\s+(?:about\s+|up\s+"
                           r"to\s+|another\s+)?$", re.I)
#: a company running or operating the vehicles counted next ("runs about 1,900 robotaxis")
_RUNS_FLEET = re.compile(r"\b(?:runs?|running|ran|operates?|operating|operated)\s+(?:(?:about|around|some|roughly|"
                         r"nearly|almost|more\s+than|over|at\s+least|a\s+total\s+of)\s+)?$", re.I)


#: measures of a market an industry association counts (the figure is the market's, the association its source)
_MARKET_FIGURES = {None, "first-registrations", "sales-volume", "market-share", "import-volume", "deliveries"}


class ObservationRules(PeriodRules, SubjectRules, FigurePlaces, FigureNeighbours):
    """A figure → an observation record: measure, subject, destination, period, compiler."""

    def observation(self, st: Statistic, s: int, e: int, periods: list[Period], ctx: dict[str, Any],
                    compilers: list[Mention], status: str, bases: list) -> Candidate | None:
        text = self.text
        sent = text[s:e]
        pos = st.start - s
        moved = st.role in {"yoy", "growth"} or st.kind == "percent" and re.match(r"\s+(?:higher|lower|up|down)\b",
                                                                              text[st.end:st.end + 12])
        if moved and re.search(r"\b(?:shares|stock|share\s+price)\b" + IN_CLAUSE + r"{0,60}$", text[s:st.start], re.I):
            return None  # a move of the share price, not a statistic of the business
        if st.kind == "percent" and re.search(r"\b(?:shares|stock|share\s+price)\b", sent, re.I) and re.search(
                r"\b(?:clos\w*|end\w*|finish\w*|trad\w*|open\w*)\s+(?:\w+\s+)?$", text[s:st.start], re.I) \
                and re.match(r"\s*(?:higher|lower|up|down)\b", text[st.end:st.end + 12], re.I):
            return None  # "… before closing 6.5% higher": the same share price's move
        if _HYPOTHETICAL.search(text, max(s, st.start - 40), st.start) and re.search(
                r"\bif\b", text[st.end:min(e, st.end + 80)]):
            return None  # "could hire 30 more drivers if we could find them": no figure of what is
        notes: list[str] = []
        conf = 0.8
        missing: list[str] = []
        # clause window for cues: from the previous figure (or sentence start) to the next one
        prev_end = max([b.end - s for b, _ in bases] + [0])
        window = (prev_end, min(len(sent), st.end - s + 60))
        # measure, from cue words outside the names of organisations ("Nordic Fleet Partners" is no fleet)
        named = sent
        for m in self.mentions_in(s, e, ("organizations",)):
            named = named[:m.start - s] + " " * (m.end - m.start) + named[m.end - s:]
        measure: str | None
        last = ctx.get("last_obs")
        if st.role in {"share", "penetration"}:
            exports = re.search(r"export", sent, re.I) or (
                last is not None and str(last.record.get("measure", "")).startswith("export"))
            measure = "nev-penetration-rate" if st.role == "penetration" or self._ev_share(st, s, sent, last) else (
                "overseas-sales-share" if re.search(r"overseas|abroad", sent[max(0, pos - 60):pos], re.I)
                else "export-share" if exports else "combined-market-share" if re.search(
                    r"\b(?:combined|together|jointly|between\s+them)\b", sent, re.I) else "market-share")
        elif st.role == "growth":
            cue, _ = _nearest_cue(named, pos, (0, len(sent)))
            if st.sequential:
                measure, conf = None, 0.4  # (sales-growth-rate is a year-on-year rate)
                notes.append("a change against the month or quarter before: no measure concept for it yet")
            elif cue in {"sales-volume", "overseas-sales"}:
                measure = "sales-growth-rate"
            else:
                measure, conf = None, 0.4
                notes.append("a change with no base figure; pick a measure or reject")
        elif st.role == "multiple":
            measure = "growth-multiple"
            conf = 0.55
        elif st.role == "percent" and (counted := self._bracketed_count(st.start, st.end)) is not None:
            measure = "market-share" if counted.record.get("measure") in _MARKET_FIGURES - {None, "market-share"} \
                else None  # "Toyota with 2,960 units (9.3%)": the count's share of its market
            if measure is None:
                conf = 0.35
                notes.append("a percentage in brackets after a count whose meaning the rules do not know")
        elif st.role == "percent" and (to := self._percent_before(s, st.start)) is not None and \
                re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", sent[max(0, pos - 20):pos]):
            measure = to.record["measure"]  # "its share rose to 7.4% from 5.9%": the base of the same measure
        elif st.role == "percent":
            cue, _ = _nearest_cue(named, pos, window)
            if re.search(r"margin", sent[max(0, pos - 40):pos], re.I):
                measure = "gross-margin" if re.search(r"gross", sent, re.I) else "profit-margin"
            else:
                measure, conf = None, 0.35
                notes.append("a percentage whose meaning the rules do not know")
        elif st.unit in {"cities", "workshops", "chargers"}:
            measure = None  # a count of cities, workshops or chargers: no measure concept yet
            notes.append(f"a count of {st.unit}: no measure concept for it yet")
        elif st.unit == "jobs" and (kind := _NOT_CREATED.search(sent[max(0, pos - 60):pos])) is not None:
            measure, conf = None, conf - 0.1  # "cut 2,000 jobs", "employs 1,400 people": no jobs created
            notes.append(f"jobs {'cut' if kind.group('cut') else 'held (a headcount)'}: no measure concept for it yet")
        elif st.unit == "months" and not re.search(r"\b(?:consecutive|straight|in\s+a\s+row)\b", sent, re.I):
            measure = None  # "an 18-month grace period", "a lease over 60 months": a term, no growth streak
        elif st.unit in _UNIT_MEASURE:
            measure = _UNIT_MEASURE[st.unit]
            if st.unit == "orders-unit":
                measure = "orders"
        else:
            cue, dist = _nearest_cue(named, pos, window)
            if cue is None:
                cue, dist = _nearest_cue(named, pos, (0, len(sent)))
                conf -= 0.15
            money = st.unit in _MONEY
            if money and _PRICE_BEFORE.search(sent[max(0, pos - 60):pos]):
                measure = None  # "priced from US$21,990", "sells for USD 24,900": a price, no revenue of a period
            elif cue in {"export", "import"}:
                measure = f"{cue}-value" if money else f"{cue}-volume"
            elif cue in {"sales-volume", "overseas-sales"} and money:
                measure = "revenue"
            elif cue == "investment-amount" and not money or cue == "production-capacity" and money:
                measure = None  # "invests in 3 plants", "a $2 billion capacity expansion": no such amount
            elif cue == "net-loss" and not money:
                measure = None  # "a loss of 2,000 jobs"
            elif money and cue not in {"revenue", "profit", "investment-amount", "net-loss"}:
                measure = None  # money "for the fleet", "orders worth N": no count measure is a sum of money
            elif cue == "new-model-launches":
                measure = None
            else:
                measure = cue
            if measure in {None, "production-volume"} and st.unit == "vehicles" and _PER_YEAR.match(
                    text, st.unit_span[1] if st.unit_span else st.end):
                measure = "production-capacity"  # "(the plant) should make 50,000 cars a year": a rate it can build
            if measure is None and st.unit == "vehicles" and _RUNS_FLEET.search(sent[:pos]) and re.search(
                    r"robotaxi|driverless|autonomous|self-driving", st.unit_text, re.I):
                measure = "robotaxi-fleet-size"  # "runs about 1,900 robotaxis in nine cities": its fleet
            if measure is None and st.ranked and (prior := self._count_before(st.start)) is not None:
                measure = prior.record["measure"]  # "Kia (5,870)": a ranking's count measured as the one before
            if measure is None:
                conf = 0.35
                notes.append("no measure cue near the figure")
        # subject, compiler, destination
        ments = [m for m in self.mentions_in(s, e) if not m.compiler and not opening_dateline(text, m)
                 and not self.ents.in_dateline(m)]
        before = [m for m in ments if m.end - s <= pos]
        after = [m for m in ments if m.start - s >= st.end - s and not CLAUSE_TURN.search(text, st.end, m.start)]
        dest = self._respective_place(st, s, e)
        for m in after if dest is None else []:
            gap = text[st.end:m.start]
            if m.file == "places" and re.fullmatch(
                    IN_CLAUSE + r"{0,40}?\b(?:to|in|into|across|throughout)\s+(?:the\s+)?", gap) and \
                    (m.start - st.end) < 60 and not CLAUSE_TURN.search(gap) \
                    and not self._other_clause(st, m):
                dest = m
                break
        if dest is None:  # "exports to X rose to N", "sales in X reached N"
            dest = next((m for m in reversed(before) if m.file == "places" and _FLOW_TO.search(
                text[max(s, m.start - 40):m.start]) and not self._clause_break(m.end, st.start)), None)
        if dest is None:  # "X was the largest destination with N", "followed by Y with M"
            dest = next((m for m in reversed(before) if m.file == "places" and ranked_with(text, m.end, st.start)),
                        None)
        tariff = st.kind == "percent" and bool(_TARIFF.search(sent) or re.search(r"\brates?\b", sent))
        market = self._tariff_market(s, e) if tariff else None
        tariff = market is not None or bool(_TARIFF.search(sent))
        dest = market or dest
        owner = self._share_of(st, after, s) or (ranking_owner(text, ments + [
            a for a in self.ents.anaphors if s <= a.start < e], s, st.start) if dest is not None else None)
        ranking = self.ranking_before(st, dest, s) if owner is None and dest is not None else None
        if ranking is not None:  # "Y contributed M" after "X's largest region, with N in May": X's, in May
            owner, ranked = ranking
            measure = ranked.record.get("measure") if ranked is not None else measure
        if owner is not None and dest is None:  # "Europe took 40% of X's exports": Europe is where they went
            dest = next((m for m in before if m.file == "places" and not m.rule.startswith("demonym")
                         and not self._clause_break(m.end, st.start)), None)
        rest = residual_rate_subject(self, market, s, e) if st.kind == "percent" and residual_rate(
            text, st.start, st.end, s) else None  # "other companies will pay N%": the duty's, no company's
        gapped = next((m for m in reversed(before) if not m.compiler and (
            m.file == "organizations" and re.fullmatch(r"\s*[:(]?\s*", text[m.end:st.start]) or re.fullmatch(
                r"\s+(?:with|at)\s+(?:about\s+|some\s+|around\s+|nearly\s+)?", text[m.end:st.start]))), None)
        # ("…, B 22.7% and C 13.9%"; "C with 940", "followed by the UK at 5,870 units", "Kia (5,870)")
        if gapped is not None and gapped.file == "places" and owner is not None:
            gapped = None  # "its biggest region …, followed by Y with M": Y is where the owner's M went
        # "Chinese brands' registrations rose to N. Their share rose to 7.4%": the owner of the figure before
        their = self._figure_before(s) if re.match(r"\s*Their\s", sent) else None
        payer = charged_payer(self.doc, st.start, st.end, self._mention_at) if st.kind == "percent" else None
        counted, counter = self._bracketed_owner(st)
        subject = counter or rest or payer or self._model_maker(st, s) or gapped or self._respectively(st, s, e) or \
            self._agent(st, after) or owner or their or (self._tariff_target(st, after) if tariff else None) or (
                self._tariff_origin(st, e) if tariff and st.kind == "percent" else None) or \
            self._parse_subject(st, dest)
        if re.search(r"%\s+of\s+(?:the\s+|all\s+)?$", text[max(s, st.start - 12):st.start]):
            market = next((m for m in after if m.file == "places" and re.fullmatch(
                r"\s+(?:sold|registered|delivered|bought)\s+in\s+(?:the\s+)?", text[st.end:m.start])), None)
            subject = market or subject  # "took 21.4% of the 1.24 million vehicles sold in Mexico": its total
        if subject is not None:
            conf -= 0.05
        whole = counted or (self._whole_of(st, s, e, bases) if owner is None else None)
        if whole is not None and (subject is None or subject.file == "places"):  # a part takes its whole's owner
            subject = next((m for m in reversed(self.ents.mentions) if m.id == whole.record.get("subject")),
                           None) or subject
        if st.role == "share" and subject is None:
            of = next((m for m in after if re.fullmatch(r"\s*of\s+(?:the\s+)?", text[st.end:m.start])), None)
            subject = of
        if subject is None:
            cands = [m for m in before if m is not dest and not _is_destination(text, m)]
            # the clause's own actor: an organisation before the figure wins over a place (an appositive
            # "a developer from Qingdao City" or "sales in Europe" names no actor)
            clause = [m for m in cands if not self._clause_break(m.end, st.start)] or cands
            orgs = [m for m in clause if m.file == "organizations"]
            pick = orgs[-1] if orgs else clause[-1] if clause else None
            if pick is not None and pick.file == "places":
                # "Qingdao City in Shandong Province": the first place is the one meant
                i = cands.index(pick)
                while i > 0 and cands[i - 1].file == "places" and re.fullmatch(
                        r",?\s+(?:in\s+|of\s+)?(?:[a-z]+\s+)?(?:[A-Z]\w+['’]s\s+)?",
                        text[cands[i - 1].end:cands[i].start]):
                    i -= 1
                pick = cands[i]
            if pick is not None and pick.file == "places" and not orgs and self.last_org is not None and \
                    _ITS_IN.match(sent):
                pick = self.last_org  # "Its fleets in X and Y number …": the places are where, not whose
            subject = pick
        if subject is None and _ANAPHOR.match(sent) and self.last_org is not None:
            subject, conf = self.last_org, conf - 0.1
            notes.append(f"'{_ANAPHOR.match(sent).group(0)}' read as {self.last_org.text}")
        if subject is None:  # (a place after "in", "at" … is where: "rose to N, lifted by fares in X")
            cands = [m for m in after if m is not dest and not _is_destination(text, m) and not (
                m.file == "places" and _WHERE_BEFORE.search(text, max(s, m.start - 60), m.start))]
            if cands and cands[0].start - st.end < 50:
                subject, conf = cands[0], conf - 0.1
        flow = (measure or ("export" if st.unit == "vehicles" and dest is not None else "")).startswith("export")
        if subject is not None and subject.file == "places" and flow and (any(m.id == subject.id and (ranked_with(
                text, m.end, e, anywhere=True) or _FLOW_TO.search(text[max(s, m.start - 40):m.start])) for m in ments)
                or subject.rule.startswith("demonym") and dest is not None and subject.id != dest.id):
            subject = None  # a place the sentence sends exports to is no exporter, nor a place named by an adjective
            # ("Y, a hub for the European market, took N"; a count with no measure too)
        if subject is None and dest is not None and measure and measure.startswith("export") and \
                getattr(self, "exporter", None) is not None:
            subject, conf = self.exporter, conf - 0.2  # "exports to X rose to N": the exporter of the flows before
            notes.append(f"the exporter of the flows before ({subject.text})")
        if subject is None and tariff and st.kind == "percent" and dest is not None:
            subject = dest  # "X charges a 20% duty": the market that charges a rate (README: market / authority)
        if subject is None and ctx.get("subject") is not None:
            subject, conf = ctx["subject"], conf - 0.2
            notes.append(f"subject carried from an earlier sentence ({subject.text})")
        if subject is None and measure and measure.startswith("export") and getattr(self, "exporter", None):
            subject, conf = self.exporter, conf - 0.25  # a report on one exporter going on
            notes.append(f"the exporter of the flows before ({subject.text})")
        if subject is None:
            subject = self.focus_subject()
            if subject is not None:
                conf -= 0.25
                notes.append(f"no subject in the sentence: the article's main actor ({subject.text}) was taken")
        if subject is not None and subject.file == "places" and st.unit in _MONEY and _INVESTMENT.search(sent):
            # "the government signed a deal with X for a $1 billion plant": the company invests, not the country
            firms = [m for m in ments if m.file == "organizations" and (m.kind or "") not in _PUBLIC_BODIES]
            if firms:
                subject = min(firms, key=lambda m: abs(m.start - st.start))
        if subject is not None and "industry-association" in {subject.kind, self.ents.new.get(subject.id, {}).get(
                "kind")} and measure in _MARKET_FIGURES \
                and st.unit in {"vehicles", "percent"}:
            subject, compilers = self._association_market(subject, compilers, notes)
        if measure == "market-share":
            subject, dest = self._makers_share(st, subject, dest, before)
        if subject is not None and measure and measure.startswith("export") and subject is not dest:
            self.exporter = subject
        if subject is not None:
            ctx["subject"] = subject
            dest = dest or self._arm_country(subject) or (next((  # "X's Brazilian sales rose to N"
                m for m in before if m.file == "places" and m.rule.startswith("demonym") and subject.file ==
                "organizations" and re.match(r"\s+(?:sales|registrations|deliveries)\b", text[m.end:m.end + 20])
                and not self._clause_break(m.end, st.start)), None))
        period, drop = self.figure_period(st, s, e, periods, ctx, measure, whole, notes)
        conf -= drop
        if st.conversion:
            conf -= 0.15
            notes.append("a currency conversion the article gives in parentheses")
        scope = None
        scope_text = sent[max(0, window[0]):window[1]]
        for m in self.mentions_in(s + window[0], s + window[1], ("organizations", "places", "vehicle_models")):
            a, b = m.start - s - window[0], m.end - s - window[0]
            scope_text = scope_text[:a] + " " * (b - a) + scope_text[b:]
        scope_text += " " + st.unit_text
        for name, rx in _SCOPES:
            if rx.search(st.unit_text) or rx.search(scope_text):
                scope = name
                break
        if scope is None and st.unit == "vehicles" and measure in {"export-volume", "sales-volume",
                                                                   "production-volume"}:
            scope = "all-vehicles"
        rec: dict[str, Any] = {}
        if measure:
            rec["measure"] = measure
        else:
            missing.append("measure")
        if subject is not None:
            rec["subject"] = subject.id
        else:
            missing.append("subject")
        if dest is not None and measure not in {"export-share"}:
            rec["destination"] = dest.id
        if scope and scope in self.gaz.concepts | {"nev", "ev", "all-vehicles"}:
            rec["scope"] = scope
        if ranking is not None and ranking[1] is not None and not periods and ranking[1].record.get("period_start"):
            rec.update({k: v for k, v in ranking[1].record.items() if k.startswith("period_")})  # (the ranking's)
        elif period is not None:
            rec["period_start"], rec["period_end"] = period.period_start, period.period_end
            if status in {"forecast", "target"} and resolved_past(period, self.date):  # "expects … in the 4th quarter"
                rec["period_start"], rec["period_end"] = year_on(period.period_start), year_on(period.period_end)
            if period.inferred:
                rec["period_inferred"] = True
                conf -= 0.05
        else:
            missing.append("period")
            notes.append("no period found" + ("" if self.date else "; give the article date (--date)"))
        rec["value"] = _plain(st.value)
        if st.value_max is not None:
            rec["value_max"] = _plain(st.value_max)
        unit = self._local_currency(st) or st.unit
        if unit and self.gaz.concepts and unit not in self.gaz.concepts:
            missing.append("unit")
            notes.append(f"unit '{unit}' is not a concept yet")
        rec["unit"] = unit
        if st.bound:
            rec["bound"] = st.bound
        if st.approximate:
            rec["approximate"] = True
        if status != "reported":
            rec["status"] = status
        if compilers:
            rec["compiler"] = compilers[0].id
        parts = [(rec.get("subject") or "unknown"), measure or "figure"]
        if scope and scope not in {"all-vehicles"}:
            parts.append(scope)
        if dest is not None:
            parts.append(dest.id)
        if period is not None:
            ps, pe = rec["period_start"], rec["period_end"]
            parts.append(ps if ps == pe else f"{ps}-{pe[5:]}" if ps[:4] == pe[:4] and len(pe) > 4 else f"{ps}-{pe}")
        if st.conversion:
            parts.append(unit or "")
        spans = [(st.start, st.end)]
        if subject is not None and abs(subject.start - st.start) < 200:
            spans.append((subject.start, subject.end))
        if period is not None and s <= period.start < e:
            spans.append((period.start, period.end))
        if st.anaphoric:
            opening, carried = ctx.get("carried_obs") or (None, None)
            first = min([b.start for b, _ in bases] + [st.start])
            if last is None and s == opening and all(b.anaphoric for b, _ in bases) and not re.search(
                    r"\d", text[s:first]):  # (a paragraph that opens with parts, "Fiji took 1,160 of them, Samoa
                last = carried  # 240": of the count that closed the paragraph before)
            last = whole_of_batch(self.candidates) if st.batch else last
            if last is None:
                return None
            missing, notes = part_of_last(rec, last, missing, notes, self.gaz.concepts, st.batch)
            if dest is None and (dest := part_place(rec, text, before, st.start)) is not None:
                rec["destination"] = dest.id  # ("Fiji took 1,160 of them, Papua New Guinea 620")
            conf = 0.6
            parts = [rec.get("subject", "unknown"), rec.get("measure", "figure")]
            if dest is not None:
                parts.append(dest.id)
            parts.append(str(rec.get("period_start", "")))
        same = next((c for c in self.candidates if c.file == "observations" and rec.get("subject") and all(
            c.record.get(k) == rec.get(k) for k in _SAME_FACT)), None)
        if same is not None and not st.anaphoric:  # a figure stated twice in the article is one statistic
            same.spans = sorted({*same.spans, (st.start, st.end)})
            return same
        body = {"id": self.cid("-".join(parts)), **rec}
        body = {k: body[k] for k in _OBS_ORDER if k in body}
        cand = self.add("observations", body, conf - 0.1 * len(missing), spans, f"statistic:{st.role}",
                        status="incomplete" if missing else "proposed", missing=missing, notes=notes)
        if st.kind == "amount" and not st.conversion and not st.anaphoric:
            ctx["last_obs"] = cand
        return cand

