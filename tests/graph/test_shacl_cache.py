"""The SHACL report cache: reused for the same content only; a cached failure still fails; a damaged file is ignored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nevkg.errors import ValidationError
from nevkg.graph.build import build
from nevkg.graph.shacl_cache import CACHE_FILES, cached_report, content_key
from nevkg.graph.validate import ValidationReport


def _cache(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("shacl-*.json"))


def _report(kg) -> tuple:
    r = kg.build_info.report
    kg.close()
    return r.conforms, [str(v) for v in r.violations], [str(c) for c in r.conflicts]


def test_same_content_hits_the_cache_and_gives_the_same_report(records, tmp_path, runs):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    first = _report(build(spec, [records], shipped=False))
    assert len(runs) == 1 and len(_cache(tmp_path / "kg")) == 1
    second = _report(build(spec, [records], shipped=False))
    assert len(runs) == 1, "the second build of the same records must not run SHACL"
    assert second == first and first[0] is True and first[2], "the conflicts come back from the cache too"


def test_a_one_character_change_misses(records, tmp_path, runs):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()
    text = (records / "partnerships.yaml").read_text(encoding="utf-8")
    label = re.search(r"label: (\S)", text)
    changed = text[:label.start(1)] + ("Q" if label.group(1) != "Q" else "R") + text[label.end(1):]
    (records / "partnerships.yaml").write_text(changed, encoding="utf-8")
    build(spec, [records], shipped=False).close()
    assert len(runs) == 2 and len(_cache(tmp_path / "kg")) == 2


def test_a_cached_violation_still_fails_the_build(records, tmp_path, runs, lonely):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    messages = []
    for _ in range(2):
        with pytest.raises(ValidationError) as info:
            build(spec, [records, lonely], shipped=False)
        messages.append(str(info.value))
    assert len(runs) == 1, "the second failing build answers from the cache"
    assert messages[0] == messages[1] and "at least two partners" in messages[1] and "lonely" in messages[1]
    assert not list((tmp_path / "kg").glob("store-*")), "nothing was swapped in"


@pytest.mark.parametrize("damage", ["{not json", '{"conforms": true}', '{"conforms": "yes", "violations": [], '
                                    '"conflicts": []}', ""])
def test_a_damaged_cache_file_is_ignored_and_rewritten(records, tmp_path, runs, damage):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    first = _report(build(spec, [records], shipped=False))
    (cached,) = _cache(tmp_path / "kg")
    cached.write_text(damage, encoding="utf-8")
    assert _report(build(spec, [records], shipped=False)) == first
    assert len(runs) == 2
    assert json.loads(cached.read_text(encoding="utf-8"))["conforms"] is True


def test_a_report_stored_for_good_data_is_not_used_for_bad_data(records, tmp_path, lonely):
    """The key is the content: a report stored for good data is not found for bad data."""
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, [records], shipped=False).close()
    with pytest.raises(ValidationError):
        build(spec, [records, lonely], shipped=False)


def test_the_key_covers_triples_and_origins_not_their_order():
    from rdflib import Literal, URIRef

    s, p = URIRef("https://w3id.org/nevkg/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    a, b = (s, p, Literal("X")), (s, p, Literal("X", lang="en"))
    assert content_key([a, b, a], {}) == content_key([b, a], {})
    assert content_key([a], {}) != content_key([b], {})
    assert content_key([a], {str(s): "f.yaml:1#x"}) != content_key([a], {str(s): "f.yaml:2#x"})


def test_the_folder_keeps_the_newest_reports(tmp_path):
    for i in range(CACHE_FILES + 3):
        cached_report(f"k{i}", tmp_path, lambda: ValidationReport(conforms=True))
    assert len(list(tmp_path.glob("shacl-*.json"))) == CACHE_FILES
    assert not list(tmp_path.glob(".*tmp")), "no temporary file is left behind"


def test_no_shape_reads_the_build_activity():
    """The build validates before adding its own prov:Activity (whose time changes every build): that is only the
    same report if no shape reads the activity's terms."""
    from importlib import resources

    shapes = resources.files("nevkg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    for term in ("prov:Activity", "prov:startedAtTime", "prov:wasGeneratedBy", "prov:wasAssociatedWith",
                 "nevkg-project", "sh:targetSubjectsOf rdfs:label", "sh:targetNode", "sh:sparql", "sh:closed"):
        assert term not in shapes, term


def test_a_hit_does_not_import_pyshacl(records, tmp_path):
    import subprocess
    import sys

    script = ("import sys; from nevkg.graph.build import build; "
              f"build('oxigraph:{tmp_path / 'kg'}', [{str(records)!r}], shipped=False).close(); "
              "print('pyshacl' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(2)]
    assert runs == [["True"], ["False"]]
