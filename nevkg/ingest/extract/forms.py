"""The name forms found after the parse's names are in: vehicle models after their makers
(:mod:`.car_models`), organisations in forms the parse misses (:mod:`.org_forms`) or leaves unlabelled
(:mod:`.name_actors`), the parse's names checked (:mod:`.name_checks`; phrases that name nothing and one company
named twice in :mod:`.name_generic`) and policy measures named by head and scope (:mod:`.measures`)."""

from __future__ import annotations

from typing import Any

__all__ = ["name_forms"]


def name_forms(E: Any) -> None:
    """Add models, organisations and measures to ``E`` (an ``_Entities`` whose parse names are found)."""
    from nevkg.ingest.extract.car_models import maker_models
    from nevkg.ingest.extract.measures import measure_mentions
    from nevkg.ingest.extract.name_checks import check_names
    from nevkg.ingest.extract.org_forms import org_forms

    maker_models(E, E.doc)
    org_forms(E)
    if E.doc is not None:
        from nevkg.ingest.extract.name_actors import unnamed_companies

        unnamed_companies(E, E.doc)
    check_names(E)
    if E.doc is not None:
        measure_mentions(E, E.doc)
