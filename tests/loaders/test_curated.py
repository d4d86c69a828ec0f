"""The curated loader: every kind of bad record gets its own clear error naming file, line, record, field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from nevkg.errors import LoaderError
from nevkg.loaders.curated import CuratedLoader, parse_records
from nevkg.loaders.records import RECORD_FILES
from nevkg.ontology.namespaces import NEV, PROV, RDF, entity_iri, graph_iri, source_iri


def _problems(path: Path) -> list[str]:
    with pytest.raises(LoaderError) as info:
        parse_records([path])
    return [str(p) for p in info.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_records_load_into_source_graphs(fixture_kg):
    quads = CuratedLoader().load([Path(__file__).parents[1] / "resources" / "records"]).quads
    jv = entity_iri("chery-ebro-jv")
    graphs = {g for s, p, o, g in quads if s == jv}
    assert graphs == {graph_iri("fixture-news-a")}
    assert (jv, PROV.wasDerivedFrom, source_iri("fixture-news-a"), graph_iri("fixture-news-a")) in quads
    assert (jv, RDF.type, NEV.Partnership, graph_iri("fixture-news-a")) in quads
    assert (jv, NEV.partnershipKind, NEV.JointVenture, graph_iri("fixture-news-a")) in quads


def test_unknown_key(records):
    _edit(records / "organizations.yaml", "  kind: automaker\n  country: spain", "  kind: automaker\n  colour: red")
    [msg] = _problems(records)
    assert "organizations.yaml:" in msg and "record 'ebro'" in msg and "field 'colour'" in msg
    assert "unknown field" in msg and "brand_of" in msg  # lists the valid fields


def test_missing_source(records):
    _edit(records / "people.yaml", "  sources: [fixture-news-a]\n", "")
    [msg] = _problems(records)
    assert "people.yaml:1" in msg and "record 'yin-tongyue'" in msg and "field 'sources'" in msg
    assert "required" in msg


def test_wrong_type(records):
    _edit(records / "observations.yaml", "value: 583000", "value: lots")
    [msg] = _problems(records)
    assert "record 'china-nev-exports-2026-01-02-a'" in msg and "field 'value'" in msg and "decimal" in msg


def test_bad_date(records):
    _edit(records / "roles.yaml", "as_of: '2026-03-10'", "as_of: 'March 2026'")
    [msg] = _problems(records)
    assert "field 'as_of'" in msg and "YYYY-MM-DD" in msg


def test_duplicate_id_across_files(records):
    _edit(records / "people.yaml", "- id: yin-tongyue", "- id: chery")
    msgs = _problems(records)
    assert any("record 'chery'" in m and "duplicate id" in m and "organizations.yaml" in m for m in msgs)


def test_dangling_reference(records):
    _edit(records / "partnerships.yaml", "partners: [chery, ebro]", "partners: [chery, ebro-motors]")
    [msg] = _problems(records)
    assert "record 'chery-ebro-jv'" in msg and "field 'partners'" in msg and "'ebro-motors' is not the id" in msg


def test_reference_of_wrong_kind(records):
    _edit(records / "roles.yaml", "person: yin-tongyue", "person: chery")
    [msg] = _problems(records)
    assert "field 'person'" in msg and "is a organizations record" in msg and "people" in msg


def test_malformed_yaml(records):
    (records / "places.yaml").write_text("- id: europe\n  label: [Europe\n", encoding="utf-8")
    [msg] = _problems(records)
    assert "places.yaml:" in msg and "malformed YAML" in msg


def test_duplicate_key_in_a_record(records):
    _edit(records / "people.yaml", "  label: Yin Tongyue\n", "  label: Yin Tongyue\n  label: Yin\n")
    [msg] = _problems(records)
    assert "appears twice" in msg and "people.yaml:3" in msg


def test_all_problems_reported_together(records):
    _edit(records / "people.yaml", "  sources: [fixture-news-a]\n", "")
    _edit(records / "partnerships.yaml", "partners: [chery, ebro]", "partners: [chery, nobody]")
    _edit(records / "organizations.yaml", "  kind: automaker\n  country: spain", "  kind: carmaker\n  country: spain")
    msgs = _problems(records)
    assert len(msgs) == 3
    assert {"people.yaml", "partnerships.yaml", "organizations.yaml"} == {
        Path(m.split(":")[0]).name for m in msgs}


def test_stray_file_is_reported(records):
    (records / "companies.yaml").write_text("[]\n", encoding="utf-8")
    [msg] = _problems(records)
    assert "companies.yaml" in msg and "organizations.yaml" in msg


def test_partial_dates_typed(fixture_kg):
    row = next(iter(fixture_kg.query(
        "SELECT ?s ?e WHERE { nevid:china-nev-exports-2026-01-02-a nev:periodStart ?s ; nev:periodEnd ?e }")))
    assert (str(row.s), str(row.e)) == ("2026-01-01", "2026-02-28")
    assert row.s.datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")


def test_every_date_is_an_xsd_date_with_its_stated_precision(fixture_kg):
    """A year, a month or a day as written: one datatype per date property, the precision beside it."""
    found = {(str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1], str(d), str(d.datatype).rsplit("#", 1)[-1], str(u).rsplit("#", 1)[-1])
             for p, d, u in fixture_kg.query("""SELECT ?p ?d ?u WHERE {
                 VALUES (?s ?p ?pp) { (nevid:fixture-action-plan nev:issuedOn nev:issuedOnPrecision)
                                      (nevid:weride-middle-east-fleet nev:asOf nev:asOfPrecision)
                                      (nevsrc:fixture-news-a dcterms:issued nev:issuedPrecision) }
                 ?s ?p ?d ; ?pp ?u }""")}
    assert found == {("issuedOn", "2025-01-01", "date", "unitYear"), ("asOf", "2026-02-01", "date", "unitMonth"),
                     ("issued", "2026-03-10", "date", "unitDay")}


def test_typed_date_comparison_keeps_partial_dates(fixture_kg):
    """``FILTER(?d >= "2025-01-01"^^xsd:date)`` keeps a date stated as a bare year (gYear dropped it)."""
    hits = {str(s).rsplit("/", 1)[-1] for (s,) in fixture_kg.query(
        'SELECT ?s WHERE { ?s nev:issuedOn|nev:asOf ?d FILTER(?d >= "2025-01-01"^^xsd:date) }')}
    assert hits == {"fixture-action-plan", "weride-middle-east-fleet", "yin-tongyue-chery-chairman"}


def test_integral_numbers_match_integer_literals(fixture_kg):
    """``nev:value 583000`` in a query is an xsd:integer: it must match the record's figure."""
    hits = list(fixture_kg.query("SELECT ?o WHERE { ?o nev:value 583000 ; nev:yoyChangePct 110 }"))
    assert [str(o).rsplit("/", 1)[-1] for (o,) in hits] == ["china-nev-exports-2026-01-02-a"]


