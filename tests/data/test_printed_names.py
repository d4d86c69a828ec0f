"""Every name an article prints for a modelled thing resolves to its node (issue 14, point 8).

``tests/resources/printed_names.yaml`` lists, per article, the names it prints and the record each names. The
list is checked both ways: each name really is printed by that article, and the shipped graph's resolver
(:func:`nevkg.queries.resolve.resolve`, by label or ``skos:altLabel``) takes it to exactly that record.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nevkg.queries.resolve import normalize, resolve

from .test_no_copied_text import SOURCES_DIR

PRINTED = yaml.safe_load((Path(__file__).parents[1] / "resources" / "printed_names.yaml").read_text(encoding="utf-8"))
CASES = [(article, name, rid) for article, names in sorted(PRINTED.items()) for name, rid in names.items()]


def test_the_names_the_issue_cites_are_listed():
    listed = {name for _, name, _ in CASES}
    assert {"SU7 Ultra", "Thailand Action", "General Administration of Customs",
            "Three-Year Action Plan for Promoting the Development of the Intelligent Connected New Energy Vehicle "
            "Industry in Guangzhou",
            "Plan for Accelerating the Construction of an Advanced Manufacturing City in Guangzhou (2024-2035)"} <= listed
    assert len(CASES) > 150 and len(PRINTED) == 5


@pytest.mark.parametrize("article", sorted(PRINTED))
def test_every_listed_name_is_printed_by_its_article(article):
    if not SOURCES_DIR.is_dir():
        pytest.skip("the source articles are not beside the repository")
    text = f" {normalize((SOURCES_DIR / article).read_text(encoding='utf-8'))} "
    missing = [name for name in PRINTED[article] if f" {normalize(name)} " not in text]
    assert missing == []


def test_every_printed_name_resolves_to_its_record(kg):
    wrong = []
    for article, name, rid in CASES:
        try:
            got = str(resolve(kg, name)).rsplit("/", 1)[-1]
        except Exception as exc:  # noqa: BLE001 - an unknown or ambiguous name is the failure being reported
            got = f"{type(exc).__name__}"
        if got != rid:
            wrong.append((article[:3], name, rid, got))
    assert wrong == []
