"""Partnership rules (:mod:`nevkg.ingest.extract.relations`): two brands of one owner are no partnership.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


@pytest.mark.parametrize("text", [
    "Velmora Motors launched its Zarin and Kolt brands in Chile. Zarin and Kolt signed dealer agreements with "
    "three groups.",
    "Orvan Group is rolling out its brands Tamsa and Lurio in Peru. Tamsa and Lurio struck a deal with two dealers.",
])
def test_two_brands_of_one_owner_are_not_partners(run, text):
    result = run(text)
    brands = [r for r in records(result, "organizations") if r.get("brand_of")]
    assert len(brands) == 2 and brands[0]["brand_of"] == brands[1]["brand_of"]
    assert records(result, "partnerships") == []


@pytest.mark.parametrize("text", [
    "Velmora Motors and Andes Motors signed up 40 dealers across Peru this spring.",
    "Harlow Motors and Kollo Group are signing dealers in Lima and Cusco.",
])
def test_dealers_are_no_deal(run, text):
    assert records(run(text), "partnerships") == []
