"""Relation forms of round 3 (issue 15), on sentences written for these tests: places that are no market,
actors outside relative clauses, exporters within their clause, destination rankings, and partnerships that are
none."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _markets(result) -> set[tuple[str, str]]:
    """(organisation, place) of every market presence and every deployment's operator and partners."""
    out = {(r["exporter"], r["market"]) for r in records(result, "market_presence")}
    return out | {(o, p) for r in records(result, "deployments") for o in [r["operator"], *r.get("partners", [])]
                  for p in r["places"]}


# ------------------------------------------------------------------------- a place in a title is no market
@pytest.mark.parametrize("text, company, place, title_places", [
    ("Orvix Mobility wants its driverless cars on sale in Oslo by 2027, according to Mia Lund, the company's general "
     "manager for Denmark, Sweden and Finland.", "orvix-mobility", "oslo", {"denmark", "sweden", "finland"}),
    # (with Norway named, the sale in Oslo is one in Norway: nevkg.ingest.cities knows Oslo's country)
    ("Tovaro Motors plans to sell electric vans in Chile next year, said Pablo Reyes, its head of Peru and "
     "Colombia.", "tovaro-motors", "chile", {"peru", "colombia"}),
    ("Brennick Auto will launch robotaxis in Dubai, according to a spokesperson for its office in Qatar.",
     "brennick-auto", "dubai", {"qatar"}),
])
def test_a_place_in_a_persons_title_or_an_attribution_is_no_market(run, text, company, place, title_places):
    result = run(text)
    where = _markets(result)
    assert (company, place) in where
    assert not {p for _, p in where} & title_places


# ---------------------------------------------------- a name inside a relative clause is not the clause's actor
@pytest.mark.parametrize("text, actor, place, others", [
    ("Lyra Mobility, which has signed deals with Kovo Robotics, Tarsen Auto and Pelix Systems over the past year, "
     "wants robotaxis on its app in Norway and Sweden by 2028.", "lyra-mobility", "norway",
     {"kovo-robotics", "tarsen-auto", "pelix-systems"}),
    ("Dalvik Motors, whose vans are built by Harwell Industries, Brogan Group and Castel Motors, will open "
     "showrooms in Poland next spring.", "dalvik-motors", "poland", {"harwell-industries", "brogan-group",
                                                                      "castel-motors"}),
])
def test_names_in_a_relative_clause_with_commas_are_not_the_actor(run, text, actor, place, others):
    where = _markets(run(text))
    assert (actor, place) in where
    assert not {o for o, _ in where} & others


def _presence(result) -> set[tuple[str, str, str]]:
    return {(r["exporter"], r["activity"], r["market"]) for r in records(result, "market_presence")}


# ------------------------------------------------- a country's exports: rankings and clauses with no exporter
@pytest.mark.parametrize("text, markets", [
    ("South Korea's car exports climbed 9 percent in March. Chile was the largest destination with 21,000 units, "
     "followed by Peru with 14,000 and Ecuador with 9,500.", {"chile", "peru", "ecuador"}),
    ("Japanese vehicle shipments slipped in the first half. Australia remained the top export market, "
     "followed by the Philippines and Vietnam.", {"australia", "philippines", "vietnam"}),
])
def test_a_ranking_of_destinations_after_a_countrys_exports(run, text, markets):
    got = _presence(run(text))
    exporter = "south-korea" if text.startswith("South") else "japan"
    assert {(exporter, "exports-to", m) for m in markets} <= got
    assert not {e for e, _, _ in got} & markets  # a destination is no exporter


@pytest.mark.parametrize("text, market, wrong", [
    ("India's vehicle exports grew to 410,000 units. Nepal took 30,000 units, while shipments to Kenya fell "
     "by a fifth.", "kenya", "nepal"),
    ("Thailand's car exports rose in May. Oman bought 3,000 of them. Exports to Qatar more than doubled.",
     "qatar", "oman"),
])
def test_exports_with_no_exporter_in_their_clause_are_the_countrys(run, text, market, wrong):
    got = _presence(run(text))
    country = "india" if text.startswith("India") else "thailand"
    assert (country, "exports-to", market) in got
    assert not any(e == wrong for e, _, _ in got)


