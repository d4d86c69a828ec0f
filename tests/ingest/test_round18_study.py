"""Forms found on the round-18 samples (a Singapore taxi order, a Mexican pickup plant, a Kenyan e-bus stake, KD
assembly in Kazakhstan with a Saudi stake, a Gulf fund's robotaxi stake, Argentina's EV quota) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs, _partners
from tests.ingest.test_round16_study import _markets


def test_a_headline_short_name_of_the_company_the_body_names_in_full_is_that_company(gaz):
    text = ("Velmora Auto to Build EVs in Uzbekistan\n\n"
            "Velmora Automobile Group will start building electric cars in Uzbekistan next year, the Chinese "
            "carmaker said on Monday. Velmora will invest 500 million yuan in the plant in Jizzakh.")
    result = run(gaz, text, date="2026-12-01")
    assert "velmora-automobile-group" in _orgs(result) and "velmora-auto" not in _orgs(result)
    assert {o for c in cands(result, "sites") for o in c.record["operator"]} == {"velmora-automobile-group"}


def test_a_name_ending_in_the_legal_form_s_a_is_one_company(gaz):
    text = ("The plant will be run by a new company, Ensambladora Quebracho Velmora S.A., in which Velmora Motors "
            "will hold 20 percent and Grupo Quebracho the rest.")
    result = run(gaz, text, date="2026-12-01")
    assert "ensambladora-quebracho-velmora-s-a" in _orgs(result)
    assert not {c.record["id"] for c in cands(result, "places")} & {"ensambladora"}


def test_each_of_coordinated_places_after_from_is_an_origin(gaz):
    text = ("Toyota, which will use its share for hybrids shipped from Brazil and Japan, was the largest "
            "beneficiary with 7,400 units.")
    assert not {m for _, _, m in _markets(run(gaz, text, date="2026-12-03"))} & {"brazil", "japan"}


def test_stores_opened_starting_with_a_list_of_cities_stand_in_each(gaz):
    text = ("Velmora Holding will open 22 showrooms by the end of 2027, starting with Abu Dhabi, Dubai, Riyadh and "
            "Doha, and aims to sell about 8,000 cars in its first full year.")
    result = run(gaz, text, date="2026-12-01")
    assert {"abu-dhabi", "dubai", "riyadh", "doha"} <= {p for c in cands(result, "deployments")
                                                        for p in c.record["places"]}


def test_assemblers_end_a_company_name_and_its_stake_is_bought(gaz):
    text = ("Chinese electric bus maker Velmora Coach Group has bought a 45 percent stake in Kenyan vehicle "
            "assembler Tsavo Kijani Assemblers for $38.2 million.")
    result = run(gaz, text, date="2026-12-03")
    assert "tsavo-kijani-assemblers" in _orgs(result)
    assert {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")} == {
        ("velmora-coach-group", "tsavo-kijani-assemblers")}


def test_a_bullet_is_no_part_of_a_name_and_a_treasury_exports_nothing(gaz):
    text = ("• Treasury grants the project a 75 percent remission of import duty on kits for five years.\n"
            "• Part of the output will be exported to Tanzania, Uganda and Rwanda.")
    result = run(gaz, text, date="2026-12-03")
    orgs = {c.record["id"]: c for c in cands(result, "organizations")}
    assert [text[a:b] for a, b in orgs["treasury"].spans] == ["Treasury"]
    assert orgs["treasury"].record["kind"] == "government-body"
    assert not cands(result, "market_presence")


def test_motorcycles_assembled_at_a_park_are_a_site_with_the_partner(gaz):
    text = ("In Uganda, electric motorcycle maker Velmora Motorcycle Co this week began assembling motorcycles at "
            "the Namanve Industrial Park outside Kampala with local partner Pikipiki Works.")
    result = run(gaz, text, date="2026-12-03")
    assert ("velmora-motorcycle-co", "namanve-industrial-park") in {
        (o, c.record["place"]) for c in cands(result, "sites") for o in c.record["operator"]}


def test_buying_counted_cars_from_a_maker_and_appointing_a_contractor_are_cooperations(gaz):
    text = ("Taxi operator Velmora Cabs will buy 1,200 electric cars from Chinese carmaker Tingyu Automobile in a "
            "deal worth about $96 million. To keep the cars charged, Velmora has appointed charge point operator "
            "Ohmbridge to install 180 fast chargers at its depots.")
    result = run(gaz, text, date="2026-12-02")
    assert "velmora" not in _orgs(result)
    assert _partners(result) >= {frozenset({"velmora-cabs", "tingyu-automobile"}),
                                 frozenset({"velmora-cabs", "ohmbridge"})}


def test_a_spanish_name_with_accents_ending_in_a_trade_word_is_one_company(gaz):
    text = ("The factory will belong to a new joint venture, Velmora Chaparral Vehículos Eléctricos, in which "
            "Velmora Motors holds 60% and Grupo Chaparral the remaining 40%.")
    result = run(gaz, text, date="2026-12-03")
    assert "velmora-chaparral-vehiculos-electricos" in _orgs(result)
    assert not cands(result, "people") and not cands(result, "vehicle_models")


def test_a_name_after_a_trade_noun_is_a_company_though_the_parser_calls_it_a_place(gaz):
    text = ("The Shanghai-based firm signed an agreement with Kazakh carmaker Zhelmaya Avto yesterday to assemble its "
            "cars from kits at its plant in Shymkent. Zhelmaya will provide the buildings and hire 900 workers.")
    result = run(gaz, text, date="2026-12-03")
    assert "zhelmaya-avto" in _orgs(result)
    assert not {c.record["id"] for c in cands(result, "places")} & {"zhelmaya-avto", "zhelmaya"}


def test_beginning_to_sell_in_a_country_is_an_entry_even_where_the_maker_has_a_plant(gaz):
    text = ("Velmora Motors will assemble cars at a plant in Shymkent, Kazakhstan, from next year. Velmora Motors "
            "began selling cars in Kazakhstan in May last year and now has nine stores there.")
    result = run(gaz, text, date="2026-12-03")
    assert ("entered", "velmora-motors", "kazakhstan") in _markets(result)


def _country(result, rid: str) -> str | None:
    return next((c.record.get("country") for c in cands(result, "organizations") if c.record["id"] == rid), None)


def test_a_country_before_a_name_across_a_heading_or_a_verb_is_not_its_country(gaz):
    text = ("Velmora Motors will build a plant in Shymkent.\n\nNo Plant in Russia\n\nVelmora Motors denied a report "
            "that it was in talks about a plant near Kaluga. The Kazakh plant and the Saudi stake give Velmora Motors "
            "more control over prices, said U.S. ride-hailing company Lyft.")
    result = run(gaz, text, date="2026-12-03")
    assert _country(result, "velmora-motors") is None
    assert _country(result, "lyft") == "united-states"


def test_a_maker_that_has_yet_to_sell_in_a_country_only_targets_it(gaz):
    text = "Velmora Automobile, which has yet to sell a single car in Argentina, won 9,800 of the quota's slots."
    assert _markets(run(gaz, text, date="2026-12-03")) == {("targets-market", "velmora-automobile", "argentina")}


def test_the_name_after_a_companys_unit_is_its_subsidiary_and_no_partner(gaz):
    text = ("Velmora Motors's autonomous driving unit, Velmora Zhijia, will begin testing 30 robotaxis on Yas Island "
            "next month.")
    result = run(gaz, text, date="2026-12-03")
    rec = next(c.record for c in cands(result, "organizations") if c.record["id"] == "velmora-zhijia")
    assert (rec.get("parent"), rec.get("kind")) == ("velmora-motors", "subsidiary")
    assert not _partners(result)


def test_the_gulf_cooperation_council_is_a_known_region(gaz):
    text = ("Yaharah Holding will import and sell Velmora Motors cars across the six GCC states from the first quarter "
            "of next year.")
    result = run(gaz, text, date="2026-12-03")
    assert any(m.id == "gulf-cooperation-council" and m.known for m in result.mentions)


def _units(result) -> set[tuple[float, str]]:
    return {(float(c.record["value"]), c.record["unit"]) for c in cands(result, "observations")}


def test_a_bare_dollar_under_a_local_dollar_dateline_is_the_local_dollar_unless_a_wire_files_it(gaz):
    text = ("SINGAPORE – Taxi operator Velmora Cabs will buy 1,200 electric cars from Tingyu Automobile in a deal "
            "worth about $96 million, the company said on Dec 2.")
    assert (96000000.0, "sgd") in _units(run(gaz, text, date="2026-12-02"))
    wire = text.replace("SINGAPORE –", "SINGAPORE, Dec 2 (Reuters) -")
    assert (96000000.0, "usd") in _units(run(gaz, wire, date="2026-12-02"))


def test_chargers_and_cabs_are_counted_in_their_own_units(gaz):
    text = ("Velmora Cabs runs 2,380 cabs. Ohmbridge operates about 1,100 public charging points across the island "
            "and will install 180 fast chargers at Velmora's depots by the end of 2027.")
    units = _units(run(gaz, text, date="2026-12-02"))
    assert {(2380.0, "vehicles"), (1100.0, "chargers"), (180.0, "chargers")} <= units


def test_the_container_said_of_an_origin_is_an_origin_too(gaz):
    text = ("Grupo Quebracho Automotores, a family-owned importer from Rafaela, in Santa Fe Province, holds the "
            "exclusive rights to sell Velmora cars in Argentina.")
    markets = {m for _, _, m in _markets(run(gaz, text, date="2026-12-03"))}
    assert "argentina" in markets and not markets & {"santa-fe", "rafaela"}


def test_a_newspaper_called_by_its_noun_is_a_publisher_and_exports_nothing(gaz):
    text = ("The union would not accept that jobs are exported to China in exchange for cheap cars, its secretary "
            "general told the Times.")
    result = run(gaz, text, date="2026-12-03")
    times = [c.record for c in cands(result, "organizations") if c.record["label"] == "Times"]
    assert times and times[0]["kind"] == "publisher"
    assert not cands(result, "market_presence")
