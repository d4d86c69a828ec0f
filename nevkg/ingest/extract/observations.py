"""Statistics: a figure with its subject, measure, destination and period as an observation."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.figures import _POINT_MEASURES, _SCOPES, _UNIT_MEASURE, _nearest_cue
from nevkg.ingest.extract.model import Candidate, Mention, Period, Statistic
from nevkg.ingest.extract.periods import _plain
from nevkg.ingest.extract.relations import _ANAPHOR, _is_destination
from nevkg.ingest.extract.subjects import _FLOW_TO, _INVESTMENT, _MONEY, _PUBLIC_BODIES, _TARIFF, SubjectRules

#: the fields that make two figures of an article one statistic
_SAME_FACT = ("subject", "measure", "destination", "scope", "period_start", "period_end", "value", "value_max", "unit")
_OBS_ORDER = ["id", "label", "measure", "subject", "destination", "scope", "period_start", "period_end",
              "period_inferred", "value", "value_max", "unit", "bound", "approximate", "yoy_change_pct", "yoy_bound",
              "status", "compiler", "rank", "note"]

#: where a figure's clause ends and another begins (its period is not the other clause's)
_CLAUSE_GAP = re.compile(r";|\band\s+(?:will|plans|is|has|could|would|may|might|should|can)\b|,\s+while\b")
#: a clause that turns from a figure to plans or states ("… and will open", "… and plans to")
_PLAN_GAP = re.compile(r"\b(?:and|but)\s+(?:will|plans|is|has|could|would|may|might|should|can|aims|expects)\b|"
                       r"\b(?:will|would|plans?\s+to|aims?\s+to|expects?\s+to)\b")
#: the words that put a day as the start of a rate ("from", "starting on", "effective")
_START_CUE = re.compile(r"\b(?:starting|beginning|from|effective|as\s+of|as\s+from|with\s+effect\s+from|"
                        r"in\s+force\s+from|takes?\s+effect\s+on|comes?\s+into\s+force\s+on)\s+(?:on\s+)?$", re.I)
_MILESTONE = re.compile(r"(?:thousand|million|billion)th\b|\d(?:st|nd|rd|th)\b")


def _aside(text: str, p: Period, st: Statistic) -> bool:
    """The period sits in brackets, or in a relative clause set off by commas, that do not hold the figure
    ("600 staff (the site closed in 2015)", "the plant, which opens in 2027, will employ 600"), or in a clause
    opened by "since" after the figure."""
    if st.end <= p.start and re.search(r"\bsince\b", text[st.end:p.start]):
        return True  # "… for Rs 900 crore, its first plant since it entered India in 2021"
    a, b = text.rfind("(", 0, p.start), text.rfind(")", 0, p.start)
    if a > b:
        close = text.find(")", p.end)
        return close != -1 and not (a < st.start < close)
    for rel in re.finditer(r",\s+(?:which|who|whose|where|when)\b[^,;()]*,", text[max(0, p.start - 120):p.end + 120]):
        lo, hi = max(0, p.start - 120) + rel.start(), max(0, p.start - 120) + rel.end()
        if lo < p.start and p.end <= hi:
            return not (lo < st.start < hi)
    return False


#: a figure stated for the year before ("…, from 18,000 a year earlier")
_YEAR_EARLIER = re.compile(r"\s*(?:in\s+)?(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year|"
                           r"the\s+same\s+(?:period|month|quarter)\s+(?:of\s+|in\s+)?(?:the\s+previous\s+year|"
                           r"last\s+year|a\s+year\s+(?:earlier|ago)))\b", re.I)


#: a time that dates a statement rather than the figure stated ("said in May that it sold N in the first quarter")
_SAID_AT = re.compile(r"\b(?:said|says|announced|reported|disclosed|stated|confirmed|told\s+\w+(?:\s+\w+)?)\s+"
                      r"(?:(?:earlier|late|early)\s+)?(?:in|on)?\s*$", re.I)


def _statement_time(text: str, p: Period, sent_start: int) -> bool:
    """Whether ``p`` directly follows a verb of saying ("announced on Monday", "said in May")."""
    return bool(_SAID_AT.search(text[max(sent_start, p.start - 40):p.start]))


def _year_before(p: Period) -> Period:
    """The same period one year earlier (2025-03 → 2024-03)."""
    def back(v: str | None) -> str | None:
        return f"{int(v[:4]) - 1}{v[4:]}" if v and v[:4].isdigit() else v
    return Period(p.start, p.end, p.text, back(p.period_start), back(p.period_end), True, p.date, p.kind)


def _dateline(text: str, m: Mention) -> bool:
    """A place opening the article as its dateline ("OTTAWA —", "MUMBAI:"): where the story was filed."""
    return (m.file == "places" or m.text.isupper()) and m.start < 3 and bool(
        re.match(r"\s*(?:[-—–:]|\(|,\s+[A-Z][a-z]{2}\.?\s+\d)", text[m.end:m.end + 12]))


def _timeless(st: Statistic, sent: str) -> bool:
    """An investment, a headcount, a capacity or a stake: a figure that takes no period from the sentences before it (it has
    one only when its own sentence gives it)."""
    if st.unit == "jobs" or st.unit == "vehicles" and re.search(r"\bcapacity\b", sent, re.I):
        return True
    if st.unit in _MONEY and re.search(r"\binvest\w*|\bworth\b|\bcost\w*|\bspend\w*|\bfund\w*", sent, re.I):
        return True
    return st.kind == "percent" and bool(re.search(r"\bstakes?\b|\bowned\b|\bholds?\b|\bshareholding\b", sent,
                                                   re.I))


def _is_flow(measure: str | None, st: Statistic) -> bool:
    """Exports, sales or output (volumes, values and shares of them): figures that belong to a reporting period."""
    return bool(measure) and bool(re.match(r"(?:export|sales|overseas-sales|production|output)", measure)) \
        and st.unit in {"vehicles", "percent", "usd", "cny", "eur"}


class ObservationRules(SubjectRules):
    """A figure → an observation record: measure, subject, destination, period, compiler."""

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

    def _arm_country(self, subject: Mention) -> Mention | None:
        """The country a company's local arm is named for ("X UK Ltd", "X Motor India"): the market its figures
        are about."""
        if subject.file != "organizations" or subject.known:
            return None
        spans = [(m.start, m.end) for m in self.ents.mentions if m.id == subject.id]
        inside = next((p for p in self.ents.mentions + self.ents.inner if p.file == "places" and p.kind == "country"
                       and not p.rule.startswith("demonym") and any(a <= p.start and p.end <= b for a, b in spans)),
                      None)
        words = subject.text.split()
        for n in (1, 2):  # "X Motor India", "X South Africa"
            if inside is None and len(words) > n:
                name = " ".join(words[-n:])
                inside = self.ents._country_mention(subject.end - len(name), subject.end, name, "arm-country", 0.6)
        return inside if inside is not None and inside.kind == "country" else None

    def _parallel(self, st: Statistic, periods: list[Period]) -> list[Period]:
        """The periods of a parallel clause of the figure's sentence ("…, while B delivered M in 2025"; "…; B
        shipped M in May"), not of a clause that turns to plans ("… and will open a plant in 2027")."""
        return [p for p in periods if p.kind in {"period", "relative", "ytd"} and not _aside(self.text, p, st)
                and not _PLAN_GAP.search(self.text[min(p.end, st.end):max(p.start, st.start)])]

    def observation(self, st: Statistic, s: int, e: int, periods: list[Period], ctx: dict[str, Any],
                    compilers: list[Mention], status: str, bases: list) -> Candidate | None:
        text = self.text
        sent = text[s:e]
        pos = st.start - s
        if st.role in {"yoy", "growth"} and re.search(r"\b(?:shares|stock|share\s+price)\b[^.;]{0,60}$",
                                                      text[s:st.start], re.I):
            return None  # a move of the share price, not a statistic of the business
        notes: list[str] = []
        conf = 0.8
        missing: list[str] = []
        # clause window for cues: from the previous figure (or sentence start) to the next one
        prev_end = max([b.end - s for b, _ in bases] + [0])
        window = (prev_end, min(len(sent), st.end - s + 60))
        # measure
        measure: str | None
        last = ctx.get("last_obs")
        if st.role in {"share", "penetration"}:
            exports = re.search(r"export", sent, re.I) or (
                last is not None and str(last.record.get("measure", "")).startswith("export"))
            measure = "nev-penetration-rate" if st.role == "penetration" else (
                "overseas-sales-share" if re.search(r"overseas|abroad", sent[max(0, pos - 60):pos], re.I)
                else "export-share" if exports else "combined-market-share")
        elif st.role == "growth":
            cue, _ = _nearest_cue(sent, pos, (0, len(sent)))
            if cue in {"sales-volume", "overseas-sales"}:
                measure = "sales-growth-rate"
            else:
                measure, conf = None, 0.4
                notes.append("a change with no base figure; pick a measure or reject")
        elif st.role == "multiple":
            measure = "growth-multiple"
            conf = 0.55
        elif st.role == "percent":
            cue, _ = _nearest_cue(sent, pos, window)
            if re.search(r"margin", sent[max(0, pos - 40):pos], re.I):
                measure = "gross-margin" if re.search(r"gross", sent, re.I) else "profit-margin"
            else:
                measure, conf = None, 0.35
                notes.append("a percentage whose meaning the rules do not know")
        elif st.unit in _UNIT_MEASURE:
            measure = _UNIT_MEASURE[st.unit]
            if st.unit == "orders-unit":
                measure = "orders"
        else:
            cue, dist = _nearest_cue(sent, pos, window)
            if cue is None:
                cue, dist = _nearest_cue(sent, pos, (0, len(sent)))
                conf -= 0.15
            money = st.unit in {"cny", "usd", "eur"}
            if cue == "export":
                measure = "export-value" if money else "export-volume"
            elif cue in {"sales-volume", "overseas-sales"} and money:
                measure = "revenue"
            elif cue == "new-model-launches":
                measure = None
            else:
                measure = cue
            if measure is None:
                conf = 0.35
                notes.append("no measure cue near the figure")
        # subject, compiler, destination
        ments = [m for m in self.mentions_in(s, e) if not m.compiler and not _dateline(text, m)]
        before = [m for m in ments if m.end - s <= pos]
        after = [m for m in ments if m.start - s >= st.end - s]
        dest = None
        for m in after:
            gap = text[st.end:m.start]
            if m.file == "places" and re.fullmatch(r"[^.;]{0,40}?\b(?:to|in|into)\s+(?:the\s+)?", gap) and \
                    (m.start - st.end) < 60:
                dest = m
                break
        if dest is None:  # "exports to X rose to N", "sales in X reached N"
            dest = next((m for m in reversed(before) if m.file == "places" and _FLOW_TO.search(
                text[max(s, m.start - 40):m.start]) and not self._clause_break(m.end, st.start)), None)
        tariff = st.kind == "percent" and bool(_TARIFF.search(sent) or re.search(r"\brates?\b", sent))
        market = self._tariff_market(s, e) if tariff else None
        tariff = market is not None or bool(_TARIFF.search(sent))
        dest = market or dest
        owner = self._share_of(st, after, s)
        if owner is not None and dest is None:  # "Europe took 40% of X's exports": Europe is where they went
            dest = next((m for m in before if m.file == "places" and not m.rule.startswith("demonym")
                         and not self._clause_break(m.end, st.start)), None)
        subject = self._respectively(st, s, e) or self._agent(st, after) or owner or (
            self._tariff_target(st, after) if tariff else None) or (
            self._tariff_origin(st, e) if tariff and st.kind == "percent" else None) or self._parse_subject(st, dest)
        if subject is not None:
            conf -= 0.05
        whole = self._whole_of(st, s, e, bases) if owner is None else None
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
            subject = pick
        if subject is None and _ANAPHOR.match(sent) and self.last_org is not None:
            subject, conf = self.last_org, conf - 0.1
            notes.append(f"'{_ANAPHOR.match(sent).group(0)}' read as {self.last_org.text}")
        if subject is None:
            cands = [m for m in after if m is not dest and not _is_destination(text, m)]
            if cands and cands[0].start - st.end < 50:
                subject, conf = cands[0], conf - 0.1
        if subject is None and ctx.get("subject") is not None:
            subject, conf = ctx["subject"], conf - 0.2
            notes.append(f"subject carried from an earlier sentence ({subject.text})")
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
        if subject is not None:
            ctx["subject"] = subject
            dest = dest or self._arm_country(subject)
        # period: nearest statistic period in the sentence, else the paragraph's
        stat_periods = [p for p in periods if not p.date and p.kind not in {"since"}]
        # periods in the figure's own clause (not across "; " or "and will …")
        own = [p for p in stat_periods if not _CLAUSE_GAP.search(text[min(p.end, st.end):max(p.start, st.start)])
               and not _aside(text, p, st)]
        if any(not _statement_time(text, p, s) for p in own):
            own = [p for p in own if not _statement_time(text, p, s)]  # "said in May that it sold N in Q1"
        dated = self._dated_period(st, periods)
        period = None
        if own:
            period = min(own, key=lambda p: abs(p.start - st.start) * (1 if p.start < st.start else 1.3))
            report = getattr(self, "article_period", None)
            if period.kind == "ytd" and report is not None and report.period_start == period.period_start:
                period = report  # "so far this year" in a report on January to September
        elif dated is not None:
            period = dated
        elif (_is_flow(measure, st) or st.role in {"growth", "multiple"}) and self._parallel(st, stat_periods):
            # "A sold N in X, while B delivered M in 2025": a flow of a parallel clause shares its period
            period = min(self._parallel(st, stat_periods), key=lambda p: abs(p.start - st.start))
            conf -= 0.15
            notes.append(f"period taken from the sentence's other clause ({period.text})")
        elif whole is not None and whole.record.get("period_start"):
            period = Period(st.start, st.start, "", whole.record["period_start"], whole.record["period_end"], True,
                            kind="whole")
            notes.append(f"a share of {whole.id}: its period was taken")
        elif ctx.get("period") is not None and not stat_periods and not _timeless(st, sent):
            period, conf = ctx["period"], conf - 0.15
            notes.append(f"period carried from an earlier sentence ({period.text})")
        elif not stat_periods and getattr(self, "article_period", None) is not None and _is_flow(measure, st):
            period, conf = self.article_period, conf - 0.25
            notes.append(f"a flow figure without a period: the article's reporting period ({period.text}) was taken")
        elif not stat_periods and _is_flow(measure, st) and getattr(self, "flow_period", None) is not None \
                and not _timeless(st, sent):
            period, conf = self.flow_period, conf - 0.25  # a report going on in the next paragraph
            notes.append(f"a flow figure without a period: the period of the flow before it ({period.text}) was taken")
        elif measure in _POINT_MEASURES and self.date:
            period = Period(st.start, st.start, "", self.date[:7], self.date[:7], True, kind="as-of")
            notes.append("a count at the time of the article: period set to the article's month")
        if period is not None and st.role != "yoy" and _YEAR_EARLIER.match(text, st.end, e):
            period = _year_before(period)  # "from 0.9% a year earlier": the base of a change, one year back
        elif period is not None and _is_flow(measure, st) and not st.conversion:
            self.flow_period = period
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
        if period is not None:
            rec["period_start"], rec["period_end"] = period.period_start, period.period_end
            if period.inferred:
                rec["period_inferred"] = True
                conf -= 0.05
        else:
            missing.append("period")
            notes.append("no period found" + ("" if self.date else "; give the article date (--date)"))
        rec["value"] = _plain(st.value)
        if st.value_max is not None:
            rec["value_max"] = _plain(st.value_max)
        unit = st.unit
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
            ps, pe = period.period_start, period.period_end
            parts.append(ps if ps == pe else f"{ps}-{pe[5:]}" if ps[:4] == pe[:4] and len(pe) > 4 else f"{ps}-{pe}")
        if st.conversion:
            parts.append(unit or "")
        spans = [(st.start, st.end)]
        if subject is not None and abs(subject.start - st.start) < 200:
            spans.append((subject.start, subject.end))
        if period is not None and s <= period.start < e:
            spans.append((period.start, period.end))
        if st.anaphoric:
            if last is None:
                return None
            for k in ("measure", "subject", "scope", "period_start", "period_end", "period_inferred", "unit"):
                if k in last.record:
                    rec[k] = last.record[k]
            missing = [k for k in missing if k not in rec]
            if rec.get("unit") in self.gaz.concepts or not self.gaz.concepts:
                missing = [k for k in missing if k != "unit"]
            notes = [n for n in notes if not n.startswith(("no measure", "subject carried", "period carried"))]
            notes.append(f"'of them' read as part of {last.id}")
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
