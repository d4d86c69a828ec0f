"""A joint-venture company named with its one backer (:mod:`relations_stakes`), on sentences written for these
tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def org(result, rid):
    return next(c.record for c in result.candidates if c.file == "organizations" and c.record["id"] == rid)


def test_the_one_backer_of_a_venture_company_is_its_parent(gaz):
    rec = org(run(gaz, "Riverlane Mobility, a joint venture backed by Tessaly Motor, will build vans in Pune."),
              "riverlane-mobility")
    assert (rec["kind"], rec.get("parent")) == ("joint-venture-company", "tessaly-motor")
    rec = org(run(gaz, "Tessaly Motor set up its joint venture Riverlane Mobility Ltd. in Pune last year."),
              "riverlane-mobility-ltd")
    assert (rec["kind"], rec.get("parent")) == ("joint-venture-company", "tessaly-motor")


def test_no_one_parent_from_two_backers_and_a_stated_majority_wins(gaz):
    for text in ("Riverlane Mobility, a joint venture between Tessaly Motor and Varun Group, will build vans.",
                 "Riverlane Mobility, a joint venture of Tessaly Motor and Varun Group, will build vans."):
        assert "parent" not in org(run(gaz, text), "riverlane-mobility")
    text = ("Riverlane Mobility, a joint venture backed by Tessaly Motor, will build vans in Pune. Riverlane "
            "Mobility is 60% owned by Varun Group and 40% by Tessaly Motor.")
    assert org(run(gaz, text), "riverlane-mobility").get("parent") == "varun-group"


def _parents(result) -> dict[str, str]:
    return {c.record["id"]: c.record["parent"] for c in result.candidates
            if c.file == "organizations" and c.record.get("parent")}


def test_the_partner_of_a_venture_a_stake_is_taken_in_is_not_owned(gaz):
    for text in ("Weilan Auto will take a 51% stake in a new venture with Malaysian conglomerate Sentosa Holdings.",
                 "Kestrel Auto holds a 60 percent stake in the joint company formed with Peruvian group Andes "
                 "Motors."):
        assert _parents(run(gaz, text)) == {}


def test_a_majority_stake_in_a_named_company_makes_its_parent(gaz):
    assert _parents(run(gaz, "Kestrel Auto will take a 60% stake in Peruvian bus maker Andes Motors.")) == \
        {"andes-motors": "kestrel-auto"}
    assert _parents(run(gaz, "Velmora Motors bought a 75% stake in Chilean dealer group Orvan Group.")) == \
        {"orvan-group": "velmora-motors"}


def test_an_owner_named_before_a_company_is_its_parent_and_no_operator(gaz):
    for text, parent in (("SAIC-owned Riverlane Mobility will build vans in Pune.", "saic"),
                         ("Geely-controlled carmaker Riverlane Mobility will build vans in Pune.", "geely"),
                         ("Riverlane Mobility, now owned by China's Tessaly Motor, will build vans in Pune.",
                          "tessaly-motor")):
        result = run(gaz, text)
        assert _parents(result) == {"riverlane-mobility": parent}
        assert [c.record["operator"] for c in result.candidates if c.file == "sites"] == [["riverlane-mobility"]]


def _investments(result) -> set[tuple[str, str]]:
    return {(c.record["investor"], c.record.get("investee")) for c in result.candidates if c.file == "investments"}


def test_a_minority_stake_is_an_investment_in_the_company(gaz):
    for text in ("Kovara Motors has bought a 19.9% stake in Jinlan Auto for $310 million.",
                 "Kovara Motors owns 20 per cent of Jinlan Auto.",
                 "Kovara Motors keeps 45% of Jinlan Auto, the van maker it set up in 2021.",
                 "Jinlan Auto, in which Kovara Motors holds 35%, will build vans in Egypt."):
        result = run(gaz, text)
        assert _investments(result) == {("kovara-motors", "jinlan-auto")}, text
        assert not [c for c in result.candidates if c.file == "partnerships"], text


def test_a_share_of_a_market_is_no_stake(gaz):
    result = run(gaz, "Kovara Motors holds 30% of the Thai EV market.")
    assert not _investments(result) and "parent" not in (org(result, "kovara-motors") or {})


def test_a_company_two_owners_hold_in_parts_is_their_joint_venture(gaz):
    for text in ("Jinlan Auto, in which Kovara Motors holds 51% and Sentosa Holdings the remaining 49%, builds vans.",
                 "Jinlan Auto, in which Kovara Motors holds 60 per cent and Sentosa Holdings the rest, builds vans.",
                 "Kovara Motors owns 51% of Jinlan Auto and Sentosa Holdings the remaining 49%."):
        result = run(gaz, text)
        jv = [c.record for c in result.candidates if c.file == "partnerships"]
        assert [(set(r["partners"]), r["kind"], r.get("company")) for r in jv] == [
            ({"kovara-motors", "sentosa-holdings"}, "joint-venture", "jinlan-auto")], text
        assert org(result, "jinlan-auto")["parent"] == "kovara-motors", text


def test_a_company_an_investor_backs_is_its_investment(gaz):
    for text in ("The Kovara Motors-backed start-up Jinlan Auto raised $200 million.",
                 "Jinlan Auto, a Kovara Motors-backed maker of vans, will open a plant in Hungary.",
                 "The van maker Jinlan Auto, a Kovara Motors-backed company, opened a plant in Hungary."):
        assert _investments(run(gaz, text)) == {("kovara-motors", "jinlan-auto")}, text


def test_a_backed_joint_venture_and_a_state_backed_lender_are_no_backing(gaz):
    for text in ("Jinlan Auto, a Kovara Motors-backed joint venture, builds vans.",
                 "The state-backed lender will fund Jinlan Auto."):
        assert not [c for c in run(gaz, text).candidates if c.rule == "parse:backed"], text


def test_a_name_described_as_a_company_is_no_vehicle_model(gaz):
    for text, rid in (("Lumora EV, the maker of electric delivery vans, will build a plant in Szeged.", "lumora-ev"),
                      ("Veltra EV, a start-up backed by Kovara Motors, sells vans in Poland.", "veltra-ev")):
        result = run(gaz, text)
        assert rid in {c.record["id"] for c in result.candidates if c.file == "organizations"}, text
        assert rid not in {c.record["id"] for c in result.candidates if c.file == "vehicle_models"}, text
