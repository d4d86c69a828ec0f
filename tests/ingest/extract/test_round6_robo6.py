"""Round 6 (robotaxi) forms, on sentences written for these tests: a relation only asked about ("declined to say
whether …") is not stated."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records

RELATION_FILES = ("partnerships", "sites", "market_presence", "investments", "deployments")


def relations(result) -> list[dict]:
    return [r for f in RELATION_FILES for r in records(result, f)]


# ------------------------------------------------------------------ an open question states no relation
@pytest.mark.parametrize("text", [
    "Velmora Motors declined to say whether it would build a plant in Mexico.",
    "Velmora Motors did not confirm whether it will start selling cars in Chile next year.",
    "A Velmora Motors spokesperson declined to comment on whether the company would form a joint venture with "
    "Karvo Group.",
    "Velmora Motors would not say if it plans to invest in Hungary.",
])
def test_a_relation_only_asked_about_is_not_stated(run, text):
    assert relations(run(text)) == []


def test_the_stated_clause_beside_an_open_question_stays(run):
    result = run("Velmora Motors sells cars in Chile, and analysts asked whether it would open a plant in Peru.")
    assert {(r["exporter"], r["market"]) for r in records(result, "market_presence")} == {("velmora-motors", "chile")}
    assert records(result, "sites") == []


# ------------------------------------------------- an adjective of origin before a company is no deployment place
def deployed(result) -> set[tuple[str, str]]:
    return {(r["operator"], p) for r in records(result, "deployments") for p in r.get("places", [])}


@pytest.mark.parametrize("text, runs, origin", [
    ("Velmora Mobility will test driverless buses in Vienna with Qatari fleet operator Sahra Transport.",
     "vienna", "qatar"),
    ("Velmora Mobility will start robotaxi tests in Vienna together with the Belgian bus company Karvo Linien.",
     "vienna", "belgium"),
    ("Velmora Mobility signed a deal in June with Dutch taxi operator Rijnstad Taxi to run robotaxis in Vienna.",
     "vienna", "netherlands"),
])
def test_an_adjective_of_origin_before_a_company_is_no_deployment_place(run, text, runs, origin):
    places = {p for _, p in deployed(run(text))}
    assert runs in places and origin not in places


def test_an_adjective_before_roads_is_still_a_deployment_place(run):
    places = {p for _, p in deployed(run("Velmora Mobility will test driverless buses in Vienna and on Dutch roads."))}
    assert {"vienna", "netherlands"} <= places


# ------------------------------------------------ a signature: name, title, then the organisation's own line
def roles(result) -> set[tuple[str, str, str]]:
    return {(r["person"], r["organization"], r["title"]) for r in records(result, "roles")}


@pytest.mark.parametrize("text, role", [
    ("The licences take effect on 1 March.\n\nSigned,\n\nMaria Lindqvist\nDirector-General\nSwedish Transport "
     "Agency\n", ("maria-lindqvist", "swedish-transport-agency", "Director-General")),
    ("The permit is valid for two years.\n\nDato' Rahim bin Osman\nChief Executive Officer\nNational Road Safety "
     "Board (NRSB)\n", ("rahim-bin-osman", "national-road-safety-board", "Chief Executive Officer")),
    ("Applicants may ask for a review within 30 days.\n\nTan Sri Aziz bin Yusof\nChairman\nPeninsular Transport "
     "Commission\n", ("aziz-bin-yusof", "peninsular-transport-commission", "Chairman")),
])
def test_a_signature_with_its_organisation_on_the_line_below(run, text, role):
    assert role in roles(run(text))


def test_a_name_with_a_particle_stops_at_its_line_end(run):
    text = "The notice is final.\n\nRahim bin Osman\nDirector\nNational Road Safety Board\n"
    people = {r["id"] for r in records(run(text), "people")}
    assert "rahim-bin-osman" in people and not any(p.endswith("-director") for p in people)


# ------------------------------------------ "at X in Y" makes X a place only when Y is a country
@pytest.mark.parametrize("text, role", [
    ("The service would start in Oslo, followed by Bergen. \"It is early,\" said Mia Berg, a mobility analyst at "
     "Kestrel Markets in Bergen.", ("mia-berg", "kestrel-markets", "mobility analyst")),
    ("Rides would begin in Malmo, followed by Lund. \"The timetable is tight,\" said Jonas Lind, a transport "
     "analyst at Harrow Equity in Lund.", ("jonas-lind", "harrow-equity", "transport analyst")),
])
def test_a_firm_at_a_city_stays_a_firm(run, text, role):
    assert role in roles(run(text))


def test_a_name_at_a_place_in_a_country_is_still_a_place(run):
    result = run("Velmora Motors opened a showroom at Nordby in Denmark.")
    assert "nordby" in {r["id"] for r in records(result, "places")} | {
        p for r in records(result, "deployments") for p in r.get("places", [])}


# ------------------------------------------------ a gapped clause: "A tests in X and B in Y"
@pytest.mark.parametrize("text, pairs, absent", [
    ("Karvo Robotics has been testing robotaxis in Luxembourg and Velmora Mobility in Belgium.",
     {("karvo-robotics", "luxembourg"), ("velmora-mobility", "belgium")}, ("karvo-robotics", "belgium")),
    ("Karvo Robotics runs driverless buses in Tallinn and Riga, while Velmora Mobility in Vilnius.",
     {("karvo-robotics", "tallinn"), ("karvo-robotics", "riga"), ("velmora-mobility", "vilnius")},
     ("karvo-robotics", "vilnius")),
])
def test_a_gapped_clause_gives_each_company_its_own_places(run, text, pairs, absent):
    result = run(text)
    assert pairs <= deployed(result) and absent not in deployed(result)
    assert records(result, "partnerships") == []


def test_a_partner_after_the_places_is_no_gap(run):
    result = run("Karvo Robotics has been testing robotaxis in Luxembourg and Belgium with Velmora Mobility.")
    assert {("karvo-robotics", "luxembourg"), ("karvo-robotics", "belgium")} <= deployed(result)
    assert any(set(r["partners"]) == {"karvo-robotics", "velmora-mobility"} for r in records(result, "partnerships"))


# ---------------------------------------------- cars offered to a platform's riders in a place
@pytest.mark.parametrize("text, team, places", [
    ("Velmora Mobility and Karvo Robotics plan driverless rides in Belgium next year. The first vehicles would be "
     "offered to Velmora Mobility users in Ghent in May, followed by Bruges, according to a statement.",
     {"velmora-mobility", "karvo-robotics"}, {"ghent", "bruges"}),
    ("Velmora Mobility runs robotaxis in Oslo. Last year it agreed to offer Karvo Robotics vehicles to its riders "
     "in Zurich.", {"velmora-mobility", "karvo-robotics"}, {"zurich"}),
    ("Karvo Robotics builds driverless taxis. Under a deal signed in May, its cars will be offered to Uber "
     "passengers in Vienna from 2027.", {"karvo-robotics", "uber"}, {"vienna"}),
])
def test_cars_offered_to_a_platforms_riders_are_deployed_there(run, text, team, places):
    found = [r for r in records(run(text), "deployments") if {r["operator"], *r.get("partners", [])} == team]
    assert places <= {p for r in found for p in r["places"]}


def test_an_offer_to_customers_in_a_carmakers_story_is_no_deployment(run):
    result = run("Velmora Motors sells electric SUVs in Chile. It offers a discount to its customers in Peru.")
    assert records(result, "deployments") == []


# -------------------------------------------------------------- money raised from named investors
def invested(result) -> set[tuple[str, str]]:
    return {(r["investor"], r.get("investee") or r.get("place")) for r in records(result, "investments")}


@pytest.mark.parametrize("text, pairs", [
    ("Velmora Mobility raised 80 million euros from investors including Danish fund Lindholm Capital in May.",
     {("lindholm-capital", "velmora-mobility")}),
    ("Velmora Mobility raised 80 million euros from Lindholm Capital and Orsund Ventures last year.",
     {("lindholm-capital", "velmora-mobility"), ("orsund-ventures", "velmora-mobility")}),
])
def test_money_raised_from_investors_is_their_investment(run, text, pairs):
    assert pairs <= invested(run(text))


@pytest.mark.parametrize("text", [
    "Velmora Mobility secured a 50 million euro loan from Nordea Bank.",
    "Velmora Mobility raised its forecast from Lindholm Capital's estimate of 2 million vehicles.",
])
def test_a_loan_or_no_money_raised_is_no_investment(run, text):
    assert invested(run(text)) == set()


# ------------------------------------ "its" in a verbless list item is the item's head organisation
@pytest.mark.parametrize("text, pair, wrong", [
    ("Having heard the advice of the Nordic Road Safety Institute, the Authority grants test licences to:\n\n"
     "(a) Karvo Robotics Ltd., a company registered in China, jointly with its local partner Velmora Mobility, "
     "for the Vesterbro district.\n",
     {"karvo-robotics-ltd", "velmora-mobility"}, "nordic-road-safety-institute"),
    ("After hearing the Baltic Transport Institute, the Board licenses the following operators.\n\n"
     "1. Orsund Drive AB, together with its fleet partner Tallinn Cabs, for the Kalamaja zone.\n",
     {"orsund-drive-ab", "tallinn-cabs"}, "baltic-transport-institute"),
])
def test_its_in_a_verbless_list_item_is_the_items_company(run, text, pair, wrong):
    parts = [set(r["partners"]) for r in records(run(text), "partnerships")]
    assert pair in parts and not any(wrong in p for p in parts)


# ----------------------------------- "jointly with" is a cooperation, and a licence's joint holders are partners
def partnered(result) -> dict[frozenset, str]:
    return {frozenset(r["partners"]): r["kind"] for r in records(result, "partnerships")}


@pytest.mark.parametrize("text, pair", [
    ("The Board licenses the following operators:\n\n(b) Orsund Drive AB, a company registered in Sweden, jointly "
     "with the ride-hailing platform Rijnstad Mobility Group, for Zone C (Kalamaja).",
     {"orsund-drive-ab", "rijnstad-mobility-group"}),
    ("(c) Karvo Robotics Co., Ltd., a company incorporated in China, jointly with the taxi operator Selangor Teksi "
     "Sdn Bhd, for Zone D.", {"karvo-robotics-co-ltd", "selangor-teksi-sdn-bhd"}),
    ("Orsund Drive AB will run the service jointly with the bus company Rijnstad Mobility Group.",
     {"orsund-drive-ab", "rijnstad-mobility-group"}),
])
def test_jointly_with_is_a_cooperation(run, text, pair):
    assert partnered(run(text)).get(frozenset(pair)) == "cooperation"


def test_together_with_in_an_announcement_is_no_partnership(run):
    text = "Orsund Drive AB, together with Rijnstad Mobility Group, announced the results on Monday."
    assert partnered(run(text)) == {}


# ------------------------------------------ legal forms with inner dots end a company's name
@pytest.mark.parametrize("text, full, short", [
    ("Karvo Robotics and Savinja Bus d.d., a regional bus operator, will test driverless shuttles in Celje. "
     "Savinja Bus will run the depot.", "savinja-bus-d-d", "Savinja Bus"),
    ("Velmora Charge d.o.o. will install chargers in Zagreb for Karvo Robotics. Velmora Charge has 40 staff.",
     "velmora-charge-d-o-o", "Velmora Charge"),
    ("Brnenske Linky s.r.o. will operate the shuttles in Brno. Brnenske Linky has 200 buses.",
     "brnenske-linky-s-r-o", "Brnenske Linky"),
])
def test_a_dotted_legal_form_ends_a_company_name_and_its_short_name_is_the_same(run, text, full, short):
    result = run(text)
    orgs = {r["id"] for r in records(result, "organizations")}
    assert full in orgs and not any(o.startswith(full.rsplit("-", 2)[0]) and o != full for o in orgs)
    assert {m.id for m in result.mentions if m.text == short} == {full}


def test_a_role_at_a_company_with_a_dotted_legal_form_at_the_sentence_end(run):
    text = "\"Our drivers know every stop,\" said Marko Žagar, Chief Executive Officer of Savinja Bus d.d.\n\nMore."
    assert ("marko-zagar", "savinja-bus-d-d", "Chief Executive Officer") in roles(run(text))


# ---------------------- a trial, a pilot or shuttles of a company that runs robotaxis are a deployment
@pytest.mark.parametrize("text, pair, partner", [
    ("Karvo Robotics runs robotaxis in Oslo. In June it began a trial in Aarhus, Denmark, with the bus company "
     "Jyske Linjer Group.", ("karvo-robotics", "aarhus"), "jyske-linjer-group"),
    ("Karvo Robotics runs robotaxis in Oslo. Since 2024 the company has operated shuttles at the Science Park in "
     "Tartu.", ("karvo-robotics", "tartu"), None),
    ("Karvo Robotics runs driverless buses in Oslo. Next year it will start a pilot in Gdansk with the transit "
     "company Baltic Bus Group.", ("karvo-robotics", "gdansk"), "baltic-bus-group"),
])
def test_a_trial_of_a_robotaxi_company_is_a_deployment(run, text, pair, partner):
    result = run(text)
    assert pair in deployed(result)
    if partner:
        assert frozenset({pair[0], partner}) in partnered(result)


@pytest.mark.parametrize("text", [
    "Velmora Motors sells cars in Chile. It began a trial of its new sedan in Peru.",
    "Velmora Motors sells cars in Chile. It runs a shuttle bus for its staff in Santiago.",
])
def test_a_trial_of_a_carmaker_is_no_deployment(run, text):
    assert records(run(text), "deployments") == []


# ------------------------------------ a public body named again without its country is the same body
@pytest.mark.parametrize("text, body, role", [
    ("The Ministry of Infrastructure of the Republic of Slovenia granted Karvo Robotics a permit. Alenka Rozman, "
     "State Secretary at the Ministry of Infrastructure, said the permit was strict.",
     "ministry-of-infrastructure-of-the-republic-of-slovenia", ("alenka-rozman", "State Secretary")),
    ("The Ministry of Transport of Estonia approved the trial. Mari Tamm, an adviser at the Ministry of Transport, "
     "welcomed it.", "ministry-of-transport-of-estonia", ("mari-tamm", "adviser")),
])
def test_a_body_named_again_without_its_country_is_the_same(run, text, body, role):
    result = run(text)
    assert {m.id for m in result.mentions if m.text.startswith("Ministry")} == {body}
    assert (role[0], body, role[1]) in roles(result)


# ------------------------------------------- "State Secretary" is a rank, "State" no organisation
@pytest.mark.parametrize("text", [
    "Alenka Rozman, State Secretary, said the permit was strict.",
    "Jonas Berg, Permanent Secretary, said the licences would be reviewed.",
])
def test_a_rank_word_before_a_title_is_no_organisation(run, text):
    result = run(text)
    assert {r["id"] for r in records(result, "organizations")} == set()
    assert roles(result) == set()


# ------------------------------- a name at the end of a list of places is no operator of the service
@pytest.mark.parametrize("text", [
    "The agency approved autonomous ride-hailing services in Cyberjaya, Putrajaya and Iskandar Puteri.",
    "Pilot licences for autonomous ride-hailing services in Cyberjaya, Putrajaya and Iskandar Puteri",
])
def test_a_name_ending_a_list_of_places_operates_nothing(run, text):
    assert all(r["operator"] != "puteri" for r in records(run(text), "deployments"))


def test_an_operator_named_after_the_places_still_runs_them(run):
    result = run("Driverless shuttle services in Oslo and Bergen will be run by Karvo Robotics from May.")
    assert {("karvo-robotics", "oslo"), ("karvo-robotics", "bergen")} <= deployed(result)


# -------------------------------------- the charging firm of a charging deployment is its operator
def test_the_charging_firm_designated_for_a_depot_runs_its_chargers(run):
    text = ("Karvo Robotics and Velmora Mobility have designated Nordlicht Charging GmbH as operator of their depot "
            "in Oslo, which will have 30 charging points.")
    deps = [r for r in records(run(text), "deployments") if r["kind"] == "charging-network"]
    assert [(r["operator"], r["places"]) for r in deps] == [("nordlicht-charging-gmbh", ["oslo"])]
    assert "karvo-robotics" in deps[0]["partners"]


# -------------------------------------------------- "Pty Ltd", "Ltd" without its dot end a company's name
@pytest.mark.parametrize("text, org", [
    ("Karvo Robotics signed a deal with Harbour Fleet Pty Ltd to run robotaxis in Perth.", "harbour-fleet-pty-ltd"),
    ("The council leased a depot at Eagle Farm to Southern Cross Charging Pty Ltd, which will build a charging hub.",
     "southern-cross-charging-pty-ltd"),
])
def test_pty_ltd_ends_a_company_name(run, text, org):
    assert org in {r["id"] for r in records(run(text), "organizations")}


# ------------------------------------------- a name the parser ran on into a preposition stops before it
def test_a_place_name_does_not_end_in_a_preposition(run):
    text = ("Councillors approved a ten-year lease of a disused bus depot at Eagle Farm to Southern Cross Charging "
            "Pty Ltd, which will build a charging hub with 48 fast chargers.")
    result = run(text)
    assert ("southern-cross-charging-pty-ltd", "eagle-farm") in deployed(result)
    assert not any(r["id"].endswith("-to") for f in ("places", "organizations") for r in records(result, f))


# ---------------------------------- a cap or a floor: its bound, and no count at the article's time
def figures_of(result) -> list[tuple]:
    return [(r["value"], r.get("unit"), r.get("bound"), r.get("period_start")) for r in records(result, "observations")]


@pytest.mark.parametrize("text, expected", [
    ("The fleet of Karvo Robotics in Oslo shall not exceed 80 vehicles.", (80, "vehicles", "upper", None)),
    ("Karvo Robotics' fleet in Oslo is capped at 80 vehicles in 2027.", (80, "vehicles", "upper", "2027")),
    ("Karvo Robotics may run a maximum of 60 robotaxis in Bergen.", (60, "vehicles", "upper", None)),
    ("Karvo Robotics must hold insurance of not less than RM 20 million per vehicle.",
     (20000000, "myr", "lower", None)),
])
def test_a_cap_or_a_floor(run, text, expected):
    assert expected in figures_of(run(text))


# ------------------------------------------- a press release's contact block: label, name, title, company
def test_a_contact_block_gives_each_contacts_role(run):
    text = ("Velmora Bus d.d. runs 300 buses in Celje.\n\nMedia contact:\nMaja Kovac, Communications Manager, "
            "Velmora Bus d.d., press@velmora.example\nLina Wu, Head of Corporate Communications, Karvo Robotics, "
            "media@karvo.example\n")
    result = run(text)
    assert {("maja-kovac", "velmora-bus-d-d", "Communications Manager"),
            ("lina-wu", "karvo-robotics", "Head of Corporate Communications")} <= roles(result)
    orgs = {r["id"] for r in records(result, "organizations")}
    assert "media" not in orgs and "communications-manager" not in orgs


# ---------------------------- "A and B" read as one name is two companies when the article names each alone
@pytest.mark.parametrize("text, parts", [
    ("Velmora Robotics runs robotaxis in Leeds. Passengers will be able to book rides through the Uber app as well "
     "as through Leeds Cabs' own app, under an agreement that Velmora and Uber signed in June.",
     {"velmora-robotics", "uber"}),
    ("Tarn Autonomy Ltd will run robotaxis in Leeds. Rides can be booked in the Uber app under a deal that Tarn and "
     "Uber reached in May.", {"tarn-autonomy-ltd", "uber"}),
])
def test_two_companies_joined_by_the_parser_are_two(run, text, parts):
    result = run(text)
    orgs = {r["id"] for r in records(result, "organizations")}
    assert not any("-and-" in o for o in orgs)
    assert parts <= {m.id for m in result.mentions if m.rule == "joined-name"}


# ------------------------------ a technology company testing in a place, in an article about robotaxis
@pytest.mark.parametrize("text, pairs", [
    ("Chinese robotaxi developers are racing to find partners. Pony.ai has been testing in Luxembourg and WeRide "
     "in Switzerland.", {("pony-ai", "luxembourg"), ("weride", "switzerland")}),
    ("Chinese robotaxi developers are racing to find partners. Karvo Robotics has been testing in Vienna since "
     "May.", {("karvo-robotics", "vienna")}),
])
def test_a_technology_company_testing_in_a_robotaxi_story_deploys_there(run, text, pairs):
    assert pairs <= deployed(run(text))


def test_a_technology_company_testing_a_product_elsewhere_is_no_deployment(run):
    assert records(run("Velmora Motors sells cars in Chile. Karvo Technology is testing its battery in Peru."),
                   "deployments") == []


# --------------------------------------- "the company" is no plural subject: no partners from before
def test_the_company_as_subject_brings_in_no_earlier_pair(run):
    text = ("Lindo Robotics and Uber agreed that Lindo's robotaxis will be offered on the Uber app in Tallinn. "
            "Karvo Robotics said it was not in talks with any operator. The company did say that it would start "
            "testing robotaxis in Riga in the spring.")
    result = run(text)
    assert ("karvo-robotics", "riga") in deployed(result)
    assert not any("karvo-robotics" in p and ("uber" in p or "lindo-robotics" in p) for p in partnered(result))


# ----------------------- "X, a fund based in Y, which paid …": the relative clause speaks of X, not of Y
def test_which_after_a_description_ending_in_a_place_is_the_organisation(run):
    text = ("Karvo Robotics runs robotaxis in Oslo. The expansion is backed by Fjell Capital Partners, a state-owned "
            "fund based in Bergen, which paid $80 million in March for new Karvo shares.")
    assert ("fjell-capital-partners", "karvo-robotics") in invested(run(text))


def test_which_after_a_place_alone_is_the_place(run):
    result = run("Karvo Motors will build a plant in Bergen, which has a deep-water port.")
    assert ("karvo-motors", "bergen") in {(r["operator"][0], r["place"]) for r in records(result, "sites")}


# ------------------ a former employer in the person's own description leaves the title with the company
@pytest.mark.parametrize("text, title", [
    ("Karvo Robotics runs 900 robotaxis in Oslo. Chief executive Lena Vogt, who joined from Uber in 2020, said the "
     "fleet would double.", "Chief executive"),
    ("Karvo Robotics runs 900 robotaxis in Oslo. Founder and CEO Dr. Lena Vogt, a former Uber engineer who set up "
     "the company in 2018, said the fleet would double.", "Founder and CEO"),
])
def test_a_former_employer_in_the_description_is_not_the_titles_organisation(run, text, title):
    assert ("lena-vogt", "karvo-robotics", title) in roles(run(text))


def test_a_current_seat_elsewhere_still_leaves_the_title_open(run):
    text = ("Karvo Robotics runs 900 robotaxis in Oslo. Chief executive Lena Vogt, who also sits on the board of "
            "Uber, said the fleet would double.")
    assert not any(r[0] == "lena-vogt" and r[1] == "uber" for r in roles(run(text)))


# ------------------------------------------- a hyphenated title in apposition is one title
@pytest.mark.parametrize("text, title", [
    ("Karvo Robotics sold 900 robotaxis last year. Lena Vogt, its executive vice-president for international "
     "business, spoke to us in Oslo.", "executive vice-president for international business"),
    ("Karvo Robotics sold 900 robotaxis last year. Lena Vogt, its senior vice-president for Europe, said sales "
     "would rise.", "senior vice-president for Europe"),
])
def test_a_hyphenated_title_in_apposition_is_whole(run, text, title):
    assert ("lena-vogt", "karvo-robotics", title) in roles(run(text))


def test_the_company_installing_chargers_after_a_charging_firm_is_that_firm(run):
    text = ("Karvo Robotics runs robotaxis in Oslo. Charging for the fleet will be provided by Nordlicht Charge GmbH "
            "under a contract with Fjord Bus Group; the company is installing 20 fast chargers at the Fjord Bus "
            "depot in Bergen.")
    deps = [r for r in records(run(text), "deployments") if r["kind"] == "charging-network"]
    assert [(r["operator"], r["places"]) for r in deps] == [("nordlicht-charge-gmbh", ["bergen"])]


# ----------------------------------- licences listed item by item under a lead-in that grants them
_NOTICE = ("Decision on autonomous vehicle pilot licences\n\n1. Licences granted. The Authority grants pilot licences "
           "for autonomous taxis to the following applicants:\n\n(a) Karvo Robotics Ltd., a company registered in "
           "China, jointly with its local partner Fjord Bus Group, for the city of Munich, covering Schwabing and "
           "the Olympic Park, and for Augsburg. The fleet shall not exceed 50 vehicles.\n\n"
           "(b) Velmora Robotics Ltd., jointly with the platform Ridely Group, for Hamburg.\n\n"
           "2. Applications refused. The Authority refuses the following applications:\n\n(a) Orsund Drive Ltd., "
           "for Cologne.\n")


def test_each_licence_item_under_a_grant_is_a_deployment(run):
    result = run(_NOTICE)
    found = deployed(result)
    assert {("karvo-robotics-ltd", "munich"), ("karvo-robotics-ltd", "augsburg"),
            ("velmora-robotics-ltd", "hamburg")} <= found
    assert not any(op == "orsund-drive-ltd" for op, _ in found)
    assert any(r["operator"] == "karvo-robotics-ltd" and "fjord-bus-group" in r.get("partners", [])
               for r in records(result, "deployments"))


def test_a_licence_zones_bracket_gives_its_city_not_its_districts(run):
    text = ("The Authority grants test licences for driverless taxis to the following companies:\n\n(a) Karvo "
            "Robotics Ltd., jointly with its partner Fjord Bus Group, for Zone A (Dubai, covering Jumeirah and the "
            "Marina District) and Zone B (Abu Dhabi).\n")
    found = deployed(run(text))
    assert {("karvo-robotics-ltd", "dubai"), ("karvo-robotics-ltd", "abu-dhabi")} <= found
    assert not any(p in {"jumeirah", "marina-district"} for _, p in found)


# ------------------- a title with no name at a sentence's end, and the next sentence opening with a name
@pytest.mark.parametrize("text, role", [
    ("Karvo Robotics will run robotaxis in Leeds with Uber. Uber's part in the project was confirmed by its head of "
     "autonomous mobility. Dana Whitfield, who runs the programme from London, said riders would book cars in the "
     "app.", ("dana-whitfield", "uber", "head of autonomous mobility")),
    ("The plan was confirmed by Karvo Robotics' chief operating officer. Dana Whitfield said the fleet would double.",
     ("dana-whitfield", "karvo-robotics", "chief operating officer")),
])
def test_a_title_then_the_name_in_the_next_sentence(run, text, role):
    assert role in roles(run(text))


def test_an_analyst_without_an_organisation_gives_no_role(run):
    assert roles(run("The plan was criticised by a transport analyst. Dana Whitfield said the fleet would double.")) \
        == set()


# ------------------------------------------------- "a deal that A and B signed": A and B are partners
@pytest.mark.parametrize("text, pair", [
    ("Riders will book through the Uber app, under an agreement that Karvo Robotics and Uber signed in July.",
     {"karvo-robotics", "uber"}),
    ("The cars are covered by a deal that Karvo Robotics and Fjord Bus Group reached in May.",
     {"karvo-robotics", "fjord-bus-group"}),
])
def test_a_deal_that_two_companies_signed_makes_them_partners(run, text, pair):
    assert frozenset(pair) in partnered(run(text))


def test_a_deal_two_companies_only_discussed_is_no_partnership(run):
    assert partnered(run("The deal that Karvo Robotics and Fjord Bus Group discussed in May was never signed.")) == {}


# ------------------------------------------ the company that serves a robotaxi fleet is the operator's partner
def test_a_fleet_service_provider_is_the_operators_partner(run):
    text = ("Karvo Robotics and Uber will start robotaxi rides in Leeds in May. Uber will take bookings through its "
            "app, while charging, cleaning and insurance will be handled by Pennine Fleet Services, a local operator "
            "of taxi depots.")
    assert frozenset({"karvo-robotics", "pennine-fleet-services"}) in partnered(run(text))


@pytest.mark.parametrize("text, absent", [
    ("Karvo Robotics will run robotaxis in Leeds. Charging for the fleet will be provided by Volt North Ltd under a "
     "contract with Leeds Cabs Group.", {"karvo-robotics", "volt-north-ltd"}),
    ("Velmora Motors sells cars in Chile. Maintenance is provided by Andes Service Group.",
     {"velmora-motors", "andes-service-group"}),
])
def test_no_fleet_partner_under_another_contract_or_without_a_fleet(run, text, absent):
    assert frozenset(absent) not in partnered(run(text))


def test_the_owner_of_a_robotaxi_fleet_is_the_operators_partner_not_a_subsidiary(run):
    text = ("Karvo Robotics has received a licence to run robotaxis in Jumeirah from September. The first 100 cars "
            "will be owned and insured by Desert Line Fleet LLC, a fleet operator.")
    assert frozenset({"karvo-robotics", "desert-line-fleet-llc"}) in partnered(run(text))
    text = ("Karvo Robotics will run robotaxis in Oslo from May. The fleet will be operated by Karvo Norge AS, a new "
            "subsidiary of Karvo Robotics.")
    assert not any("karvo-norge-as" in p for p in partnered(run(text)))


def test_the_local_partner_after_an_authoritys_permit_is_the_operators(run):
    text = ("Karvo Robotics runs robotaxis in Shenzhen. Road tests with a safety driver start in Riyadh in July under "
            "a permit issued by Saudi Arabia's Transport General Authority. The local partner is Uber, which will add "
            "the cars to its app.")
    assert frozenset({"karvo-robotics", "uber"}) in partnered(run(text))
