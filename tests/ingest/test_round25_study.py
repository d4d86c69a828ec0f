"""Forms found on the round-25 samples (a battery pack unit's stake in Kulim, an EV plant in Subang and a robotaxi
pilot in IKN, e-motorcycles and battery swapping in Kigali, a hub in a Uruguayan free zone, e-buses for
Thessaloniki, an EV assembly venture in Sudair) once their unseen scores were recorded. The sentences are written
for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round24_study import _units


def _ids(result, file):
    return {c.record["id"]: c.record for c in cands(result, file)}


def test_a_paper_cited_with_a_capital_the_keeps_it_in_its_name(gaz):
    result = run(gaz, "Its chief executive told The Harbour Courier the plant would open in 2028. The Harbour Courier "
                      "understands that a second maker is in talks.", date="2026-11-05")
    orgs = _ids(result, "organizations")
    assert orgs["the-harbour-courier"]["kind"] == "publisher"
    assert "harbour-courier" not in orgs
    assert {m.id for m in result.mentions if "Courier" in m.text} == {"the-harbour-courier"}


def test_a_title_run_in_before_the_name_reads_past_the_body_s_short_form_and_its_inner_for(gaz):
    result = run(gaz, "Researcher at the Centre for Lowland Mobility Studies (CLMS) Ratna Dewi Kusumawati warned that "
                      "local suppliers were not ready.", date="2026-11-05")
    roles = {(r["person"], r["organization"], r["title"]) for r in _ids(result, "roles").values()}
    assert ("ratna-dewi-kusumawati", "centre-for-lowland-mobility-studies", "Researcher") in roles


def test_a_minister_named_without_a_country_serves_the_dateline_s_country_and_dr_is_no_part_of_the_name(gaz):
    result = run(gaz, "KIGALI – Chinese maker Hongfei Motors has bought a stake in a local firm, Umurava Volt Ltd, "
                      "and will ship kits from China to Rwanda.\n\nThe Minister of Trade, Dr Aline Uwera Mukamana, who "
                      "attended the signing, said the exemptions would be extended.", date="2026-11-05")
    roles = {(r["person"], r["organization"], r["title"]) for r in _ids(result, "roles").values()}
    assert ("aline-uwera-mukamana", "rwanda", "Minister of Trade") in roles


def test_shillings_written_shs_are_read_and_a_kampala_paper_s_are_uganda_s(gaz):
    """"Shs" (the Ugandan press's sign) stopped the extractor with a KeyError."""
    result = run(gaz, "KAMPALA – Hongfei Motors will invest Shs168 billion in a bus assembly plant in Namanve, "
                      "Uganda, and will sell each bus for about Shs1.2 billion.", date="2026-11-05")
    units = {(float(c.record["value"]), c.record.get("unit")) for c in cands(result, "observations")}
    assert (168e9, "ugx") in units


@pytest.mark.parametrize("sign", ["Sh", "Shs", "KSh", "KShs", "TSh", "TShs", "USh", "UShs", "Rs", "Rs.", "Tk", "Tk.",
                                  "Rbs", "RM", "Bt", "Rp", "US$", "R$", "C$", "A$", "HK$", "S$", "NT$", "NZ$", "¥", "€",
                                  "£", "₹", "₦", "RMB ", "CNY ", "USD ", "EUR "])
def test_every_currency_sign_the_figure_pattern_reads_has_a_currency(gaz, sign):
    from nevkg.ingest.extract import extract

    result = extract(f"Hongfei Motors will invest {sign}5 billion in a plant.", gaz, article_date="2026-11-05",
                     nlp=False)
    units = {c.record.get("unit") for c in cands(result, "observations")}
    assert len(units) == 1 and None not in units and units <= gaz.concepts


def _presence(result):
    return {(r["exporter"], r["market"], r["activity"]) for r in _ids(result, "market_presence").values()}


def test_kits_supplied_or_cells_shipped_to_a_place_from_a_maker_s_factory_abroad_are_its_exports(gaz):
    result = run(gaz, "RIYADH — Saudi group Nakheel Industrial Group will assemble cars of Chinese carmaker Hongfei "
                      "Motors in Sudair. Hongfei will supply completely knocked-down (CKD) kits from its factory in "
                      "Quzhou, in China's Zhejiang province.", date="2026-11-05")
    assert ("hongfei-motors", "saudi-arabia", "exports-to") in _presence(result)
    result = run(gaz, "Chinese battery maker Hongfei Cell will ship lithium iron phosphate (LFP) cells to Thailand "
                      "from its factory in Quzhou, in China's Zhejiang province.", date="2026-11-05")
    assert ("hongfei-cell", "thailand", "exports-to") in _presence(result)


def test_a_maker_supplying_customers_from_its_home_plants_is_no_export_without_a_destination(gaz):
    result = run(gaz, "COPENHAGEN — Hongfei Drive said it supplies Chinese car makers including Chery from its home "
                      "plants in Changzhou.", date="2026-11-05")
    assert not {p for p in _presence(result) if p[0] == "hongfei-drive"}


def test_a_list_of_export_markets_goes_on_past_later_and_a_bracketed_short_form(gaz):
    result = run(gaz, "Hongfei Motors will build a plant in Canelones, Uruguay. About 70% of the plant's output will "
                      "be exported, first to Paraguay and Bolivia and later to Argentina and Brazil. Some 20% will "
                      "be exported to other Gulf Cooperation Council (GCC) countries and to Jordan from 2029. The rest "
                      "will be exported to right-hand drive markets, starting with Australia and the Philippines.",
                 date="2026-11-05")
    markets = {p[1] for p in _presence(result) if p[0] == "hongfei-motors"}
    assert {"paraguay", "bolivia", "argentina", "brazil", "gulf-cooperation-council", "jordan", "australia",
            "philippines"} <= markets


def test_a_paper_cited_by_a_name_ending_in_a_newspaper_noun_is_a_publisher(gaz):
    result = run(gaz, "Al-Harbi told Riyadh Gazette that the plant would open in 2028. Industry sources told Riyadh "
                      "Gazette that a second maker is in talks.", date="2026-11-05")
    assert {m.kind for m in result.mentions if m.text == "Riyadh Gazette"} == {"publisher"}


def test_a_company_and_its_partner_named_in_apposition_work_together(gaz):
    result = run(gaz, "The Volos Urban Transport Organization (OAV) signed a contract on Wednesday worth €84 million "
                      "with Chinese manufacturer Hongfei Coach Co. and its Greek partner Thermaikos Coachworks S.A. "
                      "for 140 electric buses.", date="2026-11-05")
    pairs = {frozenset(r["partners"]) for r in _ids(result, "partnerships").values()}
    assert frozenset({"hongfei-coach-co", "thermaikos-coachworks-s-a"}) in pairs


def test_a_company_s_legal_name_with_a_place_in_brackets_before_sdn_bhd_is_one_name(gaz):
    result = run(gaz, "Teluk Mas Holdings Bhd will pay RM236 mil for a 40% stake in Hongfei Energy (Malaysia) Sdn Bhd "
                      "and sold Teluk Mas Estates (Pahang) Sdn Bhd.", date="2026-11-05")
    orgs = _ids(result, "organizations")
    assert {"hongfei-energy-malaysia-sdn-bhd", "teluk-mas-estates-pahang-sdn-bhd"} <= set(orgs)
    assert "pahang" not in orgs


def test_ringgit_written_with_mil_and_bil_are_amounts_and_no_names(gaz):
    result = run(gaz, "Teluk Mas Holdings Bhd is paying RM236 mil in cash for a 40% stake. The plant will cost RM1.1 "
                      "bil. Net profit rose 23% to RM38.4 mil from RM31.2 mil a year earlier.", date="2026-11-05")
    assert {(236e6, "myr"), (1.1e9, "myr"), (38.4e6, "myr"), (31.2e6, "myr")} <= _units(result)
    assert not [m for m in result.mentions if m.text.startswith("RM")]


def test_a_minister_without_a_country_serves_the_country_whose_towns_the_article_names(gaz):
    result = run(gaz, "Thessaloniki signs for 140 buses\n\nThe first 40 buses will be built at Hongfei's factory in "
                      "Zhenjiang, in China's Jiangsu province. The rest will be assembled in Thessaloniki, and some "
                      "will run in Athens and Patras.\n\nThe loan will come from a bank, Deputy Transport Minister "
                      "Nikos Papadakis said at the signing ceremony. It is the largest bus order Greece has placed.",
                 date="2026-11-05")
    roles = {(r["person"], r["organization"]) for r in _ids(result, "roles").values()}
    assert ("nikos-papadakis", "greece") in roles


def test_a_one_word_town_a_letter_away_from_a_known_province_is_another_place(gaz):
    from nevkg.ingest.extract.linking import link

    assert link("Zhenjiang", gaz, ("places",)) is None or link("Zhenjiang", gaz, ("places",)).id != "zhejiang"
    result = run(gaz, "The first 40 buses will be built at Hongfei Coach's factory in Zhenjiang, in China's Jiangsu "
                      "province.", date="2026-11-05")
    assert "zhejiang" not in {m.id for m in result.mentions}


def test_the_importer_named_with_a_dotted_legal_form_has_the_showrooms_listed_after_a_comma(gaz):
    result = run(gaz, "MONTEVIDEO – Hongfei cars have been sold in Uruguay since 2024 by Automotora Yaguarón S.A., a "
                      "Montevideo importer. The importer has nine showrooms, in Montevideo, Salto and Rivera, and "
                      "plans to have 14 by the end of 2027.", date="2026-11-05")
    nets = [r for r in _ids(result, "deployments").values() if r["kind"] == "store-network"]
    assert nets and nets[0]["operator"] == "automotora-yaguaron-s-a" and "montevideo" in nets[0]["places"]


def test_kits_shipped_after_a_sentence_of_export_destinations_go_to_the_dateline_s_country(gaz):
    result = run(gaz, "KIGALI – Chinese maker Hongfei Motorcycle Co. has bought a stake in Rwandan firm Umurava Volt "
                      "Ltd, and the two will build a plant in Kigali.\n\nAbout a quarter of the plant's output will be "
                      "exported to Burundi and the Democratic Republic of Congo (DR Congo) from 2028, its manager told "
                      "reporters.\n\nCompletely knocked-down kits will be shipped from the company's factory in "
                      "Jiangmen, in China's Guangdong Province, through the port of Dar es Salaam.", date="2026-11-05")
    shipped = {p[1] for p in _presence(result) if p[0] == "hongfei-motorcycle-co" and p[2] == "exports-to"}
    assert shipped == {"rwanda"}


def test_the_democratic_republic_of_congo_and_dr_congo_are_one_country(gaz):
    result = run(gaz, "KIGALI – Hongfei Motorcycle Co. will export motorcycles from Rwanda to Burundi and the "
                      "Democratic Republic of Congo (DR Congo) from 2028.", date="2026-11-05")
    places = _ids(result, "places")
    assert places["democratic-republic-of-congo"]["kind"] == "country"
    assert places["democratic-republic-of-congo"].get("iso_code") == "CD"
    assert "congo" not in places


def test_an_honorific_after_an_organisation_s_name_opens_the_person_s_name_and_is_no_part_of_the_body(gaz):
    result = run(gaz, "It was signed by CEO of Nakheel Industrial Group Eng. Rakan Fahad Al-Harbi and Hongfei "
                      "Chairman Ge Wenlan.", date="2026-11-05")
    orgs = _ids(result, "organizations")
    assert "nakheel-industrial-group" in orgs and "nakheel-industrial-group-eng" not in orgs


def test_a_name_cut_before_its_last_word_takes_it_when_that_word_says_something(gaz):
    result = run(gaz, '"We have prepared training with local polytechnics," Subang District Head Yayat Sudrajat '
                      'Mulyana affirmed.', date="2026-11-05")
    people = _ids(result, "people")
    assert "yayat-sudrajat-mulyana" in people and "mulyana" not in _ids(result, "places")


def test_a_spanish_company_named_trade_word_first_is_called_by_its_own_word(gaz):
    result = run(gaz, "Hongfei cars have been sold in Uruguay since 2024 by Automotora Yaguarón S.A., a Montevideo "
                      "importer. \"People ask for it by name,\" Yaguarón general manager Martín Rivero Sosa told "
                      "reporters.", date="2026-11-05")
    roles = {(r["person"], r["organization"]) for r in _ids(result, "roles").values()}
    assert ("martin-rivero-sosa", "automotora-yaguaron-s-a") in roles
    assert "yaguaron" not in _ids(result, "organizations")


def test_a_new_body_s_short_form_in_its_own_language_names_it_again(gaz):
    result = run(gaz, "The Volos Urban Transport Organization (OAAV) signed a contract on Wednesday for 40 electric "
                      "buses. OAAV currently operates some 210 buses, according to its chairman, Petros Lazaridis.",
                 date="2026-11-05")
    orgs = _ids(result, "organizations")
    assert "oaav" not in orgs and "OAAV" in orgs["volos-urban-transport-organization"].get("aliases", [])
    roles = {(r["person"], r["organization"]) for r in _ids(result, "roles").values()}
    assert ("petros-lazaridis", "volos-urban-transport-organization") in roles


def test_a_model_named_with_its_body_style_takes_the_id_of_its_name_without_it(gaz):
    result = run(gaz, "Hongfei Motors opened a plant in Vientiane to build the Yuanqu Xingyao 5 SUV for Laos.",
                 date="2026-11-05")
    assert set(_ids(result, "vehicle_models")) == {"yuanqu-xingyao-5"}
