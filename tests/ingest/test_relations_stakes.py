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
