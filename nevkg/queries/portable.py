"""Query forms that SPARQL engines evaluate differently, found by running the library on several engines.

The named queries run unchanged on rdflib, pyoxigraph, Oxigraph server and Virtuoso 7.2. Virtuoso gets a few
constructs wrong (docs/sparql-servers.md has the details and the portable form of each); this module finds
them in query text so that a new query cannot reintroduce one unnoticed.
"""

from __future__ import annotations

import re

from nevkg.graph.binding import strip_comments


class _OutsideDistinctSubselects:
    """A pattern searched only outside the query's ``{ SELECT DISTINCT … }`` sub-selects."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(_without_distinct_subselects(text))


def _without_distinct_subselects(text: str) -> str:
    """`text` with the body of every ``{ SELECT DISTINCT … }`` sub-select blanked."""
    out, i = [], 0
    for m in re.finditer(r"\{\s*SELECT\s+DISTINCT\b", text, re.IGNORECASE):
        if m.start() < i:
            continue
        depth, j = 0, m.start()
        while j < len(text):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
            if depth == 0:
                break
        out.append(text[i:m.start()])
        i = j
    return "".join(out) + text[i:]


#: (name, pattern, advice); patterns run over the query text without comments
RULES: list[tuple[str, re.Pattern | _OutsideDistinctSubselects, str]] = [
    ("zero-or-more path",
     re.compile(r"(?:[\w-]*:[\w-]+|\))\*\s*[?$<\w]"),
     "write `?x p* ?y` as `{ ?x a CLASS FILTER(?x = ?y) } UNION { ?x p+ ?y }` after the patterns binding ?x"),
    ("path inside NOT EXISTS or MINUS",
     re.compile(r"(?:NOT\s+EXISTS|MINUS)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*[\w)][+*]\s", re.IGNORECASE),
     "use OPTIONAL { … } with FILTER(!BOUND(?var)) instead"),
    ("OPTIONAL holding only a path",
     re.compile(r"OPTIONAL\s*\{\s*\S+\s+\S+[+*]\s+\S+\s*\}", re.IGNORECASE),
     "start the OPTIONAL with a plain triple pattern on the same subject"),
    ("boolean sentinel for an optional parameter",
     re.compile(r"COALESCE\(\s*\?\w+\s*,\s*false\s*\)\s*,\s*false", re.IGNORECASE),
     'test an optional parameter ?p as COALESCE(STR(?p), "") = ""'),
    ("boolean expression bound to a variable",
     re.compile(r"BIND\(\s*(?:COALESCE\(\s*)?(?:sameTerm|BOUND|EXISTS|!)[^;]*?\bAS\s+\?\w+\s*\)", re.IGNORECASE),
     'bind STRDT(IF(condition, "true", "false"), xsd:boolean) instead'),
    ("alternative path repeated outside a DISTINCT sub-select",
     _OutsideDistinctSubselects(r"\^?\((?:[^()|]*\|)+[^()|]*\)[+*]"),
     "Virtuoso returns one solution per route and then drops OPTIONAL values of some rows: put the pattern "
     "(with its UNION) in `{ SELECT DISTINCT ?x ?param WHERE { … } }`"),
    ("EXISTS in a disjunction inside IF",
     re.compile(r"\bIF\s*\([^(){}]*\|\|\s*(?:NOT\s+)?EXISTS\b", re.IGNORECASE),
     "nest IF(a, x, IF(EXISTS { … }, x, y))"),
]


def portability_problems(text: str) -> list[str]:
    """Constructs in a query that some tested engine evaluates wrongly, each with the portable form.

    Parameters
    ----------
    text : str
        SPARQL query text.

    Returns
    -------
    list of str
        One line per problem (empty when the query uses only portable forms).

    Examples
    --------
    >>> portability_problems("SELECT ?x WHERE { ?x nev:locatedIn* ?place }")[0].split(":")[0]
    'zero-or-more path'
    >>> portability_problems('SELECT ?x WHERE { ?x nev:locatedIn+ ?place } # nev:locatedIn* ?p')
    []
    """
    body = strip_comments(text)
    return [f"{name}: {advice}" for name, pattern, advice in RULES if pattern.search(body)]
