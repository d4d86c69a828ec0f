"""Round 5 (robotaxi) forms, on sentences written for these tests: a place hung on a plant is no deployment, a
public body's short name in its own language, a hyphenated public-body head word, a heading line on its own."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def deployed(result) -> set[tuple[str, str]]:
    return {(r["operator"], p) for r in records(result, "deployments") for p in r.get("places", [])}


# ----------------------------------------------------------------------- a plant's place is no deployment
@pytest.mark.parametrize("text, runs, made", [
    ("Velmora Robotics runs robotaxis in Leeds. Its newest robotaxi is assembled by Karvo Motors at a plant in "
     "Coventry.", "leeds", "coventry"),
    ("Orvane Robotics builds its robotaxis at a plant in Brno and will start a driverless service in Vienna next "
     "year.", "vienna", "brno"),
    ("Tallis Mobility operates driverless cars in Lisbon. Its robotaxis are produced by Karvo Motors at a factory "
     "in Coventry.", "lisbon", "coventry"),
])
def test_where_robotaxis_are_made_is_no_deployment(run, text, runs, made):
    places = {p for _, p in deployed(run(text))}
    assert runs in places and made not in places


# ---------------------------------------------------------------- a public body's short name in brackets
@pytest.mark.parametrize("text, body, short", [
    ("Velmora Robotics signed an agreement with Lyft to offer rides in Hamburg, subject to approval by "
     "Germany's Federal Motor Transport Authority (KBA). The KBA is expected to decide in May.",
     "federal-motor-transport-authority", "KBA"),
    ("Orvane Robotics applied to the Federal Roads Authority (ASTRA) for a test permit in Bern, and ASTRA "
     "said it would answer within weeks.", "federal-roads-authority", "ASTRA"),
    ("The National Transport Agency (ANTT) approved the trial of Tallis Mobility in Porto; ANTT will review "
     "it after a year.", "national-transport-agency", "ANTT"),
])
def test_a_public_bodys_own_language_short_name_names_it(run, text, body, short):
    result = run(text)
    orgs = {r["id"]: r for r in records(result, "organizations")}
    assert body in orgs and short.lower() not in orgs
    assert all(body not in (r.get("partners") or []) for r in records(result, "partnerships"))



# ------------------------------------------------------------------- a hyphenated public-body head word
@pytest.mark.parametrize("text, body", [
    ("Tallis Mobility will test in Madrid once the Directorate-General for Traffic grants a permit.",
     "directorate-general-for-traffic"),
    ("Orvane Robotics will run driverless shuttles in Brussels with approval from the Directorate-General for "
     "Mobility.", "directorate-general-for-mobility"),
    ("The Directorate-General for Roads cleared Velmora Robotics to test robotaxis in Lyon.",
     "directorate-general-for-roads"),
])
def test_a_directorate_general_is_a_public_body_and_no_partner(run, text, body):
    result = run(text)
    kinds = {r["id"]: r.get("kind") for r in records(result, "organizations")}
    assert kinds.get(body) == "government-body"
    assert all(body not in (r.get("partners") or []) for r in records(result, "deployments"))


# -------------------------------------------------------------------------- a heading line on its own
@pytest.mark.parametrize("heading, title", [
    ("Executives", "Co-founder and chief executive"),
    ("Management", "Co-founder"),
    ("Leadership", "Co-founder and president"),
])
def test_a_heading_is_no_part_of_the_sentence_under_it(run, heading, title):
    text = (f"Velmora Robotics reported a wider loss.\n\n{heading}\n\n{title} Dara Osei said the fleet would "
            f"double next year.")
    orgs = {r["id"] for r in records(run(text), "organizations")}
    assert "co" not in orgs and not any(o.startswith(heading.lower()) for o in orgs)
