"""Forms found on the round-19 samples (a Thai plant's BOI approval, kit assembly in San Luis Potosí, a Turkish
cell venture in Bursa, a maker's November overseas sales with KD assembly in Algeria, a Serbian EV plant, e-bus
and tricycle assembly in Kaduna) once their unseen scores were recorded. The sentences are written for these
tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _roles(result):
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}


def test_a_body_a_capitalised_title_and_a_name_are_a_role(gaz):
    text = ("The plant will make 40,000 cells a year, Tanwei Chairperson Ou Lingrui told reporters after the "
            "ceremony. Kestrel Governor Amadeo Ruiz Salcedo, who attended the signing, said the state would help.")
    result = run(gaz, text, date="2026-12-01")
    people = {c.record["id"] for c in cands(result, "people")}
    assert people == {"ou-lingrui", "amadeo-ruiz-salcedo"}
    assert {("ou-lingrui", "tanwei", "Chairperson"), ("amadeo-ruiz-salcedo", "kestrel", "Governor")} <= _roles(result)


def test_a_dealer_that_has_showrooms_counted_in_words_in_listed_cities_runs_stores_in_each(gaz):
    text = "In Serbia, the cars are sold by the importer Tamnava Motors, which has four showrooms in Belgrade, Novi Sad and Niš."
    result = run(gaz, text, date="2026-12-01")
    stores = [c.record for c in cands(result, "deployments")]
    assert [(r["operator"], r["places"], r.get("count")) for r in stores] == [
        ("tamnava-motors", ["belgrade", "novi-sad", "nis", "serbia"], 4)]  # (and the country the towns lie in)


def test_the_legal_form_spa_in_capitals_ends_a_company_name(gaz):
    text = ("Tanwei's Algerian partner Tassili Motors SPA started trial assembly at its plant in Relizane on "
            "Monday. Tassili Motors has signed 18 dealers so far.")
    result = run(gaz, text, date="2026-12-01")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    assert "tassili-motors-spa" in orgs and "spa" not in orgs and "tassili-motors" not in orgs
    assert [c.record["operator"] for c in cands(result, "sites")] == [["tassili-motors-spa"]]


def test_a_credit_line_names_its_source_a_publisher_and_its_editor_no_one(gaz):
    text = ("Tanwei's Nov. overseas sales up 12% YoY\n\n"
            "Source: Autoline Editor: Mei Jiaxin Date: 2026-11-30\n\n"
            "Shanghai (Autoline)- Tanwei Automobile Group said its overseas sales hit 23,874 units in November. "
            "Tanwei's Algerian partner Tassili Motors started trial assembly at its plant in Relizane on "
            "November 26.")
    result = run(gaz, text, date="2026-11-30")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    assert orgs["autoline"]["kind"] == "publisher"
    assert not cands(result, "people")
    operators = {op for c in cands(result, "sites") for op in c.record["operator"]}
    assert operators and "autoline" not in operators


def _places(result):
    return {c.record["id"]: c.record for c in cands(result, "places")}


def test_industrial_zones_and_districts_the_parser_missed_are_places(gaz):
    text = ("The cells will be made in the Kestane Organized Industrial Zone by Tanwei Enerji A.Ş. Tanwei's partner "
            "assembles vans at 118 Industrial Park in Ban Nong Kwai district, and buses in the Oued Tlelat industrial "
            "zone.")
    places = _places(run(gaz, text, date="2026-12-01"))
    assert {"kestane-organized-industrial-zone", "118-industrial-park", "ban-nong-kwai", "oued-tlelat"} <= set(places)
    assert places["118-industrial-park"]["kind"] == "district"


def test_a_site_in_an_industrial_zone_is_the_company_s_one_site_in_the_town_named(gaz):
    text = ("The board approved an expansion of Tanwei Automobile's factory in Prachin Buri.\n\n"
            "Tanwei, which began assembling cars at 118 Industrial Park in early 2025, will raise the plant's "
            "capacity to 120,000 vehicles a year by 2028.")
    result = run(gaz, text, date="2026-12-01")
    assert [(c.record["operator"], c.record["place"]) for c in cands(result, "sites")] == [
        (["tanwei-automobile"], "118-industrial-park")]
    assert _places(result)["118-industrial-park"]["located_in"] == ["prachin-buri"]


def test_a_larger_town_s_name_is_no_short_name_of_a_company_named_after_it(gaz):
    text = ("Tanwei Motors delivered 30 electric buses to the Abuja Urban Mass Transport Company, AUMTCO, in June. "
            "The firm has showrooms in Kaduna, Abuja and Kano.")
    result = run(gaz, text, date="2026-11-25")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    assert "Abuja" not in orgs["abuja-urban-mass-transport-company"].get("aliases", [])
    assert [c.record["places"] for c in cands(result, "deployments")] == [["kaduna", "abuja", "kano"]]


def test_a_town_goods_come_from_is_no_exporter(gaz):
    text = ("Amanawa assembles buses in Kaduna from kits of Tanwei Electric Vehicle Co. Ltd.\n\n"
            "Tanwei's General Manager for Africa, Mr. Lyu Chengfeng, said Nigeria would be the hub of the company's "
            "West African business, with buses from Kaduna to be exported to Ghana and Cameroon from 2028.")
    result = run(gaz, text, date="2026-11-25")
    exporters = {c.record["exporter"] for c in cands(result, "market_presence") if c.record["market"] == "ghana"}
    assert exporters == {"tanwei"}  # (the company, not the town the buses come from)


def test_a_bracketed_short_name_in_the_body_s_own_word_order_is_that_body(gaz):
    text = ('"That can last a year, not five," said Lucía Ramos Ortega, president of APIV.\n\n'
            "Chinese brands took 19.6% of sales, according to the Peruvian Association of Vehicle Importers "
            "(APIV).")
    result = run(gaz, text, date="2026-12-01")
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert "apiv" not in orgs and "peruvian-association-of-vehicle-importers" in orgs
    assert {(r, o) for r, o, _ in _roles(result)} == {("lucia-ramos-ortega", "peruvian-association-of-vehicle-importers")}


def test_a_title_ends_before_at_and_the_employer_s_description(gaz):
    text = ("Paula Ochoa Garfias, an automotive analyst at Mexico City consultancy Tambo Analytics, said kit assembly could "
            "become the standard model.")
    assert _roles(run(gaz, text, date="2026-12-01")) == {("paula-ochoa-garfias", "tambo-analytics", "automotive analyst")}


def test_a_town_before_based_is_the_employer_s_home_not_the_employer(gaz):
    text = ("Dragan Vuković-Rudić, a researcher at the Belgrade-based labour rights group Pravo i Rad, said 11 "
            "workers had complained.")
    result = run(gaz, text, date="2026-12-01")
    roles = _roles(result)
    assert roles and "belgrade" not in {org for _, org, _ in roles}
    assert "belgrade" not in {c.record["id"] for c in cands(result, "organizations")}


def test_naira_written_n_or_with_its_sign_before_a_scaled_amount(gaz):
    text = ("The Kano State Government has ordered 60 electric buses worth N17.4 billion from Tanwei Motors "
            "Limited. Its plant cost ₦9.2 billion to build.")
    values = {(c.record["value"], c.record["unit"]) for c in cands(run(gaz, text, date="2026-11-25"), "observations")}
    assert {(17400000000, "ngn"), (9200000000, "ngn")} <= values


def test_a_market_s_figure_after_a_company_s_ranking_of_markets_is_the_company_s_there(gaz):
    text = ("Tanwei Automobile Group said its overseas sales hit 12,400 units in October.\n\n"
            "By market, Europe remained Tanwei's largest overseas region, with 4,210 units sold in October. "
            "Spain contributed 1,530 units. Latin America took 2,090 units.")
    obs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-11-05"), "observations")}
    for value, market in ((4210, "europe"), (1530, "spain"), (2090, "latin-america")):
        rec = obs[value]
        assert (rec["subject"], rec.get("destination"), rec.get("measure"), rec.get("period_start")) == (
            "tanwei-automobile-group", market, "sales-volume", "2026-10")


def test_a_currency_word_takes_its_country_from_the_adjective_before_it(gaz):
    text = ("Tanwei Motors builds a plant in Oran. Total investment in the project reaches 14.6 billion Algerian "
            "dinars. Its Karachi unit spent 9 billion Pakistani rupees; four out of every 10 rupees went on parts.")
    obs = [c.record for c in cands(run(gaz, text, date="2026-11-30"), "observations")]
    assert {(r["value"], r["unit"]) for r in obs} >= {(14600000000, "dzd"), (9000000000, "pkr")}
    assert not [r for r in obs if r["value"] == 10]
    assert next(r for r in obs if r["unit"] == "dzd")["measure"] == "investment-amount"


def test_a_currency_word_without_an_adjective_is_the_article_s_country_s_and_with_one_its_own(gaz):
    text = ("KARACHI: Tanwei Motors will invest 9 billion rupees in a plant in Pakistan, its first in Pakistan. "
            "Its Mexican unit sells in Mexico and Chile and spent 40 billion Chilean pesos there.")
    units = {c.record["value"]: c.record["unit"] for c in cands(run(gaz, text, date="2026-11-30"), "observations")}
    assert units[9000000000] == "pkr" and units[40000000000] == "clp"


def test_an_honorific_and_a_given_name_the_parser_read_as_a_company_is_the_person(gaz):
    text = ("The expansion was approved on Friday, said Kittiya Sombatwong, secretary-general of the board. "
            "Tanwei will raise the plant's capacity, Ms Kittiya said.")
    result = run(gaz, text, date="2026-12-01")
    assert "ms-kittiya" not in {c.record["id"] for c in cands(result, "organizations")}
    person = next(c for c in cands(result, "people") if c.record["id"] == "kittiya-sombatwong")
    assert "Ms Kittiya" in [text[a:b] for a, b in person.spans]


def test_a_short_name_in_capitals_between_commas_after_a_body_s_full_name_is_that_body(gaz):
    text = ("The buses will be run by the Zaria Urban Mobility Agency, ZUMA, on routes in Zaria. Tanwei Motors "
            "delivered 30 buses to the Jos Urban Mass Transport Company, JUMTCO, in June. ZUMA will hire drivers.")
    orgs = {c.record["id"]: c for c in cands(run(gaz, text, date="2026-11-25"), "organizations")}
    assert not {"zuma", "jumtco"} & set(orgs)
    assert len(orgs["zaria-urban-mobility-agency"].spans) == 3


def test_a_hausa_honorific_opens_a_name_and_and_the_title_of_names_the_next_holder(gaz):
    text = ("The agreement was signed yesterday by the state Commissioner for Transport, Hajiya Amina Ladi Gwarzo, "
            "and the Managing Director of Tanwei Motors Limited, Engr. Sani Bako Danjuma.")
    result = run(gaz, text, date="2026-11-25")
    assert {c.record["id"] for c in cands(result, "people")} == {"amina-ladi-gwarzo", "sani-bako-danjuma"}
    assert _roles(result) == {("sani-bako-danjuma", "tanwei-motors-limited", "Managing Director")}


def test_a_name_with_a_code_before_a_van_is_a_model(gaz):
    text = ("Tanwei Automobile Group opened a plant in Serbia. The factory assembles the Tanwei Kesu compact SUV "
            "and the Tanwei V7 delivery van from kits.")
    models = {c.record["id"]: c.record for c in cands(run(gaz, text, date="2026-12-01"), "vehicle_models")}
    assert models["tanwei-v7"]["maker"] == "tanwei-automobile-group"


def test_a_regional_adjective_names_a_region_that_exports_nothing(gaz):
    text = ("Tanwei Electric Vehicle Co. Ltd assembles buses in Kano.\n\n"
            "Tanwei's general manager said Nigeria would be the hub of the company's West African business, with "
            "buses to be exported to Ghana and Cameroon from 2028.")
    result = run(gaz, text, date="2026-11-25")
    assert "west-africa" in {m.id for m in result.mentions if m.file == "places"}
    assert "west-africa" not in {c.record["exporter"] for c in cands(result, "market_presence")}


def test_a_building_an_agreement_was_signed_at_is_a_place_not_a_person(gaz):
    text = "The agreement was signed yesterday at Sir Musa Danladi House, Kaduna, by the state's commissioner."
    result = run(gaz, text, date="2026-11-25")
    assert not cands(result, "people")
    assert "musa-danladi-house" in _places(result)


def test_a_body_its_short_name_and_an_honorific_are_no_list_of_companies(gaz):
    text = ("In a statement, the Director-General of the National Automotive Standards Council, NASC, Mr. Femi "
            "Adebayo-Cole, said the council had certified the plant.")
    result = run(gaz, text, date="2026-11-25")
    assert {c.record["id"] for c in cands(result, "organizations")} == {"national-automotive-standards-council"}
    assert {org for _, org, _ in _roles(result)} == {"national-automotive-standards-council"}


def test_a_kuwaiti_dinar_is_not_an_algerian_one(gaz):
    text = "Tanwei Motors will invest 3 million Kuwaiti dinars in a showroom in Kuwait City."
    assert {c.record["unit"] for c in cands(run(gaz, text, date="2026-11-30"), "observations")} == {"kwd"}