@pytest.mark.parametrize("text, owner, other, activity", [
    ("Velden Motors exported 8,000 buses last month. Harlow Auto's overseas sales rose 12 percent, with Chile and "
     "Peru among its top markets.", "harlow-auto", "velden-motors", "sells-in"),
    ("Velden Motors sold 8,000 buses last month. Harlow Auto's shipments abroad doubled, with Chile and Peru "
     "its largest markets.", "harlow-auto", "velden-motors", "exports-to"),
])
def test_its_markets_after_a_possessor_subject_are_the_possessors(run, text, owner, other, activity):
    got = _presence(run(text))
    assert {(owner, activity, "chile"), (owner, activity, "peru")} <= got
    assert not any(e == other for e, _, m in got if m in {"chile", "peru"})


@pytest.mark.parametrize("text, company, markets, activity", [
    ("Japan's car exports rose in May. Harlow Auto exported 9,000 vans, and most of them were shipped to Chile "
     "and Peru.", "harlow-auto", {"chile", "peru"}, "exports-to"),
    ("Velden Motors opens a Thai plant as quarterly shipments grow. Velden Motors plans to export to Kenya and "
     "Ghana from May.", "velden-motors", {"kenya", "ghana"}, "targets-market"),  # (a plan: not there yet)
])
def test_a_company_named_before_the_clause_still_exports(run, text, company, markets, activity):
    got = _presence(run(text))
    assert {(company, activity, m) for m in markets} <= got
    assert not {e for e, _, m in got if m in markets} - {company}


# ------------------------------------------------------------------- partnerships that a sentence denies
@pytest.mark.parametrize("text", [
    "The regulator fined Korvell Motors, which it said had not cooperated with its inquiry.",
    "Dunmore Coaches refused to sign a supply deal with Tallis Leasing Ltd last year.",
    "Brennick Auto never partnered with Harwell Industries, a spokesperson for Brennick Auto said.",
])
def test_a_denied_or_refused_partnership_is_none(run, text):
    assert records(run(text), "partnerships") == []


@pytest.mark.parametrize("text, company, place, language", [
    ("Germany's regulator approved the cars last month. Velvix Robotics will start a robotaxi service in Vienna, "
     "the first robotaxi service run by a Chinese firm in a German-speaking city.", "velvix-robotics", "vienna",
     "germany"),
    ("Spain's carmakers watch closely. Kairo Mobility will offer robotaxi rides in Quito, the first robotaxi "
     "service in a Spanish-speaking capital.", "kairo-mobility", "quito", "spain"),
])
def test_a_language_adjective_names_no_market(run, text, company, place, language):
    where = _markets(run(text))
    assert (company, place) in where
    assert all(p != language for _, p in where)


# ----------------------------------------------------------- a distributor or importer for a country: sales there
@pytest.mark.parametrize("text, principal, markets", [
    ("Tovaro Motors has named Andes Auto Group as its sole importer for Chile.", "tovaro-motors", {"chile"}),
    ("Kestrel EV Co. appointed Baltic Drive AS as its exclusive distributor in Estonia and Latvia, where sales start "
     "in May.", "kestrel-ev-co", {"estonia", "latvia"}),
])
def test_a_distributor_for_a_country_sells_its_principals_cars_there(run, text, principal, markets):
    got = _presence(run(text))
    assert {(principal, "sells-in", m) for m in markets} <= got


@pytest.mark.parametrize("text, company, market", [
    ("Harlow Auto has been importing electric vans into Kenya since 2022.", "harlow-auto", "kenya"),
    ("Velden Motors opened a plant in Ghana. Velden Motors imported its first buses into Nigeria last year.",
     "velden-motors", "nigeria"),
])
def test_a_company_importing_cars_into_a_country_exports_there(run, text, company, market):
    assert (company, "exports-to", market) in _presence(run(text))


def test_a_countrys_imports_into_another_are_no_exports_of_the_importer(run):
    got = _presence(run("Kenya's imports of Japanese cars into Uganda fell by a tenth in May."))
    assert not {(e, m) for e, _, m in got} & {("kenya", "uganda")}


