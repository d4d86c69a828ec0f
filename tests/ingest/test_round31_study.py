"""Forms found on the round-31 samples (an e-motorcycle plant and swap stations in Mongla, an e-bus contract in
Chonburi, an e-truck venture in Camaçari, an e-bus SKD venture and chargers in Nadi, e-motorcycles and swap stations
in Naivasha, an e-taxi plant under the Thai investment board) once their unseen scores were recorded. The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _short_name_owner(result, form):
    return {m.id for m in result.mentions if m.text == form and m.rule == "short-name"}


@pytest.mark.parametrize("venture", ["Lanmei Pacific Motors Pte Limited", "Lanmei Caribbean Pty Ltd",
                                     "Lanmei Motors Africa Ltd", "Lanmei Motors (Fiji) Ltd"])
def test_a_bare_name_shared_with_a_regional_venture_named_after_the_parent_is_the_parent(gaz, venture):
    text = (f"Lanmei New Energy Bus Co Ltd and Korotogo Holdings signed a venture agreement yesterday. The plant will "
            f"be run by a new company, {venture}, in which Lanmei holds 51 per cent. Lanmei will ship kits from "
            f"its factory in Xiamen.")
    assert _short_name_owner(run(gaz, text, date="2026-12-10"), "Lanmei") == {"lanmei-new-energy-bus-co-ltd"}
