"""The figures before a figure: whose figure "Their share" is, which measure the base of "rose to 7.4% from
5.9%" has, whose ranking of markets a market's figure goes on, and whether a share is the electric cars' part of
new registrations (a penetration rate); a mixin of
:class:`~nevkg.ingest.extract.observations.ObservationRules`."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Candidate, Mention

#: electric cars named as the part a share is of ("EVs made up 8.1 percent", "2,460 were fully electric, bringing
#: their share to 16.5 percent")
_ELECTRIC = re.compile(r"\b(?:EVs?|NEVs?|BEVs?|e-cars|(?:fully\s+|battery[\s-])?electric(?:\s+(?:cars|vehicles|"
                       r"models))?)\b")
#: the whole such a share is of: new cars registered, licensed or sold
_NEW_CARS = re.compile(r"\b(?:regist\w*|licen[sc]ed|new\s+(?:passenger\s+)?(?:cars|vehicles))\b", re.I)


class FigureNeighbours:
    """The observations proposed just before a figure (needs the extractor's ``candidates`` and ``ents``)."""

    candidates: list[Candidate]
    ents: Any
    text: str

    def ranking_before(self, st: Any, dest: Mention, s: int) -> tuple[Mention, Candidate | None] | None:
        """The company whose ranking of markets a market's figure goes on ("By market, the Middle East remained
        X's largest overseas region, with 6,930 units sold in November. Saudi Arabia contributed 3,415 units"):
        its mention in the 800 characters before the sentence at ``s``, and that ranking's figure (the
        observation of the company's to a market just before, of the same unit), whose measure and period the
        market's figure shares; ``None`` when the place is not ranked so."""
        from nevkg.ingest.extract.ranked_places import ranked_with, ranking_owner

        if dest.start > st.start or not ranked_with(self.text, dest.end, st.start):
            return None
        owner = ranking_owner(self.text, [*self.ents.mentions, *self.ents.anaphors], max(0, s - 800), s)
        if owner is None:
            return None
        prev = next((c for c in reversed(self.candidates) if c.file == "observations" and c.record.get("subject")
                     == owner.id and c.record.get("destination") and c.record.get("unit") == st.unit and c.spans
                     and s - 800 < c.evidence_end <= s), None)
        return owner, prev

    def _figure_before(self, s: int) -> Mention | None:
        """The subject of the last figure of the sentence or two before ``s`` (within 400 characters)."""
        prev = next((c for c in reversed(self.candidates) if c.file == "observations" and c.record.get("subject")
                     and c.spans and s - 400 < c.evidence_end <= s), None)
        return next((m for m in reversed(self.ents.mentions) if prev is not None and m.id == prev.record["subject"]
                     and m.end <= s), None)

    def _percent_before(self, s: int, pos: int) -> Candidate | None:
        """The observation of a percentage with a measure just before ``pos`` in the sentence from ``s``."""
        prev = next((c for c in reversed(self.candidates) if c.file == "observations"), None)
        return prev if prev is not None and prev.record.get("unit") == "percent" and prev.record.get("measure") \
            and s <= prev.evidence_end <= pos and pos - prev.evidence_end < 30 else None

    def _bracketed_count(self, start: int, end: int) -> Candidate | None:
        """The count a percentage in brackets right after it belongs to: "Toyota with 2,960 units (9.3%)",
        "Hyundai with 2,540 (8.0%)", "Isuzu (1,588; 11.4%)" (the count's observation, or ``None``)."""
        text = self.text
        if not re.match(r"\s*\)", text[end:end + 4]):
            return None
        prev = next((c for c in reversed(self.candidates) if c.file == "observations" and c.spans), None)
        if prev is None or prev.record.get("unit") in {"percent", None} or prev.record.get("value") is None:
            return None
        gap = text[prev.evidence_end:start]  # ("2,640 Rangers (19%)", "Isuzu (1,588; 11.4%)")
        return prev if re.fullmatch(r"\s*(?:[A-Za-z][\w-]*\s*)?\(\s*|\s*;\s*", gap) else None

    def _bracketed_owner(self, st: Any) -> tuple[Candidate | None, Mention | None]:
        """For a percentage in brackets after a count, the count's observation and the mention of its subject."""
        counted = self._bracketed_count(st.start, st.end) if st.kind == "percent" else None
        return counted, next((m for m in reversed(self.ents.mentions) if counted is not None and m.end <= st.start
                              and m.id == counted.record.get("subject")), None)

    def _model_maker(self, st: Any, s: int) -> Mention | None:
        """The maker of the model a count in brackets follows ("behind the Tesla Model Y (2,140)": Tesla)."""
        if st.kind != "amount":
            return None
        model = next((m for m in self.ents.mentions if m.file == "vehicle_models" and s <= m.start
                      and re.fullmatch(r"\s*\(\s*", self.text[m.end:st.start])), None)
        maker = self._maker_of(model) if model is not None else None  # type: ignore[attr-defined]
        return maker if maker is not None and maker.file == "organizations" else None

    def _count_before(self, pos: int) -> Candidate | None:
        """The last count of vehicles with a measure proposed in the 800 characters before ``pos``."""
        return next((c for c in reversed(self.candidates) if c.file == "observations" and c.record.get("measure")
                     and c.record.get("unit") == "vehicles" and c.spans
                     and pos - 800 < c.evidence_end <= pos), None)

    def _ev_share(self, st: Any, s: int, sent: str, last: Candidate | None) -> bool:
        """Whether a share is the electric cars' part of new registrations, a penetration rate ("EVs made up 8.1
        percent of new vehicles licensed"; "6,940 electric vehicles were registered … Their share in the total
        number of newly registered cars reached 8.1 percent"): electric cars in the sentence or the count before,
        new cars registered or sold as the whole, and no company's share (no organisation before the figure)."""
        before = self.text[s:st.start]
        if any(m.file == "organizations" and not m.compiler and s <= m.start < st.start for m in self.ents.mentions):
            return False  # "X took 30 percent of EV registrations": X's market share
        counted = last is not None and last.record.get("measure") in {"first-registrations", "sales-volume"} and \
            bool(last.spans) and s - last.evidence_end < 300
        return bool(_ELECTRIC.search(before) or counted and re.search(r"\b[Tt]heir\s+share\b", before)) and \
            bool(_NEW_CARS.search(sent) or counted)