# ------------------------------------------------------------- an investment spoken of with its plant
@pytest.mark.parametrize("text, investor, place", [
    ("Tianlu Auto will build a car plant in Pecs, Hungary. The investment of around $1 billion will create "
     "4,000 jobs.", "tianlu-auto", "hungary"),
    ("Tianlu Auto will build a car plant in Pecs, Hungary, investing about $1 billion.", "tianlu-auto", "hungary"),
    ("Velden Motors opened an assembly plant in Kenya on Monday. This investment of $80 million is its largest "
     "abroad.", "velden-motors", "kenya"),
])
def test_an_investment_named_after_or_beside_a_plant_is_its_operators_there(run, text, investor, place):
    got = {(r["investor"], r.get("place")) for r in records(run(text), "investments")}
    assert (investor, place) in got


# ---------------------------------------------------- places listed after a place noun stay places
@pytest.mark.parametrize("text, company, places", [
    ("Pilotgo Robotics runs driverless rides in 12 cities, including Hefei and Dubai, and has partnered with "
     "Tallis Leasing Ltd in Europe.", "pilotgo-robotics", {"hefei", "dubai"}),
    ("Kairo Mobility operates robotaxis in three Chinese cities, such as Hefei and Nanning, and signed a deal with "
     "Brogan Group last year.", "kairo-mobility", {"hefei", "nanning"}),
])
def test_places_listed_after_a_place_noun_are_no_partners(run, text, company, places):
    result = run(text)
    partners = {p for r in records(result, "partnerships") for p in r["partners"]}
    assert not partners & places
    assert not {r["id"] for r in records(result, "organizations")} & places


# --------------------------------------------- a deployment's place and the union or region that holds it
@pytest.mark.parametrize("text, company, place, coarse", [
    ("Velvix Technology has obtained a permit to test driverless cars in Belgium, its first such licence in the "
     "European Union.", "velvix-technology", "belgium", "european-union"),
    ("Kairo Mobility will launch robotaxi services in Spain and the European Union next year.", "kairo-mobility",
     "spain", "european-union"),
])
def test_a_deployment_keeps_the_place_inside_the_union_it_names(run, text, company, place, coarse):
    where = {p for r in records(run(text), "deployments") if r["operator"] == company for p in r["places"]}
    assert place in where and coarse not in where


# ----------------------------------------------------------- one measure named in several ways is one record
def _measures(result) -> list[dict]:
    return [r for r in records(result, "policies") if r.get("kind") == "trade-measure"]


def test_one_duty_named_three_ways_is_one_measure(run):
    text = ("Peru sets new EV duties. Peru: provisional duties on Chinese electric cars. Peru's Ministry of Trade "
            "has published provisional duties on battery-electric cars imported from China: 14% for BYD and 22% "
            "for Chery.")
    measures = _measures(run(text))
    assert len(measures) == 1
    assert len(measures[0].get("aliases") or []) >= 1  # the other wordings stay as its names


@pytest.mark.parametrize("text", [
    "Peru imposed a surtax on Chinese-made EVs in May. Peru also imposed a surtax on steel and aluminium from China.",
    "Peru imposed duties on Chinese electric cars in May. Chile imposed duties on electric cars from China in June.",
])
def test_measures_on_other_goods_or_of_another_type_stay_apart(run, text):
    assert len(_measures(run(text))) == 2


# -------------------------------------- a company's short name that begins the publisher's name is the company
@pytest.mark.parametrize("text, publisher, company, market, activity", [
    ("Lonmar Motors opened a plant in Chile. Lonmar plans to export to Peru and Ecuador next year.", "Lonmar Daily",
     "lonmar-motors", "peru", "targets-market"),
    ("Kestrel Auto Group sold 4,000 buses last year. Kestrel also began exporting to Kenya in May.",
     "Kestrel Evening Post", "kestrel-auto-group", "kenya", "exports-to"),
])
def test_a_short_name_shared_with_the_publisher_is_still_the_company(gaz, text, publisher, company, market,
                                                                     activity):
    from nevkg.ingest.extract import extract

    result = extract(text, gaz, article_date="2026-03-15", publisher=publisher)
    assert (company, activity, market) in _presence(result)


