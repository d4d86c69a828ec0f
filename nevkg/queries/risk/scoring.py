"""How a measure weighs on an organisation: the rates that apply on a day, their signed change, the measure's
effect (adverse or favourable), and the score (see :mod:`nevkg.queries.risk`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from nevkg.queries.risk.events import _first, _last

__all__ = ["rates_for", "rate_text", "weigh", "pct", "RELIEF_RATE_KINDS", "EASING_POLICY_KINDS",
           "FAVOURABLE_POLICY_KINDS", "PHASES"]

#: rate kinds that are a share of a tax waived: the more, the better for the payer
RELIEF_RATE_KINDS = frozenset({"tax relief"})
#: policy kinds that help whom they cover (subsidies, incentives): favourable whatever their rate
FAVOURABLE_POLICY_KINDS = frozenset({"support-measure"})
#: policy kinds that ease a duty (an undertaking, an arrangement): favourable unless a rate of theirs goes up
EASING_POLICY_KINDS = frozenset({"price-undertaking", "trade-arrangement"})
#: phases in the order the rows are ranked
PHASES = ("coming", "changed", "in force")


def rates_for(m: dict[str, Any], who: set[str], day: dt.date) -> dict[str, Any]:
    """The rates of a measure that apply on a day, split into the company's own, residual and MFN."""
    active = []
    for r in m["rates"]:
        if r["start"] and _first(r["start"]) > day:
            continue
        if r["end"] and _last(r["end"]) < day:
            continue
        active.append(r)
    latest: dict[tuple, dict[str, Any]] = {}
    for r in active:  # a schedule: per kind, powertrain, products and company, the step in effect
        key = (r["kind"], r["powertrain"], tuple(r["product_codes"]), tuple(r["applies_to"]), r["group"])
        if key not in latest or r["start"] > latest[key]["start"]:
            latest[key] = r
    current = list(latest.values())
    own = [r for r in current if set(r["applies_to"]) & who]
    own_kinds = {r["kind"] for r in own}
    residual = [r for r in current if not r["applies_to"] and r["kind"] not in own_kinds and r["kind"] != "MFN duty"]
    mfn = [r for r in current if r["kind"] == "MFN duty" and (not r["applies_to"] or set(r["applies_to"]) & who)]
    own = [r for r in own if r["kind"] != "MFN duty"]
    return {"own": own, "residual": residual, "mfn": mfn}


def pct(x: Decimal | None) -> str:
    """A percentage as written: ``17 %``, ``17.4 %``, ``""`` for None.

    >>> pct(Decimal("17.0")), pct(Decimal("17.4")), pct(None)
    ('17 %', '17.4 %', '')
    """
    if x is None:
        return ""
    text = format(x.normalize(), "f") if x == x.to_integral() else str(x)
    return f"{text} %"


def rate_text(rates: dict[str, Any], labels) -> tuple[str, dict[str, Any] | None, Decimal | None]:
    """``(text, headline rate, company rate)``: the rates in words; the headline is the company's own rate
    when the measure has one for it, else the highest residual rate (MFN duties are context, not headline)."""
    parts = []
    pick = company = None
    if rates["own"]:
        pick = max(rates["own"], key=lambda r: r["rate"] if r["rate"] is not None else Decimal(-1))
        company = pick["rate"]
        for r in rates["own"]:
            who = ", ".join(labels(a) for a in r["applies_to"])
            was = f", was {pct(r['previous'])}" if r["previous"] is not None else ""
            parts.append(f"{pct(r['rate'])} {r['kind']} (company rate, {who}{was})")
    elif rates["residual"]:
        pick = max(rates["residual"], key=lambda r: r["rate"] if r["rate"] is not None else Decimal(-1))
        for r in sorted(rates["residual"], key=lambda r: (r["powertrain"], r["rate"] or 0)):
            extra = [x for x in (r["group"], r["powertrain"].upper(), "up to" if r["bound"] == "upper" else "",
                                 ", ".join(labels(c) for c in r["product_codes"]),
                                 f"was {pct(r['previous'])}" if r["previous"] is not None else "") if x]
            if r["min_amount"]:
                extra.append(f"at least {r['min_amount']:,} {r['unit']}")
            if r["max_amount"]:
                extra.append(f"at most {r['max_amount']:,} {r['unit']}")
            parts.append(f"{pct(r['rate'])} {r['kind']}" + (f" ({', '.join(extra)})" if extra else ""))
    for r in rates["mfn"]:
        parts.append(f"+ {pct(r['rate'])} MFN")
    if pick is not None and pick["rate"] is None:
        pick = None
    return "; ".join(parts), pick, company


def weigh(m: dict[str, Any], head: dict[str, Any] | None) -> dict[str, Any]:
    """The effect of a measure on whom it covers, its signed change, and its rate factor.

    * No rate on record: the change and the factor are unknown (``None`` and 1: nothing is invented);
      a support measure, undertaking or arrangement is favourable, anything else adverse.
    * ``change_pp`` = rate − previous rate, signed as stated (17.4 → 17.0 is −0.4); a rate with no previous
      one on record starts from nothing (a new 100 % surtax is +100).
    * ``cost_pp``: the change for the payer — the change itself for a duty, tax or tariff; its opposite for a
      relief (a share of a tax waived: 100 → 50 % of the tax waived is +50 pp to pay).
    * ``effect``: a relief, a support measure, or an undertaking or arrangement that does not raise what is
      paid is ``"favourable"``; a duty, tax, tariff, licence or obligation is ``"adverse"`` at any level (a
      lower step of a duty still charges it: the negative change says how much lower).
    * ``factor`` = 1 + (cost for an adverse measure, saving for a favourable one) / 100, never below 0.

    Examples
    --------
    >>> w = weigh({"kind": "trade-measure"}, {"kind": "countervailing duty", "rate": Decimal("17.0"),
    ...                                       "previous": Decimal("17.4")})
    >>> w["effect"], w["change_pp"], w["factor"]
    ('adverse', Decimal('-0.4'), 0.996)
    >>> w = weigh({"kind": "tax-change"}, {"kind": "tax relief", "rate": Decimal(50), "previous": Decimal(100)})
    >>> w["effect"], w["change_pp"], w["cost_pp"], w["factor"]
    ('adverse', Decimal('-50'), Decimal('50'), 1.5)
    >>> weigh({"kind": "regulation"}, None)["factor"], weigh({"kind": "support-measure"}, None)["effect"]
    (1.0, 'favourable')
    """
    easing = m["kind"] in FAVOURABLE_POLICY_KINDS | EASING_POLICY_KINDS
    if head is None:
        return {"effect": "favourable" if easing else "adverse", "change_pp": None, "cost_pp": None,
                "factor": 1.0, "rate_known": False}
    relief = head["kind"] in RELIEF_RATE_KINDS
    change = head["rate"] - (head["previous"] if head["previous"] is not None else Decimal(0))
    cost = -change if relief else change
    if relief or easing:
        effect = "favourable" if cost <= 0 or m["kind"] in FAVOURABLE_POLICY_KINDS else "adverse"
    else:
        effect = "adverse"
    signed = cost if effect == "adverse" else -cost
    factor = round(max(0.0, 1 + float(signed) / 100), 4)
    return {"effect": effect, "change_pp": change, "cost_pp": cost, "factor": factor, "rate_known": True}
