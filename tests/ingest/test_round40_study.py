"""Forms found on the round-40 samples (an e-van and e-truck takeover at Vogošća in Bosnia and Herzegovina, an
e-minibus, e-van and charging story at Vieux Fort in Saint Lucia, an e-tricycle and e-minibus venture at Kanifing in
The Gambia, an e-van and e-pickup takeover at Riche Terre in Mauritius, an e-taxi and e-minibus fleet story in Macao,
an e-van and e-minibus venture at Balti in Moldova) once their unseen scores were recorded. The sentences are written
for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _roles
from tests.ingest.test_round36_study import _fleets
from tests.ingest.test_round38_study import _market_actors


def test_bih_is_bosnia_and_herzegovina(gaz):
    text = ("Imports of electric vans to BiH rose 40 percent in the first half. Weilong Auto has sold its vans in "
            "BiH through a Mostar dealer since 2023.")
    result = run(gaz, text, date="2026-12-10")
    assert "bosnia-and-herzegovina" in {m.id for m in result.mentions}
    assert ("weilong-auto", "bosnia-and-herzegovina") in _market_actors(result)


def test_goods_from_a_country_after_an_imports_sentence_are_its_exports(gaz):
    text = ("Weilong Auto opened a showroom in Windhoek. According to the Namibia Statistics Agency, Namibia imported "
            "9,400 cars in the first half of 2026. Used cars from Japan fell 8% to 5,100, while those from Thailand "
            "rose 14% to 1,300.")
    actors = _market_actors(run(gaz, text, date="2026-12-10"))
    assert {("japan", "namibia"), ("thailand", "namibia")} <= actors
    text = "Weilong Auto opened a showroom in Windhoek. Used cars from Japan sell well in Namibia, its manager said."
    assert ("japan", "namibia") not in _market_actors(run(gaz, text, date="2026-12-10"))


def _orgs(result):
    return {c.id: c.record["label"] for c in cands(result, "organizations")}


def test_a_quoted_name_takes_the_legal_form_after_the_quotes(gaz):
    text = ("The logistics company “Neretva Prijevoz” d.o.o. from Mostar ordered 25 electric vans from Weilong Auto, "
            "financed with a loan of 0.9 million EUR from “Hercegovacka Banka” d.d., said the owner.")
    result = run(gaz, text, date="2026-12-10")
    orgs = _orgs(result)
    assert orgs.get("neretva-prijevoz-d-o-o") == "Neretva Prijevoz d.o.o"
    assert "hercegovacka-banka-d-d" in orgs
    partners = partner_pairs(result)
    assert frozenset({"weilong-auto", "neretva-prijevoz-d-o-o"}) in partners  # the buyer, not the lender
    assert frozenset({"hercegovacka-banka-d-d", "neretva-prijevoz-d-o-o"}) in partners
    assert frozenset({"weilong-auto", "hercegovacka-banka-d-d"}) not in partners


def test_the_company_before_a_name_is_that_name(gaz):
    text = ("Weilong Auto opened a van plant in Vogosca last year. Mayor Edin Hodzic welcomed it. The company "
            "“Drina Trans” d.o.o. ordered 30 electric vans, said its owner.")
    partners = partner_pairs(run(gaz, text, date="2026-12-10"))
    assert frozenset({"weilong-auto", "drina-trans-d-o-o"}) in partners


def test_a_number_in_words_opening_a_sentence_is_no_company(gaz):
    text = ("Sixty electric minibuses built in China will be plying the Castries to Gros Islet route under a deal "
            "signed on Thursday between the Route 3C Minibus Owners Co-operative Society Ltd and Weilong Auto.")
    result = run(gaz, text, date="2026-12-10")
    assert "sixty" not in _orgs(result)
    assert not any("sixty" in pair for pair in partner_pairs(result))


def _fleet_places(result):
    return {place for _, place in _fleets(result)}


def test_deliveries_from_depots_name_where_the_fleet_runs(gaz):
    text = ("Weilong Auto builds vans in Hefei. Grand Bay Couriers Ltd has ordered 90 electric vans from Weilong Auto. "
            "The first 30 will come from Hefei in May, for deliveries from its depots in Curepipe and Mahebourg.")
    places = _fleet_places(run(gaz, text, date="2026-12-10"))
    assert {"curepipe", "mahebourg"} <= places and "hefei" not in places


@pytest.mark.parametrize("then, runs", [("The vans will deliver parcels in Zenica and Mostar.", True),
                                        ("The vans will be delivered in Zenica and Mostar.", False)])
def test_vans_that_deliver_parcels_in_towns_run_there(gaz, then, runs):
    text = f"Weilong Auto builds vans in Hefei. Una Post has ordered 150 electric vans from Weilong Auto. {then}"
    assert ({"zenica", "mostar"} <= _fleet_places(run(gaz, text, date="2026-12-10"))) is runs


def test_an_order_signed_with_a_maker_and_its_distributor_is_placed_with_both(gaz):
    text = ("Kowloon Cabs Limited signed the order yesterday with Weilong Auto and its local distributor, Praia Motors "
            "Limited, at a ceremony in Cotai attended by officials from the Transport Bureau.")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"))
    assert {frozenset({"kowloon-cabs-limited", "weilong-auto"}),
            frozenset({"kowloon-cabs-limited", "praia-motors-limited"})} <= pairs
    assert not any("transport-bureau" in pair for pair in pairs)


def test_a_mayor_of_a_town_named_with_an_honorific_holds_the_title_without_the_town(gaz):
    text = ("The council will receive 36 electric pick-ups by September 2027, the Lord Mayor of Port Louis, "
            "Mr Jean-Paul Rivet, said.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("jean-paul-rivet", "port-louis", "Lord Mayor") in roles


def test_a_ministry_of_two_fields_is_one_body(gaz):
    text = ("Weilong Auto will build the plant at Riche Terre on land leased from the Ministry of Housing and Lands "
            "for 30 years.")
    orgs = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert orgs["ministry-of-housing-and-lands"]["kind"] == "ministry" and "ministry-of-housing" not in orgs


def test_imports_counted_by_a_body_named_for_its_country_are_that_country_s(gaz):
    text = ("Weilong Auto opened a tricycle plant in The Gambia last year. It employs 300 people. Its chairman spoke "
            "of more jobs. Its first buyers are riders. Figures from the Gambia Revenue Authority show that 9,800 "
            "tricycles were imported in the first half. Imports from China rose 4 percent to 8,100, while those from "
            "India fell 11 percent to 900.")
    actors = _market_actors(run(gaz, text, date="2026-12-10"))
    assert {("china", "gambia"), ("india", "gambia")} <= actors


def test_goods_shipped_to_a_town_are_exports_to_its_country(gaz):
    text = ("Weilong Auto will open an assembly plant in Mauritius next year. The first vans will be assembled from "
            "kits made at Weilong's factory in Hefei and shipped to Port Louis, its manager said.")
    actors = _market_actors(run(gaz, text, date="2026-12-10"))
    assert ("weilong-auto", "mauritius") in actors and ("weilong-auto", "port-louis") not in actors


@pytest.mark.parametrize("title", ["administrator", "proprietor"])
def test_an_administrator_or_proprietor_is_a_title(gaz, title):
    text = (f"The logistics company Dniester Cargo S.R.L. will receive 30 electric vans from Liuzhou by May 2027 "
            f"for deliveries in Chisinau, its {title}, Sergiu Munteanu, said.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("sergiu-munteanu", "dniester-cargo-s-r-l", title) in roles
