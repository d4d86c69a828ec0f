"""Statistics as observations in more wordings (periods of other clauses, times of statements); on sentences
written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def observations(gaz, text, date="2026-06-09"):
    """value → (subject, period start, period end) of every proposed observation."""
    result = extract(text, gaz, article_date=date, source_id="test-source")
    return {c.record["value"]: (c.record.get("subject"), c.record.get("period_start"), c.record.get("period_end"))
            for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors will buy the Pune plant for $90 million, its first site since it entered India in 2022.",
     90000000),
    ("Orvista Mobility sold 4,000 cars, the most since it began exporting in 2019.", 4000),
])
def test_a_year_in_a_since_clause_is_not_the_figures_period(gaz, text, value):
    assert observations(gaz, text)[value][1] not in {"2022", "2019"}


@pytest.mark.parametrize("text, value, want", [
    ("Velmora Motors said in May it had sold 8,200 cars to buyers in its three Asian markets in the first quarter.",
     8200, ("2026-01", "2026-03")),
    ("Orvista Mobility reported in April that 3,400 units had gone to dealers across the Andes in March.", 3400,
     ("2026-03", "2026-03")),
])
def test_the_time_of_a_statement_is_not_the_figures_period(gaz, text, value, want):
    assert observations(gaz, text)[value][1:] == want


@pytest.mark.parametrize("text, want", [
    ("Chile's car imports rose 12 percent to 41,000 units in May, though they slipped 2.5 percent from April.",
     ("2026-05", "2026-05")),
    ("Velmora Motors exported 9,000 cars in May, but shipments eased 1.5 percent from April.", ("2026-05", "2026-05")),
])
def test_a_month_after_a_change_is_its_base(gaz, text, want):
    obs = observations(gaz, text)
    assert [v for v in obs if v < 0] and all(obs[v][1:] == want for v in obs if v < 0)


@pytest.mark.parametrize("text", [
    "Exports of hybrids rose 20% to 90,000 units, according to Mei Lan, secretary-general of the Orvista Auto "
    "Council.",
    "Shipments reached 45,000 vehicles, according to Tomas Berg, an analyst at Velmora Research.",
])
def test_the_body_of_a_source_quoted_by_name_is_a_compiler(gaz, text):
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    bodies = [m for m in result.mentions if m.text.startswith(("Orvista", "Velmora"))]
    assert bodies and all(m.compiler for m in bodies)
    assert all(c.record.get("subject") is None for c in result.candidates if c.file == "observations")


@pytest.mark.parametrize("text, value, want", [
    ("Chile's car exports rose 9% to 40,000 units in May.\nExports of electric cars reached 12,000 units.", 12000,
     ("2026-05", "2026-05")),
    ("Velmora Motors sold 8,000 cars in March.\nIts overseas sales came to 2,500 units.", 2500,
     ("2026-03", "2026-03")),
])
def test_a_flow_in_the_next_paragraph_takes_the_period_of_the_flow_before(gaz, text, value, want):
    assert observations(gaz, text)[value][1:] == want


def test_a_capacity_takes_no_period_from_before(gaz):
    text = "Velmora Motors built 30,000 cars in 2025.\nThe plant has an annual capacity of 150,000 vehicles."
    assert observations(gaz, text)[150000][1] is None


@pytest.mark.parametrize("text", [
    "Chile car exports up 12 pct in May\nChile's car exports rose 12 percent year on year to 8,000 units in May.",
    "Velmora Motors sales grow 30%\nVelmora Motors sold 4,200 cars in April, up 30% from a year earlier.",
])
def test_a_change_stated_again_with_its_figure_is_one_statistic(gaz, text):
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    obs = [c.record for c in result.candidates if c.file == "observations"]
    assert len(obs) == 1 and obs[0]["yoy_change_pct"] in {12, 30}


@pytest.mark.parametrize("text, value", [
    ("In the second quarter Orvista Mobility delivered 2,000 buses to Chile through its local partner Andes Transit, "
     "which now runs the brand's vehicles in 14 cities.", 14),
    ("Velmora Motors' fleets in Spain and Portugal, its chief executive added, now number more than 900 vehicles and "
     "carried 2 million riders in 2025.", 900),
    ("Orvista Mobility exported 5,000 vans in 2025 and its dealer partner in Peru currently operates 31 stores across "
     "the country.", 31),
])
def test_a_count_said_to_hold_now_is_of_the_article_s_month(gaz, text, value):
    assert observations(gaz, text)[value][1:] == ("2026-06", "2026-06")


def test_now_does_not_move_a_count_without_another_period(gaz):
    assert observations(gaz, "Velmora Motors now employs 2,300 people.")[2300][1] is None


def test_now_does_not_move_a_flow_from_its_period(gaz):
    text = "In the first quarter, Chile's car exports are now at 21,000 units, up 8% year on year."
    assert observations(gaz, text)[21000][1:] == ("2026-01", "2026-03")


@pytest.mark.parametrize("text, want", [
    ("The rates were set company by company: 12.5% for Velmora Motors, 18.2% for Orvista Mobility and 22.4% for "
     "BYD.", {12.5: "velmora-motors", 18.2: "orvista-mobility", 22.4: "byd"}),
    ("Chile fixed the duty at 9% for Orvista Mobility and at 14% for Velmora Motors.",
     {9: "orvista-mobility", 14: "velmora-motors"}),
])
def test_a_percentage_given_for_a_company_is_that_company_s(gaz, text, want):
    obs = observations(gaz, text)
    assert {v: obs[v][0] for v in want} == want


@pytest.mark.parametrize("text, day", [
    ("Peru will levy new duties on Chinese electric cars from 1 August. The rates range from 12.5% for Velmora Motors "
     "to 22.4% for BYD.", "2026-08-01"),
    ("Chile's surtax on imported EVs takes effect on 3 September. The rate is 18% for most makers.", "2026-09-03"),
])
def test_a_rate_takes_the_start_day_stated_in_the_sentence_before(gaz, text, day):
    obs = observations(gaz, text)
    rates = [v for v in obs if v in {12.5, 22.4, 18}]
    assert rates and all(obs[v][1:] == (day, day) for v in rates)


def test_a_share_after_a_start_day_takes_no_day(gaz):
    text = "The new rules apply from 1 August. Velmora Motors holds 12% of the Peruvian market."
    assert observations(gaz, text)[12][1] != "2026-08-01"


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors opened a plant in Chile in 2024.\nIts robotaxis in Dubai and Doha completed 2 million rides in "
     "2025.", 2000000),
    ("Velmora Motors opened a plant in Chile in 2024.\nIts fleets in Spain and Portugal, the chief executive added, "
     "now number more than 900 vehicles.", 900),
    ("Velmora Motors opened a plant in Chile in 2024.\nTheir dealers in Peru and Bolivia sold 4,000 units in May.",
     4000),
])
def test_its_figures_in_places_are_the_company_s(gaz, text, value):
    assert observations(gaz, text)[value][0] == "velmora-motors"


def test_destinations_with_their_figures_are_no_exporters(gaz):
    text = ("Chile's car exports rose 9% to 40,000 units in May.\nPeru remained the largest destination in the "
            "January-May period with 12,000 vehicles, followed by Bolivia with 8,000 and Ecuador with 5,500, while "
            "shipments to Argentina fell 4 percent to 3,000 units.\nExports to Brazil more than doubled to 2,100 "
            "vehicles.")
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    got = {c.record["value"]: (c.record.get("subject"), c.record.get("destination"))
           for c in result.candidates if c.file == "observations"}
    assert got == {40000: ("chile", None), 12000: ("chile", "peru"), 8000: ("chile", "bolivia"),
                   5500: ("chile", "ecuador"), 3000: ("chile", "argentina"), 2100: ("chile", "brazil")}


@pytest.mark.parametrize("text, dest", [
    ("Velmora Motors exported 30,000 cars in 2025.\nMexico was its biggest market with 9,000 units.", "mexico"),
    ("Velmora Motors shipped 30,000 cars abroad in 2025, and Peru was the top destination with 7,500.", "peru"),
])
def test_the_largest_market_with_a_figure_is_its_destination(gaz, text, dest):
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    got = {c.record["value"]: (c.record.get("subject"), c.record.get("destination"))
           for c in result.candidates if c.file == "observations"}
    assert got[min(got)] == ("velmora-motors", dest)


@pytest.mark.parametrize("text, value, subject", [
    # a flow without an exporter is the exporter's before
    ("Chile's car exports rose 9% to 40,000 units in May, the Orvista Auto Council said.\nExports of electric cars "
     "jumped 30% to 6,000 units, according to Ana Ruiz, director at the Orvista Auto Council.", 6000, "chile"),
    ("Chile's car exports rose 9% to 40,000 units in May, trade data showed, with the Orvista Trade Office and the "
     "Velmora Research Group both citing demand.\nShipments of hybrids reached 9,500 units.", 9500, "chile"),
    # "it" after a company in its sentence is that company
    ("Velmora Motors sold 9,000 cars in March.\nOrvista Mobility said it expects to sell 40,000 cars in Brazil this "
     "year.", 40000, "orvista-mobility"),
    ("Velmora Motors sold 9,000 cars in March.\nOrvista Mobility announced that it had delivered 3,500 buses in "
     "April.", 3500, "orvista-mobility"),
])
def test_whose_figure_across_sentences(gaz, text, value, subject):
    assert observations(gaz, text)[value][0] == subject


def measures(gaz, text):
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    return {c.record["value"]: c.record.get("measure") for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value, want", [
    ("Velmora Motors signed a supply deal with Andes Fleet Services for 4,000 vans.", 4000, "orders"),
    ("Orvista Mobility agreed a supply contract with Pacific Fleet Leasing covering 1,200 cars.", 1200, "orders"),
    ("Velmora Motors sold 2,500 cars to Export Car Traders in May.", 2500, "sales-volume"),
])
def test_cue_words_inside_a_company_name_set_no_measure(gaz, text, value, want):
    assert measures(gaz, text)[value] == want


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors will invest $900 million over five years and aims to sell 80,000 cars by 2030.", 900000000),
    ("Orvista Mobility spent $40 million on the site and expects to open it in 2027.", 40000000),
])
def test_a_plan_in_a_clause_after_and_gives_the_figure_no_period(gaz, text, value):
    assert observations(gaz, text)[value][1] is None


@pytest.mark.parametrize("text, value, dest", [
    ("Velmora Motors aims to deploy 1,000 robotaxis across Europe by 2027.", 1000, "europe"),
    ("Orvista Mobility runs 300 buses throughout Chile.", 300, "chile"),
])
def test_across_a_place_is_where_the_figure_is(gaz, text, value, dest):
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    got = {c.record["value"]: (c.record.get("subject"), c.record.get("destination"))
           for c in result.candidates if c.file == "observations"}
    assert got[value][1] == dest and got[value][0] != dest


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors builds cars in Chile.\nPeru charges a 20% import duty on cars, while cars assembled locally pay "
     "5%.", 20),
    ("Orvista Mobility sells vans in Chile.\nColombia applies a 35% tariff to imported electric vans.", 35),
])
def test_a_rate_a_market_charges_is_the_market_s(gaz, text, value):
    subject, _, _ = observations(gaz, text)[value]
    assert subject in {"peru", "colombia"}


@pytest.mark.parametrize("text, value", [
    ("Velmora Motors' market share in Thailand climbed to 14.5% in the first half.", 14.5),
    ("Orvista Mobility's share of the Chilean EV market rose to 9% last year.", 9),
])
def test_a_market_share_that_moves_to_a_figure_is_a_share(gaz, text, value):
    assert measures(gaz, text)[value] == "market-share"


def test_a_share_held_together_is_a_combined_share(gaz):
    text = "Together, Velmora Motors and Orvista Mobility held 22% of the Thai EV market in 2025."
    assert measures(gaz, text)[22] == "combined-market-share"


@pytest.mark.parametrize("text, first, then", [
    ("From July 1, imported electric cars will face a 25 percent tariff, rising to 35 percent in 2027.",
     (25, "2026-07-01"), (35, "2027")),
    ("Starting 1 September, Chile will charge a 10% duty on imported vans, and 18% in 2028.",
     (10, "2026-09-01"), (18, "2028")),
])
def test_a_rate_takes_its_nearer_start_day_and_a_later_step_its_year(gaz, text, first, then):
    obs = observations(gaz, text, date="2026-03-20")
    assert (obs[first[0]][1], obs[then[0]][1]) == (first[1], then[1])


def test_a_company_quoted_through_its_chairman_stays_the_subject(gaz):
    text = "According to Li Wei, chairman of Velmora Motors, the company sold 5,000 cars in May."
    assert observations(gaz, text)[5000][0] == "velmora-motors"


def test_a_flow_far_from_the_last_dated_flow_takes_no_period_from_it(gaz):
    filler = "The brand also showed a concept car at a motor show and named a new head of design. " * 6
    opening = "Velmora Motors is widening its range of cars for buyers abroad. " * 12  # (no period in the lede)
    text = f"{opening}\nVelmora Motors sold 8,000 cars in March.\n{filler}\nIts overseas sales came to 2,500 units."
    assert observations(gaz, text)[2500][1] is None


@pytest.mark.parametrize("text, value, want", [
    ("Orvista Mobility sold 500 cars in March.\nVelmora Motors said its deliveries in Chile reached 1,200 cars in April.",
     1200, ("velmora-motors", "chile")),
    ("Orvista Mobility sold 500 cars in March.\nVelmora Motors said its Chilean deliveries reached 1,200 cars in "
     "April.", 1200, ("velmora-motors", "chile")),
    ("Orvista Mobility's Brazilian sales jumped to 8,400 units in May.", 8400, ("orvista-mobility", "brazil")),
])
def test_its_and_a_demonym_before_a_flow(gaz, text, value, want):
    result = extract(text, gaz, article_date="2026-11-20", source_id="test-source")
    got = {c.record["value"]: (c.record.get("subject"), c.record.get("destination"))
           for c in result.candidates if c.file == "observations"}
    assert got[value] == want


def test_the_same_change_of_another_period_stays_its_own_statistic(gaz):
    text = ("Velmora Motors' sales rose 10% in March.\nVelmora Motors sold 4,000 cars in April, up 10% from a year "
            "earlier.")
    result = extract(text, gaz, article_date="2026-06-09", source_id="test-source")
    assert len([c for c in result.candidates if c.file == "observations"]) == 2
