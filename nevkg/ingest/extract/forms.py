"""The name forms found after the parse's names are in: vehicle models after their makers (:mod:`.car_models`),
organisations in forms the parse misses (:mod:`.org_forms`), leaves unlabelled (:mod:`.name_actors`), retyped by the
trade written before them (:mod:`.org_trades`), shortens in brackets (:mod:`.acronyms`) or names by their context
(:mod:`.org_context`), the parse's names checked (:mod:`.name_checks`; phrases that name nothing and one company
named twice in :mod:`.name_generic`), places named again by a common noun (:mod:`.place_anaphora`) or listed among
places (:mod:`.place_lists`), laws and notices by their proper names (:mod:`.policy_names`) and policy measures
named by head and scope (:mod:`.measures`) or by their verb (:mod:`.measure_verbs`)."""

from __future__ import annotations

from typing import Any

__all__ = ["name_forms"]


def name_forms(E: Any) -> None:
    """Add models, organisations and measures to ``E`` (an ``_Entities`` whose parse names are found)."""
    from nevkg.ingest.extract.acronyms import apposed_acronyms, bracket_acronyms, quoted_short_names
    from nevkg.ingest.extract.car_models import maker_models
    from nevkg.ingest.extract.measure_verbs import verb_measures
    from nevkg.ingest.extract.measures import measure_mentions
    from nevkg.ingest.extract.name_checks import check_names
    from nevkg.ingest.extract.org_context import context_orgs
    from nevkg.ingest.extract.org_forms import org_forms
    from nevkg.ingest.extract.org_trades import described_makers
    from nevkg.ingest.extract.place_anaphora import place_anaphors
    from nevkg.ingest.extract.place_lists import coordinated_places, listed_places, route_places
    from nevkg.ingest.extract.policy_names import instrument_mentions

    maker_models(E, E.doc)
    org_forms(E)
    if E.doc is not None:
        from nevkg.ingest.extract.name_actors import unnamed_companies

        unnamed_companies(E, E.doc)
    context_orgs(E)
    E._short_names()  # again, for the organisations the context typed (the parser's person "Qiantang Autonomy")
    refit_short_names(E)
    bracket_acronyms(E)  # after the organisations the context names, so that theirs are found too
    quoted_short_names(E)
    apposed_acronyms(E)
    check_names(E)
    described_makers(E)
    place_anaphors(E)
    listed_places(E)
    route_places(E)
    if E.doc is not None:
        coordinated_places(E, E.doc)
    laws = instrument_mentions(E)
    if E.doc is not None:
        measure_mentions(E, E.doc)
        laws += verb_measures(E, E.doc)
    E.measures = getattr(E, "measures", []) + laws


def refit_short_names(E: Any) -> None:
    """A short name given to an organisation before all were typed ("Ziyun" → "Ziyun Lombardia Mobility" while
    "Ziyun Drive" was still the parser's person) names the one it cuts least (:func:`~.linking.fullest_name`)."""
    from nevkg.ingest.extract.linking import fullest_name
    from nevkg.ingest.extract.name_merges import used_before_others
    from nevkg.ingest.extract.regional_arms import national_arms, regional_arm

    for m in [m for m in E.mentions if m.rule == "short-name" and m.text not in getattr(E, "defined_names", ())]:
        full = fullest_name(E.mentions, m.text)
        if full is None or full.id == m.id or len(full.text.split()) >= len(m.label.split()):
            continue
        arm = regional_arm(m.text, full.text, E.gaz) or full.id in national_arms({m.id: m.label, full.id: full.text},
                                                                                  E.gaz)
        if arm and m.label.startswith(m.text + " "):
            continue  # "Hexing" stays "Hexing New Energy Automobile Co., Ltd.", not its arm "Hexing Africa"
        if used_before_others(E, m.text, [m.id, full.id]) == m.id:
            continue  # the short name was in use for the first company before the other was named
        old = E.new.get(m.id, {})
        if m.text in old.get("aliases", []):
            old["aliases"].remove(m.text)
        m.id, m.known, m.kind, m.label = full.id, full.known, full.kind, full.label
        if full.id in E.new and m.text not in E.new[full.id].setdefault("aliases", []):
            E.new[full.id]["aliases"].append(m.text)
