"""Forms found on the round-43 samples (an e-minibus and e-motorcycle venture in Angola's Luanda-Bengo zone, an e-bus,
e-rental and parts-hub story on Aruba, an e-taxi, e-van and charging story in Puerto Rico, an e-truck and e-bus venture
in Fredrikstad, a takeover of a Thurgau truck builder, a stake and purchase-tax story in Israel) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round42_study import _flows


def _fleets(result):
    return {(c.record["operator"], p) for c in cands(result, "deployments") if c.record["kind"] == "vehicle-fleet"
            for p in c.record["places"]}


def test_the_vehicles_of_an_order_run_where_a_later_sentence_on_them_says(gaz):
    text = ("Coaches for the north\n\n"
            "Nordlys Transit AS has ordered 30 electric coaches from Weilong Auto. They are built in Wuhu. The first "
            "ten arrive in May, the company said. \"We tested one for a winter,\" its manager said. \"It coped.\" "
            "The new coaches will run on the routes between Bergen and Stavanger.")
    fleets = _fleets(run(gaz, text, date="2026-12-10"))
    assert {("nordlys-transit", "bergen"), ("nordlys-transit", "stavanger")} <= fleets


def test_vehicles_driving_from_depots_are_deployed_there(gaz):
    text = ("Vans for the post\n\n"
            "Nordlys Transit AS has ordered 40 electric vans from Weilong Auto. The first 15 will come from Wuhu in "
            "2027. The vans will drive from the company's depots in Bergen and Trondheim.")
    fleets = _fleets(run(gaz, text, date="2026-12-10"))
    assert {("nordlys-transit", "bergen"), ("nordlys-transit", "trondheim")} <= fleets
    assert not any(p == "wuhu" for _, p in fleets)


def test_a_later_sentence_on_some_other_vehicles_is_no_fleet_of_the_order(gaz):
    text = ("Coaches for the north\n\n"
            "Nordlys Transit AS has ordered 30 electric coaches from Weilong Auto. They are built in Wuhu. The first "
            "ten arrive in May, the company said. Its old fleet is diesel. Prices rose. "
            "Diesel coaches still run between Bergen and Stavanger.")
    assert not _fleets(run(gaz, text, date="2026-12-10"))


def test_goods_shipped_to_a_makers_dealers_abroad_are_its_exports_and_sales_there(gaz):
    text = ("Parts hub opens\n\n"
            "Weilong Auto opened a warehouse in the free zone on Monday. From there, batteries and spare "
            "parts will be shipped to Weilong's dealers in Bonaire, Colombia and Panama, its regional manager said.")
    pres = {(c.record["exporter"], c.record["market"], c.record["activity"])
            for c in cands(run(gaz, text, date="2026-12-10"), "market_presence")}
    assert {("weilong-auto", m, a) for m in ("bonaire", "colombia", "panama")
            for a in ("exports-to", "sells-in")} <= pres


def test_members_of_assemblies_and_councils_hold_the_title_member(gaz):
    from tests.ingest.test_round16_study import _roles

    text = ("Bus deal questioned\n\n"
            "The Regional Assembly will vote on the lease in March. Ivana Horvat, a member of the Regional Assembly "
            "from the Green Alliance, said the contract should be published. Regional Assembly member Petar Kos, who "
            "sits on the budget committee, said the buses were too dear. Ante Babic, an MP who chairs the "
            "Regional Assembly's transport committee, wants a hearing.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert {("ivana-horvat", "regional-assembly", "member"), ("petar-kos", "regional-assembly", "member")} <= roles
    assert any(p == "ante-babic" and t == "MP" for p, _, t in roles)
    assert not any("chairs" in t for _, _, t in roles)


def test_a_majority_bought_or_paid_for_is_an_investment_as_well_as_ownership(gaz):
    text = ("Two takeovers\n\n"
            "Weilong Auto is paying $40 million for the majority stake in Volta Karosserie AG, the two companies said. "
            "Separately, Nanxing Motor has agreed to buy 60% of Rotterdam Coachworks B.V. from its founders.")
    result = run(gaz, text, date="2026-12-10")
    invest = {(c.record["investor"], c.record["investee"]) for c in cands(result, "investments")}
    assert {("weilong-auto", "volta-karosserie-ag"), ("nanxing-motor", "rotterdam-coachworks-b-v")} <= invest
    parents = {c.record["id"]: c.record.get("parent") for c in cands(result, "organizations")}
    assert parents.get("volta-karosserie-ag") == "weilong-auto"


def test_a_nations_adjective_and_company_noun_in_lower_case_are_no_part_of_the_name(gaz):
    text = ("Venture in Benguela\n\n"
            "The Chinese firm Weilong Auto Co., Ltd. and the Angolan company Grupo Etosha will set up a joint venture "
            "in Benguela, the two said on Monday.")
    result = run(gaz, text, date="2026-12-10")
    ids = {c.id for c in cands(result, "organizations")}
    assert "grupo-etosha" in ids and not any(i.startswith("angolan") for i in ids)


def _supplies(result):
    return {(c.record["supplier"], p) for c in cands(result, "partnerships") if c.record["kind"] == "supply"
            for p in c.record["partners"] if p != c.record["supplier"]}


def test_makers_of_parts_supply_the_venture_or_the_company_named_for_them(gaz):
    text = ("Coach plant for Narva\n\n"
            "Weilong Auto and Narva Holding AS will set up a joint venture, Weilong Narva Coaches OÜ, to assemble "
            "electric coaches in Narva. Seats and luggage racks for the coaches will be made by Sillamae Metall AS at "
            "its workshop in Sillamae. Battery packs will come from Kohtla Energia AS, which assembles them in "
            "Kohtla-Jarve. Separately, Rakvere Glass AS will make the windows for Tallinn Bus Works AS.")
    supplies = _supplies(run(gaz, text, date="2026-12-10"))
    assert {("sillamae-metall-as", "weilong-narva-coaches-ou"), ("kohtla-energia-as", "weilong-narva-coaches-ou"),
            ("rakvere-glass-as", "tallinn-bus-works-as")} <= supplies


def test_vehicles_supplied_to_a_buyer_are_an_order_not_a_supply_of_parts(gaz):
    text = ("Buses for Tallinn\n\n"
            "Weilong Auto will supply 40 electric buses to Tallinn Bus Works AS, the company said.")
    result = run(gaz, text, date="2026-12-10")
    assert not _supplies(result)
    assert any({"weilong-auto", "tallinn-bus-works-as"} <= set(c.record["partners"])
               for c in cands(result, "partnerships") if c.record["kind"] == "cooperation")


def test_each_place_of_a_list_of_assembly_countries_is_a_site(gaz):
    text = ("Weilong expands\n\n"
            "Weilong Auto opened a dealership in Nairobi on Monday. The company sells its vehicles in 40 countries and "
            "already assembles them in Ghana and Nigeria. Its sister brand assembles buses in Brazil, Chile and "
            "Peru.")
    sites = {(c.record["operator"][0], c.record["place"]) for c in cands(run(gaz, text, date="2026-12-10"), "sites")}
    assert {("weilong-auto", "ghana"), ("weilong-auto", "nigeria")} <= sites
    assert {p for _, p in sites} >= {"brazil", "chile", "peru"}


def test_kits_made_at_a_makers_plant_at_home_are_its_exports_to_the_assembly_country(gaz):
    # (a guard: the parse's kit rule finds this sentence too; the round-43 sentence only the written form found)
    text = ("Coach plant for Narva\n\n"
            "Narva Holding AS will assemble coaches in Estonia with Weilong Auto. At first it will put them together "
            "from kits made at Weilong Auto's main factory in Wuhu, in China's Anhui province.")
    assert ("weilong-auto", "estonia") in _flows(run(gaz, text, date="2026-12-10"))


def test_an_agreement_signed_to_buy_vehicles_is_an_order_whose_fleet_is_put_in_service(gaz):
    text = ("Cabs for Kampala\n\n"
            "Harbour Cabs Ltd, which runs 200 taxis in Kampala, signed a contract with Weilong Auto on Monday to buy "
            "150 electric sedans. The first 50 will be in service in Kampala and Entebbe by June, its manager said.")
    result = run(gaz, text, date="2026-12-10")
    assert {("harbour-cabs-ltd", "kampala"), ("harbour-cabs-ltd", "entebbe")} <= _fleets(result)
