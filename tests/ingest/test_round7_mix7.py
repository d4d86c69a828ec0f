"""Round-7 forms (plants, joint ventures, market entries and the people who speak for them), on sentences written
for these tests."""

from __future__ import annotations

from decimal import Decimal

from nevkg.ingest.extract.figures import find_statistics


def _figures(text: str) -> list[tuple[Decimal, str]]:
    return [(s.value, s.unit) for s in find_statistics(text)]


def test_rand_and_pesos_written_with_a_bare_letter():
    assert _figures("The group will spend R4.5 billion on a new paint shop.") == [(Decimal("4500000000"), "zar")]
    assert _figures("The sedan starts at P1,450,000 in Manila.") == [(Decimal("1450000"), "php")]
    assert _figures("Net income was P2.3 billion in the quarter.") == [(Decimal("2300000000"), "php")]


def test_a_bare_letter_before_a_small_number_is_a_name():
    assert _figures("The P7 and the R8 will be shown in Durban.") == []
    assert _figures("R&D staff rose to 1,200.")[0][1] != "zar"
    assert _figures("The stock closed at P12.50 on Friday.") == []


def _new_names(gaz, text: str) -> set[str]:
    from tests.ingest.test_parse_rules import run

    return {c.record.get("label") for c in run(gaz, text).candidates
            if c.file in {"organizations", "people", "places"}}


def test_a_one_word_subheading_or_contact_label_is_no_name(gaz, nlp_pipeline):
    text = ("Remarks\n\nMinister Okafor said the Morava Autobus Group plant would open in 2028.\n\nBackground\n\n"
            "Morava Autobus Group is based in Brno and builds city buses for 14 countries.\n\nEnquiries:\n"
            "Jana Dvorakova, Spokesperson for the Ministry of Transport\nTel: +420 555 0100\n"
            "Email: press@example.cz\n")
    names = _new_names(gaz, text)
    assert not names & {"Remarks", "Background", "Enquiries", "Tel", "Email"}, names
    assert {"Morava Autobus Group", "Jana Dvorakova", "Brno"} <= names


def _roles(gaz, text: str) -> set[tuple[str, str, str]]:
    from tests.ingest.test_parse_rules import run

    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in run(gaz, text).candidates
            if c.file == "roles"}


def test_a_title_of_an_organisation_followed_by_a_name_is_that_name_s(gaz, nlp_pipeline):
    text = ("The contract was initialled by the Mayor of Gdansk, Mr Tomasz Wrona, and the President of Borvik "
            "Motor Group, Ms Elin Haugen.")
    roles = _roles(gaz, text)
    assert not any(p == "tomasz-wrona" and o == "borvik-motor-group" for p, o, _ in roles), roles
    assert ("elin-haugen", "borvik-motor-group", "President") in roles, roles


