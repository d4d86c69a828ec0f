"""Relation rules (cue patterns and the dependency parse), on sentences written for these tests.

The pipeline fixture of :mod:`test_parse_rules` applies: without the ``nlp`` extra these tests skip, except under
``NEVKG_REQUIRE_ALL=1`` (CI), where a missing pipeline is a failure.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def records(result, file):
    return [c.record for c in result.candidates if c.file == file]


def org(result, rid):
    return next(r for r in records(result, "organizations") if r["id"] == rid)


# ------------------------------------------------------------------------------- an organisation's country
def test_the_country_of_an_organisation_in_any_of_its_mentions(gaz):
    text = ("Firms such as Valmoro Trucks keep growing. A Dutch company like Valmoro Trucks still sells abroad, "
            "while the plant is backed by Kestrin Motors of Norway.")
    result = run(gaz, text)
    assert org(result, "valmoro-trucks")["country"] == "netherlands"
    assert org(result, "kestrin-motors")["country"] == "norway"


def test_a_country_before_an_authority_named_after_of(gaz):
    result = run(gaz, "Peru's board of trade Procomex raised the levy on imported buses in May.")
    assert org(result, "procomex")["country"] == "peru"


def test_no_country_across_a_joining_word_or_for_a_news_outlet(gaz):
    text = "The Danish portal Vindnyt said that buses were sold in Sweden by Korvell Motors last year."
    result = run(gaz, text)
    assert "country" not in org(result, "korvell-motors")
    assert all("country" not in r for r in records(result, "organizations") if r["id"] == "vindnyt")


# ------------------------------------------------------------------------------------------ relative clauses
def test_a_relative_clause_speaks_of_the_name_it_hangs_on(gaz):
    text = "The largest seller last quarter was Harlow Vehicle Group, which counts brands such as Vexa and Tornell."
    result = run(gaz, text)
    brands = {r["id"]: r.get("brand_of") for r in records(result, "organizations")}
    assert brands.get("vexa") == "harlow-vehicle-group"
    assert brands.get("tornell") == "harlow-vehicle-group"


# ------------------------------------------------------------------------------------------- trade measures
def test_companies_with_their_own_rates_join_the_measure_named_before(gaz):
    text = ("The European Union charges duties on Chinese electric buses. "
            "Korvell Motors pays a rate of 12.5%, while Dunmore Coaches pays 9%. "
            "Tallis Leasing Ltd bought 300 of the buses last year.")
    result = run(gaz, text)
    measures = [r for r in records(result, "policies") if r.get("issuer") == "european-union"]
    assert len(measures) == 1
    assert {"korvell-motors", "dunmore-coaches"} <= set(measures[0]["targets"])
    assert "tallis-leasing-ltd" not in measures[0]["targets"]  # no rate of its own


# ------------------------------------------------------------------------------------------------ deployments
def test_coordinated_operators_deploy_together(gaz):
    text = "Ride-hailing firm Tollomy and Chinese mapping group Vantiq plan to launch driverless taxis in Portugal."
    result = run(gaz, text)
    assert org(result, "tollomy")  # an adjective after "and" does not make the name before it a place
    deps = records(result, "deployments")
    assert deps and deps[0]["operator"] == "tollomy" and deps[0]["partners"] == ["vantiq"]
    assert deps[0]["places"] == ["portugal"]


def test_the_united_states_by_its_initials_but_not_in_a_currency(gaz):
    result = run(gaz, "Kestrin Mobility, a U.S. company, paid 40 million U.S. dollars for the site.")
    assert org(result, "kestrin-mobility")["country"] == "united-states"
    assert [m.text for m in result.mentions if m.id == "united-states"] == ["U.S."]


def test_a_name_after_an_operator_noun_is_an_organisation_and_a_partner(gaz):
    text = "Kelvar Mobility won a permit to test self-driving cars in Luxembourg, together with bus operator Anna Berg."
    result = run(gaz, text)
    assert org(result, "anna-berg")["kind"] == "company"
    deps = records(result, "deployments")
    assert deps[0]["operator"] == "kelvar-mobility" and deps[0]["partners"] == ["anna-berg"]


# ---------------------------------------------------------------------------------------------------- stakes
def test_a_company_owned_in_parts_is_a_joint_venture_of_its_owners(gaz):
    text = "Norvane Mobility is 60% owned by Tessaly Motors and 40% by Quorra Group, the two firms said."
    result = run(gaz, text)
    jv = [r for r in records(result, "partnerships") if r["kind"] == "joint-venture"]
    assert len(jv) == 1 and set(jv[0]["partners"]) == {"tessaly-motors", "quorra-group"}
    assert jv[0]["majority_partner"] == "tessaly-motors"
    assert org(result, "norvane-mobility")["parent"] == "tessaly-motors"


@pytest.mark.parametrize(("text", "majority"), [
    ("Tessaly Motors will take a 30% stake in Quorra Group, it said on Friday.", False),
    ("Tessaly Motors bought a 75 per cent stake in Quorra Group last year.", True),
    ("Tessaly Motors holds a majority stake in Quorra Group.", True),
])
def test_a_stake_with_its_share(gaz, text, majority):
    result = run(gaz, text)
    if majority:
        assert org(result, "quorra-group")["parent"] == "tessaly-motors"
    else:
        assert "parent" not in org(result, "quorra-group")
        stake = [c for c in result.candidates if c.rule == "parse:stake"]
        assert stake and stake[0].file == "investments"
        assert (stake[0].record["investor"], stake[0].record["investee"]) == ("tessaly-motors", "quorra-group")
        assert "30 %" in stake[0].notes[0]


def test_an_acquisition_makes_a_parent_and_buying_goods_does_not(gaz):
    result = run(gaz, "Tessaly Motors acquired Quorra Group in May. Tessaly Motors buys batteries from Orvik Cells Ltd.")
    assert org(result, "quorra-group")["parent"] == "tessaly-motors"
    assert "parent" not in org(result, "orvik-cells-ltd")


# ---------------------------------------------------------------------------------------------------- markets
def test_a_coordinated_clause_keeps_its_places_to_itself(gaz):
    result = run(gaz, "Korvell Motors sells cars in Spain, and its robotaxi service operates in Lisbon.")
    markets = {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    assert ("korvell-motors", "spain") in markets and ("korvell-motors", "lisbon") not in markets
    assert [d["places"] for d in records(result, "deployments")] == [["lisbon"]]


def test_an_adjective_of_a_market_names_the_market(gaz):
    result = run(gaz, "Korvell Motors wants to expand into other Scandinavian markets next year.")
    markets = {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    assert markets == {("korvell-motors", "scandinavia")}


# ------------------------------------------------------------------------------------------------------ sites
def test_a_site_in_a_region_beside_one_in_a_country_is_the_same_site(gaz):
    text = "Korvell Motors will assemble SUVs at its new plant in Europe, which stands in Hungary."
    result = run(gaz, text)
    assert {r["place"] for r in records(result, "sites")} == {"hungary"}


# ----------------------------------------------------------------------------------------------- containers
@pytest.mark.parametrize("text", [
    "Korvell Motors will build a plant in Dravona, in western Latvia, from next year.",
    "Korvell Motors will build a plant in Dravona, a port city in Latvia, from next year.",
    "Korvell Motors will build a plant in Dravona in eastern Latvia from next year.",
    "Korvell Motors makes its vans at a plant in Dravona, Latvia, with 900 workers.",
])
def test_a_place_described_with_its_country(gaz, text):
    result = run(gaz, text)
    place = next(r for r in records(result, "places") if r["id"] == "dravona")
    assert place["located_in"] == ["latvia"]


@pytest.mark.parametrize(("text", "rid", "key", "value"), [
    ("Quorra Group, a unit of Tessaly Holdings, opened a store in Oslo.", "quorra-group", "parent", "tessaly-holdings"),
    ("Quorra Group, a wholly owned subsidiary of Tessaly Holdings, opened a store in Oslo.", "quorra-group", "parent",
     "tessaly-holdings"),
    ("Tessaly Holdings' local unit Quorra Group opened a store in Oslo.", "quorra-group", "parent", "tessaly-holdings"),
    ("Delivery firm Tollomy, based in Lisbon, will add 200 vans this year.", "tollomy", "based_in", "lisbon"),
    ("Lisbon-based delivery firm Tollomy will add 200 vans this year.", "tollomy", "based_in", "lisbon"),
    ("Peru will cut the duty on electric buses next year, the Ministry of Transport said on Friday.",
     "ministry-of-transport", "country", "peru"),
])
def test_what_a_sentence_says_an_organisation_belongs_to(gaz, text, rid, key, value):
    assert org(run(gaz, text), rid)[key] == value


def test_what_is_sold_is_not_where(gaz):
    result = run(gaz, "Korvell Motors entered Chile in 2023 and sells its Arica SUV through 40 dealers.")
    assert {r["market"] for r in records(result, "market_presence")} == {"chile"}


@pytest.mark.parametrize(("text", "name"), [
    ("Korvell Motors has a plant in Maria Luisa Ortega, Brazil.", "Maria Luisa Ortega"),
    ("The batteries come from the province Edwin Harlow in the north.", "Edwin Harlow"),
    ("Korvell Motors will build a plant in the western province of Edwin Harlow.", "Edwin Harlow"),
])
def test_a_name_like_a_persons_after_a_place_noun_or_a_plant_in_is_a_place(gaz, text, name):
    result = run(gaz, text)
    assert [m.file for m in result.mentions if m.text == name] == ["places"]


# ---------------------------------------------------------------------------------------------- partnerships
def test_making_cars_for_a_client_is_working_together(gaz):
    result = run(gaz, "Contract maker Orlen Werk has begun production for Chinese start-up Quillo Auto.")
    pairs = [set(r["partners"]) for r in records(result, "partnerships")]
    assert pairs == [{"orlen-werk", "quillo-auto"}]


def test_selling_another_companys_cars_makes_a_partner_and_their_market(gaz):
    result = run(gaz, "Harbel Trading will distribute Quillo Auto's electric vans in Ghana from June.")
    assert [set(r["partners"]) for r in records(result, "partnerships")] == [{"harbel-trading", "quillo-auto"}]
    assert {(r["exporter"], r["market"]) for r in records(result, "market_presence")} == {("quillo-auto", "ghana")}


def test_a_named_joint_venture_of_two_parents(gaz):
    text = ("Tessaly Motor and Indian conglomerate Varun Group on Wednesday launched Varun Tessaly Mobility, "
            "a joint venture in which Varun Group holds a 35% stake. "
            "The venture will raise capacity at its plant in Halden to 300,000 units.")
    result = run(gaz, text)
    jv = [r for r in records(result, "partnerships") if r["kind"] == "joint-venture"]
    assert [set(r["partners"]) for r in jv] == [{"tessaly-motor", "varun-group"}]
    assert org(result, "varun-tessaly-mobility")["kind"] == "joint-venture-company"
    # the minority parent's stake is said by the venture's company, not by a partnership of its own
    assert not [c for c in result.candidates if c.rule == "parse:stake"]
    assert (jv[0]["company"], jv[0]["majority_partner"]) == ("varun-tessaly-mobility", "tessaly-motor")
    assert org(result, "varun-tessaly-mobility")["parent"] == "tessaly-motor"
    assert [(r["operator"], r["place"]) for r in records(result, "sites")] == [(["varun-tessaly-mobility"], "halden")]


def test_an_organisation_after_a_stake_in_or_an_analyst_at_stays_one(gaz):
    result = run(gaz, "Zhou Lin, an analyst at Tianfeng Securities, said the rules would help.")
    assert [m.file for m in result.mentions if m.text == "Tianfeng Securities"] == ["organizations"]


def test_production_of_a_model_is_its_makers_production_there(gaz):
    text = ("GAC Aion showed the AION UT in Paris. "
            "The plan is to assign the series production of the AION UT to Dravona.")
    result = run(gaz, text)
    sites = [(r["operator"], r["place"], r["kind"]) for r in records(result, "sites")]
    assert sites == [(["gac-aion"], "dravona", "production-project")]


def test_a_long_description_between_a_country_and_a_name(gaz):
    text = ("Chinese car manufacturing giant Tessaly Motors opened a store in Oslo. "
            "The Danish embassy said that Quorra Group would follow.")
    result = run(gaz, text)
    assert org(result, "tessaly-motors")["country"] == "china"
    assert "country" not in org(result, "quorra-group")


def test_companies_that_say_they_plan_a_deployment_take_part(gaz):
    text = ("Ride-hailing firm Tripla and Chinese tech group Zenvo said on Monday they plan to deploy Zenvo's "
            "robotaxis in Germany next year.")
    deps = records(run(gaz, text), "deployments")
    assert any(d["operator"] == "zenvo" and "tripla" in d.get("partners", []) and d["places"] == ["germany"]
               for d in deps)


def test_buying_a_company_is_an_acquisition(gaz):
    result = run(gaz, "Tripla agreed in April to buy Dublin-based taxi app Freenow for about 175 million euros.")
    freenow = org(result, "freenow")
    assert freenow["parent"] == "tripla" and freenow["based_in"] == "dublin"


def test_a_local_arm_keeps_its_country_in_its_name(gaz):
    result = run(gaz, "Varun Group acquired a 35 per cent stake in Tessaly Motor India last year.")
    assert [m.text for m in result.mentions if m.file == "organizations"] == ["Varun Group", "Tessaly Motor India"]
    stake = [(c.record["investor"], c.record["investee"]) for c in result.candidates if c.rule == "parse:stake"]
    assert stake == [("varun-group", "tessaly-motor-india")]


def test_a_joint_venture_between_two_parents_named_after_it(gaz):
    text = "Varun Tessaly Mobility, a joint venture between Varun Group and Tessaly Motor, will launch vans in India."
    result = run(gaz, text)
    assert [set(r["partners"]) for r in records(result, "partnerships")] == [{"varun-group", "tessaly-motor"}]
    assert org(result, "varun-tessaly-mobility")["kind"] == "joint-venture-company"


# ----------------------------------------------------------------------------------------------------- models
def test_names_listed_before_a_plural_model_noun_are_models_of_the_maker(gaz):
    result = run(gaz, "At the new site Korvell Motors builds the Tarro and Velia Max models for export.")
    models = {r["id"]: r.get("maker") for r in records(result, "vehicle_models")}
    assert models == {"tarro": "korvell-motors", "velia-max": "korvell-motors"}


def test_the_second_name_after_a_plant_in_is_the_container_but_not_in_a_list(gaz):
    result = run(gaz, "Korvell Motors has a plant in Halden, Gujarat, with a capacity of 300,000 units.")
    assert next(r for r in records(result, "places") if r["id"] == "halden")["located_in"] == ["gujarat"]
    result = run(gaz, "Korvell Motors has plants in Halden, Pune and Chennai.")
    assert all("located_in" not in r for r in records(result, "places") if r["id"] == "halden")


def test_a_named_service_is_a_brand_of_its_owner_and_no_partner(gaz):
    result = run(gaz, "Zenvo's Roadgo robotaxi service already runs in Wuhan and Dubai.")
    assert org(result, "roadgo")["brand_of"] == "zenvo"
    assert all("roadgo" not in d.get("partners", []) for d in records(result, "deployments") if d["operator"] == "zenvo")


def test_the_owner_of_a_named_robotaxi_fleet_operates_it(gaz):
    deps = records(run(gaz, "Tripla plans to deploy Zenvo's Roadgo robotaxis in Germany next year."), "deployments")
    assert "roadgo" not in {d["operator"] for d in deps} and "zenvo" in {d["operator"] for d in deps}
    assert all("roadgo" not in d.get("partners", []) for d in deps)  # the brand of a partner is no partner


def test_names_listed_after_including_in_a_deal_are_partner_organisations(gaz):
    text = "Korvell Motors has signed deals with 40 dealers in Ireland, including Niall Brennan, Tralee and Dunmore Group."
    result = run(gaz, text)
    partners = {p for r in records(result, "partnerships") for p in r["partners"]} - {"korvell-motors"}
    assert {"niall-brennan", "dunmore-group"} <= partners
    assert org(result, "niall-brennan")["kind"] == "company"


def test_the_companies_named_together_before_deploy_together(gaz):
    text = ("Ride-hailing firm Tripla and Chinese tech group Zenvo signed a partnership on Monday. "
            "The companies plan to deploy robotaxis in Germany next year.")
    deps = records(run(gaz, text), "deployments")
    assert [(d["operator"], d.get("partners"), d["places"]) for d in deps] == [("tripla", ["zenvo"], ["germany"])]
