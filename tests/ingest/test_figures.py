"""Figures in the forms news writes them (sentences written for these tests; no pipeline needed)."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.periods import _plain


def figures(text):
    return [(_plain(s.value), s.unit) for s in find_statistics(text)]


@pytest.mark.parametrize("text, expected", [
    # a hyphen between the number and its unit or per cent ("a 100-percent duty", "a 35-GWh plant")
    ("The government set a 100-percent duty on the imports.", [(100, "percent")]),
    ("A 35-GWh cell plant is planned near the port.", [(35, "gwh")]),
    # a number word before a hyphenated singular noun, or before one adjective
    ("The brand confirmed an eight-model line-up for the region.", [(8, "models")]),
    ("The site has five main workshops and three vehicle models.", [(5, "workshops"), (3, "models")]),
    # a currency named with its country's adjective
    ("The investment is worth 12 billion Thai baht.", [(12000000000, "thb")]),
    ("The plant cost 900 million Brazilian reais.", [(900000000, "brl")]),
    # an ordinal milestone ("its 5 millionth car")
    ("Its 5 millionth car left the line on Monday.", [(5000000, "vehicles")]),
    # a scale after a hyphen or a number word; sales and trips as units
    ("The maker announced a $2-billion plant.", [(2000000000, "usd")]),
    ("The line will make one million cars a year and half a million batteries.", [(1000000, "vehicles")]),
    ("It targets 3 million annual sales by 2031.", [(3000000, "vehicles")]),
    ("The brand opened 700 sales outlets.", [(700, "stores")]),
    ("The fleet has logged 4 million fully driverless trips.", [(4000000, "rides")]),
    # a space after a currency symbol
    ("The group will invest US$ 3 billion in the region.", [(3000000000, "usd")]),
    ("The plant cost R$ 2 billion to build.", [(2000000000, "brl")]),
    # an autonomy level is a specification, not a count
    ("The operator runs 250 Level 4 robotaxis.", [(250, "vehicles")]),
])
def test_written_forms_of_figures(text, expected):
    assert figures(text) == expected


def test_a_model_number_is_not_a_count():
    assert figures("The brand will sell the Velo 5 model from May.") == []


def test_a_is_a_number_only_before_a_scale():
    assert figures("It is a big step for a company with a plan.") == []
