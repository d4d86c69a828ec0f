"""The small values extraction produces: mentions, candidates, periods, statistics."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Mention:
    """A name found in the text: a known thing (``known``) or a new one a pattern proposes."""

    start: int
    end: int
    text: str
    file: str
    id: str
    known: bool
    kind: str | None = None
    rule: str = "gazetteer"
    confidence: float = 0.95
    label: str | None = None
    #: a known entity named here by a name it does not have yet
    new_alias: str | None = None
    #: a compiler ("according to X") rather than the subject of a figure
    compiler: bool = False


@dataclass
class Candidate:
    """A proposed record with its review metadata."""

    file: str
    record: dict[str, Any]
    confidence: float
    spans: list[tuple[int, int]]
    rule: str
    status: str = "proposed"
    new: bool | None = None
    merge_into: str | None = None
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def tie(self) -> bool:
        """Whether this is a partnership that ties its partners (a joint venture, cooperation, alliance …): a
        supply of parts is a fact of its own beside any such tie, never merged with one or ranked against one."""
        return self.file == "partnerships" and self.record["kind"] != "supply"

    @property
    def evidence_end(self) -> int:
        """Where the candidate's evidence ends in the text (the end of its last span; no spans is an error)."""
        return max(b for _, b in self.spans)


@dataclass
class Period:
    """A time expression: a period (start/end as YYYY[-MM]) or a single date."""

    start: int
    end: int
    text: str
    period_start: str | None
    period_end: str | None
    inferred: bool = False
    date: bool = False  # a day ("On April 2") rather than a reporting period
    kind: str = "period"  # period | since | by-end | date | relative


@dataclass
class Statistic:
    """A number the text states, before it becomes an observation."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: str  # amount | percent | times
    bound: str | None = None
    approximate: bool = False
    role: str = "base"  # base | yoy | share | penetration | growth | multiple
    yoy: Decimal | None = None
    yoy_bound: str | None = None
    yoy_span: tuple[int, int] | None = None
    unit_text: str = ""
    conversion: bool = False
    unit_span: tuple[int, int] | None = None
    #: "12,000 of them": unit, measure and subject come from the figure before
    anaphoric: bool = False
    #: "the first 80 will arrive in May": a batch of the figure before, with a time and measure of its own
    batch: bool = False
    #: the upper end of a range ("between 10 and 15 per cent")
    value_max: Decimal | None = None
    #: a change against the month or quarter before ("down 3% from March"): a figure of its own, not a yearly change
    sequential: bool = False
    #: a limit set on it ("shall not exceed", "capped at", "a minimum of"): a condition, no count at a time
    limit: bool = False
    #: a bare number of a ranking that counts in the unit of the count before it ("Kia (5,870)")
    ranked: bool = False


@dataclass
class Extraction:
    mentions: list[Mention]
    candidates: list[Candidate]
    #: what the extraction ran on: the statistical pipeline and its version, or "rules only: …" and why
    pipeline: str = "rules only"
