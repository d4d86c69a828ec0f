"""The extractor is composed of mixins, one concern each: two of them defining a method of the same name would let one
silently replace the other for every caller (the one first in the method resolution order wins)."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract.core import _Extractor
from nevkg.ingest.extract.mentions import _Entities


@pytest.mark.parametrize("composed", [_Extractor, _Entities], ids=lambda k: k.__name__)
def test_no_two_mixins_define_a_method_of_the_same_name(composed):
    owners: dict[str, list[str]] = {}
    for klass in composed.__mro__:
        for name, value in vars(klass).items():
            if callable(value) and not (name.startswith("__") and name.endswith("__")):
                owners.setdefault(name, []).append(klass.__name__)
    assert len(owners) > 30  # (the mixins were walked)
    assert {name: who for name, who in owners.items() if len(who) > 1} == {}