# ------------------------------------------------------ a partner named in apposition: "X, Y's sales partner"
@pytest.mark.parametrize("text, a, b", [
    ("Brogan Group, Velden Motors' distribution partner in Kenya, will open ten showrooms.", "brogan-group",
     "velden-motors"),
    ("Harwell Industries, Velden Motors' exclusive importer, sold 900 vans in Chile.", "harwell-industries",
     "velden-motors"),
    ("Tallis Leasing Ltd, the sales partner of Kestrel Auto Group in Peru, ordered 300 buses.", "tallis-leasing-ltd",
     "kestrel-auto-group"),
])
def test_a_partner_named_in_apposition(run, text, a, b):
    pairs = {frozenset(r["partners"]) for r in records(run(text), "partnerships")}
    assert frozenset((a, b)) in pairs


# ------------------------------------------------------- a unit's site where its parent's site is: one site
@pytest.mark.parametrize("text", [
    "Velden Motors bought a car plant in Kisumu. Velden Motors Kenya will build its new pickup at the Kisumu plant.",
    "Velden Motors opened an assembly plant in Kisumu in May, and Velden Motors Kenya said it will assemble vans "
    "in Kisumu from June.",
])
def test_a_units_site_beside_its_parents_is_one_site(run, text):
    sites = [r for r in records(run(text), "sites") if r.get("place") == "kisumu"]
    assert [r["operator"] for r in sites] == [["velden-motors"]]


# ------------------------------------------------------------------- a funding round's lead investor
@pytest.mark.parametrize("text, investor, investee", [
    ("Qiantang Robotics, which raised $320 million in January in a funding round led by Harlow Motor's venture "
     "capital arm, tests robotaxis in Dubai.", "harlow-motor", "qiantang-robotics"),
    ("Harlow Capital led a $50 million funding round in Velvix Robotics in May.", "harlow-capital", "velvix-robotics"),
    ("Velvix Robotics closed a Series B round led by Brogan Group last week.", "brogan-group", "velvix-robotics"),
])
def test_a_funding_rounds_lead_invests_in_the_company_raising_it(run, text, investor, investee):
    got = {(r["investor"], r.get("investee")) for r in records(run(text), "investments")}
    assert (investor, investee) in got


def test_a_round_of_something_else_is_no_investment(run):
    text = "Velvix Robotics said its sales rose after a round of price cuts led by Brogan Group."
    assert records(run(text), "investments") == []


# ------------------------------------------- "testing in X" by a company that runs robotaxis named before
@pytest.mark.parametrize("text, company, place", [
    ("Velvix Robotics runs a robotaxi service in Dubai. Velvix Robotics has also been testing in Doha since 2024.",
     "velvix-robotics", "doha"),
    ("Kairo Mobility operates driverless rides in Oslo. Last year Kairo Mobility began testing in Bergen.",
     "kairo-mobility", "bergen"),
])
def test_testing_by_a_robotaxi_operator_is_a_deployment(run, text, company, place):
    assert (company, place) in _markets(run(text))


def test_testing_by_a_carmaker_without_robotaxis_is_none(run):
    text = "Velden Motors sells vans in Kenya. Velden Motors has been testing in Uganda since 2024."
    assert not any(p == "uganda" for _, p in {(o, p) for r in records(run(text), "deployments")
                                               for o in [r["operator"]] for p in r["places"]})


# ------------------------------------------------- a dateline city in capitals without an agency in brackets
@pytest.mark.parametrize("text, city, country", [
    ("MUMBAI, March 4 - Xilai Motor Corporation, China's fourth-largest carmaker, will cut its stake in its unit.",
     "mumbai", "china"),
    ("PUNE, 2 May - Velden Motors, a Chinese bus maker based in Shenzhen, opened a showroom in Nagpur.", "pune",
     "china"),
])
def test_a_dateline_city_is_a_place_not_in_the_storys_country(run, text, city, country):
    result = run(text)
    assert city not in {r["id"] for r in records(result, "organizations")}
    assert all(country not in (r.get("located_in") or []) for r in records(result, "places") if r["id"] == city)