def test_inferred_values_are_flagged_in_the_data(records):
    _edit(records / "observations.yaml", "  approximate: true\n",
          "  approximate: true\n  inferred: [value]\n  inferred_reason: Written out from 'about half a million'.\n")
    quads = CuratedLoader().load([records]).quads
    obs = entity_iri("china-nev-exports-2026-01-02-b")
    assert (obs, NEV.inferred, Literal(True), graph_iri("fixture-news-b")) in quads
    assert (obs, NEV.inferredProperty, NEV.value, graph_iri("fixture-news-b")) in quads
    notes = [o for s, p, o, g in quads if s == obs and p == NEV.inferenceNote]
    assert notes == [Literal("Written out from 'about half a million'.")]


def test_inferred_needs_a_reason_and_a_real_field(records):
    _edit(records / "observations.yaml", "  approximate: true\n", "  approximate: true\n  inferred: [value, colour]\n")
    msgs = _problems(records)
    assert len(msgs) == 1 and "colour" in msgs[0] and "china-nev-exports-2026-01-02-b" in msgs[0]


def test_each_source_graph_holds_only_what_that_source_states(records):
    """A record with two sources: its identity in both graphs, each field only in the graph of who states it."""
    _edit(records / "places.yaml", "  located_in: [europe]\n  sources: [fixture-news-a]",
          "  located_in: [europe]\n  stated_by: {located_in: [nevkg-curation], iso_code: [nevkg-curation]}\n"
          "  sources: [fixture-news-a, nevkg-curation]")
    quads = CuratedLoader().load([records]).quads
    spain = entity_iri("spain")
    by_graph: dict = {}
    for s, p, _o, g in quads:
        if s == spain:
            by_graph.setdefault(g, set()).add(str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1])
    news, curation = graph_iri("fixture-news-a"), graph_iri("nevkg-curation")
    assert by_graph[news] == {"type", "label", "wasDerivedFrom"}
    assert by_graph[curation] == {"type", "label", "wasDerivedFrom", "locatedIn", "isoCode"}
    assert (spain, PROV.wasDerivedFrom, source_iri("nevkg-curation"), news) not in quads


