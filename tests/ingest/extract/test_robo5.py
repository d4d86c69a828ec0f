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


# ----------------------------------------------------------------------------- a landform's name is a place
@pytest.mark.parametrize("text, place", [
    ("The council approved a trial zone for driverless taxis covering Fortitude Valley and Kelvin Grove.",
     "fortitude-valley"),
    ("Velmora Robotics will run robotaxis in Docklands and on the South Bank from May.", "south-bank"),
    ("Tallis Mobility opened a charging hub at Eagle Farm, near the airport.", "eagle-farm"),
])
def test_a_landform_name_is_a_place_not_a_company(run, text, place):
    result = run(text)
    assert place in {r["id"] for r in records(result, "places")}
    assert place not in {r["id"] for r in records(result, "organizations")}


# --------------------------------------------------------------- charging and swap stations added or put
@pytest.mark.parametrize("text, operator, places", [
    ("Orvane Robotics will add battery-swap stations in Austria and Slovenia next year.", "orvane-robotics",
     {"austria", "slovenia"}),
    ("Tallis Mobility is placing ultra-fast chargers in Porto and Braga.", "tallis-mobility", {"porto", "braga"}),
    ("Karvo Motors puts fast chargers at its dealers in Denmark.", "karvo-motors", {"denmark"}),
])
def test_stations_added_or_put_somewhere_are_a_charging_deployment(run, text, operator, places):
    assert {(operator, p) for p in places} <= deployed(run(text))


# ------------------------------------------------------------------------- a company chosen for a task
@pytest.mark.parametrize("text, a, b", [
    ("Karvo Motors picked Brenna Logistics to put fast chargers at its dealers in Denmark.", "karvo-motors",
     "brenna-logistics"),
    ("Velmora Robotics has chosen Tallis Mobility as its fleet operator in Leeds.", "velmora-robotics",
     "tallis-mobility"),
    ("Karvo Motors hired Brenna Logistics to ship its vans to Antwerp.", "karvo-motors", "brenna-logistics"),
])
def test_a_company_picked_for_a_task_is_a_partner(run, text, a, b):
    pairs = {frozenset(r["partners"]) for r in records(run(text), "partnerships")}
    assert frozenset({a, b}) in pairs


@pytest.mark.parametrize("text", [
    "Karvo Motors did not pick Brenna Logistics to ship its vans.",
    "Karvo Motors selected Orvane Robotics over Tallis Mobility for the contract.",
    "Karvo Motors picked Spain for its plant.",
])
def test_no_partner_when_not_picked_for_a_task(run, text):
    assert not any({"karvo-motors", "brenna-logistics"} <= set(r["partners"]) or
                   {"karvo-motors", "tallis-mobility"} <= set(r["partners"])
                   for r in records(run(text), "partnerships"))


# ------------------------------------------------------------- a country's adjective before a trade noun
@pytest.mark.parametrize("text, org", [
    ("Kunpeng Energy signed a memorandum with the French utility Rhodane Volt to build swap stations.",
     "rhodane-volt"),
    ("Velmora Robotics will lease its cars from the Dutch lessor Grijs Lease.", "grijs-lease"),
    ("Velmora Robotics said the Qatari operator Sahra Transit would run the fleet in Doha.", "sahra-transit"),
])
def test_a_name_after_a_country_adjective_and_a_trade_noun_is_an_organisation(run, text, org):
    result = run(text)
    assert org in {r["id"] for r in records(result, "organizations")}
    assert org not in {r["id"] for r in records(result, "people")}


def sites(result) -> set[tuple[str, str]]:
    return {(op, r["place"]) for r in records(result, "sites") for op in r.get("operator", [])}


# ------------------------------------------------------------------------ a power plant is no vehicle site
@pytest.mark.parametrize("text, op, place", [
    ("Rhodane Volt will supply the stations with power from its hydroelectric plants in the Alps.", "rhodane-volt",
     "alps"),
    ("Karvo Motors will power its factory in Tangier with electricity from a solar plant in Ouarzazate.",
     "karvo-motors", "ouarzazate"),
    ("Karvo Motors buys steel from a steel plant in Linz and builds vans at a plant in Graz.", "karvo-motors",
     "linz"),
])
def test_a_power_or_steel_plant_is_no_site(run, text, op, place):
    assert (op, place) not in sites(run(text))


def test_the_vehicle_plant_beside_a_power_plant_stays(run):
    found = sites(run("Karvo Motors buys steel from a steel plant in Linz and builds vans at a plant in Graz."))
    assert ("karvo-motors", "graz") in found


# ------------------------------------------------------------------ a companion after "with" is no market
@pytest.mark.parametrize("text, place", [
    ("Velmora Robotics runs robotaxis in Abu Dhabi and Doha, which it entered in August with Mowasalat, the "
     "state transport company.", "mowasalat"),
    ("Karvo Motors entered Chile with Andes Flota in 2025.", "andes-flota"),
    ("Velmora Robotics entered Qatar with Sahra Transit last year.", "sahra-transit"),
])
def test_what_a_market_is_entered_with_is_no_market(run, text, place):
    markets = {r["market"] for r in records(run(text), "market_presence")}
    assert place not in markets


