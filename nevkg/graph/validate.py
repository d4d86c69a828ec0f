"""Validation: SHACL shapes over the union of graphs (pyshacl), and a list of conflicting figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from nevkg.ontology.namespaces import PREFIX_IRIS, RDFS

__all__ = ["Violation", "Conflict", "ValidationReport", "validate_graph", "find_conflicts", "ontology_graph",
           "shapes_graph", "validate_kg", "capped", "REPORT_LIMIT"]


def ontology_graph() -> Graph:
    """The OWL ontology shipped in ``nevkg/ontology/nev.ttl`` (parsed once per process; do not change it)."""
    from nevkg.ontology.classes import ontology

    return ontology()


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes shipped in ``nevkg/ontology/shapes.ttl``."""
    g = Graph()
    g.parse(data=resources.files("nevkg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
            format="turtle")
    return g


@dataclass(frozen=True)
class Violation:
    """One SHACL result, readable."""

    focus: str
    focus_label: str
    path: str
    message: str
    severity: str
    origin: str | None

    def __str__(self) -> str:
        where = f" [{self.origin}]" if self.origin else ""
        return f"{self.severity}: {self.focus_label} <{self.focus}>{where}\n    path {self.path}: {self.message}"


@dataclass(frozen=True)
class Conflict:
    """The same subject, measure and period given different values (by different sources, or one twice).

    ``compatible`` is true when the qualifiers reconcile the figures ("more than 6.4 million" and "nearly
    6.41 million"); both are kept and listed either way.
    """

    key: str
    values: tuple[tuple[str, str, str], ...]  # (value as written, observation IRI, source IRI)
    compatible: bool = False

    def __str__(self) -> str:
        verdict = "figures differ but their qualifiers agree" if self.compatible else "figures disagree"
        lines = [f"conflict ({verdict}): {self.key}"]
        lines += [f"    {value}  ({obs} from {src})" for value, obs, src in self.values]
        return "\n".join(lines)


#: how many violations (and conflicts) a text report prints before counting the rest
REPORT_LIMIT = 50


@dataclass
class ValidationReport:
    """What :func:`validate_graph` found."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def text(self, limit: int | None = REPORT_LIMIT) -> str:
        """The report as text: violations first, then conflicts (warnings), at most ``limit`` of each.

        Past the limit a line counts the rest (``--format json`` lists every one); ``limit=None`` prints all.
        """
        out = capped([str(v) for v in self.violations], limit, "violation(s)")
        out += capped([f"warning: {c}" for c in self.conflicts], limit, "conflict(s)")
        head = "graph conforms to the shapes" if self.conforms else f"{len(self.violations)} violation(s)"
        return "\n".join([head, *out])


def capped(lines: list[str], limit: int | None, noun: str) -> list[str]:
    """The first ``limit`` lines and, when there are more, one line counting the rest.

    >>> capped(["a", "b", "c"], 2, "violation(s)")
    ['a', 'b', '... and 1 more violation(s) not shown (nevkg validate --format json lists them all)']
    """
    if limit is None or len(lines) <= limit:
        return lines
    return lines[:limit] + [f"... and {len(lines) - limit:,} more {noun} not shown "
                            f"(nevkg validate --format json lists them all)"]


def _short(term: object, graph: Graph) -> str:
    if isinstance(term, URIRef):
        for prefix, ns in PREFIX_IRIS.items():
            if str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns):]}"
    return str(term)


def validate_graph(data: Graph, origins: dict[str, str] | None = None, *, inplace: bool = False) -> ValidationReport:
    """Validate a graph (the union of all named graphs) with the shipped SHACL shapes.

    Parameters
    ----------
    data : rdflib.Graph
        The data. The ontology is added for class hierarchy only; the data is not changed unless ``inplace``.
    origins : dict, optional
        IRI → ``file:line#id``, to say which record a violation comes from.
    inplace : bool
        Add the ontology's triples to ``data`` itself instead of to a copy (for a graph made only to be validated:
        pyshacl's copy of the shipped records costs about a fifth of the validation).

    Returns
    -------
    ValidationReport
        ``conforms`` is false when any shape reports a violation; conflicts are warnings.

    Examples
    --------
    >>> from rdflib import Graph
    >>> bad = Graph().parse(data='''
    ...   @prefix nev: <https://w3id.org/nevkg/ontology#> .
    ...   <https://w3id.org/nevkg/id/x> a nev:Partnership ; nev:partner <https://w3id.org/nevkg/id/a> .''',
    ...   format="turtle")
    >>> report = validate_graph(bad)
    >>> report.conforms
    False
    """
    import pyshacl

    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
        abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=False, inplace=inplace)
    violations = []
    for result in results.subjects(predicate=SH.focusNode):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        label = data.value(focus, RDFS.label)
        violations.append(Violation(
            focus=str(focus), focus_label=str(label) if label is not None else _short(focus, data),
            path=_short(results.value(result, SH.resultPath), data) if results.value(result, SH.resultPath) else "-",
            message=str(results.value(result, SH.resultMessage) or "violates a shape"),
            severity=str(severity).rsplit("#", 1)[-1],
            origin=(origins or {}).get(str(focus))))
    violations.sort(key=lambda v: (v.origin or "", v.focus, v.path))
    errors = [v for v in violations if v.severity == "Violation"]
    return ValidationReport(conforms=bool(conforms) or not errors, violations=violations,
                            conflicts=find_conflicts(data))


CONFLICTS = """
SELECT ?obs ?value ?bound ?approx ?src ?measure ?subject ?dest ?scope ?start ?end ?status ?unit WHERE {
  ?obs a nev:Observation ; nev:measure ?measure ; nev:subject ?subject ; nev:periodStart ?start ; nev:unit ?unit ;
       nev:periodEnd ?end ; nev:value ?value ; prov:wasDerivedFrom ?src .
  OPTIONAL { ?obs nev:destination ?dest }
  OPTIONAL { ?obs nev:productScope ?scope }
  OPTIONAL { ?obs nev:observationStatus ?status }
  OPTIONAL { ?obs nev:bound ?bound }
  OPTIONAL { ?obs nev:approximate ?approx }
}"""


#: relative tolerance given to a figure qualified as approximate ("nearly", "about")
APPROXIMATE = 0.05


def _interval(value: float, bound: str | None, approximate: bool) -> tuple[float, float]:
    """The values a reported figure allows: exact, more than, less than, or about."""
    if bound == "lower":
        return value, float("inf")
    if bound == "upper":
        return float("-inf"), value
    if approximate:
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    return value, value


def find_conflicts(data: Graph) -> list[Conflict]:
    """Observations of the same measure, subject, destination, scope, period and unit with different values.

    Nothing is overwritten: both figures stay in the graph, each with its source; this only lists them,
    and says whether their qualifiers (more than, less than, about) reconcile them.
    """
    groups: dict[tuple, dict[tuple, tuple]] = {}
    for row in data.query(CONFLICTS, initNs=PREFIX_IRIS):
        key = (row.measure, row.subject, row.dest, row.scope, row.start, row.end, row.status, row.unit)
        approximate = row.approx is not None and bool(row.approx.toPython())
        bound = str(row.bound) if row.bound is not None else None
        written = str(row.value) + (f" ({bound} bound)" if bound else "") + (" (approx.)" if approximate else "")
        interval = _interval(float(row.value.toPython()), bound, approximate)
        groups.setdefault(key, {})[(str(row.obs), str(row.src))] = (written, str(row.obs), str(row.src), interval)
    conflicts = []
    for key, entries in groups.items():
        if len({v[0] for v in entries.values()}) < 2:
            continue
        lows, highs = zip(*(v[3] for v in entries.values()), strict=True)
        measure, subject, dest, scope, start, end, _, unit = key
        label = " ".join(_short(x, data) for x in (measure, subject, dest, scope, unit) if x is not None)
        conflicts.append(Conflict(f"{label} {start}..{end}", tuple(sorted(v[:3] for v in entries.values())),
                                  compatible=max(lows) <= min(highs)))
    return sorted(conflicts, key=lambda c: c.key)


def validate_kg(kg) -> ValidationReport:
    """Validate a built graph, naming the curated record behind each violation.

    Examples
    --------
    >>> from nevkg.graph.build import build
    >>> validate_kg(build("memory", ["tests/resources/records"], shipped=False)).conforms
    True
    """
    return validate_graph(kg.union_graph(), kg.manifest.get("origins"))
