"""The named queries' catalogue: ``nevkg/queries/library/*.rq`` read, their headers parsed, listed — without rdflib.

:mod:`nevkg.queries.library` binds the parameters as RDF terms and runs the queries; listing them
(``nevkg ask --list``, the server's query page) and reading a query's declared parameters (the trade queries'
command path) need only this module, so they import no rdflib. The header format is described there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from nevkg.errors import UnknownNameError

__all__ = ["Param", "NamedQuery", "list_queries", "get_query", "usage_example", "PARAM_TYPE_NAMES", "PARAM_NAMES",
           "RENAMED"]

#: the parameter types a header may declare (:data:`nevkg.queries.library.PARAM_TYPES` converts each; a test keeps
#: the two in step)
PARAM_TYPE_NAMES = ("entity", "organization", "place", "person", "model", "source", "concept", "term", "string",
                    "integer", "decimal", "date")

_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>[a-z]+)(?P<opt>\s+optional)?\s*(?:[—-]+\s*)?"
                    r"(?P<desc>.*?)(?:;\s*example:\s*(?P<example>.+))?$")

#: one name per meaning across the library: a parameter with this meaning has this name (and type)
PARAM_NAMES = {
    "org": ("organization", "an organisation"), "place": ("place", "a place or market"),
    "person": ("person", "a person"), "measure": ("concept", "a measure (what a figure counts)"),
    "thing": ("entity", "any named thing"), "from": ("date", "the first day of a period"),
    "to": ("date", "the last day of a period"),
}
#: names the library used before, and the name that replaced each (an old name gets a hint, not silence)
RENAMED = {"since": "from", "until": "to", "as_of": "from", "entity": "thing", "company": "org",
           "market": "place", "country": "place"}


@dataclass(frozen=True)
class Param:
    """A query parameter as declared in the header."""

    name: str
    type: str
    required: bool
    description: str
    example: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    examples: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        """Name, title, description and parameters (for ``nevkg ask --list --format json``)."""
        return {"name": self.name, "title": self.title, "description": self.description,
                "parameters": [p.__dict__ for p in self.params], "example": usage_example(self)}


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, list[str]] = {"title": [], "description": [], "param": [], "example": []}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match:
            last = match.group(1)
            meta[last].append(match.group(2).strip())
        elif last in ("description", "param") and line[1:].strip():  # continuation line
            meta[last][-1] += " " + line[1:].strip()
    params = []
    for spec in meta["param"]:
        m = _PARAM.match(spec)
        if not m or m.group("type") not in PARAM_TYPE_NAMES:
            raise ValueError(f"{name}.rq: bad param line '{spec}'; write 'NAME TYPE [optional] — text; example: V'"
                             f" with TYPE one of {', '.join(PARAM_TYPE_NAMES)}")
        params.append(Param(m.group("name"), m.group("type"), not m.group("opt"), m.group("desc").strip(),
                            m.group("example")))
    if not meta["title"]:
        raise ValueError(f"{name}.rq: the header has no '# title:' line")
    return NamedQuery(name, meta["title"][0], " ".join(meta["description"]), tuple(params), text,
                      tuple(meta["example"]))


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    folder = resources.files("nevkg.queries").joinpath("library")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return out


def usage_example(query: NamedQuery) -> str:
    """A command that runs the query: its first ``# example:`` line, else one made of the parameters' examples.

    >>> usage_example(get_query("partnerships-of"))
    'nevkg ask partnerships-of --param org=Chery'
    """
    if query.examples:
        return query.examples[0]
    parts = [f"nevkg ask {query.name}"]
    for p in query.params:
        if p.required or p.example:
            value = p.example or p.name.upper()
            parts.append(f"--param {p.name}={value!r}" if " " in value else f"--param {p.name}={value}")
    return " ".join(parts)


def list_queries() -> list[NamedQuery]:
    """Every named query, by name.

    >>> any(q.name == "partnerships-of" for q in list_queries())
    True
    """
    return list(_library().values())


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; an unknown name suggests the closest ones."""
    try:
        return _library()[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(_library()), n=4, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}?" if close else "; 'nevkg ask --list' lists them"
        raise UnknownNameError(f"no named query '{name}'{hint}") from None
