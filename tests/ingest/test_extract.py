"""Each family of extraction rules on small texts written for these tests; offsets point at the exact words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nevkg.ingest.extract import extract, find_periods, find_statistics, split_sentences


def run(gaz, text, date="2026-03-15"):
    return extract(text, gaz, article_date=date, source_id="test-source")


def cands(result, file):
    return [c for c in result.candidates if c.file == file]


def only(result, file):
    found = cands(result, file)
    assert len(found) == 1, [c.record for c in found]
    return found[0]


def assert_spans_exact(text, result):
    """Every span of every candidate and mention lies inside the text on word boundaries."""
    for c in result.candidates:
        for s, e in c.spans:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
            assert s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())
            assert e == len(text) or not (text[e - 1].isalnum() and text[e].isalnum())
    for m in result.mentions:
        assert text[m.start:m.end] == m.text


# ------------------------------------------------------------------------------------------ entities
def test_known_entities_by_label_and_alias_with_exact_offsets(gaz):
    text = "Shipments from the Guangdong Province plants of BYD and GAC Group went to Mexico and the UAE."
    result = run(gaz, text)
    found = {m.id: text[m.start:m.end] for m in result.mentions}
    assert found == {"guangdong": "Guangdong Province", "byd": "BYD", "gac-group": "GAC Group",
                     "mexico": "Mexico", "united-arab-emirates": "UAE"}
    assert all(m.known for m in result.mentions)
    assert_spans_exact(text, result)


def test_known_names_match_case_as_written(gaz):
    result = run(gaz, "Buyers around the world like them.")
    assert not result.mentions  # 'world' is not the region 'World'


@pytest.mark.parametrize("text, name, file, kind", [
    ("Yunfeng Motors opened a showroom.", "Yunfeng Motors", "organizations", "automaker"),
    ("Orders went to Kaixuan Group last week.", "Kaixuan Group", "organizations", "company"),
    ("Shares of Lumen Battery Technology rose.", "Lumen Battery Technology", "organizations", "technology-company"),
    ("Talks with Hongri Auto Parts Co., Ltd. ended.", "Hongri Auto Parts Co., Ltd.", "organizations", "company"),
    ("Cars left Lianyun Port on Monday.", "Lianyun Port", "places", "port"),
])
def test_new_entities_from_suffix_patterns(gaz, text, name, file, kind):
    result = run(gaz, text)
    c = next(c for c in cands(result, file) if c.new)
    assert c.record["label"] in {name, name.rsplit(" ", 1)[0]}
    assert c.record["kind"] == kind
    s, e = c.spans[0]
    assert text[s:e] == name
    assert c.status == "proposed" and 0 < c.confidence < 1


def test_customs_province_and_city_patterns(gaz):
    text = "Weihai Customs said exports from Weihai City in Shandong Province rose."
    result = run(gaz, text)
    customs = next(c for c in cands(result, "organizations") if c.id == "weihai-customs")
    assert customs.record["kind"] == "customs-office"
    assert customs.record["parent"] == "general-administration-of-customs"
    places = {c.id: c.record for c in cands(result, "places")}
    assert places["weihai"] == {"id": "weihai", "label": "Weihai", "aliases": ["Weihai City"], "kind": "city",
                                "located_in": ["shandong"], "sources": ["test-source"]}
    assert places["shandong"]["kind"] == "province" and places["shandong"]["aliases"] == ["Shandong Province"]


def test_quoted_model_name_gets_its_maker(gaz):
    text = 'Yunfeng Motors began selling its "Aurora S5" SUV in Thailand.'
    model = only(run(gaz, text), "vehicle_models")
    assert model.record["label"] == "Aurora S5" and model.record["maker"] == "yunfeng-motors"
    s, e = model.spans[0]
    assert text[s:e] == "Aurora S5"


def test_model_without_maker_is_incomplete(gaz):
    model = only(run(gaz, 'Dealers praised the "Aurora S5" sedan.'), "vehicle_models")
    assert model.status == "incomplete" and model.missing == ["maker"]


def test_a_longer_name_of_a_known_entity_becomes_an_alias(gaz):
    text = "Xiaomi Auto Technology said orders were strong."
    c = only(run(gaz, text), "organizations")
    assert c.merge_into == "xiaomi" and c.new is False
    assert c.record["aliases"] == ["Xiaomi Auto Technology"]


def test_unknown_country_from_the_built_in_list(gaz):
    c = next(c for c in cands(run(gaz, "Exports to Uruguay rose."), "places"))
    assert c.record == {"id": "uruguay", "label": "Uruguay", "kind": "country", "iso_code": "UY",
                        "sources": ["test-source"]}


# ---------------------------------------------------------------------------------------- statistics
@pytest.mark.parametrize("text, words, value, unit, bound, approx", [
    ("Sales hit 1.35 million vehicles.", "1.35 million vehicles", 1350000, "vehicles", None, False),
    ("Exports were worth 6.82 billion yuan.", "6.82 billion yuan", 6820000000, "cny", None, False),
    ("Exports reached 583,000 units.", "583,000 units", 583000, "vehicles", None, False),
    ("Exports were $3.2 billion.", "$3.2 billion", 3200000000, "usd", None, False),
    ("It sold more than 40,000 cars.", "more than 40,000 cars", 40000, "vehicles", "lower", False),
    ("It sold over 2 million EVs.", "over 2 million EVs", 2000000, "vehicles", "lower", False),
    ("It sold nearly 130,000 vehicles.", "nearly 130,000 vehicles", 130000, "vehicles", None, True),
    ("It sold about 9,800 electric pickups.", "about 9,800 electric pickups", 9800, "vehicles", None, True),
    ("It sold less than 5,000 units.", "less than 5,000 units", 5000, "vehicles", "upper", False),
    ("Its share was 48.4 percent.", "48.4 percent", Decimal("48.4"), "percent", None, False),
    ("The brand opened 150 stores.", "150 stores", 150, "stores", None, False),
    ("It sells in 125 countries and regions.", "125 countries and regions", 125, "countries-and-regions", None,
     False),
])
def test_numbers_with_units_scales_and_qualifiers(text, words, value, unit, bound, approx):
    st = find_statistics(text)[0]
    assert text[st.start:st.end] == words
    assert st.value == Decimal(value) and st.unit == unit and st.bound == bound and st.approximate is approx


@pytest.mark.parametrize("text", ["The SU7 Ultra debuted in 2025.", "On Jan. 14, 2025 it rained.",
                                  "Full-Domain AI 2.0 ships soon.", "It ranked 3rd overall."])
def test_bare_numbers_are_not_figures(gaz, text):
    assert not cands(run(gaz, text), "observations")


@pytest.mark.parametrize("text, change, ybound", [
    ("Ningbo exported 1,000 vehicles in May, up 48.4 percent year on year.", 48.4, None),
    ("Ningbo exported 1,000 vehicles in May, a year-on-year increase of 80%.", 80, None),
    ("Ningbo exported 1,000 vehicles in May, surging 110 percent from a year earlier.", 110, None),
    ("Ningbo exported 1,000 vehicles in May, down 6.3 percent year on year.", -6.3, None),
    ("Ningbo exported 1,000 vehicles in May, a year-on-year jump of more than three times.", 200, "lower"),
    ("Ningbo exported 1,000 vehicles in May, more than doubled from a year earlier.", 100, "lower"),
])
def test_year_on_year_change_attaches_to_its_figure(gaz, text, change, ybound):
    obs = only(run(gaz, text), "observations")
    assert obs.record["value"] == 1000
    assert Decimal(str(obs.record["yoy_change_pct"])) == Decimal(str(change))
    assert obs.record.get("yoy_bound") == ybound
    assert_spans_exact(text, run(gaz, text))


def test_a_change_in_another_clause_does_not_attach(gaz):
    text = "BYD delivered 5,000 cars to Europe in July, while XPeng's deliveries rose 30 percent."
    byd = next(c for c in cands(run(gaz, text), "observations") if c.record.get("subject") == "byd")
    assert "yoy_change_pct" not in byd.record


@pytest.mark.parametrize("text, measure, unit", [
    ("Ningbo exported 2,000 vehicles in May 2026.", "export-volume", "vehicles"),
    ("Ningbo's exports were worth 3 billion yuan in May 2026.", "export-value", "cny"),
    ("BYD's overseas sales reached 67,025 units in February 2025.", "overseas-sales", "vehicles"),
    ("BYD sold 300,000 vehicles in May 2026.", "sales-volume", "vehicles"),
    ("XPeng delivered 45,000 vehicles overseas in 2025.", "overseas-deliveries", "vehicles"),
    ("Geely's NEV penetration rate reached 57 percent in February 2026.", "nev-penetration-rate", "percent"),
    ("In May 2026 China exported 500,000 vehicles, with NEVs accounting for more than 40 percent of the total.",
     "export-share", "percent"),
    ("BYD produced 400,000 vehicles in May 2026.", "production-volume", "vehicles"),
])
def test_measure_from_nearby_cues_and_unit(gaz, text, measure, unit):
    obs = cands(run(gaz, text), "observations")[-1]
    assert obs.record["measure"] == measure and obs.record["unit"] == unit


def test_subject_compiler_scope_and_destination(gaz):
    text = ("According to the China Association of Automobile Manufacturers, Zhejiang exported 98,000 NEVs "
            "to Russia in the first two months of 2026.")
    obs = only(run(gaz, text), "observations")
    r = obs.record
    assert (r["subject"], r["compiler"], r["scope"], r["destination"]) == ("zhejiang", "caam", "nev", "russia")
    assert (r["period_start"], r["period_end"]) == ("2026-01", "2026-02") and "period_inferred" not in r
    assert_spans_exact(text, run(gaz, text))


def test_a_figure_without_period_is_incomplete(gaz):
    obs = only(run(gaz, "Ningbo exported 2,000 vehicles.", date=None), "observations")
    assert obs.status == "incomplete" and "period" in obs.missing


# ------------------------------------------------------------------------------------------- periods
@pytest.mark.parametrize("text, date, start, end, inferred", [
    ("in the first two months of 2026", "2026-03-10", "2026-01", "2026-02", False),
    ("during the first two months of this year", "2026-03-10", "2026-01", "2026-02", True),
    ("in November", "2026-01-10", "2025-11", "2025-11", True),
    ("in February", "2026-03-10", "2026-02", "2026-02", True),
    ("from January to February", "2026-03-10", "2026-01", "2026-02", True),
    ("January-November 2025", "2026-01-10", "2025-01", "2025-11", False),
    ("last year", "2026-03-10", "2025", "2025", True),
    ("this year", "2026-03-10", "2026", "2026", True),
    ("last month", "2026-03-10", "2026-02", "2026-02", True),
    ("in the first quarter of 2026", None, "2026-01", "2026-03", False),
    ("in the first half of last year", "2026-03-10", "2025-01", "2025-06", True),
    ("in the first three quarters", "2025-12-01", "2025-01", "2025-09", True),
    ("in 2024", None, "2024", "2024", False),
    ("in November last year", "2026-03-10", "2025-11", "2025-11", True),
])
def test_periods_resolved_against_the_article_date(text, date, start, end, inferred):
    p = find_periods(text, 0, date)[0]
    assert (p.period_start, p.period_end, p.inferred) == (start, end, inferred)
    assert text[p.start:p.end] in text and p.text == text[p.start:p.end]


def test_last_year_in_a_statistic_is_the_previous_year_and_marked_inferred(gaz):
    text = "Guangzhou exported 139,000 electric vehicles last year."
    obs = only(run(gaz, text, date="2026-02-11"), "observations")
    assert (obs.record["period_start"], obs.record["period_end"]) == ("2025", "2025")
    assert obs.record["period_inferred"] is True


def test_a_base_of_comparison_is_not_a_period():
    assert not find_periods("up 12 percent compared with last year", 0, "2026-01-01")
    assert [p.text for p in find_periods("in 2025, up 5 percent from 2024", 0, None)] == ["2025"]


def test_dates_are_not_reporting_periods():
    p = find_periods("On February 9th it said", 0, "2026-02-11")[0]
    assert p.date and p.period_start == "2026-02-09"


def test_sentences_do_not_split_after_abbreviations():
    text = "Chery Automobile Co., Ltd. grew. On Jan. 14 it sold more. U.S. dollars fell."
    assert [text[s:e] for s, e, _ in split_sentences(text)] == [
        "Chery Automobile Co., Ltd. grew.", "On Jan. 14 it sold more.", "U.S. dollars fell."]


# ------------------------------------------------------------------------------------------ relations
def test_joint_venture_with(gaz):
    text = "Chery formed a joint venture with Spain's Ebro in 2024."
    c = only(run(gaz, text), "partnerships")
    assert c.record["kind"] == "joint-venture" and c.record["partners"] == ["chery", "ebro"]
    assert [text[s:e] for s, e in c.spans] == ["Chery", "joint venture", "Ebro"]


@pytest.mark.parametrize("text, kind", [
    ("WeRide signed a strategic cooperation agreement with Uber.", "strategic-cooperation"),
    ("WeRide announced a partnership with Uber.", "cooperation"),
    ("WeRide and Uber formed an alliance.", "alliance"),
])
def test_partnership_and_cooperation_with(gaz, text, kind):
    c = only(run(gaz, text), "partnerships")
    assert c.record["kind"] == kind and set(c.record["partners"]) == {"weride", "uber"}


def test_factory_in_place(gaz):
    text = "BYD is building a factory in Indonesia."
    c = only(run(gaz, text), "sites")
    assert c.record["operator"] == ["byd"] and c.record["place"] == "indonesia"
    assert c.record["kind"] == "factory" and c.record["status"] == "under-construction"


def test_exports_to_a_list_of_markets(gaz):
    text = "Geely exports NEVs to Russia, Mexico and Brazil."
    found = {(c.record["exporter"], c.record["market"], c.record["activity"]) for c in cands(run(gaz, text),
                                                                                              "market_presence")}
    assert found == {("geely", m, "exports-to") for m in ("russia", "mexico", "brazil")}


def test_delivered_to_and_launched_in(gaz):
    result = run(gaz, "XPeng delivered 500 cars to Norway. Xiaomi launched its sedan in Singapore.")
    found = {(c.record["exporter"], c.record["market"], c.record["activity"])
             for c in cands(result, "market_presence")}
    assert found == {("xpeng", "norway", "delivers-to"), ("xiaomi", "singapore", "entered")}


def test_deployed_in(gaz):
    text = "WeRide deployed over 200 robotaxis in Abu Dhabi."
    c = only(run(gaz, text), "deployments")
    r = c.record
    assert (r["kind"], r["operator"], r["places"], r["count"], r["count_unit"], r["count_bound"]) == (
        "robotaxi-fleet", "weride", ["abu-dhabi"], 200, "vehicles", "lower")


def _pairs(result):
    return {(c.record["kind"], frozenset(c.record["partners"])) for c in cands(result, "partnerships")}


@pytest.mark.parametrize("text, kind, pair", [
    ("Chery and Ebro signed a joint venture agreement on Friday.", "joint-venture", {"chery", "ebro"}),
    ("Chery has inked a distribution deal with Ebro.", "cooperation", {"chery", "ebro"}),
    ("WeRide will add 500 cars under an agreement with Uber.", "cooperation", {"weride", "uber"}),
    ("In Spain, the carmaker is working with Ebro on a new model.", "cooperation", {"chery", "ebro"}),
    ("Chery, whose plant is run together with Ebro, grew fast.", "cooperation", {"chery", "ebro"}),
    ("XPeng said on Monday it had teamed up with Uber.", "cooperation", {"xpeng", "uber"}),
    ("The partnership between Chery and Ebro dates from 2024.", "cooperation", {"chery", "ebro"}),
])
def test_partnership_phrasings(gaz, text, kind, pair):
    result = run(gaz, "Chery sells cars. " + text if "carmaker" in text else text)
    assert _pairs(result) == {(kind, frozenset(pair))}


@pytest.mark.parametrize("text", [
    "Chery said the deal with Ebro was under review.",
    "Chery exported 900 cars together with parts from Ebro.",
])
def test_a_deal_or_together_with_is_a_partnership_only_when_made_or_run(gaz, text):
    assert not cands(run(gaz, text), "partnerships")


def test_a_pair_keeps_its_most_specific_kind(gaz):
    result = run(gaz, "Chery and Ebro formed a joint venture. The partnership between Chery and Ebro is young.")
    assert _pairs(result) == {("joint-venture", frozenset({"chery", "ebro"}))}


def _sites(result):
    return {(op, c.record["place"]) for c in cands(result, "sites") for op in c.record["operator"]}


@pytest.mark.parametrize("text, expected", [
    ("Chery, which assembles compact SUVs in Malaysia, grew fast.", {("chery", "malaysia")}),
    ("BYD signed a deal with Uber to build electric cars in Mexico.", {("byd", "mexico")}),
    ("A battery plant in Jeddah, Saudi Arabia, built by BYD, opened in May.", {("byd", "jeddah")}),
    ("The plant in Thailand is operated by Chery.", {("chery", "thailand")}),
    ("Kits are shipped from BYD's plant in Shenzhen.", {("byd", "shenzhen")}),
])
def test_site_phrasings(gaz, text, expected):
    assert _sites(run(gaz, text)) == expected


def test_building_a_network_is_not_a_site(gaz):
    assert not cands(run(gaz, "Chery is building charging stations in Malaysia."), "sites")


def _presence(result):
    return {(c.record["exporter"], c.record["market"], c.record["activity"])
            for c in cands(result, "market_presence")}


@pytest.mark.parametrize("text, expected", [
    ("Chery shipped 900 cars abroad in May, with Chile and Peru its largest markets.",
     {("chery", "chile", "exports-to"), ("chery", "peru", "exports-to")}),
    ("Chery grew fast. Spain and Italy are now among its main destinations.",
     {("chery", "spain", "exports-to"), ("chery", "italy", "exports-to")}),
    ("Chery exported 900 cars in May. About 300 of them went to Chile.", {("chery", "chile", "exports-to")}),
    ("Geely Auto said it had entered the Chilean market with two models.", {("geely-auto", "chile", "entered")}),
    # (sold there since a date: it sells there and entered then)
    ("BYD grew fast. Its cars have been sold in Kuwait since 2023.", {("byd", "kuwait", "sells-in"),
                                                                       ("byd", "kuwait", "entered")}),
])
def test_market_presence_phrasings(gaz, text, expected):
    assert _presence(run(gaz, text)) == expected


def test_a_port_exports_to_the_destinations_of_its_shipments(gaz):
    text = ("Car exports through Xiuying Port rose to 9,000 vehicles in May. Most of the cargoes were bound for "
            "Australia and New Zealand.")
    assert _presence(run(gaz, text)) == {("xiuying-port", "australia", "exports-to"),
                                         ("xiuying-port", "new-zealand", "exports-to")}


def test_a_delivery_centre_is_not_a_delivery(gaz):
    result = run(gaz, "Chery opened a delivery centre in Chile together with Ebro.")
    assert not _presence(result)
    c = only(result, "deployments")
    assert c.record["kind"] == "delivery-centre" and c.record["places"] == ["chile"]


def test_demonym_market_and_home_cities(gaz):
    text = "Wuxing-based Lumen Motors, which is headquartered in Daqiao, entered the Peruvian market."
    result = run(gaz, text)
    found = {m.id: text[m.start:m.end] for m in result.mentions if m.file == "places"}
    assert found == {"wuxing": "Wuxing", "daqiao": "Daqiao", "peru": "Peruvian"}
    assert _presence(result) == {("lumen-motors", "peru", "entered")}
    assert {c.id for c in cands(result, "places")} == {"wuxing", "daqiao", "peru"}


def test_city_before_a_country(gaz):
    result = run(gaz, "Chery opened a store in Tarnow, Poland.")
    city = next(c for c in cands(result, "places") if c.id == "tarnow")
    assert city.record["kind"] == "city" and city.record["located_in"] == ["poland"]


@pytest.mark.parametrize("text, change", [
    ("Chery exported 52,300 vehicles last year, 31 percent more than in 2024.", 31),
    ("Chery exported 900 vehicles in May, 12 percent lower than a year earlier.", -12),
])
def test_a_change_stated_as_more_or_less_than(gaz, text, change):
    obs = [c for c in cands(run(gaz, text), "observations") if c.record["unit"] == "vehicles"]
    assert obs and obs[0].record.get("yoy_change_pct") == change


# --------------------------------------------------------------------------------------------- people
@pytest.mark.parametrize("text, title", [
    ("Zhao Lei, chairman of Yunfeng Motors, said sales rose.", "chairman"),
    ("Zhao Lei, the vice-president of Yunfeng Motors, said sales rose.", "vice-president"),
    ("Zhao Lei, general manager of Yunfeng Motors, said sales rose.", "general manager"),
    ("Yunfeng Motors president Zhao Lei said sales rose.", "president"),
    ("The director of Yunfeng Motors, Zhao Lei, said sales rose.", "director"),
    ("Zhao Lei, director of international business at Yunfeng Motors, said sales rose.",
     "director of international business"),
])
def test_people_with_titles(gaz, text, title):
    result = run(gaz, text)
    person = only(result, "people")
    role = only(result, "roles")
    assert person.record == {"id": "zhao-lei", "label": "Zhao Lei", "sources": ["test-source"]}
    assert (role.record["person"], role.record["organization"], role.record["title"]) == (
        "zhao-lei", "yunfeng-motors", title)
    assert role.record["as_of"] == "2026-03"
    assert [text[s:e] for s, e in role.spans if text[s:e] == title] == [title]
    assert_spans_exact(text, result)


def test_a_known_person_is_not_proposed_again(gaz):
    result = run(gaz, "Li Yuxi, director of international business at Geely Auto, spoke.")
    assert not cands(result, "people")
    role = only(result, "roles")
    assert role.record["person"] == "li-yuxi" and role.record["organization"] == "geely-auto"
