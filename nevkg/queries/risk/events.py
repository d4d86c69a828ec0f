"""When a measure matters on a day: its dated events, its phase (coming, changed, in force) and nearness."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nevkg.errors import ParameterError

__all__ = ["parse_date", "in_force", "timing"]


def parse_date(value: Any, *, what: str = "date", end: bool = False) -> dt.date:
    """A date from ``YYYY-MM-DD`` (or a :class:`datetime.date`); partial ``YYYY``/``YYYY-MM`` count from their
    first day (their last day with ``end=True``).

    Raises
    ------
    ParameterError
        When the value is not such a date, with what to write instead.

    Examples
    --------
    >>> parse_date("2024-10-01"), parse_date("2024-07", end=True)
    (datetime.date(2024, 10, 1), datetime.date(2024, 7, 31))
    >>> parse_date("1 Oct 2024")
    Traceback (most recent call last):
    ...
    nevkg.errors.ParameterError: '1 Oct 2024' is not a date; write YYYY-MM-DD (e.g. 2024-10-01)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(not p.isdigit() for p in parts):
            raise ValueError
        year = int(parts[0])
        if len(parts) == 3:
            return dt.date(year, int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            month = int(parts[1])
            first = dt.date(year, month, 1)
            if not end:
                return first
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise ParameterError(f"{text!r} is not a {what}; write YYYY-MM-DD (e.g. 2024-10-01)") from None


def _first(text: str) -> dt.date | None:
    return parse_date(text) if text else None


def _last(text: str) -> dt.date | None:
    return parse_date(text, end=True) if text else None


def in_force(m: dict[str, Any], day: dt.date) -> bool:
    """Whether a measure (from :func:`~nevkg.queries.risk.measures.measures`) is in force on a day.

    A measure with no start is in force from its issue date; one with no dates at all when its lifecycle says
    so. The lifecycle is recorded as of today: an *expired* measure with an end date and no start was in force
    until that end (China's full purchase-tax exemption, expired at the end of 2025, held in June 2025).

    >>> in_force({"start": "", "issued": "", "end": "2025-12-31", "status": "expired"}, dt.date(2025, 6, 1))
    True
    """
    start = _first(m["start"]) or _first(m["issued"])
    end = _last(m["end"])
    if start is None:
        if m["status"] == "expired":
            return end is not None and day <= end
        return m["status"] in ("in-force", "adopted") and (end is None or day <= end)
    if m["status"] in ("proposed", "formulating") and not m["start"]:
        return False
    return start <= day and (end is None or day <= end)


def _events(m: dict[str, Any]) -> list[tuple[dt.date, str]]:
    """Dated events of a measure: ``(date, words)``. The expiry of a measure another one replaces is not an
    event of its own: the replacing measure carries the change."""
    ev = []
    if m["start"]:
        ev.append((_first(m["start"]), "comes into force"))
    if m["issued"]:
        ev.append((_first(m["issued"]), "issued" if m["start"] else "issued (no start recorded)"))
    if m["expected"]:
        ev.append((_first(m["expected"]), "expected to take effect"))
    if m["end"] and not m.get("replaced_by"):
        ev.append((_last(m["end"]) + dt.timedelta(days=1), "expires"))
    starts = {r["start"] for r in m["rates"] if r["start"] and r["start"] != m["start"]}
    for s in sorted(starts):
        ev.append((_first(s), "rate step"))
    return ev


def timing(m: dict[str, Any], as_of: dt.date, within: int) -> dict[str, Any] | None:
    ahead = [(d, w) for d, w in _events(m) if as_of < d <= as_of + dt.timedelta(days=within)]
    behind = [(d, w) for d, w in _events(m) if as_of - dt.timedelta(days=within) <= d <= as_of]
    if ahead:
        d, w = min(ahead, key=lambda e: (e[1] != "comes into force", e[0]))
        phase = "coming"
    elif behind:
        d, w = max(behind, key=lambda e: (e[0], e[1] == "comes into force"))
        phase = "changed"
    elif in_force(m, as_of):
        d, w = None, "in force"
        phase = "in force"
    else:
        return None
    days = (d - as_of).days if d else None
    nearness = 0.25 if d is None else 1 - 0.5 * abs(days) / (within + 1)
    if in_force(m, as_of):
        status = "in force"
    elif (_first(m["start"]) or as_of) > as_of:
        status = "adopted, not yet in force" if m["status"] not in ("proposed", "formulating") else m["status"]
    elif m["end"] and _last(m["end"]) < as_of:
        status = "expired"
    else:
        status = m["status"].replace("-", " ")
    when = d if phase == "coming" else as_of
    return {"phase": phase, "event": w, "date": d.isoformat() if d else "", "days": days,
            "nearness": round(nearness, 3), "status": status, "rate_day": when}