def test_the_building_a_signing_was_held_at_is_a_place(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    for venue in ("Trade Union Hall", "Union Palace"):
        res = run(gaz, f"The memorandum was signed at the {venue} by Tamsin Auto and the Ministry of Industry.")
        files = {c.record.get("label"): c.file for c in res.candidates}
        assert files.get(venue) == "places", files


def test_a_carmaker_noun_takes_a_carmaker_named_by_its_short_name():
    from nevkg.ingest.extract.anaphora import resolve_anaphors
    from nevkg.ingest.extract.model import Mention

    t = ("Korvan Auto makes small cars. Velora Motors will import them. Chile is Korvan's third market. "
         "The brand entered Peru in 2024.")
    ms = [Mention(0, 11, "Korvan Auto", "organizations", "korvan-auto", False, "automaker"),
          Mention(30, 43, "Velora Motors", "organizations", "velora-motors", False, "automaker"),
          Mention(t.index("Korvan's"), t.index("Korvan's") + 6, "Korvan", "organizations", "korvan-auto", False,
                  None)]
    ends = [i + 1 for i, c in enumerate(t) if c == "."]
    sentences = [(a + (1 if a else 0), b, 0) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    found = {a.text: a.id for a in resolve_anaphors(t, ms, sentences)}
    assert found.get("The brand") == "korvan-auto", found


def test_a_partnership_said_again_of_a_unit_named_after_its_company_is_one(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors signed a cooperation agreement with Lumen Energy in May. Drava Motors Europe will "
                   "also collaborate with Lumen Energy on charging.")
    partners = [sorted(c.record["partners"]) for c in res.candidates if c.file == "partnerships"]
    assert partners == [["drava-motors", "lumen-energy"]], partners


def test_we_in_a_quote_is_the_one_organisation_its_paragraph_names(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    text = ("Karin Lund, who runs the export business of Drava Motors, spoke at the launch. \"We will ship the first "
            "cars to Chile and Peru next spring,\" she said.\n\n"
            "\"We expect prices to fall,\" said Ola Strand, an analyst at Fjell Bank, of Drava Motors and Lumen "
            "Auto. \"We will sell cars in Peru,\" he added.")
    markets = {(c.record["exporter"], c.record["market"]) for c in run(gaz, text).candidates
               if c.file == "market_presence"}
    assert {("drava-motors", "chile"), ("drava-motors", "peru")} <= markets, markets
    assert not any(e == "fjell-bank" for e, _ in markets), markets


def test_dealerships_opened_in_places_are_a_store_network_there(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors will open nine dealerships in Chile and Peru next year.")
    where = {p for c in res.candidates if c.file == "deployments" for p in c.record.get("places") or []}
    assert {"chile", "peru"} <= where, where


def test_the_other_names_of_a_list_of_places_are_places(gaz, nlp_pipeline):
    names = {}
    from tests.ingest.test_parse_rules import run

    for c in run(gaz, "Drava Motors has showrooms in Lisbon, Porto, Braga and Viana do Castelo.").candidates:
        if c.file in {"places", "organizations"}:
            names[c.record["label"]] = c.file
    assert names.get("Braga") == "places" and names.get("Viana do Castelo") == "places", names
    assert names.get("Drava Motors") == "organizations"
    # a list with fewer than two places says nothing of the rest
    res = run(gaz, "The talks in Lisbon included Braga Holdings, Vinter Group and Porto Energia.")
    assert not any(c.file == "places" and c.record["label"] == "Porto Energia" for c in res.candidates)


def test_a_name_with_its_group_word_and_without_its_legal_form_is_the_same_company(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Tarvo Holdings, Inc. will distribute the cars in Cebu. Tarvo Holdings Chairman Mark Rivas said "
                   "sales would start in May. The vans were leased to Karoo Fleet Leasing (Pty) Ltd. Karoo Fleet "
                   "Leasing will buy more next year.")
    orgs = {c.record["label"] for c in res.candidates if c.file == "organizations"}
    assert "Tarvo Holdings" not in orgs and "Karoo Fleet Leasing" not in orgs, orgs
    roles = {(c.record["person"], c.record["organization"]) for c in res.candidates if c.file == "roles"}
    assert ("mark-rivas", "tarvo-holdings-inc") in roles, roles


def test_a_month_range_written_with_hyphens_and_to():
    from nevkg.ingest.extract.periods import find_periods

    got = [(p.period_start, p.period_end) for p in find_periods("Its exports in the February-to-August period rose.",
                                                                 0, "2026-11-24")]
    assert got == [("2026-02", "2026-08")], got


def test_the_time_after_a_turn_to_a_later_figure_is_that_figure_s(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors will source 30 per cent of its parts locally at first, climbing to 60 per cent by "
                   "2030.", date="2026-11-20")
    got = {(c.record["value"], c.record.get("period_start")) for c in res.candidates if c.file == "observations"}
    assert got == {(30, None), (60, "2030")}, got


def test_a_bare_short_name_is_the_company_not_its_regional_arm(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Tamsin New Energy Vehicle Co., Ltd. signed the lease on Monday. The President of Tamsin Africa, "
                   "Mr Wang Lei, was there. Tamsin will build a plant in Kenya.")
    ops = {o for c in res.candidates if c.file == "sites" for o in c.record["operator"]}
    assert ops == {"tamsin-new-energy-vehicle-co-ltd"}, ops


def test_a_parent_named_with_its_legal_form_inside_an_apposition_is_not_the_signer(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Tarvo Motors Corp., a unit of the property group Tarvo Holdings, Inc., signed a distribution "
                   "agreement with Korvan Auto on Friday.")
    partners = [sorted(c.record["partners"]) for c in res.candidates if c.file == "partnerships"]
    assert partners == [["korvan-auto", "tarvo-motors-corp"]], partners


def test_a_region_named_again_with_its_capitalised_noun_is_that_region(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "The site lies in Molise, near Termoli. The President of the Molise Region, Carla Neri, praised the "
                   "buyer.")
    roles = {(c.record["person"], c.record["organization"]) for c in res.candidates if c.file == "roles"}
    places = {c.record["label"] for c in res.candidates if c.file == "places"}
    assert ("carla-neri", "molise") in roles, roles
    assert "Molise Region" not in places, places


def test_a_trade_union_named_before_its_noun(gaz, nlp_pipeline):
    assert "SNTV-CGT" in _new_names(gaz, "The talks stalled after the SNTV-CGT transport workers' union walked out.")


def test_a_union_s_plant_representative_or_shop_steward(gaz, nlp_pipeline):
    roles = _roles(gaz, "Lena Hoff, a shop steward of the IG Metall union, said the deal was late. Omar Saleh, the "
                        "plant representative of the SNTV-CGT union, agreed.")
    assert ("lena-hoff", "ig-metall", "shop steward") in roles, roles
    assert any(p == "omar-saleh" and o.startswith("sntv-cgt") and t == "plant representative" for p, o, t in roles), roles


def test_the_end_of_the_decade_is_its_last_round_year():
    from nevkg.ingest.extract.periods import find_periods

    for text in ("Exports should pass 50,000 by the end of the decade.", "It wants a plant before the end of this "
                 "decade.", "The target is 40 stores by the decade's end."):
        got = [(p.period_start, p.period_end) for p in find_periods(text, 0, "2026-11-24")]
        assert got == [("2030", "2030")], (text, got)


def test_a_rate_a_year_before_a_date_is_no_figure_of_the_year_before(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors expects to sell 8,000 cars a year before the end of 2029 in Chile.", date="2026-11-20")
    got = {(c.record["value"], c.record.get("period_start")) for c in res.candidates if c.file == "observations"}
    assert (8000, "2029") in got, got


def test_an_amount_the_parser_calls_a_name_is_no_model():
    from nevkg.ingest.extract.ner_types import _type_of

    for name in ("R5.1 billion", "P2.29 million", "US$3 bn"):
        assert _type_of(name, "ORG", None, None, None) is None, name


def test_workers_counted_with_a_company_s_name_or_former_are_jobs():
    assert _figures("The site still has 640 former Ostrava workers.") == [(Decimal("640"), "jobs")]
    assert _figures("About 900 Borvik employees will move.") == [(Decimal("900"), "jobs")]
    assert _figures("Some 300 furloughed staff will return.") == [(Decimal("300"), "jobs")]


def test_money_put_in_the_project_goes_where_the_investor_s_site_is(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Korvan Auto signed an agreement to build an electric vehicle plant in Durban. Korvan will invest "
                   "R5 billion in the project in two phases.")
    inv = {(c.record["investor"], c.record.get("place")) for c in res.candidates if c.file == "investments"}
    assert ("korvan-auto", "durban") in inv, inv


def test_an_entry_is_proposed_beside_the_sales_already_proposed(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors sells its vans in Chile and Peru. Drava Motors entered Chile in 2023 and Peru a year "
                   "later.")
    acts = {(c.record["activity"], c.record["market"]) for c in res.candidates if c.file == "market_presence"}
    assert {("entered", "chile"), ("entered", "peru"), ("sells-in", "chile")} <= acts, acts


def test_a_vehicle_moved_to_a_place_is_built_there(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    def sites(text):
        return {(o, c.record["place"]) for c in run(gaz, text).candidates if c.file == "sites"
                for o in c.record["operator"]}
    assert ("drava-motors", "spain") in sites("Drava Motors shifted the Tera model to Spain in 2024.")
    assert ("drava-motors", "poland") in sites("Drava Motors shut its Lyon line after it moved its compact van to "
                                               "Poland.")
    assert not sites("Drava Motors moved its headquarters to Madrid.")


def test_an_envoy_of_a_country_to_another_named_after_the_office(gaz, nlp_pipeline):
    roles = _roles(gaz, "Also present were the Ambassador of the Republic of Korea to Kenya, H.E. Mr Park Jisoo, "
                        "and the Consul-General of Brazil to Mombasa, Ms Ana Lima.")
    assert ("park-jisoo", "south-korea", "Ambassador") in roles or any(
        p == "park-jisoo" and t == "Ambassador" for p, _, t in roles), roles
    assert ("ana-lima", "brazil", "Consul-General") in roles, roles


def test_a_figure_said_for_by_then_takes_the_year_named_before(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors wants to sell 2,000 vans in 2028 and hopes to hold a 9% share of the van market by "
                   "then.", date="2026-11-20")
    got = {(c.record["value"], c.record.get("period_start")) for c in res.candidates if c.file == "observations"}
    assert (9, "2028") in got, got


def test_the_rest_of_the_year_runs_from_the_article_s_month_to_december():
    from nevkg.ingest.extract.periods import find_periods

    for text in ("It hopes to ship 300 more vans in the rest of the year.", "For the remaining months of this year "
                 "the plant will run one shift."):
        got = [(p.period_start, p.period_end) for p in find_periods(text, 0, "2026-09-03")]
        assert got == [("2026-09", "2026-12")], (text, got)


def test_a_duty_rate_takes_no_reporting_period_from_the_sentence_before(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors sold 5,200 cars in France in the first nine months of the year. Local assembly will "
                   "let it avoid the anti-subsidy duty of 18.8 per cent that the EU charges on its imported cars.",
              date="2026-11-20")
    got = {(c.record["value"], c.record.get("period_start")) for c in res.candidates if c.file == "observations"}
    assert (18.8, None) in got, got


def test_shares_closing_higher_or_lower_are_no_statistic(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Drava Motors' shares closed 3.4 percent lower in Oslo on Friday.")
    assert not [c for c in res.candidates if c.file == "observations"]


def test_a_maker_s_name_then_manufacturing_is_a_company_not_a_model(gaz, nlp_pipeline):
    from types import SimpleNamespace

    from nevkg.ingest.extract.ner_types import _type_of
    from nevkg.ingest.extract.nlp import parse

    E = SimpleNamespace(gaz=gaz, new={}, new_meta={})
    for name, model in (("BYD Italia Manufacturing", False), ("BYD Sealion", True)):
        doc = parse(f"{name} will be ready next year.")
        got = _type_of(name, "ORG", doc, doc[0:len(name.split())], E)
        assert (got == ("vehicle_models", "")) == model, (name, got)


def test_a_word_of_a_company_s_name_cues_no_site(gaz, nlp_pipeline):
    from tests.ingest.test_parse_rules import run

    res = run(gaz, "Its Spanish unit, Tamsin Manufacturing Iberica, employs 300 people in Spain.")
    assert not [c for c in res.candidates if c.file == "sites"]