def test_stated_by_must_name_a_field_and_the_record_s_sources(records):
    _edit(records / "places.yaml", "  located_in: [europe]\n  sources: [fixture-news-a]",
          "  located_in: [europe]\n  stated_by: {located_in: [fixture-news-b]}\n  sources: [fixture-news-a]")
    [msg] = _problems(records)
    assert "record 'spain'" in msg and "stated_by" in msg and "subset of 'sources'" in msg


def test_corporate_plans_are_not_legislation(fixture_kg):
    types = {str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
             for (t,) in fixture_kg.query("SELECT ?t WHERE { nevid:chery-europe-plan a ?t }")}
    assert {"CorporatePlan", "Plan", "Fact"} <= types
    assert not types & {"Policy", "Legislation"}


def test_every_kind_has_a_fixture():
    present = {p.stem for p in (Path(__file__).parents[1] / "resources" / "records").glob("*.yaml")}
    assert present == set(RECORD_FILES)


# ------------------------------------------------------------------------------------------------ hostile files
# Each case breaks a copy of the fixture records one way; the loader must answer with one clear problem naming
# the file (and the line where there is one), and must not blow up in memory or recursion.
BOMB = "".join(f"    {c}: &{c} [{', '.join(['*' + p] * 9 if p else ['x'] * 9)}]\n"
               for p, c in zip(["", *"abcdefgh"], "abcdefghi", strict=True))


def _append(path: Path, text: str | bytes) -> None:
    data = path.read_bytes() + (text if isinstance(text, bytes) else text.encode())
    path.write_bytes(data)


