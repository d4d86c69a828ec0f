"""Forms found on the round-17 samples (a Malaysian JV plant, Turkey's incentive and duties, a Doha robotaxi
launch, EU price undertakings, a Karachi CKD plant, a monthly overseas-sales story) once their unseen scores were
recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs
from tests.ingest.test_round16_study import _markets


def test_a_new_company_joined_by_the_parser_to_a_known_one_keeps_its_own_name(gaz):
    text = ("If that goes to plan, Velmora and Uber want to have 300 robotaxis on the road in Doha by the end of "
            "2028. Velmora chief executive Lin Qiao said so.")
    result = run(gaz, text, date="2026-11-20")
    assert "velmora" in _orgs(result) and not any("uber" in o for o in _orgs(result))
    assert {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")} == {
        ("lin-qiao", "velmora")}


def _invested(result) -> set[tuple[str, str]]:
    return {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}


def test_the_round_named_before_is_the_raisers_and_each_investor_listed_with_the_lead_invests(gaz):
    text = ("Velmora, a Chengdu-based robotaxi startup, has raised $120 million in a Series B round. The round was "
            "led by Orvane Capital, with participation from Dongfeng Motor and existing investor Pellio Partners, "
            "Velmora said on Monday.")
    assert _invested(run(gaz, text, date="2026-11-20")) >= {
        ("orvane-capital", "velmora"), ("dongfeng-motor", "velmora"), ("pellio-partners", "velmora")}


def test_a_weekday_after_a_verb_of_saying_dates_the_saying_even_in_a_sentence_about_the_future(gaz):
    text = ("Velmora Motors will set up a joint venture with Kedah Auto Holdings to build a plant in Perak, it said "
            "in a filing on Thursday evening.")
    result = run(gaz, text, date="2026-12-04")
    assert {c.record.get("announced_on") for c in cands(result, "partnerships")} == {"2026-12-03"}


def test_an_exchange_a_company_is_listed_on_runs_no_plant(gaz):
    text = ("Velmora Motors will set up a joint venture with Kedah Auto Holdings, a car distributor listed on "
            "Bursa Malaysia, to build a plant in the Kulim Hi-Tech Park, it said on Thursday.")
    result = run(gaz, text, date="2026-12-04")
    assert cands(result, "sites") and not [c for c in cands(result, "sites") if "bursa-malaysia" in c.record["operator"]]


def _deployed(result) -> set[tuple[str, str]]:
    return {(c.record["operator"], p) for c in cands(result, "deployments") for p in c.record["places"]}


def test_a_name_coordinated_with_a_town_after_in_is_a_place_and_showrooms_across_places_are_stores(gaz):
    text = ("Kedah Auto Holdings has sold Velmora cars since May and now sells them through 14 showrooms across "
            "the country and in Sabah and Labuan.")
    result = run(gaz, text, date="2026-12-04")
    places = {c.record["id"] for c in cands(result, "places")}
    assert "labuan" in places
    assert {p for _, p in _deployed(result)} >= {"sabah", "labuan"}
    text = "The report was written by Ana Ruiz in Lima and Marco Quispe in Cusco."
    assert not {c.record["id"] for c in cands(run(gaz, text, date="2026-12-04"), "places")} & {"marco-quispe"}


def test_a_country_a_verb_joins_to_a_company_is_not_its_home(gaz):
    text = ("Velmora Motors exported 86,400 cars in the first ten months. Shipments to the Gulf doubled, while Peru "
            "and Chile have become its biggest markets in South America.")
    assert {("sells-in", "velmora-motors", "peru"), ("sells-in", "velmora-motors", "chile")} <= _markets(
        run(gaz, text, date="2026-12-04"))


def test_a_ship_built_somewhere_is_no_export_there(gaz):
    text = ("Velmora Motors' shipping arm took delivery of its fourth car carrier, a 7,000-vehicle ship built by "
            "Jinling Shipyard in Nanjing.")
    assert not {m for m in _markets(run(gaz, text, date="2026-12-04")) if m[2] == "nanjing"}


def test_a_romance_group_name_is_called_by_its_middle_word(gaz):
    text = ("In Spain, Velmora Motors is building its first European plant with Grupo Carrion Automocion, a "
            "Valencia-based logistics group. Their joint venture, in which Carrion holds 51% and Velmora 49%, is "
            "investing 500 million euros in a factory in Sagunto.")
    result = run(gaz, text, date="2026-12-04")
    assert "carrion" not in _orgs(result)
    assert any(set(c.record["partners"]) == {"velmora-motors", "grupo-carrion-automocion"}
               for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture")


def _located(result) -> dict[str, list[str] | None]:
    return {c.record["id"]: c.record.get("located_in") for c in cands(result, "places")}


def test_a_government_named_once_does_not_host_a_plant_the_world_places_elsewhere(gaz):
    text = ("France's trade minister criticised the decision. German Economy Minister Jan Vogt welcomed it.\n\n"
            "Until then, Velmora Motors will keep supplying Europe from its factory in Xiangtan, in Hunan "
            "province, and from its plant near Yangzhou.")
    located = _located(run(gaz, text, date="2026-12-04"))
    assert located.get("hunan") != ["france"] and located.get("yangzhou") != ["france"]
    text = "China's Ministry of Commerce protested. Velmora Motors will assemble cars at a plant near Chennai."
    assert _located(run(gaz, text, date="2026-12-04")).get("chennai") != ["china"]


def test_a_name_after_joint_venture_and_a_comma_is_the_ventures_company(gaz):
    text = ("In Spain, Velmora Motors is building its first European plant with Grupo Carrion Automocion. Their "
            "joint venture, Carrion Velmora Automoviles, in which Carrion holds 51% and Velmora 49%, is investing "
            "500 million euros in a factory in Sagunto.")
    result = run(gaz, text, date="2026-12-04")
    assert _orgs(result)["carrion-velmora-automoviles"]["kind"] == "joint-venture-company"
    assert not {c.record["id"] for c in cands(result, "people")} & {"carrion-velmora-automoviles"}


def test_one_plant_of_a_ventures_family_told_at_a_country_and_at_its_town_is_one_site(gaz):
    text = ("In Spain, Velmora Motors is building its first European plant with Grupo Carrion Automocion. Their "
            "joint venture, Carrion Velmora Automoviles, in which Carrion holds 51% and Velmora 49%, is investing "
            "500 million euros in a factory in Sagunto, Spain.")
    places = {c.record["place"] for c in cands(run(gaz, text, date="2026-12-04"), "sites")}
    assert places == {"sagunto"}


def test_a_count_after_a_name_in_a_headline_list_is_no_part_of_the_name(gaz):
    text = ("Chinese carmakers' Nov overseas sales: BYD 118,412, Chery 131,506, Geely 41,872, Yinhu 14,205\n\n"
            "China's NEV passenger car exports slipped from October's high. Yinhu's Thai plant doubled output.\n\n"
            "Yinhu Auto's overseas deliveries reached 14,205 units in November.")
    orgs = _orgs(run(gaz, text, date="2026-12-04"))
    assert not [o for o in orgs if any(ch.isdigit() for ch in o)]


def test_its_in_apposition_to_a_name_is_not_that_names(gaz):
    text = ("Velmora Motors exported 10,384 vehicles, up 44.6 percent. Its overseas sales are handled by Velmora "
            "Global, its joint venture with Stellantis.")
    pairs = {frozenset(c.record["partners"]) for c in cands(run(gaz, text, date="2026-12-04"), "partnerships")
             if c.record["kind"] == "joint-venture"}
    assert pairs == {frozenset({"velmora-motors", "stellantis"})}


def test_places_listed_as_the_top_markets_for_a_countrys_cars_are_its_destinations(gaz):
    text = ("By destination, Peru, the UK and Kenya were the top three markets for Chinese NEVs in the first "
            "10 months, according to customs data.")
    assert {("exports-to", "china", p) for p in ("peru", "united-kingdom", "kenya")} <= _markets(
        run(gaz, text, date="2026-12-04"))
    text = "The UK remained the biggest market for Chinese brands in October."
    assert not {m for m in _markets(run(gaz, text, date="2026-12-04")) if m[1] == "china"}


def test_a_byline_of_our_staff_is_no_company(gaz):
    text = ("Velmora, Kedah Auto to assemble EVs at Kulim\n\nOur Staff Reporter\n\nKARACHI: Velmora Motors and "
            "the Karachi-based Kedah Auto Group on Thursday signed an agreement to assemble electric cars at Kulim.")
    result = run(gaz, text, date="2026-12-04")
    assert not [o for o in _orgs(result) if o.startswith("our")]


def test_a_plan_given_up_later_in_its_own_sentence_is_dropped(gaz):
    text = ("Kedah Auto Group had signed a memorandum with another Chinese company in 2024 to assemble electric "
            "buses at Port Klang, but the plan was shelved last year.")
    sites = cands(run(gaz, text, date="2026-12-04"), "sites")
    assert sites and {c.record.get("status") for c in sites} == {"dropped"}


def test_a_zone_named_after_a_town_lies_in_it_and_its_site_keeps_the_sentences_price(gaz):
    text = ("Velmora Motors will assemble EVs at Kulim, it said. On Thursday Velmora Motors and the Karachi-based "
            "Kedah Auto Group signed a joint venture agreement to assemble electric vehicles at the Kulim Special "
            "Economic Zone, with an investment of $50 million.")
    result = run(gaz, text, date="2026-12-04")
    assert _located(result).get("kulim-special-economic-zone") == ["kulim"]
    assert "kulim-special-economic-zone" in {c.record["place"] for c in cands(result, "sites")}
    assert {c.record.get("amount") for c in cands(result, "investments")} == {50000000}


def test_rupees_written_rs_under_a_karachi_dateline_are_pakistani(gaz):
    text = ("Velmora to assemble cars in Sindh\n\nKARACHI: Velmora Motors will build a plant at Port Qasim with an "
            "investment of Rs15 billion, the company said on Thursday.")
    result = run(gaz, text, date="2026-12-04")
    assert {c.record.get("currency") for c in cands(result, "investments")} == {"pkr"}
    text = "Velmora to assemble cars in Gujarat\n\nVelmora Motors will invest Rs15 billion in a plant at Sanand."
    assert {c.record.get("currency") for c in cands(run(gaz, text, date="2026-12-04"), "investments")} == {"inr"}


def test_a_places_article_inside_a_title_stays(gaz):
    text = '"Doha is next," said Ana Ruiz-Moreau, Uber\'s general manager for the Gulf, in a statement.'
    titles = {c.record["title"] for c in cands(run(gaz, text, date="2026-12-04"), "roles")}
    assert titles == {"general manager for the Gulf"}


def test_a_titles_remit_after_it_is_part_of_it(gaz):
    text = ('Velmora Motors will build a plant.\n\n"We want a car built nearby," Lin Qiao, Velmora\'s vice-president '
            'in charge of international business, told the Post.')
    titles = {c.record["title"] for c in cands(run(gaz, text, date="2026-12-04"), "roles")}
    assert titles == {"vice-president in charge of international business"}


def test_a_public_body_named_again_by_its_head_noun_before_a_title_is_that_body(gaz):
    text = ("The European Commission accepted two offers on Thursday. \"It is binding,\" Commission trade "
            "spokesperson Anna Berglund told reporters.")
    result = run(gaz, text, date="2026-12-04")
    assert {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")} == {
        ("anna-berglund", "european-commission")}


def test_a_pakistani_fiscal_year_runs_from_july_and_its_first_months_are_read(gaz):
    text = ("Velmora to assemble cars in Sindh\n\nKARACHI: Car sales rose 31pc to 71,906 units in 5MFY27, and Velmora "
            "Motors aims to sell 4,000 cars in FY27, it said on Thursday.")
    periods = {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(run(gaz, text, date="2026-12-04"), "observations")}
    assert (71906, "2026-07", "2026-11") in periods and (4000, "2026-07", "2027-06") in periods


def test_a_bracketed_conversion_in_millions_keeps_its_scale(gaz):
    text = "Velmora Motors will invest Rs15 billion ($53.4m) in a plant at Port Qasim."
    values = {c.record["value"] for c in cands(run(gaz, text, date="2026-12-04"), "observations")}
    assert 53.4 not in values


def test_the_first_months_of_the_current_fiscal_year_start_at_its_first_month(gaz):
    text = ("Velmora to assemble cars in Sindh\n\nKARACHI: Velmora Motors sold 1,384 cars in the first five months "
            "of the current fiscal year, it said on Thursday.")
    periods = {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(run(gaz, text, date="2026-12-04"), "observations")}
    assert (1384, "2026-07", "2026-11") in periods
