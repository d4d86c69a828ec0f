"""The name forms found after the parse's names are in: vehicle models after their makers
(:mod:`.car_models`), organisations in forms the parse misses (:mod:`.org_forms`) or named by their context
(:mod:`.org_context`), the parse's names checked
(:mod:`.name_checks`) and policy measures named by head and scope (:mod:`.measures`)."""

from __future__ import annotations

from typing import Any

__all__ = ["name_forms"]


def name_forms(E: Any) -> None:
    """Add models, organisations and measures to ``E`` (an ``_Entities`` whose parse names are found)."""
    from nevkg.ingest.extract.car_models import maker_models
    from nevkg.ingest.extract.measures import measure_mentions
    from nevkg.ingest.extract.name_checks import check_names
    from nevkg.ingest.extract.org_context import context_orgs
    from nevkg.ingest.extract.org_forms import org_forms

    maker_models(E, E.doc)
    org_forms(E)
    context_orgs(E)
    check_names(E)
    from nevkg.ingest.extract.place_anaphora import place_anaphors

    place_anaphors(E)
    if E.doc is not None:
        measure_mentions(E, E.doc)
