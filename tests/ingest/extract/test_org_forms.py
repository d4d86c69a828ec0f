"""Organisations in forms the parse misses or merges: local arms with their parent, "X International" owned by
others, embassies and ministries named in lower case (:mod:`nevkg.ingest.extract.org_forms`). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def orgs(result) -> dict[str, dict]:
    return {r["label"]: r for r in records(result, "organizations")}


@pytest.mark.parametrize("text, arm, parent", [
    ("Renault Mexico and a supplier signed a deal.", "Renault Mexico", "renault"),
    ("Sales at Velmo Group Europe rose; Velmo Group said so.", "Velmo Group Europe", "velmo-group"),
    ("Stellantis Brasil sold more pickups in the south.", "Stellantis Brasil", "stellantis"),
    ("Kia de México said the plant would run a third shift.", "Kia de México", "kia"),
    ("Otto Brandt, general manager of BYD Hungary, said the site would grow.", "BYD Hungary", "byd"),
])
def test_an_organisation_then_a_country_or_region_is_its_arm(run, text, arm, parent):
    found = orgs(run(text))
    assert found[arm]["parent"] == parent


@pytest.mark.parametrize("text", [
    "Brightwater International said its fleet had grown.",
    "Tesla Global reported record deliveries.",
])
def test_x_international_alone_is_x_itself(run, text):
    assert not any(r.get("parent") for r in orgs(run(text)).values())


@pytest.mark.parametrize("text, arm, owner", [
    ("Kestrel International is 60% owned by Tesla and 40% by Orvan.", "Kestrel International", "tesla"),
    ("Halvorsen International is 55% owned by Tesla and 45% by Halvorsen.", "Halvorsen International", "tesla"),
])
def test_x_international_owned_by_someone_is_an_organisation_of_its_own(run, text, arm, owner):
    assert orgs(run(text))[arm]["parent"] == owner


@pytest.mark.parametrize("text", [
    "Brightwater International is 55% owned by Tesla and 45% by Brightwater. Brightwater agreed to the plan.",
    "Orvan Global, a joint venture of Tesla and Orvan, opened in May. Orvan said it would hire 300 people.",
])
def test_the_owned_arms_short_name_is_another_organisation(run, text):
    result = run(text)
    found = orgs(result)
    arm = next(label for label in found if label.endswith(("International", "Global")))
    head = arm.split()[0]
    assert head in found and head not in (found[arm].get("aliases") or [])
    assert {m.id for m in result.mentions if m.text == head} == {found[head]["id"]}


def test_an_arm_owned_by_someone_else_gets_no_parent_from_its_name(run):
    text = "Velmo Group Europe is 70% owned by Orvan Holdings. Velmo Group said so."
    assert orgs(run(text))["Velmo Group Europe"].get("parent") != "velmo-group"


@pytest.mark.parametrize("text, label, country", [
    ("The Chinese embassy in Peru said talks went well.", "Chinese embassy in Peru", "china"),
    ("The Embassy of Japan in Lima confirmed the visit.", "Embassy of Japan in Lima", "japan"),
])
def test_an_embassy_is_a_government_body_of_its_country(run, text, label, country):
    rec = orgs(run(text))[label]
    assert rec["kind"] == "government-body" and rec["country"] == country


@pytest.mark.parametrize("text, known", [
    ("China will act on the rules from May, the commerce ministry said.", "mofcom"),
    ("China's Ministry of Commerce said the rules apply from May.", "mofcom"),
    ("The Ministry of Industry and Information Technology in China issued a notice.", "miit"),
])
def test_a_ministry_of_a_country_is_its_known_ministry(run, text, known):
    result = run(text)
    assert any(m.id == known and m.file == "organizations" for m in result.mentions)
    assert not any(r["label"].startswith("Ministry") for r in records(result, "organizations") if r["id"] != known)


@pytest.mark.parametrize("text, country, alias", [
    ("Thailand's finance ministry cut the excise tax on pickups.", "thailand", "Thailand's finance ministry"),
    ("The Peruvian trade ministry will review the quota.", "peru", "Peruvian trade ministry"),
    ("Chile's industry and technology ministry approved the plant.", "chile", "Chile's industry and technology ministry"),
])
def test_a_ministry_in_lower_case_is_proposed_with_its_country(run, text, country, alias):
    result = run(text)
    (rec,) = [r for r in records(result, "organizations") if r.get("kind") == "ministry"]
    assert rec["country"] == country and alias in rec["aliases"]
    assert any(m.id == country and m.file == "places" for m in result.mentions)


@pytest.mark.parametrize("text", [
    "BYD shipped cars from China to Brazil. China's exports rose. In Porto, the finance ministry said tariffs "
    "would rise.",
    "Chile and Peru signed the pact; the trade ministry will publish it.",
])
def test_a_ministry_without_one_country_in_its_sentence_is_linked_to_none(run, text):
    result = run(text)
    (rec,) = [r for r in records(result, "organizations") if r.get("kind") == "ministry"]
    assert rec["id"] not in {"ministry-of-finance-china", "mofcom"} and "country" not in rec


@pytest.mark.parametrize("text, names", [
    ("Velmora cars will be sold through Andes Motors, Kollo Group, Riverside, and Pacifica Ltd. from June.",
     ["Riverside"]),
    ("The new franchise goes to Harlow Motors, Riverside, Castell Group and Dunmore Holdings next month.",
     ["Riverside", "Castell Group"]),
    ("Velmora cars will be sold through Andes Motors, Cleary, Kollo Group, and Pacifica Ltd. from June.",
     ["Cleary", "Kollo Group"]),
])
def test_names_in_a_list_of_organisations_are_organisations(run, text, names):
    result = run(text)
    found = orgs(result)
    for name in names:  # untagged by the parse, or joined by it across a comma
        assert name in found
        assert any(m.text == name and m.file == "organizations" for m in result.mentions)
    assert not any(", " in label for label in found)


@pytest.mark.parametrize("text", [
    "Plants in Lima, Cusco and Arequipa will open next year.",
    "Rita Gomez, Ana Pereira and Kollo Group staff attended the launch.",
])
def test_lists_of_places_or_people_stay_so(run, text):
    result = run(text)
    assert not any(m.rule == "listed-org" for m in result.mentions)
    assert not any(m.text in {"Lima", "Cusco", "Rita Gomez"} and m.file == "organizations" for m in result.mentions)


@pytest.mark.parametrize("text, adjective, place", [
    ("Velmora opened its South American Research and Development Center in Lima.", "South American", "south-america"),
    ("The Brazilian Vehicle Federation said sales rose in May.", "Brazilian", "brazil"),
])
def test_a_name_starting_with_a_places_adjective_names_the_place(run, text, adjective, place):
    result = run(text)
    assert any(m.text == adjective and m.id == place and m.file == "places" for m in result.mentions)


def test_a_ministry_speaking_in_a_national_capital_is_that_countrys(run):
    result = run("BYD shipped cars from China to Brazil. China's exports rose. In Lisbon, the finance ministry "
                 "said tariffs would rise.")
    (rec,) = [r for r in records(result, "organizations") if r.get("kind") == "ministry"]
    assert rec["id"] == "ministry-of-finance-portugal"
