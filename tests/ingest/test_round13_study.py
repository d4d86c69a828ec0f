"""Forms found on the round-13 samples (a dealers' story, a JV approval, a taxi fleet order, a plant in Indonesia,
monthly sales and port arrivals, pick-up imports) once their first runs were recorded. The sentences are written
for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _obs(result) -> dict[float, dict]:
    return {float(c.record["value"]): c.record for c in cands(result, "observations")}


def _when(rec: dict) -> tuple[str | None, str | None]:
    return rec.get("period_start"), rec.get("period_end")


def test_a_share_in_brackets_after_a_count_is_that_counts_share(gaz):
    text = ("In October, Marlin Auto sold 4,210 cars in Peru. Kestrel Motors followed with 3,020 units (9.4%), "
            "Harbin Ardent Automobile with 2,115 (6.6%) and Velmora Motors with 1,980 (6.2%).")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    for share, maker in ((9.4, "kestrel-motors"), (6.6, "harbin-ardent-automobile"), (6.2, "velmora-motors")):
        assert (obs[share]["subject"], obs[share].get("measure"), _when(obs[share])) == (
            maker, "market-share", ("2026-10", "2026-10")), share


def test_a_count_with_its_unit_in_a_ranking_takes_the_measure_of_the_count_before(gaz):
    text = ("Registrations of new cars in Peru reached 16,400 in October. Marlin Auto led the table with 2,950 "
            "units, followed by Kestrel Motors with 2,010 units.")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert obs[2950.0].get("measure") == obs[2010.0].get("measure") == obs[16400.0].get("measure") is not None


def test_a_flow_without_a_period_takes_the_month_the_article_opens_with(gaz):
    text = ("LIMA, Nov 20 - Chinese brands sold a third of the new cars bought in Peru in October, dealers' figures "
            "showed.\n\nSales of new light vehicles rose 8% from a year earlier to 16,400 units, the association "
            "said.")
    assert _when(_obs(run(gaz, text, date="2026-11-20"))[16400.0]) == ("2026-10", "2026-10")


def test_a_month_the_article_opens_with_after_its_date_is_no_reporting_period(gaz):
    text = ("LIMA, Nov 20 - Marlin Auto will open a parts centre in Peru in December, it said.\n\n"
            "Sales of its cars rose to 1,640 units, the company said.")
    assert _when(_obs(run(gaz, text, date="2026-11-20"))[1640.0]) != ("2026-12", "2026-12")


def test_a_ranking_in_its_own_paragraph_is_in_the_market_whose_total_came_just_before(gaz):
    text = ("SANTIAGO, Nov 20 - Chinese brands gained ground in Chile and Peru in October.\n\n"
            "In Peru, sales of new cars rose 8% to 16,400 units in October, the association said.\n\n"
            "Marlin Auto led with 2,950 units, followed by Kestrel Motors with 2,010 units.")
    presence = {(c.record["exporter"], c.record["activity"], c.record["market"])
                for c in cands(run(gaz, text, date="2026-11-20"), "market_presence")}
    assert {("marlin-auto", "sells-in", "peru"), ("kestrel-motors", "sells-in", "peru")} <= presence


def test_a_dateline_filed_from_two_cities_and_its_agency_sell_nothing(gaz):
    text = ("BOGOTA/QUITO, Nov 20 (Reuters) - Chinese carmakers sold more than a third of the new cars bought in "
            "Colombia in October, dealers said.")
    result = run(gaz, text, date="2026-11-20")
    assert not cands(result, "market_presence")
    places = {c.record["id"]: c.record for c in cands(result, "places")}
    assert {"bogota", "quito"} <= set(places)  # two cities, not one company "BOGOTA/QUITO"
    assert "colombia" not in (places["quito"].get("located_in") or [])  # (the story's country is not the second's)


def _orgs(result) -> dict[str, dict]:
    return {c.record["id"]: c.record for c in cands(result, "organizations")}


def test_a_body_named_with_of_and_its_place_is_one_body_and_its_short_name_written_as_a_word_is_its_alias(gaz):
    text = ("Figures from the National Association of Bus Builders of Ghana (Nabbg) showed a rise. Nabbg said "
            "imports fell. The National Transport Federation of Kenya (NTFK) agreed.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert orgs["national-association-of-bus-builders-of-ghana"]["kind"] == "industry-association"
    assert "Nabbg" in orgs["national-association-of-bus-builders-of-ghana"].get("aliases", [])
    assert "NTFK" in orgs["national-transport-federation-of-kenya"].get("aliases", [])
    assert "nabbg" not in orgs and "ntfk" not in orgs


def test_a_body_name_stops_before_a_title_after_it(gaz):
    text = "The Energy Regulatory Commission of Ghana Spokesperson Ama Mensah said the tariff would stay."
    assert "energy-regulatory-commission-of-ghana-spokesperson" not in _orgs(run(gaz, text, date="2026-11-20"))


def test_a_part_of_a_country_the_parser_calls_a_person_is_a_place(gaz):
    text = ("Kestrel Motors opened a plant in Rudny, Kostanay Oblast, on Monday. West Kalimantan Governor Arif Suganda "
            "attended, and so did officials from Uttar Pradesh.")
    result = run(gaz, text, date="2026-11-20")
    places = {c.record["id"]: c.record["kind"] for c in cands(result, "places")}
    people = {c.record["id"] for c in cands(result, "people")}
    assert places.get("kostanay-oblast") in {"region", "province"} and places.get("uttar-pradesh") == "state"
    assert "west-kalimantan" in places and not people & {"west-kalimantan", "kostanay-oblast", "uttar-pradesh"}


def _partners(result) -> set[frozenset]:
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}


def test_a_role_noun_set_before_a_name_makes_its_possessor_a_partner(gaz):
    text = ("The depot, to be built with Marlin Auto's Kenyan distributor Simba Trading Ltd., will hold 900 cars. "
            "Kestrel Motors, which arrived in Peru in May through local importer Andina Comercial S.A.C., ranked "
            "sixth.")
    partners = _partners(run(gaz, text, date="2026-11-20"))
    assert frozenset({"marlin-auto", "simba-trading-ltd"}) in partners
    assert frozenset({"kestrel-motors", "andina-comercial-s-a-c"}) in partners


def test_a_city_named_with_city_keeps_the_word_unless_the_rest_is_a_known_town(gaz):
    text = "Marlin Auto will build a plant at Nova City and open showrooms in Ho Chi Minh City and Qingdao City."
    places = {c.record["id"] for c in cands(run(gaz, text, date="2026-11-20"), "places")}
    assert {"nova-city", "ho-chi-minh-city"} <= places and "nova" not in places and "qingdao-city" not in places


def test_an_agreement_for_a_number_of_vehicles_is_an_order_of_the_signer_from_their_maker(gaz):
    text = ("The Lagos Transport Authority on Monday signed an agreement for 300 electric buses made by Kestrel "
            "Motors. A separate agreement for the depots was signed with Marlin Auto.")
    partners = _partners(run(gaz, text, date="2026-11-20"))
    assert frozenset({"lagos-transport-authority", "kestrel-motors"}) in partners
    assert frozenset({"lagos-transport-authority", "marlin-auto"}) not in partners


def test_we_in_a_quote_by_a_person_introduced_with_a_title_is_that_persons_organisation(gaz):
    text = ("The deal was signed in the presence of Liang Wenbo, Vice President of Kestrel Motors International.\n\n"
            "\"Africa is now our second-largest overseas market after Latin America,\" Liang said.")
    presence = {(c.record["exporter"], c.record["market"]) for c in cands(run(gaz, text, date="2026-11-20"),
                                                                          "market_presence")}
    assert ("kestrel-motors-international", "latin-america") in presence
    assert not {e for e, _ in presence} & {"liang", "liang-wenbo"}


def test_a_count_and_share_together_in_brackets_after_a_name_are_that_names(gaz):
    text = ("In October, Marlin Auto sold 3,100 pickups in Kenya. Kestrel Motors followed with 1,540 Rovers (12%), "
            "ahead of Harbin Ardent Automobile (1,210; 9.5%).")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert (obs[12.0]["subject"], obs[12.0].get("measure")) == ("kestrel-motors", "market-share")
    assert (obs[9.5]["subject"], obs[9.5].get("measure")) == ("harbin-ardent-automobile", "market-share")
    assert obs[1210.0].get("measure") == "sales-volume" and _when(obs[1210.0]) == ("2026-10", "2026-10")


def test_a_rankings_bracketed_counts_take_the_unit_of_its_first_count_even_small_ones(gaz):
    text = ("In Kenya, Nairobi has the largest network with 14 showrooms, followed by Mombasa (8), Kisumu (4) and "
            "Nakuru (3).")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert {obs[v]["unit"] for v in (14.0, 8.0, 4.0, 3.0)} == {"stores"}


def test_the_importer_named_with_its_title_works_with_the_carmaker_named_before(gaz):
    text = ("Kestrel Motors now sells cars in Israel. There it is represented by the importer Negev Mobility Ltd., "
            "which runs 12 showrooms.")
    assert frozenset({"kestrel-motors", "negev-mobility-ltd"}) in _partners(run(gaz, text, date="2026-11-20"))


def test_a_port_keeps_port_in_its_name(gaz):
    text = "The cars were shipped from Lianhua Port in Guangzhou and unloaded at Ras Bayda Port."
    places = {c.record["id"]: c.record["kind"] for c in cands(run(gaz, text, date="2026-11-20"), "places")}
    assert places.get("lianhua-port") == places.get("ras-bayda-port") == "port" and "lianhua" not in places


def test_a_dateline_on_a_line_of_its_own_gives_an_untitled_ministers_country(gaz):
    text = ("Nairobi ● Fri, November 20, 2026\n\n"
            "Chinese carmaker Marlin Auto opened a plant near Thika in Kenya on Thursday. Kenya expects more such "
            "plants. China's carmakers are building more plants abroad.\n\n"
            "Industry Minister Amani Wekesa said the plant would create 800 jobs.")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert ("amani-wekesa", "kenya") in roles


def test_a_share_held_with_no_stake_noun_is_a_share_also_for_a_second_holder_whose_verb_is_gapped(gaz):
    text = ("Under the deal, Tana River Motors will hold 60% in the joint venture, Tana Kestrel Mobility Ltd, and "
            "Kestrel Motors 40%.")
    result = run(gaz, text, date="2026-11-20")
    ventures = {frozenset(c.record["partners"]): c.record for c in cands(result, "partnerships")}
    venture = ventures[frozenset({"tana-river-motors", "kestrel-motors"})]  # (the second holder is a parent: its
    assert venture["kind"] == "joint-venture" and venture.get("majority_partner") == "tana-river-motors"  # share
    # is a figure of the venture, no investment of its own, as the corpus records a parent's share)
    orgs = _orgs(result)
    assert orgs["tana-kestrel-mobility-ltd"].get("parent") == "tana-river-motors"


def test_a_larger_town_the_parser_missed_after_a_preposition_or_a_listed_place_is_a_city(gaz):
    text = "Velmora Motors, which builds vans at Chakan and Nashik in India, will add a line at Thika."
    places = {c.record["id"] for c in cands(run(gaz, text, date="2026-11-20"), "places")}
    assert {"nashik", "thika"} <= places


def test_counts_in_brackets_behind_a_name_with_plus_or_minus_changes_are_ranked_counts_with_their_changes(gaz):
    text = ("Kestrel Motors registered 1,210 cars in Kenya in October. It is thus behind Marlin Auto (4,870 units, "
            "plus 36.2 percent) and Velmora Motors (2,950, minus 4.5 percent).")
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert obs[4870.0].get("measure") == obs[2950.0].get("measure") == obs[1210.0].get("measure") is not None
    assert (obs[4870.0].get("yoy_change_pct"), obs[2950.0].get("yoy_change_pct")) == (36.2, -4.5)


def test_md_before_a_name_after_a_companys_clause_is_its_managing_director(gaz):
    text = "Tana River Motors has signed up 40 dealers and plans 60 by 2027, MD Grace Wanjiru said."
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert ("grace-wanjiru", "tana-river-motors", "MD") in roles




def test_a_title_with_a_business_function_after_a_comma_is_one_title(gaz):
    text = "Liang Wenbo, vice-president, overseas markets at Kestrel Motors, said Kenya mattered."
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-11-20"), "roles")}
    assert ("liang-wenbo", "kestrel-motors", "vice-president, overseas markets") in roles


def test_where_the_goods_sold_are_assembled_is_no_market(gaz):
    text = ("Kestrel Motors currently sells three models here, including the Kestrel K5 compact SUV, which has been "
            "assembled since March under contract by Simba Assembly Ltd in Thika, Kenya.")
    presence = {(c.record["exporter"], c.record["market"]) for c in cands(run(gaz, text, date="2026-11-20"),
                                                                          "market_presence")}
    assert ("kestrel-motors", "kenya") not in presence


def test_a_site_in_a_country_beside_the_companys_site_in_one_of_its_towns_is_that_one(gaz):
    text = ("Kestrel Motors will assemble K5 SUVs in Thika, Kenya, from next year. Simba Assembly Ltd will also "
            "localise production of the larger Kestrel K7 in Kenya by 2028.")
    sites = {c.record["place"] for c in cands(run(gaz, text, date="2026-11-20"), "sites")
             if c.record["operator"] == ["kestrel-motors"]}
    assert sites == {"thika"}


def test_an_association_that_counts_a_market_sells_nothing_there(gaz):
    text = ("According to figures released today by the Kenya Motor Industry Association (KMIA), 9,412 new vehicles "
            "were sold in Kenya in October 2026, up 2.1 per cent on a year earlier.")
    presence = {c.record["exporter"] for c in cands(run(gaz, text, date="2026-11-20"), "market_presence")}
    assert "kenya-motor-industry-association" not in presence


def test_according_to_a_companys_short_name_is_no_news_agency(gaz):
    text = ("The importer Tana River Motors Import Ltd signed 14 dealers. About a third of the cars go to fleets, "
            "according to Tana.")
    orgs = _orgs(run(gaz, text, date="2026-11-20"))
    assert orgs["tana-river-motors-import-ltd"]["kind"] != "publisher" and "tana" not in orgs


def test_a_count_in_brackets_after_a_model_is_its_makers(gaz):
    text = "The Kestrel Motors Tana sold 846 units in Kenya in October, behind the BYD Atto 3 (2,140) and the MG ZS (1,288)."
    obs = _obs(run(gaz, text, date="2026-11-20"))
    assert (obs[2140.0]["subject"], obs[1288.0]["subject"]) == ("byd", "mg")


def test_a_local_partners_sale_at_home_is_the_sale_there_of_the_brand_it_works_with(gaz):
    text = ("Chinese carmaker Kestrel Motors has a partnership with Simba Trading Ltd. Simba Trading Ltd, which is "
            "based in Nairobi, sells cars in Kenya.")
    result = run(gaz, text, date="2026-11-20")
    presence = {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}
    assert presence == {("kestrel-motors", "kenya")}
    assert "simba-trading-ltd" in _orgs(result)  # (two mentions of one name, not one name joined across a full stop)


def test_a_state_named_with_state_before_its_government_title_is_a_state_and_the_titles_body(gaz):
    text = "The Kano State Commissioner for Commerce, Amina Bello, said the assembly plant would open in March."
    result = run(gaz, text, date="2026-11-20")
    roles = {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")}
    assert ("amina-bello", "kano-state") in roles
    assert {c.record["id"]: c.record["kind"] for c in cands(result, "places")}.get("kano-state") == "state"


def test_a_town_after_a_companys_full_name_and_a_comma_is_its_seat_not_a_partner(gaz):
    text = "Kestrel Werkzeugbau GmbH, Hilden, has signed a distribution agreement with Chinese carmaker Xpeng for Germany."
    result = run(gaz, text, date="2026-11-20")
    assert {c.record["id"]: c.record["kind"] for c in cands(result, "places")}.get("hilden") == "city"
    partners = _partners(result)
    assert partners == {frozenset({"kestrel-werkzeugbau-gmbh", "xpeng"})}