# ------------------------------------------------------- a state's officer and a council's members
@pytest.mark.parametrize("text, person, org, title", [
    ("Queensland's Transport Commissioner, Anita Ramaswamy, said her office had received an application.",
     "anita-ramaswamy", "queensland", "Transport Commissioner"),
    ("Bavaria's economy minister, Jonas Huber, said the state would back the trial.", "jonas-huber", "bavaria",
     "economy minister"),
    ("Catalonia's mobility secretary, Marta Puig, said the tests would start in June.", "marta-puig", "catalonia",
     "mobility secretary"),
])
def test_a_sub_national_officer_holds_the_title_at_the_possessive_place(run, text, person, org, title):
    result = run(text)
    assert (person, org, title) in {(r["person"], r["organization"], r["title"]) for r in records(result, "roles")}
    assert not any(r["label"].lower() == title.lower() for r in records(result, "people"))


@pytest.mark.parametrize("text, person, org, title", [
    ("Brisbane City Council approved the zone. Councillor Helen Doyle said the trial would start.", "helen-doyle",
     "brisbane-city-council", "Councillor"),
    ("Leeds City Council approved the trial. Helen Doyle, a Labour councillor, voted for it.", "helen-doyle",
     "leeds-city-council", "Labour councillor"),
    ("The Hamburg Council approved the pilot on Monday. Councilwoman Maria Lenz said it was overdue.",
     "maria-lenz", "hamburg-council", "Councilwoman"),
])
def test_a_councillor_sits_on_the_council_the_text_names(run, text, person, org, title):
    result = run(text)
    assert (person, org, title) in {(r["person"], r["organization"], r["title"]) for r in records(result, "roles")}
    assert person in {r["id"] for r in records(result, "people")}


# ---------------------------------------------------- a second verb of the same subject, with its partner
@pytest.mark.parametrize("text, op, partner, place", [
    ("Velmora Robotics received a permit to test its driverless cars on public roads in Luxembourg and will run "
     "the tests with the local bus operator Sales Grenz.", "velmora-robotics", "sales-grenz", "luxembourg"),
    ("Velmora Robotics won approval for driverless trials in Bergen and will carry out the tests with the taxi "
     "firm Fjordbil.", "velmora-robotics", "fjordbil", "bergen"),
    ("Velmora Robotics runs robotaxis in Leeds and is testing them with Karvo Motors.", "velmora-robotics",
     "karvo-motors", "leeds"),
])
def test_the_partner_of_a_second_verb_joins_the_first_verbs_deployment(run, text, op, partner, place):
    result = run(text)
    assert any(r["operator"] == op and partner in r.get("partners", []) and place in r["places"]
               for r in records(result, "deployments"))


# -------------------------------------------------- one robotaxi deployment told at a place and inside it
@pytest.mark.parametrize("text, kept, gone, partner", [
    ("Velmora Robotics and Grab will offer robotaxi rides in Singapore. Velmora Robotics will run its first "
     "driverless cars in Singapore's Punggol district.", "punggol", "singapore", "grab"),
    ("Velmora Robotics will run robotaxis in Norway with Tallis Mobility. Velmora Robotics will test driverless "
     "cars in Oslo's Fornebu district from May.", "oslo", "norway", "tallis-mobility"),
    ("Velmora Robotics will launch robotaxis in Japan with Karvo Motors. Velmora Robotics will operate driverless "
     "taxis in Tokyo from June.", "tokyo", "japan", "karvo-motors"),
])
def test_a_deployment_at_a_wider_place_of_the_same_team_is_one(run, text, kept, gone, partner):
    deps = records(run(text), "deployments")
    places = {p for r in deps for p in r["places"]}
    assert kept in places and gone not in places
    assert any(kept in r["places"] and partner in {r["operator"], *r.get("partners", [])} for r in deps)


def test_deployments_in_two_cities_of_one_country_both_stay(run):
    deps = records(run("Velmora Robotics operates robotaxis in Shenzhen, China. Velmora Robotics also runs "
                       "robotaxis in Guangzhou, China."), "deployments")
    assert {"shenzhen", "guangzhou"} <= {p for r in deps for p in r["places"]}


# ------------------------------------------------- robotaxis launched or made available are not sold there
@pytest.mark.parametrize("text, place", [
    ("Velmora Robotics' robotaxis will be available on the Tallis Rides app in Madrid from 2027.", "madrid"),
    ("Tallis Rides, the ride-hailing company, said on Monday it would partner with Velmora Robotics to launch "
     "robotaxis in Europe.", "europe"),
    ("Velmora Robotics will introduce driverless shuttles in Lyon next spring.", "lyon"),
])
def test_a_robotaxi_launch_is_no_sale(run, text, place):
    result = run(text)
    assert place not in {r["market"] for r in records(result, "market_presence")}


def test_cars_launched_or_made_available_are_still_sold(run):
    result = run("Karvo Motors will launch its electric vans in Chile and will make them available in Peru next year.")
    assert {"chile", "peru"} <= {r["market"] for r in records(result, "market_presence")}
