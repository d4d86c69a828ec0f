"""Forms found on the round-9 and round-10 samples (an association's monthly release, an earnings release, a wire
story on a plant pick, a state-media departure story, a contract-assembly report, a cell-plant story, a Gulf launch)
once their first runs were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _obs(result) -> dict:
    return {(float(c.record["value"]), c.record["unit"]): c.record for c in cands(result, "observations")}


def test_a_time_right_after_a_change_dates_its_base_not_the_figure(gaz):
    text = ("Results for the Second Quarter of 2026\n\n"
            "- Revenues were RMB4.20 billion, an increase of 18.5% from the second quarter of 2025 and an increase "
            "of 6.4% from the first quarter of 2026.")
    obs = _obs(run(gaz, text, date="2026-08-20"))
    for key in ((4.2e9, "cny"), (6.4, "percent")):
        assert (obs[key]["period_start"], obs[key]["period_end"]) == ("2026-04", "2026-06"), key


def test_a_common_word_capitalised_by_a_heading_is_no_place(gaz):
    text = ("Sales Reach New High\n\nTotal revenues were RMB 2.1 billion in the quarter, and exports made up 30% "
            "of total sales, Marlin Auto said. Marlin wants to reach 40 markets.")
    result = run(gaz, text, date="2026-08-20")
    names = {m.text for m in result.mentions}
    assert "Total" not in names and "Reach" not in names
    assert "Marlin Auto" in names  # a name that is no lower-case word stays


def test_the_items_of_a_list_take_the_time_of_its_lead_in(gaz):
    text = ("Electric car registrations in Chile were 2,410 in September. The leading brands in September were:\n\n"
            "1. BYD - 812 units (33.7%)\n2. GAC Aion - 301 units (12.5%)\n3. Tesla - 255 units (10.6%)\n\n"
            "Dealers expect more in October.")
    obs = _obs(run(gaz, text, date="2026-10-12"))
    for key, subject in (((812.0, "vehicles"), "byd"), ((301.0, "vehicles"), "gac-aion"),
                         ((12.5, "percent"), "gac-aion"), ((255.0, "vehicles"), "tesla")):
        assert obs[key]["subject"] == subject, key
        assert (obs[key]["period_start"], obs[key]["period_end"]) == ("2026-09", "2026-09"), key


def test_a_list_without_a_lead_in_carries_no_time(gaz):
    text = "Electric car registrations in Chile were 2,410 in September.\n\n1. BYD - 812 units\n2. Tesla - 255 units"
    obs = _obs(run(gaz, text, date="2026-10-12"))
    assert obs[(812.0, "vehicles")].get("period_start") is None


def test_battery_and_plug_in_hybrids_are_vehicles(gaz):
    obs = _obs(run(gaz, "Chinese brands registered 5,210 BEVs and 1,180 PHEVs in Chile in May.", date="2026-06-10"))
    assert obs[(5210.0, "vehicles")]["period_start"] == "2026-05"
    assert (1180.0, "vehicles") in obs


def test_a_model_before_a_body_type_is_cut_from_the_parsers_longer_name_and_named_so_in_the_headline(gaz):
    text = ("Marlin to build Orsa SUV at Kaltbrunn's Graz plant\n\n3 December 2026\n\n"
            "Chinese carmaker Marlin Motors will have its Orsa electric SUV assembled under contract at Kaltbrunn "
            "Fahrzeugbau's plant in Graz, Austria, from 2027.")
    result = run(gaz, text, date="2026-12-03")
    assert {m.file for m in result.mentions if m.text == "Orsa"} == {"vehicle_models"}
    assert not [m for m in result.mentions if m.text.startswith("Orsa electric")]


def test_a_company_name_the_parser_took_for_a_title_of_a_work_is_a_company(gaz):
    text = ("Marlin Motors will have its Orsa electric SUV assembled under contract at Kaltbrunn Fahrzeugbau's "
            "plant in Graz, Austria, from 2027.")
    result = run(gaz, text, date="2026-12-03")
    orgs = {m.id for m in result.mentions if m.file == "organizations"}
    assert "kaltbrunn-fahrzeugbau" in orgs
    sites = {(op, c.record.get("place")) for c in cands(result, "sites") for op in c.record["operator"]}
    assert ("kaltbrunn-fahrzeugbau", "graz") in sites


def _deployments(result) -> set:
    return {(c.record.get("operator"), p) for c in cands(result, "deployments") for p in c.record.get("places") or []}


def test_the_kingdom_names_a_kingdom_and_the_group_the_company_named_a_group(gaz):
    text = ("Marlin Auto launched in Morocco on Monday with Casablanca-based dealer Atlas Motors. For Atlas Motors, "
            "part of the family-owned Atlas Holding Group, the deal adds a third Chinese brand to a portfolio that "
            "includes one Korean marque. The group operates 31 showrooms across the kingdom.")
    deps = _deployments(run(gaz, text, date="2026-12-01"))
    assert ("atlas-holding-group", "morocco") in deps
    assert not [d for d in deps if d[1] == "south-korea"]


def test_the_kingdom_is_no_republic_named_last(gaz):
    text = ("Marlin Auto opened its first showroom in Chile in May. The carmaker now has 12 showrooms across the "
            "kingdom.")
    result = run(gaz, text, date="2026-12-01")
    assert [m.id for m in result.mentions if m.text == "Chile"] == ["chile"]
    assert not [m for m in result.mentions if m.text == "kingdom" or m.text.endswith(" kingdom")]
    text = text.replace("Chile", "Thailand")  # a kingdom is named so
    assert [m.id for m in run(gaz, text, date="2026-12-01").mentions if m.text == "the kingdom"] == ["thailand"]


def _rels(result) -> tuple[set, set]:
    inv = {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}
    part = {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}
    return inv, part


def test_a_stake_in_a_companys_unit_named_after_it_is_in_that_unit(gaz):
    text = ("The Qatar Investment Authority has agreed to take a 9 percent stake in Marlin's European subsidiary, "
            "Marlin Auto Europe, for an undisclosed sum.")
    inv, _ = _rels(run(gaz, text, date="2026-12-01"))
    assert ("qatar-investment-authority", "marlin-auto-europe") in inv


def test_a_backer_named_beside_a_partner_is_no_partner(gaz):
    for text in ("Marlin Auto signed an agreement with Sahra Mobility, a QIA portfolio company, to run 40 robotaxis "
                 "in Doha.", "Marlin Auto signed an agreement with QIA-backed Sahra Mobility to run 40 robotaxis in "
                 "Doha."):
        result = run(gaz, text, date="2026-12-01")
        inv, part = _rels(result)
        assert ("qia", "sahra-mobility") in inv, text
        assert frozenset({"marlin-auto", "sahra-mobility"}) in part, text
        assert not [p for p in part if "qia" in p], text
        assert not [c for c in cands(result, "deployments") if "qia" in (c.record.get("partners") or [])], text


def test_the_plant_named_by_its_town_again_is_that_companys_and_builds_for_markets(gaz):
    text = ("Marlin Auto has chosen the Polish city of Gliwice for its first European assembly plant.\n\n"
            "Rival BYD is building a factory in Szeged in southern Hungary.\n\n"
            "\"Gliwice gives us the workforce we need,\" Marlin's chairman said. The plant will build the Orsa "
            "compact SUV for markets including Germany, France and Italy, the company said.")
    result = run(gaz, text, date="2026-12-01")
    sites = {(op, c.record.get("place")) for c in cands(result, "sites") for op in c.record["operator"]}
    assert not {p for _, p in sites} & {"germany", "france", "italy"}
    sells = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert {("marlin-auto", "germany"), ("marlin-auto", "italy")} <= sells
    assert not [s for s in sells if s[0] == "byd"]


def test_a_province_written_after_its_name_is_that_province(gaz):
    text = "Since March, Marlin Auto has run a kit-assembly operation in Thailand's Rayong province with a partner."
    result = run(gaz, text, date="2026-12-01")
    assert {c.record.get("place") for c in cands(result, "sites")} == {"rayong"}
    assert not [m for m in result.mentions if m.text.endswith("province")]


def test_a_short_name_in_use_before_a_second_company_sharing_it_is_named_stays_the_first(gaz):
    text = ("Chinese battery maker Tenglong to build cell plant in Chile\n\n"
            "Chinese battery manufacturer Tenglong Power Technology will invest US$500mn in a cell plant in "
            "Mejillones. Tenglong said the plant would create 900 jobs.\n\n"
            "One customer is Hanbo Motors, which is majority-owned by Tenglong's parent, Tenglong Group.\n\n"
            "Tenglong chairman Gao Ming said the company had looked at Argentina first.")
    result = run(gaz, text, date="2026-12-01")
    assert {m.id for m in result.mentions if m.text == "Tenglong"} == {"tenglong-power-technology"}
    ops = {op for c in cands(result, "sites") for op in c.record["operator"]}
    assert "tenglong-group" not in ops


def test_the_sites_of_unnamed_others_are_no_sites_of_the_supplier(gaz):
    text = ("Tenglong Power Technology plans to supply cells to Chinese carmakers' assembly operations in Brazil "
            "and Argentina.")
    assert not cands(run(gaz, text, date="2026-12-01"), "sites")


def test_a_ship_bound_for_markets_carries_its_makers_cars_not_its_ports_province(gaz):
    text = ("A car carrier loaded with 4,100 vehicles made by Chinese automaker Marlin Auto left Nansha Port in "
            "south China's Guangdong Province on Friday, bound for Chile and Peru.")
    result = run(gaz, text, date="2026-12-01")
    pres = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert {("marlin-auto", "chile"), ("marlin-auto", "peru")} <= pres
    assert not [p for p in pres if p[0] == "guangdong"]


def test_knock_down_kits_and_a_town_named_by_a_date(gaz):
    text = ("Marlin Auto signed a knock-down (\"KD\") assembly agreement. The KD kits will be shipped to Egypt's "
            "10th of Ramadan City, where its partner Nile Motor Works assembles them.")
    result = run(gaz, text, date="2026-12-01")
    assert "KD" not in {m.text for m in result.mentions}
    assert "10th-of-ramadan-city" in {m.id for m in result.mentions}


def _presence(result) -> set:
    return {(c.record["exporter"], c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")}


def test_the_distributor_of_a_later_market_is_the_carmakers_and_passive_goods_are_its_own(gaz):
    text = ("Marlin Auto Inc. entered Peru, Chile and Bolivia during the quarter, Marlin said. Marlin's overseas "
            "sales rose 40%. In Peru, the Company appointed "
            "Grupo Andino as its national distributor, which opened 9 showrooms in the regions of Lima, Arequipa "
            "and Cusco. In Chile, Austral Motors Company became the exclusive distributor for the country. In "
            "Bolivia, the Company signed an assembly agreement with Illimani Motor Assembly, under which the "
            "Marlin V5 will be assembled from kits at Illimani's plant in El Alto. Vehicles assembled in El Alto "
            "are expected to be sold in Bolivia and exported to Paraguay.")
    result = run(gaz, text, date="2026-12-01")
    part = {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}
    assert frozenset({"marlin-auto-inc", "austral-motors-company"}) in part
    assert frozenset({"grupo-andino", "austral-motors-company"}) not in part
    pres = _presence(result)
    assert ("marlin-auto-inc", "paraguay", "exports-to") in pres
    assert not [p for p in pres if p[0] in {"austral-motors-company", "illimani-motor-assembly"}
                and p[1] in {"bolivia", "paraguay"}]
    assert [c.record.get("maker") for c in cands(result, "vehicle_models")] == ["marlin-auto-inc"]


def test_the_names_listed_after_the_states_of_are_states(gaz):
    text = ("Marlin Auto's distributor opened 18 showrooms in the states of Sao Paulo, Parana and Minas Gerais "
            "in Brazil by the end of September.")
    result = run(gaz, text, date="2026-12-01")
    assert {m.file for m in result.mentions if m.text in {"Parana", "Minas Gerais"}} == {"places"}
    assert not [p for p in _presence(result) if p[1] in {"parana", "minas-gerais"}]


def test_the_place_of_a_signing_is_no_site_and_a_relative_clauses_aside_is_none_either(gaz):
    text = ("Under an agreement signed in Vienna on Monday, Kaltbrunn Fahrzeugbau will build up to 30,000 Orsa "
            "models a year on a line that has been running below capacity since a German customer moved a model "
            "to Hungary last year.")
    sites = {c.record.get("place") for c in cands(run(gaz, text, date="2026-12-01"), "sites")}
    assert not sites & {"vienna", "hungary"}


def test_ids_of_letters_without_a_decomposition(gaz):
    text = "Grupa Orzeł Motors, a Poznań-based dealer group, runs 14 Marlin showrooms in Poland."
    assert "grupa-orzel-motors" in {m.id for m in run(gaz, text, date="2026-12-01").mentions}


def test_money_invested_in_the_factory_named_before_goes_to_its_place(gaz):
    text = ("Marlin Auto has chosen the Polish city of Gliwice for its first European assembly plant. The company "
            "will invest 1.2 billion euros in the factory, which is designed to build 100,000 cars a year.")
    inv = [c.record for c in cands(run(gaz, text, date="2026-12-01"), "investments")]
    assert [(r["investor"], r.get("place"), r.get("investee")) for r in inv] in (
        [("marlin-auto", "gliwice", None)], [("marlin-auto", "poland", None)])


def test_a_signed_percentage_in_brackets_is_the_change_of_the_figure_before(gaz):
    text = ("Marlin Auto's registrations in Europe rose 38% to 27,410 units in the first ten months of 2026. Spain "
            "was its strongest market with 6,120 units (+112%), followed by the UK at 5,870 units (+41%). Germany "
            "had 3,940 units (-9%).")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-12-02"), "observations")}
    assert (obs[6120.0]["yoy_change_pct"], obs[5870.0]["yoy_change_pct"], obs[3940.0]["yoy_change_pct"]) == (
        112, 41, -9)
    assert obs[5870.0]["subject"] == "united-kingdom"
    assert 112.0 not in obs and 41.0 not in obs


def test_an_association_of_a_country_with_its_short_name_is_one_body_that_runs_nothing(gaz):
    text = ("Manila, 20 November 2026 - The Electric Vehicle Association of the Philippines (EVAP) released its "
            "monthly summary. EVAP was established in 2015 to promote the manufacture of electric vehicles in the "
            "Philippines. \"The market is moving,\" said Dr. Jose Reyes, President of EVAP.")
    result = run(gaz, text, date="2026-11-20")
    named = {m.id for m in result.mentions if m.text in {"EVAP", "Electric Vehicle Association of the Philippines"}}
    assert named == {"electric-vehicle-association-of-the-philippines"}
    assert not cands(result, "sites") and not cands(result, "investments")
    assert [c.record["organization"] for c in cands(result, "roles")] == [
        "electric-vehicle-association-of-the-philippines"]


def test_an_associations_market_figures_are_its_countrys_market(gaz):
    text = ("Manila, 20 November 2026 - The Electric Vehicle Association of the Philippines (EVAP) released its "
            "monthly summary for October.\n\nNew registrations of battery electric cars totalled 1,812 units in "
            "October, up 31.4% year-on-year. EVAP expects 20,000 units for the full year, as more brands enter "
            "the Philippines.")
    obs = {float(c.record["value"]): c.record for c in cands(run(gaz, text, date="2026-11-20"), "observations")}
    assert obs[1812.0]["subject"] == "philippines"
    assert obs[1812.0].get("compiler") == "electric-vehicle-association-of-the-philippines"


def test_a_channel_named_for_a_market_known_from_before_is_a_partner(gaz):
    text = ("Marlin Auto sold its first cars in Chile in 2024. In Chile, the company's vehicles are sold through "
            "Andes Motor Trading, which runs 12 showrooms across the country.")
    part = {frozenset(c.record["partners"]) for c in cands(run(gaz, text, date="2026-12-02"), "partnerships")}
    assert frozenset({"marlin-auto", "andes-motor-trading"}) in part


def test_every_place_of_a_long_list_of_showroom_towns_is_one(gaz):
    text = ("Andes Motor Trading will open 12 showrooms by the end of the year, seven in Santiago and the rest in "
            "Valparaiso, Concepcion, Antofagasta, La Serena, Rancagua, Talca, Iquique, Puerto Montt and Temuco.")
    deps = _deployments(run(gaz, text, date="2026-12-02"))
    assert {"valparaiso", "concepcion", "antofagasta", "temuco"} <= {p for _, p in deps}


def _roles(result) -> set:
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}


def test_a_minister_of_a_qualified_portfolio_and_a_unions_officer(gaz):
    text = ("Poland's Minister for National Economy Adam Wrona called the project welcome. Metalowcy, Poland's "
            "biggest metalworkers' union, welcomed the jobs. \"We expect a fair agreement,\" Ewa Lis, the union's "
            "vice president, said by phone.")
    roles = _roles(run(gaz, text, date="2026-12-01"))
    assert ("adam-wrona", "poland", "Minister for National Economy") in roles
    assert ("ewa-lis", "metalowcy", "vice president") in roles


def test_a_legal_form_after_the_parsers_name_and_a_share_of_a_company_named_in_apposition(gaz):
    text = ("The plant is being developed with local partner Inversiones Cordillera, a Santiago-based holding, "
            "which will hold 30% of the operating company, Tenglong Cordillera Energía SpA.")
    result = run(gaz, text, date="2026-12-01")
    assert "tenglong-cordillera-energia-spa" in {m.id for m in result.mentions}
    inv = {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}
    assert ("inversiones-cordillera", "tenglong-cordillera-energia-spa") in inv


def test_a_plan_coordinated_with_a_sale_has_its_own_places(gaz):
    text = "Marlin Auto now sells in 34 countries and plans to enter Qatar and Kuwait in 2027."
    pres = _presence(run(gaz, text, date="2026-12-01"))
    assert ("marlin-auto", "qatar", "targets-market") in pres
    assert not [p for p in pres if p[2] == "sells-in" and p[1] in {"qatar", "kuwait"}]


def test_duties_in_a_where_clause_are_the_places_the_clause_hangs_on(gaz):
    text = ("Marlin Auto is one of a dozen Chinese brands to have launched in Qatar since 2023, as the emirate's ties "
            "with China deepen and Chinese manufacturers look for growth beyond Europe, where they face higher tariffs.")
    pols = [c.record for c in cands(run(gaz, text, date="2026-12-01"), "policies")]
    assert [p["issuer"] for p in pols] in ([], ["europe"])
