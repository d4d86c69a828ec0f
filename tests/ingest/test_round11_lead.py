"""Forms found on the round-11 samples (a Q&A interview, a CKD assembly story, a Korea debut, a car carrier's maiden
voyage, an e-bus story, a wire on minimum prices) once their first runs were recorded. The sentences are written
for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _presence(result) -> set[tuple[str, str, str]]:
    return {(c.record["exporter"], c.record["activity"], c.record["market"]) for c in cands(result, "market_presence")}


def test_a_companys_regions_ranked_with_figures_are_its_sales_there(gaz):
    text = ("Marlin Auto sold 96,000 cars abroad in 2025. Europe is now its biggest region with about 31,000 units "
            "last year, followed by the Middle East with 22,000 and Africa with 9,000.")
    result = run(gaz, text, date="2026-05-04")
    obs = {float(c.record["value"]): c.record for c in cands(result, "observations")}
    for value, place in ((31000.0, "europe"), (22000.0, "middle-east"), (9000.0, "africa")):
        assert obs[value]["subject"] == "marlin-auto" and obs[value].get("destination") == place, value
    assert {("marlin-auto", "sells-in", p) for p in ("europe", "middle-east", "africa")} <= _presence(result)


def test_our_largest_export_market_is_an_export_of_the_speaker(gaz):
    text = ('"Chile remained our largest export market, with 8,300 units," said Li Wen, a vice-president of '
            'Marlin Auto.')
    result = run(gaz, text, date="2026-05-04")
    assert ("marlin-auto", "exports-to", "chile") in _presence(result)


def test_registrations_deliveries_and_shares_in_the_next_paragraph_keep_the_reports_period(gaz):
    text = ("Electric car registrations of Chinese brands in the EU rose 41% in the first nine months of 2026 to "
            "180,200 vehicles, data from Ardent Mobility showed.\n\n"
            "Marlin Auto led with 52,100 registrations, while Kestrel Motors delivered 14,800 cars and held a 1.9% "
            "share.")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-11-20"), "observations")}
    for value in (52100.0, 14800.0, 1.9):
        assert (obs[value].get("period_start"), obs[value].get("period_end")) == ("2026-01", "2026-09"), value


def test_their_share_after_a_groups_figure_is_that_groups_and_its_base_is_a_share_too(gaz):
    text = ("Marlin Auto opened a store in Lyon. Sales of electric cars by Chinese brands in France rose 30% in the "
            "first half of 2026 to 41,000 units, figures from Ardent Mobility showed.\n\n"
            "Their share of the country's fully electric passenger car market rose to 12.4% from 9.1% a year "
            "earlier.")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-08-03"), "observations")}
    assert obs[41000.0]["subject"] == "china"
    assert obs[12.4]["subject"] == "china" and obs[12.4]["measure"] == "market-share"
    assert (obs[12.4]["period_start"], obs[12.4]["period_end"]) == ("2026-01", "2026-06")
    assert obs[9.1]["measure"] == "market-share" and obs[9.1]["subject"] == "china"
    assert (obs[9.1]["period_start"], obs[9.1]["period_end"]) == ("2025-01", "2025-06")


def test_korea_is_south_korea_and_czechia_the_czech_republic(gaz):
    text = "Marlin Auto began selling cars in Korea in November and will open stores in Czechia next year."
    result = run(gaz, text, date="2026-12-01")
    ids = {m.id for m in result.mentions}
    assert "south-korea" in ids and "korea" not in ids  # (South Korea is a curated record)
    assert "czech-republic" in ids and "czechia" not in ids
    assert ("marlin-auto", "sells-in", "south-korea") in _presence(result)


def test_dotted_and_other_short_names_of_countries(gaz):
    text = "Marlin Auto shipped cars to the U.K. and the U.A.E. last year and opened a store in Holland."
    ids = {m.id for m in run(gaz, text, date="2026-12-01").mentions}
    assert {"united-kingdom", "united-arab-emirates", "netherlands"} <= ids


def test_a_motor_works_is_a_company_not_a_factory(gaz):
    text = "Marlin Auto, Ikenna Motor Works and Ikenna Holdings signed a deal to build buses in Kano."
    result = run(gaz, text, date="2026-12-01")
    assert "ikenna-motor-works" in {c.record["id"] for c in cands(result, "organizations")}
    assert not any("ikenna" in c.record["id"] for c in cands(result, "sites"))


def test_a_partner_in_a_clause_opening_with_its_market_is_a_sale_there(gaz):
    text = ("Marlin Auto sells cars in 30 markets. In Mexico its partner is Grupo Corvo Automotriz. "
            "In Brazil, Marlin Auto teamed up with Vale Motors to build a plant.")
    result = run(gaz, text, date="2026-12-01")
    assert ("marlin-auto", "sells-in", "mexico") in _presence(result)
    assert not any(m == "brazil" for _, _, m in _presence(result))  # a partner in making, not selling


def test_brands_ranked_by_their_short_names_in_the_bloc_sell_there(gaz):
    text = ("Registrations of electric cars by Chinese brands in the EU rose 38% in the first ten months of 2026 to "
            "212,400 vehicles.\n\n"
            "Their share of the bloc's electric car market rose to 7.4%. Marlin Motor Group was the best-selling "
            "Chinese brand with 61,300 registrations, while Kestrel New Energy Auto's fell 12% to 18,900.\n\n"
            "Marlin and Kestrel both sell in Norway too. Marlin led with 61,300 registrations, Kestrel had 18,900.")
    presence = _presence(run(gaz, text, date="2026-12-03"))
    assert {("marlin-motor-group", "sells-in", "european-union"),
            ("kestrel-new-energy-auto", "sells-in", "european-union")} <= presence


def test_a_company_described_as_a_bodybuilder_and_named_by_its_last_word(gaz):
    text = ("The bodies will be built by Carrocerias Valente, a family-owned bodybuilder from Caxias do Sul. "
            "Valente said it will hire 300 workers at its Caxias do Sul plant. \"It is our biggest order,\" said "
            "Marta Reis, Valente's commercial director.")
    result = run(gaz, text, date="2026-12-01")
    orgs = {c.record["id"] for c in cands(result, "organizations")}
    assert "carrocerias-valente" in orgs and "valente" not in orgs
    assert not any(c.record["id"] == "carrocerias-valente" for c in cands(result, "people"))
    roles = {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")}
    assert ("marta-reis", "carrocerias-valente") in roles
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(result, "sites")}
    assert (("carrocerias-valente",), "caxias-do-sul") in sites
    assert not cands(result, "investments")  # 300 workers are no money invested


def test_this_investment_is_at_the_site_named_just_before(gaz):
    text = ("Marlin Auto will invest R$1.1 billion to triple capacity at its chassis plant in Extrema. "
            "The bodies will be built by Oscar Bodies, which runs a plant in Caxias do Sul.\n\n"
            "\"Extrema is becoming the heart of electric mobility. This investment brings jobs to the state,\" the "
            "governor said.")
    result = run(gaz, text, date="2026-12-01")
    invest = {(c.record["investor"], c.record.get("place")) for c in cands(result, "investments")}
    assert ("oscar-bodies", "caxias-do-sul") not in invest


def test_a_dealer_that_runs_a_brands_agencies_or_showrooms_is_its_partner_there(gaz):
    text = "Grupo Ortiz already operates nine Marlin Auto agencies in Jalisco, Nuevo Leon and Puebla."
    result = run(gaz, text, date="2026-12-01")
    deps = [c.record for c in cands(result, "deployments")]
    assert deps and deps[0]["kind"] == "store-network" and "grupo-ortiz" in deps[0].get("partners", [])
    assert set(deps[0]["places"]) == {"jalisco", "nuevo-leon", "puebla"}
    pairs = {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}
    assert frozenset({"marlin-auto", "grupo-ortiz"}) in pairs
    text = "Siam Motors ran 14 Marlin Auto showrooms in Bangkok in 2025."
    pairs = {frozenset(c.record["partners"]) for c in cands(run(gaz, text, date="2026-12-01"), "partnerships")}
    assert frozenset({"marlin-auto", "siam-motors"}) in pairs


def _pairs(result) -> set[frozenset]:
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}


def test_an_order_makes_buyer_and_maker_partners(gaz):
    text = "Riga's public transport operator Rigas Satiksme has ordered 46 electric buses from Yuntong Bus."
    assert frozenset({"rigas-satiksme", "yuntong-bus"}) in _pairs(run(gaz, text, date="2026-12-01"))
    text = "Marlin Bus won an order from Chilean operator Metbus for 214 electric buses."
    assert frozenset({"marlin-bus", "metbus"}) in _pairs(run(gaz, text, date="2026-12-01"))
    text = ("Kestrel Automobile will build the K12 bus in Kano. The Kano Transport Authority has placed an order for "
            "150 of the Kestrel K12 buses for its corridors.")  # (a public body that buys buses is a customer)
    assert frozenset({"kestrel-automobile", "kano-transport-authority"}) in _pairs(run(gaz, text, date="2026-12-01"))


def test_a_model_code_with_a_hyphen_is_a_model_not_a_company(gaz):
    text = "Marlin Bus signed a contract with Vale Logistica for 150 units of its JK-12E truck."
    result = run(gaz, text, date="2026-12-01")
    assert "jk-12e" in {c.record["id"] for c in cands(result, "vehicle_models")}
    assert "jk-12e" not in {c.record["id"] for c in cands(result, "organizations")}


def test_an_interviewers_guest_works_for_the_company_spoken_of(gaz):
    text = ("Marlin Auto will build cars in Hungary from April. Marlin Auto sold 148,000 cars abroad in 2025. "
            "Fleet Europe spoke to Wen Hao, Vice-President of Overseas Business, about the company's plans.")
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-12-01"), "roles")}
    assert ("wen-hao", "marlin-auto", "Vice-President of Overseas Business") in roles


def test_a_capacity_takes_no_reporting_period(gaz):
    text = ("Marlin Auto sold 96,000 cars abroad in the first ten months of 2026.\n\n"
            "Its plant in Debrecen will start production in April. Phase one has a capacity of 60,000 units a year.")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-12-01"), "observations")}
    assert obs[60000.0]["measure"] == "production-capacity" and "period_start" not in obs[60000.0]


def test_its_in_a_clause_completing_another_verb_is_that_verbs_subjects(gaz):
    text = ("Marlin Auto plans to ship cars from Thailand to Japan next year, and Kestrel Motors has begun exporting "
            "from its Rayong plant to Australia.")
    result = run(gaz, text, date="2026-12-01")
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(result, "sites")}
    assert (("kestrel-motors",), "rayong") in sites and (("marlin-auto",), "rayong") not in sites
    assert ("marlin-auto", "exports-to", "australia") not in _presence(result)
    assert not any(exporter == "thailand" for exporter, _, _ in _presence(result))  # where the cars come from


def test_a_duty_charged_to_a_company_is_that_companys_rate(gaz):
    text = "The European Commission currently charges Marlin Auto a duty of 16.4%, while Kestrel Motors pays 21.9%."
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-12-01"), "observations")}
    assert obs[16.4]["subject"] == "marlin-auto" and obs[21.9]["subject"] == "kestrel-motors"


def test_a_figure_beating_what_was_expected_is_no_forecast(gaz):
    text = ("Marlin Auto is off to a faster start in Korea than most of the industry expected, registering 1,412 "
            "cars in November, its first full month of sales.")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-12-04"), "observations")}
    assert (obs[1412.0]["period_start"], obs[1412.0]["period_end"]) == ("2026-11", "2026-11")


def test_showrooms_in_a_countrys_larger_towns_are_sales_in_that_country(gaz):
    text = ("Hanbit Motors has opened Marlin Auto showrooms in Suwon and Daejeon. Marlin Auto began selling cars in "
            "South Korea in November.")
    presence = _presence(run(gaz, text, date="2026-12-01"))
    assert not any(m in {"suwon", "daejeon", "gwangju"} for _, _, m in presence)
    assert ("marlin-auto", "sells-in", "south-korea") in presence


def test_a_plant_named_only_by_its_region_is_no_site(gaz):
    text = ("Marlin Auto said it was evaluating several options for local production in Europe. Kestrel Motors "
            "builds cars at its plant in Debrecen, Hungary.")
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(run(gaz, text, date="2026-12-01"),
                                                                             "sites")}
    assert not any(place == "europe" for _, place in sites)
    assert (("kestrel-motors",), "debrecen") in sites


def test_a_counted_out_list_of_showroom_towns_is_one_network(gaz):
    text = ("Marlin Auto entered South Korea in November. Its dealer Hanbit Motors has since opened nine showrooms: "
            "two in Seoul, in Gangnam and Yongsan districts, and one each in Bundang, Suwon, Daejeon and Busan.")
    deps = [c.record for c in cands(run(gaz, text, date="2026-12-01"), "deployments")]
    assert deps and {"seoul", "bundang", "suwon", "daejeon", "busan"} <= set(deps[0]["places"])


def test_a_town_with_a_site_exports_through_its_operator(gaz):
    text = ("Marlin Auto will assemble cars at a plant in Sagamu, Ogun State. Vehicles from Sagamu will be exported "
            "to Ghana and Benin.")
    presence = _presence(run(gaz, text, date="2026-12-01"))
    # (a plan: "will be exported" is a target market, as "will export to" is)
    assert {("marlin-auto", "targets-market", "ghana"), ("marlin-auto", "targets-market", "benin")} <= presence
    assert not any(exporter == "sagamu" for exporter, _, _ in presence)


def test_its_in_a_verb_coordinated_with_another_is_that_verbs_subjects(gaz):
    text = ("Ikenna Motor Works, a subsidiary of Lagos-based Ikenna Holdings, will own and run the plant, while Marlin "
            "Auto will supply the kits, tooling and technical staff, and train local engineers at its plant in "
            "Chongqing, China.")
    sites = {(tuple(c.record["operator"]), c.record["place"]) for c in cands(run(gaz, text, date="2026-12-01"),
                                                                             "sites")}
    assert (("marlin-auto",), "chongqing") in sites and (("ikenna-motor-works",), "chongqing") not in sites


def test_a_sale_at_home_in_china_is_no_market_presence(gaz):
    text = ("Marlin Auto sells its cars in Ningbo and across China, and exports them to Chile and Peru. "
            "It sold 20,000 cars in Chile last year.")
    presence = _presence(run(gaz, text, date="2026-12-01"))
    assert not any(m == "china" for _, _, m in presence)
    assert ("marlin-auto", "exports-to", "chile") in presence


def test_the_country_is_not_where_the_brands_come_from(gaz):
    text = ("Some 97,412 new vehicles were sold in Australia in November 2026. Brands from China combined for 21,874 "
            "sales. Toyota was again the country's top-selling brand with 18,960 sales, ahead of Ford with 7,512 "
            "and BYD with 6,118.")
    presence = _presence(run(gaz, text, date="2026-12-03"))
    assert {("toyota", "sells-in", "australia"), ("ford", "sells-in", "australia")} <= presence


def test_a_ranking_with_counts_in_brackets_after_the_brands(gaz):
    text = ("Some 97,412 new vehicles were sold in Australia in November, and Australia's market grew. Toyota was "
            "Australia's top-selling brand with 18,960 sales, ahead of Ford with 7,512.\n\n"
            "Mazda (6,004) finished fourth ahead of Kia (5,870) and Hyundai (5,215).")
    result = run(gaz, text, date="2026-12-03")
    obs = {float(c.record["value"]): c.record for c in cands(result, "observations")}
    for value, brand in ((6004.0, "mazda"), (5870.0, "kia"), (5215.0, "hyundai")):
        assert obs[value]["subject"] == brand and obs[value]["unit"] == "vehicles", value
        assert obs[value].get("measure") == "sales-volume", value  # (measured as the count before)
        assert (obs[value].get("period_start"), obs[value].get("period_end")) == ("2026-11", "2026-11"), value
    assert ("kia", "sells-in", "australia") in _presence(result)


def test_a_headlines_verb_is_no_part_of_a_name_and_auto_is_automobile(gaz):
    text = ("Kestrel Auto Sells Russian Venture Stake as Exports Swing to the Gulf\n\n"
            "Kestrel Automobile Group Co., Ltd. has agreed to sell its 51% stake in its Russian joint venture. "
            "Kestrel said exports to Saudi Arabia rose.")
    orgs = {c.record["id"] for c in cands(run(gaz, text, date="2026-12-01"), "organizations")}
    assert "kestrel-automobile-group-co-ltd" in orgs
    assert not {"kestrel-auto-sells", "kestrel-auto"} & orgs


def test_an_export_figure_with_a_destination_is_an_export_there(gaz):
    text = ("Marlin Auto sold 356,000 vehicles outside China in the first ten months. Peru received 27,500, while "
            "shipments to Bolivia reached 18,600 and those to Chile 14,800.")
    result = run(gaz, text, date="2026-12-01")
    obs = [c.record for c in cands(result, "observations") if c.record.get("destination") == "chile"]
    assert obs and obs[0]["measure"] == "export-volume" and obs[0]["subject"] == "marlin-auto"
    assert ("marlin-auto", "exports-to", "chile") in _presence(result)
