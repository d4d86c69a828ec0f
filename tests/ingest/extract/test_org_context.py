"""Organisations named by their context (:mod:`nevkg.ingest.extract.org_context`): bare names of mobility and
autonomous-driving companies, services and news agencies. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _orgs(result) -> dict[str, str]:
    """New organisations: label → kind."""
    return {r["label"]: r.get("kind") for r in records(result, "organizations")}


def _roles(result) -> set[tuple[str, str]]:
    return {(r["person"], r["organization"]) for r in records(result, "roles")}


@pytest.mark.parametrize("text, name", [
    ("The ride-hailing company Tripla said it would add robotaxis next year.", "Tripla"),
    ("Zenvo will run the cars with local transport operator Fjordbuss in Bergen.", "Fjordbuss"),
    ("Shares of self-driving startup Kairo rose after the announcement.", "Kairo"),
])
def test_a_name_after_a_trade_noun_is_an_organisation(run, text, name):
    assert name in _orgs(run(text))


@pytest.mark.parametrize("text, name", [
    ("Kairo, a Shenzhen-based self-driving startup, will start tests in Oslo.", "Kairo"),
    ("The cars come from Velvix, a Chinese autonomous driving company based in Wuxi.", "Velvix"),
])
def test_a_name_with_a_trade_noun_in_apposition_is_an_organisation(run, text, name):
    assert name in _orgs(run(text))


def test_a_place_before_a_clause_with_a_trade_noun_stays_a_place(run):
    text = "While Kestrel Auto is leaving the state of Minas Gerais, a Chinese automaker is arriving."
    assert "Minas Gerais" not in _orgs(run(text))


@pytest.mark.parametrize("text, person, org", [
    ('"It is a big step," Tripla chief executive Mark Holloway told reporters.', "mark-holloway", "tripla"),
    ("Kairo co-founder and CEO Chen Bo said the startup would add 20 cars.", "chen-bo", "kairo"),
    ("Velvix's president, Anna Lindqvist, said testing would begin in May.", "anna-lindqvist", "velvix"),
])
def test_a_name_before_an_officer_and_a_person_is_their_organisation(run, text, person, org):
    assert (person, org) in _roles(run(text))


@pytest.mark.parametrize("text, names", [
    ("Tripla has partnered with Kairo to offer driverless rides in Madrid.", {"Tripla", "Kairo"}),
    ("Velvix teamed up with Fjordbuss to trial self-driving buses in Oslo.", {"Velvix", "Fjordbuss"}),
    ("The tests will be run in collaboration with Nordcab in Malmo.", {"Nordcab"}),
])
def test_partners_are_organisations(run, text, names):
    assert names <= set(_orgs(run(text)))


def test_a_name_listed_with_a_known_company_is_one(run):
    found = _orgs(run("Tripla and Uber plan to launch robotaxi services in Qatar next year."))
    assert "Tripla" in found


def test_an_adverb_opening_a_sentence_before_a_company_is_no_name(run):
    found = _orgs(run("Sales grew. Now, Uber and WeRide want to expand to Japan."))
    assert "Now" not in found


@pytest.mark.parametrize("text, name", [
    ("Velvix's Roadgo robotaxi service already runs in Wuxi.", "Roadgo"),
    ("Riders in Doha can book the cars on the Hopla app.", "Hopla"),
    ("Tripla will offer Roadgo robotaxis in Paris from 2026.", "Roadgo"),
])
def test_a_named_service_is_a_brand(run, text, name):
    assert _orgs(run(text)).get(name) == "brand"


@pytest.mark.parametrize("text", [
    "Tripla's chief executive told Bloomberg that the plan was on track.",
    "The company expects to double its fleet, according to Anadolu.",
])
def test_a_news_agency_cited_is_an_organisation(run, text):
    assert set(_orgs(run(text)).values()) & {"publisher"}


def test_a_person_after_told_is_no_agency(run):
    found = _orgs(run("Mark Holloway runs Tripla. The plan is on track, Holloway told Chen."))
    assert "Holloway" not in found


def test_an_acronym_in_brackets_names_the_organisation_again(run):
    text = ("Oslo's Public Transport Authority (PTA) signed a deal with Kairo. Anna Berg, director of the PTA, "
            "welcomed it.")
    result = run(text)
    authority = next(r["id"] for r in records(result, "organizations") if "Transport Authority" in r["label"])
    assert [(r["person"], r["organization"]) for r in records(result, "roles")] == [("anna-berg", authority)]
    assert "PTA" not in _orgs(result)


@pytest.mark.parametrize("text", [
    "Tripla, which acquired Cabora last year, is led by chief executive Mark Holloway.",
    "Tripla, which bought a stake in Cabora in May, said chief executive Mark Holloway would visit Oslo.",
])
def test_a_title_after_a_relative_clause_belongs_to_the_company_it_hangs_on(run, text):
    assert _roles(run(text)) == {("mark-holloway", "tripla")}


@pytest.mark.parametrize("text, key, kind", [
    ("Roadgo, Zenvo's robotaxi unit, has given more than a million rides.", "parent", "subsidiary"),
    ("Hopla, Tripla's ride-hailing app, will list the cars in Lyon.", "brand_of", "brand"),
])
def test_a_name_in_apposition_to_a_companys_unit_or_service_is_owned_by_it(run, text, key, kind):
    rec = next(r for r in records(run(text), "organizations") if r["label"] in {"Roadgo", "Hopla"})
    assert rec.get(key) in {"zenvo", "tripla"} and rec["kind"] == kind


def test_plural_services_and_adjectives_name_no_service(run):
    found = _orgs(run("Chinese robotaxi firms are courting Western ride-hailing platforms across Europe."))
    assert "Western" not in found


@pytest.mark.parametrize("text, person, org", [
    ("Roadgo is led by Chen Zhuoyang, a Zenvo vice president.", "chen-zhuoyang", "zenvo"),
    ("The plan was presented by Anna Berg, Tripla chief executive, in Oslo.", "anna-berg", "tripla"),
])
def test_a_person_then_a_company_and_its_title(run, text, person, org):
    assert (person, org) in _roles(run(text))


def test_a_name_typed_two_ways_is_one_entity(run):
    result = run("Zenvo's robotaxi unit Roadgo is led by Chen Zhuoyang, a Zenvo vice president.")
    assert [r["places"] for r in records(result, "deployments")] == []  # never "Zenvo robotaxis in Zenvo"
    assert {m.file for m in result.mentions if m.id == "zenvo"} == {"organizations"}


@pytest.mark.parametrize("text, name, owner", [
    ("Roadgo, Zenvo's robotaxi service, has given 11 million rides.", "Roadgo", "zenvo"),
    ("Driving Star, the ride-hailing app owned by Tripla, will list the cars.", "Driving Star", None),
])
def test_a_service_named_in_apposition_is_a_brand(run, text, name, owner):
    rec = next(r for r in records(run(text), "organizations") if r["label"] == name)
    assert rec["kind"] == "brand" and rec.get("brand_of") == owner


def test_a_common_word_opening_a_sentence_before_platform_is_no_model(run):
    result = run("Ride-hailing platform Tripla will add driverless cars in Lyon.")
    assert records(result, "vehicle_models") == []


@pytest.mark.parametrize("text, names", [
    ("San Francisco-based Tripla and Beijing-based Zenvo will work together.", {"Tripla", "Zenvo"}),
    ("Swiss operator Fjordbuss and Kairo will test robobuses in Zurich.", {"Fjordbuss", "Kairo"}),
])
def test_a_home_before_a_name_and_a_name_listed_with_a_subject_make_organisations(run, text, names):
    result = run(text)
    assert names <= set(_orgs(result))
    assert {frozenset(r["partners"][:2]) for r in records(result, "partnerships")} | {
        frozenset((r["operator"], p)) for r in records(result, "deployments") for p in r.get("partners", [])} \
        >= {frozenset(n.lower() for n in names)}


@pytest.mark.parametrize("text", [
    "The company will test its Level 4 robotaxis on public roads in Oslo.",
    "The SAE Level-4 vehicles will carry passengers from May.",
])
def test_an_autonomy_level_is_no_name(run, text):
    result = run(text)
    assert records(result, "organizations") == [] and records(result, "vehicle_models") == []


def test_a_coded_name_before_robotaxi_is_a_vehicle_model_not_a_service(run):
    result = run("Zenvo's RT6 robotaxi will be used in the trials in Oslo.")
    assert [r["label"] for r in records(result, "vehicle_models")] == ["RT6"]
    assert "RT6" not in _orgs(result)


def test_a_short_name_repeated_is_the_company_and_a_name_after_its_officer_title_a_person(run):
    text = ("Chinese driving firm Kairo Robotics won approval on Monday. Kairo has been racing rivals such as "
            "Waymo. Kairo co-founder and chief executive Han Lei said in a statement that it was a milestone.")
    result = run(text)
    assert {m.id for m in result.mentions if m.text == "Kairo"} == {"kairo-robotics"}
    assert _roles(result) == {("han-lei", "kairo-robotics")}


@pytest.mark.parametrize("text, label", [
    ("Oslo's Integrated Transport Centre (ITC) has granted Zenvo a licence to run driverless robotaxis. Anna Berg, "
     "director general of the ITC, welcomed it.", "Integrated Transport Centre"),
    ("The Nordic Road Safety Council (NRSC) approved the trial. Anna Berg, chair of the NRSC, welcomed it.",
     "Nordic Road Safety Council"),
])
def test_a_name_spelled_out_before_its_acronym_is_a_public_body(run, text, label):
    result = run(text)
    body = next(r for r in records(result, "organizations") if r["label"].endswith(label))
    assert body["kind"] == "government-body"
    assert [(r["person"], r["organization"]) for r in records(result, "roles")] == [("anna-berg", body["id"])]
    assert records(result, "sites") == [] and records(result, "partnerships") == []


@pytest.mark.parametrize("text, person, place", [
    ('"Driverless cars will change cities," said Mayor Anne Hidalgo of Paris.', "anne-hidalgo", "paris"),
    ("Governor Tom Weller of Bavaria opened the test track near Munich.", "tom-weller", "bavaria"),
])
def test_an_office_before_the_name_and_its_place_after(run, text, person, place):
    assert (person, place) in _roles(run(text))