HOSTILE = {
    # name: (how to break the folder, file named, text expected in the message, line expected)
    "alias bomb": (lambda r: _append(r / "people.yaml", "- id: bomb\n  label: B\n  sources: [x]\n  note:\n" + BOMB),
                   "people.yaml", "over the budget of 100,000", True),
    "self-referencing alias": (lambda r: _append(r / "people.yaml", "- &me\n  id: me\n  label: Me\n  note: *me\n"),
                               "people.yaml", "refers to the list or mapping that contains it", True),
    "non-UTF-8 bytes": (lambda r: _append(r / "people.yaml", b"- id: bad\n  label: \xff\xfe\n"),
                        "people.yaml", "not UTF-8 text (byte 0xff", True),
    "raw control character": (lambda r: _append(r / "people.yaml", "- id: ctl\n  label: a\x01b\n"),
                              "people.yaml", "U+0001", True),
    "escaped control character": (lambda r: _append(r / "people.yaml", '- id: ctl\n  label: "a\\x07b"\n'),
                                  "people.yaml", "control character U+0007", True),
    "nesting 1,000 deep": (lambda r: _append(r / "people.yaml", "- id: deep\n  note: " + "[" * 1000 + "]" * 1000 + "\n"),
                           "people.yaml", "nest more than 64 levels", True),
    "month 13": (lambda r: _edit(r / "sources.yaml", "issued: '2026-03-10'", "issued: '2026-13-10'"),
                 "sources.yaml", "there is no month 13", True),
    "year 0000": (lambda r: _edit(r / "sources.yaml", "issued: '2026-03-10'", "issued: '0000'"),
                  "sources.yaml", "year 0000 is not plausible", True),
    "31 February": (lambda r: _edit(r / "sources.yaml", "issued: '2026-03-10'", "issued: '2026-02-31'"),
                    "sources.yaml", "there is no day 31", True),
    "1e400": (lambda r: _edit(r / "observations.yaml", "value: 583000", "value: 1e400"),
              "observations.yaml", "1E+400 is not a plausible figure", True),
    "language tag en US!!": (lambda r: _edit(r / "sources.yaml", "url: https://example.org/a",
                                             "url: https://example.org/a\n  language: en US!!"),
                             "sources.yaml", "'en US!!' is not a BCP 47 language tag", True),
    "16 MB value": (lambda r: _append(r / "people.yaml", "- id: big\n  label: " + "x" * (16 << 20) + "\n"),
                    "people.yaml", "a value may hold at most 1,048,576 characters", True),
    "1.1 MB value over many lines": (lambda r: _append(r / "people.yaml", "- id: big\n  note: |\n"
                                                       + ("    " + "y" * 76 + "\n") * 14_500),
                                     "people.yaml", "over the limit of 1,048,576 characters", True),
    "9 MB records file": (lambda r: _append(r / "people.yaml", "".join(
        f"- id: p{i}\n  label: Person {i}\n  sources: [fixture-news-a]\n" for i in range(200_000))),
                          "people.yaml", "over the limit of 8,388,608 for a records file", False),
    "folder named like a records file": (lambda r: ((r / "people.yaml").unlink(), (r / "people.yaml").mkdir()),
                                         "people.yaml", "not a regular file (a folder)", False),
    "FIFO as a records file": (lambda r: ((r / "people.yaml").unlink(), os.mkfifo(r / "people.yaml")),
                               "people.yaml", "not a regular file (a FIFO)", False),
    "People.YAML": (lambda r: (r / "people.yaml").rename(r / "People.YAML"),
                    "People.YAML", "rename it to 'people.yaml'", False),
    "python tag": (lambda r: _append(r / "people.yaml", "- !!python/object/apply:os.system ['true']\n"),
                   "people.yaml", "malformed YAML", True),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_records_get_one_clear_error(records, case):
    breaks, file, expected, has_line = HOSTILE[case]
    breaks(records)
    msgs = _problems(records)
    hit = [m for m in msgs if expected in m]
    assert hit, msgs
    assert hit[0].startswith(str(records / file) + (":" if has_line else "")), hit[0]


def test_a_ttl_in_a_records_folder_is_named_in_a_warning(records, capsys):
    (records / "extra.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    os.mkfifo(records / "pipe")  # listed, never opened (opening a FIFO would hang)
    parse_records([records])
    err = capsys.readouterr().err
    assert f"warning: {records}: not read (not a record file): extra.ttl, pipe" in err


def test_the_shipped_aliases_are_within_the_budget():
    from nevkg.loaders.curated import DEFAULT_DATA_DIR

    assert "&id001" in (DEFAULT_DATA_DIR / "market_profiles.yaml").read_text(encoding="utf-8")
    assert parse_records([DEFAULT_DATA_DIR])


def test_an_alias_bomb_is_refused_fast_in_a_limited_process(records, tmp_path):
    """The 593-byte bomb of the issue, through the CLI: refused at once, well under 1 GiB and 60 s."""
    from ..limits import clean_failure, nevkg

    _append(records / "people.yaml", "- id: bomb\n  label: B\n  sources: [x]\n  note:\n" + BOMB)
    proc = nevkg("build", "--store", "memory", "--no-shipped", "--data", str(records),
                 env={**os.environ, "NEVKG_HOME": str(tmp_path / "home")})
    clean_failure(proc, str(records / "people.yaml"), "over the budget")


def test_a_mapping_as_a_key_is_a_clear_problem(records):
    _edit(records / "people.yaml", "  sources: [fixture-news-a]\n", "  {sources: x}: [fixture-news-a]\n")
    [msg] = _problems(records)
    assert "people.yaml:" in msg and "a key is a mapping or a list" in msg
