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
