"""The SHACL report shipped for the shipped records: current, equal to pyshacl's, used only for exactly that content."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from nevkg.errors import ValidationError
from nevkg.graph import build_hooks, shacl_shipped
from nevkg.graph.build import _add_ontology, build, load_sources
from nevkg.graph.shacl_cache import to_json
from nevkg.graph.shacl_shipped import SHIPPED_REPORT, shipped_key, shipped_report
from nevkg.loaders.curated import DEFAULT_DATA_DIR


@pytest.fixture(scope="module")
def shipped():
    result = load_sources([DEFAULT_DATA_DIR])
    _add_ontology(result)
    return result


def _stored() -> dict:
    return json.loads(SHIPPED_REPORT.read_text(encoding="utf-8"))


def test_the_shipped_report_is_current(shipped):
    """Keyed with the pyshacl version it was made with (another installed pyshacl only makes builds miss)."""
    stored = _stored()
    key = shipped_key(((s, p, o) for s, p, o, _ in shipped.quads), shipped.origins, pyshacl=stored["pyshacl"])
    assert stored["key"] == key, ("the shipped records, shapes or ontology changed: regenerate the report with "
                                  "`python -m nevkg.graph.shacl_shipped`")


def test_the_shipped_report_is_what_pyshacl_reports(shipped):
    fresh = build_hooks.validate_fresh(shipped)
    assert fresh.conforms and not fresh.violations and fresh.conflicts
    assert _stored()["report"] == to_json(fresh)


def test_a_fresh_build_of_the_shipped_records_takes_the_shipped_report(tmp_path, monkeypatch, runs, shipped):
    monkeypatch.setenv("NEVKG_HOME", str(tmp_path / "home"))
    kg = build(f"oxigraph:{tmp_path / 'kg'}")
    report = kg.build_info.report
    kg.close()
    assert runs == [], "no pyshacl run for the shipped records"
    assert to_json(report) == _stored()["report"]
    assert shipped_report(b"not the content", shipped.origins) is None


def test_a_fresh_build_of_the_shipped_records_does_not_import_pyshacl(tmp_path):
    script = ("import sys; from nevkg.graph.build import build; "
              f"build('oxigraph:{tmp_path / 'kg'}').close(); print('pyshacl' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != "NEVKG_STORE"} | {"NEVKG_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["False"]


def _copy(tmp_path, monkeypatch):
    """The shipped records copied to a folder the shipped report's key takes for the shipped one."""
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, copy)
    monkeypatch.setattr(shacl_shipped, "_data_dir", lambda: str(copy.resolve()))
    return copy


def test_the_same_records_elsewhere_hit_and_a_one_character_change_validates(tmp_path, monkeypatch, runs):
    copy = _copy(tmp_path, monkeypatch)
    same = build("memory", [copy], shipped=False).build_info.report
    assert runs == [] and same.conforms
    path = copy / "partnerships.yaml"
    text = path.read_text(encoding="utf-8")
    label = re.search(r"label: (\S)", text)
    path.write_text(text[:label.start(1)] + ("Q" if label.group(1) != "Q" else "R") + text[label.end(1):],
                    encoding="utf-8")
    changed = build("memory", [copy], shipped=False).build_info.report
    assert runs == [1], "a changed record is validated by pyshacl"
    assert changed.conforms


def test_a_violation_beside_the_shipped_records_still_fails_the_build(tmp_path, monkeypatch, runs, lonely):
    monkeypatch.setenv("NEVKG_HOME", str(tmp_path / "home"))
    with pytest.raises(ValidationError) as info:
        build(f"oxigraph:{tmp_path / 'kg'}", [lonely])
    assert runs == [1]
    assert "at least two partners" in str(info.value) and "lonely" in str(info.value)
    assert not list((tmp_path / "kg").glob("store-*")), "nothing was swapped in"


def test_a_damaged_or_foreign_shipped_file_is_not_used(tmp_path, monkeypatch, runs, shipped):
    for text in ("{not json", '{"key": 3}', json.dumps({**_stored(), "report": {"conforms": "yes"}}),
                 json.dumps({**_stored(), "report": {"conforms": False, "violations": [], "conflicts": []}})):
        fake = tmp_path / "shacl-shipped.json"
        fake.write_text(text, encoding="utf-8")
        monkeypatch.setattr(shacl_shipped, "SHIPPED_REPORT", fake)
        assert shipped_report(((s, p, o) for s, p, o, _ in shipped.quads), shipped.origins) is None, text
