"""The time a forecast speaks of: a month or quarter named without its year ("expects … in the fourth quarter")
that the article's date resolved to one already past is the next one."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["resolved_past", "year_on"]


def resolved_past(period: Any, article_date: str | None) -> bool:
    """Whether a forecast's period named without its year ("in the fourth quarter", "in May") was resolved to one
    that ended before the article: a forecast speaks of the next one."""
    if not (period.inferred and article_date and period.period_end) or period.kind != "period" or re.search(
            r"\d{4}|\b(?:last|past|previous|ago|earlier|this|so\s+far|to\s+date|end|by)\b", period.text, re.I):
        return False
    if period.period_start != period.period_end and not re.search(r"quarter|half|Q[1-4]|H[12]", period.text, re.I):
        return False  # "by the end of September": the year so far, named by its last month
    return period.period_end < article_date[:len(period.period_end)]


def year_on(value: str | None) -> str | None:
    """``YYYY[-MM]`` a year on."""
    return None if value is None else f"{int(value[:4]) + 1}{value[4:]}"
