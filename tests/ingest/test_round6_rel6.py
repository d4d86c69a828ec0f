"""Round-6 relation forms (business-press styles: an Indian newspaper's JV story, a plant agreement signed with a
government, a stock-exchange announcement), on sentences written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs


def test_a_venture_named_in_apposition_is_what_the_jv_stands_for(gaz):
    for text in ("Orvane Holdings and Chery signed the papers for their bus joint venture, Orvane Chery Mobility "
                 "Pvt Ltd, in which Orvane will hold 51 per cent. The JV will build a plant in Poland.",
                 "Chery has set up a new JV called Tessaro Chery Automotive, owned equally with Tessaro Group. "
                 "The joint venture will open a factory in Poland next year."):
        sites = {p for p in pairs(run(gaz, text)) if p[0] == "sites" and p[2] == "poland"}
        assert sites and all("chery-" in p[1] for p in sites), (text, sites)


def test_a_name_after_a_venture_that_starts_a_clause_is_no_venture(gaz):
    text = ("Under the joint venture, Chery will supply the engines. Orvane Holdings owns the rest. "
            "The JV will build a plant in Poland.")
    assert ("sites", "chery", "poland") not in pairs(run(gaz, text))


def _typed(gaz, text: str, cands: list[tuple[str, dict]]):
    """The candidates ``cands`` (file, record) after :meth:`typed_ends`, as if the one-sentence ``text`` gave them."""
    from nevkg.ingest.extract.core import _Extractor
    from nevkg.ingest.extract.model import Candidate

    ex = _Extractor(text, gaz, "2026-11-18", "test-source")
    ex.ents.run()
    ex.candidates = [Candidate(f, {"id": f"c{i}", **r}, 0.5, [], "test") for i, (f, r) in enumerate(cands)]
    ex.typed_ends(set(), 0, len(text))
    return [(c.file, c.record) for c in ex.candidates]


def test_a_place_is_struck_as_the_operator_of_a_site(gaz):
    text = "Chery will build a plant near Guangzhou in Zhejiang."
    out = _typed(gaz, text, [("sites", {"operator": ["zhejiang", "chery"], "place": "guangzhou"}),
                             ("sites", {"operator": ["zhejiang"], "place": "guangzhou"})])
    assert out == [("sites", {"id": "c0", "operator": ["chery"], "place": "guangzhou"})]


def test_a_partnership_with_a_place_below_a_country_is_withdrawn(gaz):
    text = "Chery signed agreements with Zhejiang and with Brazil."
    out = _typed(gaz, text, [("partnerships", {"kind": "cooperation", "partners": ["chery", "zhejiang"]}),
                             ("partnerships", {"kind": "cooperation", "partners": ["chery", "brazil"]})])
    assert [r["partners"] for _, r in out] == [["chery", "brazil"]]


def test_an_investee_that_is_a_place_is_where_the_money_goes(gaz):
    text = "Chery will invest in Zhejiang."
    out = _typed(gaz, text, [("investments", {"investor": "chery", "investee": "zhejiang"})])
    assert out == [("investments", {"id": "c0", "investor": "chery", "place": "zhejiang"})]
    text = "Chery will invest in a plant at Guangzhou in Zhejiang."
    out = _typed(gaz, text, [("investments", {"investor": "chery", "place": "guangzhou"}),
                             ("investments", {"investor": "chery", "investee": "zhejiang"})])
    assert [r.get("place") for _, r in out] == ["guangzhou"]


def test_the_place_goods_leave_from_is_no_exporter_beside_the_company(gaz):
    text = "Chery will export from Guangzhou to Brazil."
    both = [("market_presence", {"activity": "exports-to", "exporter": "guangzhou", "market": "brazil"}),
            ("market_presence", {"activity": "exports-to", "exporter": "chery", "market": "brazil"})]
    assert [r["exporter"] for _, r in _typed(gaz, text, both)] == ["chery"]
    alone = "Cars are exported from Guangzhou to Brazil."
    assert [r["exporter"] for _, r in _typed(gaz, alone, both[:1])] == ["guangzhou"]


def _kinds(result, name: str) -> set[str]:
    return {m.file for m in result.mentions if m.text == name}


def test_a_company_home_and_a_state_government_name_places(gaz):
    text = "Orvane Motors buys its cells from Veltrix Power, a Coimbatore-based start-up."
    assert _kinds(run(gaz, text), "Coimbatore") == {"places"}
    text = ("Orvane Motors will build its plant near Dharwad in Karnataka. The state government of Karnataka has "
            "offered it land and a capital subsidy.")
    assert _kinds(run(gaz, text), "Karnataka") == {"places"}


def test_a_name_in_a_relative_clause_is_not_whose_goods_are_made_at_a_plant(gaz):
    text = ("Orvane Motors and Veltrix Group have set up a joint venture, Orvane Veltrix Auto, in which Veltrix "
            "holds 51%. For batteries, the JV has signed a deal with Kestro Cells, a start-up in which Chery owns a "
            "stake, for cells to be made at Kestro's factory in Guangzhou.")
    got = pairs(run(gaz, text))
    assert ("sites", "kestro-cells", "guangzhou") in got
    assert ("sites", "chery", "guangzhou") not in got
    assert ("partnerships", "chery", "kestro-cells") not in got


def test_a_name_in_a_relative_clause_is_not_the_partner_of_a_deal(gaz):
    for text in ("Orvane Motors signed a supply deal with Veltrix Power, a start-up in which Chery holds a stake.",
                 "Orvane Motors has an agreement with Veltrix Power, whose largest shareholder is Chery, for cells."):
        got = pairs(run(gaz, text))
        assert ("partnerships", "orvane-motors", "veltrix-power") in got, text
        assert ("partnerships", "chery", "orvane-motors") not in got, text


def test_people_sent_somewhere_are_no_export(gaz):
    assert ("market_presence", "chery", "brazil") in pairs(run(gaz, "Chery sent 5,000 cars to Brazil in May."))
    for text in ("Chery has agreed to license its platforms to the venture and to send about 40 technicians to "
                 "Brazil.",
                 "A delegation of 30 managers was sent to Brazil by Chery."):
        assert ("market_presence", "chery", "brazil") not in pairs(run(gaz, text)), text


def test_entering_into_an_agreement_enters_no_market(gaz):
    assert ("market_presence", "chery", "brazil") in pairs(run(gaz, "Chery entered Brazil in 2024."))
    for text in ("Chery entered into a distribution agreement with Orvane Motors in Brazil.",
                 "In Brazil, Chery has entered into talks with Orvane Motors about a plant."):
        got = pairs(run(gaz, text))
        assert ("market_presence", "chery", "brazil") not in got, (text, got)


_NOTICE = ('This announcement is made by Orvane Motor Holdings Limited (the "Company", together with its subsidiaries, '
           'the "Group") on a voluntary basis. The Company signed a supply agreement with Tabuk Power Co., Ltd. on '
           '3 March. ')


def test_every_term_a_statement_defines_stands_for_its_issuer(gaz):
    for text in ("The Group has a production base in Guangzhou.",
                 "Tabuk Power will deliver the packs. The Group currently sells its vehicles in Chile."):
        got = pairs(run(gaz, _NOTICE + text))
        place = "guangzhou" if "Guangzhou" in text else "chile"
        assert {p for p in got if p[2] == place} and all(p[1] == "orvane-motor-holdings-limited"
                                                         for p in got if p[2] == place), (text, got)


def test_a_partnership_word_inside_a_name_is_no_cue(gaz):
    text = ("Tabuk Arabia Company will be responsible for parts distribution and training for Chery's models in the "
            "Gulf Cooperation Council countries.")
    assert not {p for p in pairs(run(gaz, text)) if p[0] == "partnerships"}
    assert ("partnerships", "chery", "tabuk-motors") in pairs(run(gaz, "Chery signed a cooperation agreement with "
                                                                      "Tabuk Motors."))


def test_a_filing_s_defined_documents_and_headings_are_no_companies(gaz):
    from nevkg.ingest.extract.name_generic import generic_name

    assert [generic_name(x) for x in ("the Framework Agreement", "Battery Supply Agreement", "the Listing Rules",
                                      "Paris Agreement", "Tabuk Motors Company")] == [True, True, True, False, False]
    text = ("ORVANE MOTOR HOLDINGS LIMITED\n\nVOLUNTARY ANNOUNCEMENT\nPROPOSED FORMATION OF A JOINT VENTURE WITH "
            "TABUK MOTORS COMPANY\n\nOn 3 March 2026 the Company entered into a distribution framework agreement "
            "(the \"Framework Agreement\") with Tabuk Motors Company (\"Tabuk Motors\"). Under the Framework "
            "Agreement, Tabuk Motors shall distribute the vehicles of the Company in Oman.")
    result = run(gaz, text)
    orgs = {m.id for m in result.mentions if m.file == "organizations"}
    assert "tabuk-motors-company" in orgs
    assert not {o for o in orgs if "agreement" in o or "formation" in o}, orgs
    partners = {x for p in pairs(result) if p[0] == "partnerships" for x in p[1:]}
    assert not {o for o in partners if "agreement" in o or "formation" in o}, partners


def test_a_place_in_a_based_in_clause_is_the_company_s_home(gaz):
    text = ("Orvane Motors, which is based in Guangzhou, in China's Guangdong province, sells its vans in Chile and "
            "exports trucks to Peru.")
    got = pairs(run(gaz, text))
    assert {("market_presence", "orvane-motors", "chile"), ("market_presence", "orvane-motors", "peru")} <= got
    assert not {p for p in got if {"china", "guangdong", "guangzhou"} & set(p)}, got
    text = "Chery will build a new assembly plant, to be based in Zhejiang, for export models."
    assert ("sites", "chery", "zhejiang") in pairs(run(gaz, text))  # a site "to be based" somewhere is no home


def test_where_a_plant_s_output_goes_is_no_site(gaz):
    text = ("Orvane Motors plans to export about 60 per cent of the plant's output to the European Union, with "
            "Germany, France and Italy named as its first markets.")
    got = pairs(run(gaz, text))
    assert ("market_presence", "orvane-motors", "european-union") in got
    assert not {p for p in got if p[0] == "sites"}, got


def test_a_company_sold_or_shipped_through_is_the_seller_s_partner(gaz):
    for text in ("Orvane Motors makes vans. The Chinese company currently sells its cars in Peru through Andes Autos "
                 "S.A., a Lima-based importer with 34 showrooms.",
                 "Orvane Motors exports its buses to Kenya via Savanna Fleet Ltd."):
        got = pairs(run(gaz, text))
        assert {p for p in got if p[0] == "partnerships" and "orvane-motors" in p
                and ({"andes-autos-s-a", "savanna-fleet-ltd"} & set(p))}, (text, got)
    for text in ("Orvane Motors sells vans in Chile through dealers and through its website.",
                 "Orvane Motors sells cars in Chile through its local arm."):
        assert not {p for p in pairs(run(gaz, text)) if p[0] == "partnerships"}, text


def test_a_relative_clause_on_a_name_s_apposition_speaks_of_the_name(gaz):
    text = ("Hengrun Battery, a battery maker that supplies cells to Orvane Motors in China, will build a pack plant "
            "in Chile.")
    got = pairs(run(gaz, text))
    assert ("partnerships", "hengrun-battery", "orvane-motors") in got
    assert ("sites", "hengrun-battery", "chile") in got


def test_a_launch_phase_and_offices_are_no_markets(gaz):
    text = "Orvane Motors will send about 60 engineers to Pune during the launch phase."
    assert not {p for p in pairs(run(gaz, text)) if p[0] == "market_presence"}
    assert ("market_presence", "orvane-motors", "brazil") in pairs(run(gaz, "Orvane Motors launched the Seal in "
                                                                             "Brazil in May."))
    text = ("Orvane Veltrix Auto also intends to export from Chakan to Nepal, Bangladesh and Sri Lanka from 2029, "
            "using the group's trading offices in Kathmandu and Dhaka.")
    markets = {p[2] for p in pairs(run(gaz, text)) if p[0] == "market_presence"}
    assert {"nepal", "bangladesh", "sri-lanka"} <= markets and not {"kathmandu", "dhaka"} & markets, markets


def test_a_mission_sent_abroad_is_no_export(gaz):
    text = ("Anhui Province is home to Orvane Motors. Vice-governor Li said the province would send a second mission, "
            "to Peru and Chile, in 2027.")
    assert not {p for p in pairs(run(gaz, text)) if p[0] == "market_presence"}


def test_showrooms_established_with_a_lower_bound_are_a_deployment(gaz):
    for text in ("Tabuk Motors shall establish not less than 18 showrooms in Saudi Arabia by the end of 2027.",
                 "Tabuk Motors will open no fewer than 20 showrooms in Saudi Arabia."):
        deps = [c.record for c in run(gaz, text).candidates if c.file == "deployments"]
        assert [(d["operator"], d["places"]) for d in deps] == [("tabuk-motors", ["saudi-arabia"])], text
    for text in ("Tabuk Motors has no showrooms in Saudi Arabia.", "Tabuk Motors did not open showrooms in Oman."):
        assert not [c for c in run(gaz, text).candidates if c.file == "deployments"], text


def test_a_place_sells_in_enters_or_leaves_no_market(gaz):
    text = "In Brazil Chery sells through its showrooms in Guangzhou."
    cands = [("market_presence", {"activity": "sells-in", "exporter": "brazil", "market": "guangzhou"}),
             ("market_presence", {"activity": "sells-in", "exporter": "chery", "market": "chery"}),
             ("market_presence", {"activity": "exports-to", "exporter": "brazil", "market": "brazil"}),
             ("market_presence", {"activity": "entered", "exporter": "guangzhou", "market": "brazil"}),
             ("market_presence", {"activity": "exports-to", "exporter": "china", "market": "brazil"}),
             ("market_presence", {"activity": "sells-in", "exporter": "chery", "market": "brazil"})]
    out = [(r["exporter"], r["market"]) for _, r in _typed(gaz, text, cands)]
    assert out == [("china", "brazil"), ("chery", "brazil")]


def test_towns_of_a_country_market_named_as_where_stores_are_are_no_markets_of_their_own(gaz):
    text = "Chery sells cars in Saudi Arabia through its own showrooms in Jeddah and Dammam."
    markets = {p[2] for p in pairs(run(gaz, text)) if p[0] == "market_presence" and p[1] == "chery"}
    assert "saudi-arabia" in markets and not {"jeddah", "dammam"} & markets, markets


def test_not_less_than_is_a_lower_bound(gaz):
    text = ("Tabuk Motors shall buy not less than 12,000 vehicles, open no fewer than 18 showrooms and keep not more "
            "than 40 dealers.")
    got = {c.record["value"]: c.record.get("bound") for c in run(gaz, text).candidates if c.file == "observations"}
    assert got == {12000: "lower", 18: "lower", 40: "upper"}


def test_a_company_that_has_n_showrooms_somewhere_runs_a_store_network_there(gaz):
    text = "Chery sells its cars in Peru through Andes Autos S.A., an importer that has 34 showrooms across the country."
    deps = [(c.record["operator"], c.record["places"]) for c in run(gaz, text).candidates if c.file == "deployments"]
    assert deps == [("andes-autos-s-a", ["peru"])]
    assert not [c for c in run(gaz, "Andes Autos has no showrooms in Chile.").candidates if c.file == "deployments"]


def test_a_board_list_with_capital_titles_and_a_single_member(gaz):
    text = ("This announcement is made by Orvane Motor Holdings Limited (the \"Company\").\n\nAs at the date of this "
            "announcement, the executive Directors are Mr. Guo Peiran and Ms. Shen Liyan; the non-executive Director "
            "is Mr. Bai Zhongxu; and the independent non-executive Directors are Dr. Amy Leung Ka-wai and Mr. Tomas "
            "Ferreira.")
    roles = {(r["person"], r["title"].lower()) for r in (c.record for c in run(gaz, text).candidates
                                                         if c.file == "roles")}
    assert roles >= {("guo-peiran", "executive director"), ("shen-liyan", "executive director"),
                     ("bai-zhongxu", "non-executive director"),
                     ("amy-leung-ka-wai", "independent non-executive director"),
                     ("tomas-ferreira", "independent non-executive director")}, roles


def test_who_has_been_named_is_no_title_word(gaz):
    text = ("The venture's retail network will start with 40 dealers, said Kavya Menon, who has been named managing "
            "director of Orvane Motor India.")
    roles = {(r["person"], r["title"]) for r in (c.record for c in run(gaz, text).candidates if c.file == "roles")}
    assert ("kavya-menon", "managing director") in roles, roles


def test_a_venture_named_after_its_partner_is_no_partner_of_its_own(gaz):
    text = "Chery's joint venture with Orvane Group, Orvane Chery Motors, builds vans in Chile."
    parts = {p for p in pairs(run(gaz, text)) if p[0] == "partnerships"}
    assert parts == {("partnerships", "chery", "orvane-group")}, parts


def test_an_owner_given_the_venture_s_id_by_its_short_name_is_the_parent_of_that_name(gaz):
    from nevkg.ingest.extract.core import _Extractor
    from nevkg.ingest.extract.model import Mention

    text = "Orvane Automobile Group and Tabuk set up Orvane Tabuk Auto, owned 60 per cent by Orvane."
    ex = _Extractor(text, gaz, "2026-11-18", "test-source")
    parent = Mention(0, 22, "Orvane Automobile Group", "organizations", "orvane-automobile-group", False, "company",
                     "org-suffix:Group", 0.6, "Orvane Automobile Group")
    jv = Mention(41, 58, "Orvane Tabuk Auto", "organizations", "orvane-tabuk-auto", False, "company", "ner:ORG", 0.6,
                 "Orvane Tabuk Auto")
    short = Mention(82, 88, "Orvane", "organizations", "orvane-tabuk-auto", False, "company", "short-name", 0.6,
                    "Orvane Tabuk Auto")
    ex.ents.mentions = [parent, jv, short]
    assert ex._parent_named_short(short, jv) is parent
    assert ex._parent_named_short(jv, jv) is jv


def test_a_battery_pack_line_is_a_site(gaz):
    assert ("sites", "orvane-motors", "chile") in pairs(run(gaz, "Orvane Motors will open a battery pack line in "
                                                                 "Chile next year."))
    assert ("sites", "orvane-motors", "chile") not in pairs(run(gaz, "Orvane Motors sells a line of buses in Chile."))


def test_a_company_name_with_a_place_in_brackets_before_its_legal_form_is_one_name(gaz):
    text = ('On 30 November 2026, Orvane International Automobile (Hong Kong) Limited ("Orvane International"), a '
            'wholly-owned subsidiary of the Company, signed an agreement with Tabuk Motors Company. Orvane '
            'International will pay the fees. The shares are listed on The Stock Exchange of Hong Kong Limited.')
    orgs = {(m.text, m.id) for m in run(gaz, text).mentions if m.file == "organizations"}
    assert ("Orvane International Automobile (Hong Kong) Limited",
            "orvane-international-automobile-hong-kong-limited") in orgs
    assert ("Orvane International", "orvane-international-automobile-hong-kong-limited") in orgs
    assert ("Stock Exchange of Hong Kong Limited", "stock-exchange-of-hong-kong-limited") in orgs
    assert not {o for o in orgs if o[1] in {"hong-kong-limited", "orvane-international-automobile"}}, orgs


def test_a_defined_term_that_calls_a_company_a_company_names_it(gaz):
    text = ('The parties will set up a company in Riyadh to be named Tabuk Orvane Automotive Company (the "JV '
            'Company"). The JV Company will handle parts distribution in Saudi Arabia.')
    orgs = {(m.text, m.id) for m in run(gaz, text).mentions if m.file == "organizations"}
    assert ("JV Company", "tabuk-orvane-automotive-company") in orgs and not {o for o in orgs if o[1] == "jv-company"}


def test_a_venture_x_per_cent_owned_by_a_and_y_by_b_is_their_joint_venture(gaz):
    text = "The joint venture will be 74 per cent owned by Chery and 26 per cent by BYD."
    assert {p for p in pairs(run(gaz, text)) if p[0] == "partnerships"} == {("partnerships", "byd", "chery")}


def test_a_plant_that_acts_on_a_company_is_not_its_plant(gaz):
    text = "Minister Mehmet Kaya said Togg, Turkey's domestic carmaker, would not be affected by the new plant in Manisa."
    assert not {p for p in pairs(run(gaz, text)) if p[0] == "sites"}
    assert ("sites", "chery", "manisa") in pairs(run(gaz, "The plant in Manisa was built by Chery."))


def test_a_name_in_an_apposition_of_role_is_not_the_actor(gaz):
    text = "Tabuk Motors, the exclusive distributor of Chery in Saudi Arabia, will open ten showrooms in Riyadh next year."
    deps = [c.record["operator"] for c in run(gaz, text).candidates if c.file == "deployments"]
    assert deps == ["tabuk-motors"], deps


def test_a_backer_before_a_name_is_no_word_of_it(gaz):
    result = run(gaz, "JSW-backed Deccan Auto will source battery cells from CATL for its upcoming plant in Aurangabad.")
    assert ("sites", "deccan-auto", "aurangabad") in pairs(result)
    assert ("investments", "jsw", "deccan-auto") in pairs(result)


_FILING = ('This announcement is made by Orvane Motor Group Co., Ltd. (the "Company", together with its subsidiaries, '
           'the "Group").\n\n')


def test_a_stake_as_a_share_of_the_equity_interest_is_an_investment(gaz):
    text = _FILING + ("On 2 December 2026, Orvane Motors Investment Co., Ltd. agreed to acquire 30% of the equity "
                      "interest in Sahel Battery Co., Ltd. for RMB 450 million.")
    assert ("investments", "orvane-motors-investment-co-ltd", "sahel-battery-co-ltd") in pairs(run(gaz, text))


def test_the_company_in_an_apposition_after_a_legal_form_is_not_the_actor(gaz):
    text = _FILING + ("On 2 December 2026, Orvane Motors Investment Co., Ltd., a wholly-owned subsidiary of the "
                      "Company, entered into a share transfer agreement with Tabuk Holdings Limited.")
    parts = {p for p in pairs(run(gaz, text)) if p[0] == "partnerships"}
    assert parts == {("partnerships", "orvane-motors-investment-co-ltd", "tabuk-holdings-limited")}, parts


def test_a_minority_share_of_the_shares_is_a_stake(gaz):
    text = _FILING + "Orvane Motors Investment Co., Ltd. will buy 20 per cent of the shares in Sahel Battery Co., Ltd."
    assert ("investments", "orvane-motors-investment-co-ltd", "sahel-battery-co-ltd") in pairs(run(gaz, text))


def test_a_site_priced_in_its_noun_phrase_is_an_investment(gaz):
    for text, place in (("Orvane's rival BYD is building a $1 billion plant in Manisa, which is due to open next "
                         "year.", "manisa"),
                        ("Kaveri will set up a Rs 4,800-crore plant at Chakan in Maharashtra.", "chakan")):
        invs = [c.record for c in run(gaz, text).candidates if c.file == "investments"]
        assert len(invs) == 1 and invs[0]["place"] == place and invs[0].get("amount"), (text, invs)
    for text in ("Chery is considering a $500 million plant in Spain.",
                 "BYD, which spent $1 billion last year, opened a plant in Brazil."):
        assert not [c for c in run(gaz, text).candidates if c.file == "investments"], text


def test_a_site_built_with_an_investment_of_n_is_an_investment(gaz):
    for text in ("Hengrun Battery will build a pack plant in Chile with an initial investment of $220 million.",
                 "Hengrun Battery will build a pack plant in Chile at a cost of about $220 million."):
        assert ("investments", "hengrun-battery", "chile") in pairs(run(gaz, text)), text
    text = "Hengrun Battery opened a pack plant in Chile; its sales with a value of $220 million rose."
    assert not [c for c in run(gaz, text).candidates if c.file == "investments"]


def test_a_filing_s_defined_issuer_can_be_a_partner(gaz):
    text = _FILING + ("Pursuant to the agreement, Tabuk Motors Company shall be appointed as the exclusive distributor "
                      "of the Group's vehicles in Oman.")
    assert ("partnerships", "orvane-motor-group-co-ltd", "tabuk-motors-company") in pairs(run(gaz, text))


def test_entering_the_market_spoken_of_again_enters_the_country_named_before(gaz):
    for text in ("Chery ships cars to India and has sold 3,100 of them since it entered the market in 2025.",
                 "Chery sells cars in India. It entered the market in 2025."):
        got = {c.record["market"] for c in run(gaz, text).candidates
               if c.file == "market_presence" and c.record["activity"] == "entered"}
        assert got == {"india"}, (text, got)
    text = "Chery sells cars in India. BYD entered the market for buses in 2025."
    assert not [c for c in run(gaz, text).candidates if c.file == "market_presence"
                and c.record["activity"] == "entered"]


def test_a_priced_plant_given_up_is_no_investment(gaz):
    text = ("Rival BYD, which had proposed a $1 billion plant in India with a local partner in 2023, dropped the plan "
            "after the government declined to approve it.")
    assert not [c for c in run(gaz, text).candidates if c.file == "investments"]


def test_a_market_only_weighed_is_no_presence(gaz):
    for text in ("Chery is also looking at exporting to the Middle East and Africa from Dholera, he added.",
                 "Chery is considering entering Brazil next year."):
        assert not [c for c in run(gaz, text).candidates if c.file == "market_presence"], text
    assert ("market_presence", "chery", "brazil") in pairs(run(gaz, "Chery exports cars to Brazil."))
    assert ("sites", "chery", "spain") in pairs(run(gaz, "Chery is looking at a plant in Spain."))  # (considered)


def test_the_company_running_the_outlets_a_sale_goes_through_is_a_partner(gaz):
    text = "Orvane Motors sells its cars in India through 32 dealerships run by Delhi-based Capital Motors."
    assert ("partnerships", "capital-motors", "orvane-motors") in pairs(run(gaz, text))


def test_a_deal_s_defined_roles_are_no_companies(gaz):
    text = _FILING + ('On 3 December 2026, Orvane Auto Finance Co., Ltd. (the "Purchaser") entered into an equity '
                      'transfer agreement with Tabuk Holdings Limited (the "Vendor"). The Purchaser will pay the '
                      'Vendor RMB 600 million.')
    result = run(gaz, text)
    orgs = {m.id for m in result.mentions if m.file == "organizations"}
    assert not {"purchaser", "vendor"} & orgs, orgs
    parts = {p for p in pairs(result) if p[0] == "partnerships"}
    assert parts == {("partnerships", "orvane-auto-finance-co-ltd", "tabuk-holdings-limited")}, parts


def test_a_stake_sold_is_not_the_seller_s_investment(gaz):
    for text in ("Tabuk Holdings agreed to sell 40% of the equity interest in Sahel Mobility Co., Ltd. to a buyer.",
                 "Chery will dispose of its 20% stake in Sahel Mobility Co., Ltd."):
        assert not [c for c in run(gaz, text).candidates if c.file == "investments"], text
    assert ("investments", "chery", "sahel-mobility-co-ltd") in pairs(run(gaz, "Chery bought a 20% stake in Sahel "
                                                                               "Mobility Co., Ltd."))


def test_a_minister_s_country_is_not_the_adjective_of_a_company(gaz):
    text = ("Chinese automaker Orvane Motors will build a $1.2 billion electric vehicle factory in the Turkish city of "
            "Izmir, Trade Minister Omer Bolat announced on Tuesday.")
    roles = {(r["person"], r["organization"]) for r in (c.record for c in run(gaz, text).candidates
                                                        if c.file == "roles")}
    assert roles == {("omer-bolat", "turkey")}, roles