# ------------------------------------------------------------ a deployment's partner is the operator's partner
@pytest.mark.parametrize("text, a, b", [
    ("Velvix Robotics will start offering driverless rides in Oslo through Brogan Group's app, the two companies "
     "said.", "velvix-robotics", "brogan-group"),
    ("Kairo Mobility obtained a permit for level-4 road tests in Luxembourg. The tests will be carried out with "
     "Tallis Leasing Ltd.", "kairo-mobility", "tallis-leasing-ltd"),
])
def test_a_deployment_partner_is_a_partnership(run, text, a, b):
    result = run(text)
    assert any(set(r["partners"]) == {a, b} for r in records(result, "partnerships"))


# ------------------------------------------ a partner of a coordinated clause is not the first clause's partner
@pytest.mark.parametrize("text", [
    "Velden Motors sold 9,000 vans. The group also agreed a joint venture with Harlow Auto to develop battery packs, "
    "and it has partnered with Tallis Leasing Ltd to run 40 stores in Portugal.",
    "Velden Motors formed a joint venture with Harlow Auto in May, and it later teamed up with Tallis Leasing Ltd "
    "in Chile.",
])
def test_a_coordinated_clause_keeps_its_partner(run, text):
    parts = {frozenset(r["partners"]): r["kind"] for r in records(run(text), "partnerships")}
    assert parts.get(frozenset({"velden-motors", "harlow-auto"})) == "joint-venture"
    assert parts.get(frozenset({"velden-motors", "tallis-leasing-ltd"})) == "cooperation"


@pytest.mark.parametrize("text, a, b", [
    ("Velden Motors signed 40 dealers in Peru and has appointed Brogan Group as its exclusive distributor for "
     "Chile.", "velden-motors", "brogan-group"),
    ("Kestrel Auto Group named Tallis Leasing Ltd as its importer in Kenya last week.", "kestrel-auto-group",
     "tallis-leasing-ltd"),
])
def test_a_company_appointed_as_distributor_is_a_partner(run, text, a, b):
    assert any(set(r["partners"]) == {a, b} for r in records(run(text), "partnerships"))


# ---------------------------------------------- a dealer network named by a country's adjective, outlets in X
@pytest.mark.parametrize("text, company, market", [
    ("Velden Motors expanded its Kenyan dealer network to 30 showrooms this year.", "velden-motors", "kenya"),
    ("Harlow Auto has signed 12 new dealers, taking its Peruvian network to 40 outlets.", "harlow-auto", "peru"),
    ("Velden Motors now has 25 outlets across Ghana.", "velden-motors", "ghana"),
])
def test_a_dealer_network_in_a_country_is_sales_there(run, text, company, market):
    assert (company, "sells-in", market) in _presence(run(text))


# ---------------------------------------------- one team's deployment told once, the same way round
@pytest.mark.parametrize("text", [
    "Rydo Mobility, Kunlun Technology to bring robotaxis to Germany, UK in 2026\n\nU.S. ride-hailing firm Rydo "
    "Mobility and Chinese tech company Kunlun Technology plan to deploy thousands of Kunlun Technology's robotaxis in "
    "Germany and Britain from 2026, the companies said on Monday.",
    "Tripla Mobility and Velvix Robotics will launch robotaxi services in Norway.\n\nRide-hailing app Tripla "
    "Mobility and self-driving startup Velvix Robotics will deploy Velvix Robotics' robotaxis in Norway next year.",
])
def test_one_teams_deployment_is_told_one_way_round(run, text):
    deps = records(run(text), "deployments")
    pairs = {(r["operator"], p) for r in deps for p in r.get("partners", [])}
    assert pairs and not any((b, a) in pairs for a, b in pairs)


# ---------------------------------------------- "The joint venture, to be renamed X, … its plant": X's plant
@pytest.mark.parametrize("text, venture", [
    ("Korvan Group will buy a 40% stake in the unit. The joint venture, to be renamed Korvan Xilai Motor India, "
     "plans to raise capacity at its Halol plant in Gujarat.", "korvan-xilai-motor-india"),
    ("Harlow Auto and Brogan Group signed the deal on Monday. The venture, called Harbro Motors Ltd, will build "
     "vans at its plant in Kisumu.", "harbro-motors-ltd"),
])
def test_a_venture_named_in_apposition_is_what_its_stands_for(run, text, venture):
    operators = {o for r in records(run(text), "sites") for o in r.get("operator", [])}
    assert venture in operators
    assert not operators & {"korvan-group", "harlow-auto", "brogan-group"}
