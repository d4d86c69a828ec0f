"""Forms found on the round-45 samples (a bus maker's takeover in Genk, an e-bus venture near Rijeka, e-bus and
e-SUV orders with a loan and chargers on Guam, a van lease and chargers on the Isle of Man, a distributor and its
dealers in Monaco, a customs-duty cut and e-taxis in Kabul) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _roles
from tests.ingest.test_round33_study import _org_ids


def test_a_body_named_after_a_territory_with_of_in_its_name_is_whole(gaz):
    text = ("Electric rounds\n\n"
            "Isle of Man Post Office will replace its diesel vans with electric ones from next spring. The Post Office "
            "said the first vans would be based in Ramsey.")
    result = run(gaz, text, date="2026-12-10")
    ids = _org_ids(result)
    assert "isle-of-man-post-office" in ids and "man-post-office" not in ids and "post-office" not in ids
    body = next(c for c in cands(result, "organizations") if c.record["id"] == "isle-of-man-post-office")
    assert "Post Office" in body.record.get("aliases", [])


def test_a_name_spelled_by_its_bracketed_initials_is_one_organisation_over_the_parsers_pieces(gaz):
    text = ("Chargers for Herat\n\n"
            "Da Afghanistan Breshna Sherkat (DABS), the national power utility, has signed an agreement with Kohdaman "
            "Motors to build 20 charging stations in Herat, DABS spokesman Mohammad Ismail Sahak said.")
    result = run(gaz, text, date="2026-12-10")
    ids = _org_ids(result)
    assert "da-afghanistan-breshna-sherkat" in ids and "dabs" not in ids
    roles = [c.record for c in cands(result, "roles")]
    assert any(r["organization"] == "da-afghanistan-breshna-sherkat" and r["title"] == "spokesman" for r in roles)


def test_a_country_named_before_its_bracketed_initials_stays_a_country(gaz):
    text = ("Exports\n\n"
            "About 40 percent of the buses will be exported to Malawi, the Democratic Republic of Congo (DRC) and "
            "Zambia, the company said. The Antigua and Barbuda Sales Tax (ABST) stays at 17 percent.")
    result = run(gaz, text, date="2026-12-10")
    places = {c.record["id"] for c in cands(result, "places")}
    assert "democratic-republic-of-congo" in places and "democratic-republic-of-congo" not in _org_ids(result)
    assert "antigua-and-barbuda-sales-tax" not in _org_ids(result)


def test_a_name_joined_by_hyphens_around_a_particle_is_one_place(gaz):
    text = ("Taxis for Herat\n\n"
            "Kohdaman Motors has opened a showroom in Mazar-i-Sharif and a second one in Shahr-i-Naw, Kabul, the "
            "company said.")
    result = run(gaz, text, date="2026-12-10")
    places = {c.record["id"] for c in cands(result, "places")}
    assert {"mazar-i-sharif", "shahr-i-naw"} <= places and not {"mazar", "shahr", "sharif"} & places


def test_a_name_ending_in_utilities_is_a_company_with_its_head_after_the_possessive(gaz):
    text = ("Chargers for the island\n\n"
            "Manx Utilities will install 18 chargers at Spring Valley by the end of March. The island has 64 public "
            "charge points at present, said Manx Utilities' head of customer services, Nathan Crellin.")
    result = run(gaz, text, date="2026-12-10")
    assert "manx-utilities" in _org_ids(result)
    roles = [c.record for c in cands(result, "roles")]
    assert any(r["person"] == "nathan-crellin" and r["organization"] == "manx-utilities"
               and r["title"] == "head of customer services" for r in roles)


def test_a_legislators_title_before_the_name_outranks_member_of_a_committee(gaz):
    text = ("Lease questioned\n\n"
            "Rushen MHK Rachel Kneale, a member of Tynwald's Economic Policy Committee, said she would ask for the "
            "figures. Walloon MP Luc Dardenne (Ecolo), a member of the Walloon Parliament's Budget Committee, said "
            "the region should wait.")
    result = run(gaz, text, date="2026-12-10")
    roles = _roles(result)
    assert ("rachel-kneale", "tynwald", "MHK") in roles
    assert ("luc-dardenne", "walloon-parliament", "MP") in roles
    assert "economic-policy-committee" in _org_ids(result)


def test_a_peoples_committee_keeps_its_name_whole(gaz):
    text = ("Buses for Tay Ninh\n\n"
            "The Tay Ninh People's Committee approved the depot, said Tran Van Minh, vice chairman of the committee.")
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert "people" not in ids


def test_a_name_with_a_romance_particle_and_a_dotted_legal_form_is_whole_and_its_short_name_is_its_own(gaz):
    text = ("A distributor for Monaco\n\n"
            "Lingshu Automobile Co., Ltd. has named Garage du Port S.A.M. its distributor in the Principality. Garage "
            "du Port opened a showroom in September and has sold 20 cars since. Under agreements signed in November, "
            "Garage Riquier SAS in Nice and Menton Autos SAS in Menton will sell the cars.")
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert {"garage-du-port-s-a-m", "garage-riquier-sas", "menton-autos-sas"} <= ids
    assert not {"port-s-a-m", "s-a-m", "port", "nice-and-menton-autos-sas"} & ids


def test_sources_ranked_or_counted_after_a_named_source_are_origins_of_the_same_imports(gaz):
    text = ("Imports\n\n"
            "According to the customs office, 5,200 vehicles were imported into Palau in the first nine months of "
            "2026, down 3.1 percent. Japan supplied 2,400, down 6.2 percent, followed by Taiwan with 1,300, up 2.5 "
            "percent, and the U.S. mainland with 900, down 1.0 percent. Imports from China doubled, to 310 from 155.")
    flows = {(c.record["exporter"], c.record["market"]) for c in cands(run(gaz, text, date="2026-12-10"),
                                                                        "market_presence")
             if c.record["activity"] == "exports-to"}
    assert {("japan", "palau"), ("united-states", "palau"), ("china", "palau")} <= flows
    assert not any(m in {"taiwan", "united-states"} for _, m in flows)


def test_it_in_a_relative_clause_whose_pronoun_is_the_object_is_the_main_clauses_subject(gaz):
    text = ("Rentals\n\n"
            "Talofofo Rent-A-Car Inc. is switching too. The company has ordered 80 electric SUVs from Tasi Motors, "
            "which it will lease from Hagat Leasing LLC over 36 months, its chief executive said.")
    pairs = {tuple(sorted(c.record["partners"])) for c in cands(run(gaz, text, date="2026-12-10"), "partnerships")}
    assert ("hagat-leasing-llc", "talofofo-rent-a-car-inc") in pairs
    assert ("hagat-leasing-llc", "tasi-motors") not in pairs


def test_a_lessor_that_leases_goods_to_a_public_body_works_with_it(gaz):
    text = ("Vans\n\n"
            "Isle of Man Post Office will replace its diesel vans. Conister Bank will buy them and lease them to the "
            "Post Office over five years.")
    pairs = {tuple(sorted(c.record["partners"])) for c in cands(run(gaz, text, date="2026-12-10"), "partnerships")}
    assert ("conister-bank", "isle-of-man-post-office") in pairs


def test_a_title_of_a_companys_management_board_names_the_board(gaz):
    text = ("Buses for Rijeka\n\n"
            "Eight buses will arrive from Zhuzhou in 2027, said Ivo Grbac, president of the Autotrolej management "
            "board.")
    roles = {(c.record["person"], c.record["title"]) for c in cands(run(gaz, text, date="2026-12-10"), "roles")}
    assert ("ivo-grbac", "president of the management board") in roles


def test_a_minister_named_with_a_regions_adjective_serves_the_government_named_with_it(gaz):
    text = ("Jobs for Limburg\n\n"
            "The Walloon Government will contribute 9 million euros to the plant. This is industry with a future, "
            "Walloon Economy Minister Pierre Jadot told reporters in Liege. Huabei will buy a bus maker in Belgium.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("pierre-jadot", "walloon-government", "Economy Minister") in roles


def test_a_lecturer_is_a_title(gaz):
    text = ("Duty cut\n\n"
            "Herat University economics lecturer Ahmad Zia Rahimi said the duty cut was a positive step. Dr Ewan "
            "Kelly, a senior lecturer in economics at University College Isle of Man, said the deal looked sensible.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("ahmad-zia-rahimi", "herat-university", "economics lecturer") in roles
    assert ("ewan-kelly", "university-college-isle-of-man", "senior lecturer in economics") in roles


def test_a_governor_with_no_place_named_is_the_governor_of_the_territory_the_article_is_about(gaz):
    text = ("Buses for Bermuda\n\n"
            "The Department of Public Transportation will buy 20 electric buses for routes in Hamilton, Bermuda. The "
            "first buses will reach Bermuda in May. Gov. Andrew Murdoch welcomed the order.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("andrew-murdoch", "bermuda", "Governor") in roles


def test_a_legislator_with_no_body_in_the_phrase_sits_in_the_one_legislature_the_article_names(gaz):
    text = ("A tax break\n\n"
            "The Northern Marianas Commonwealth Legislature will debate a tax break for electric cars. The bill "
            "would run until 2031. Sen. Elena D. Hocog said she backs it.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert any(p == "elena-d-hocog" and t == "Senator" and "legislature" in o for p, o, t in roles)
