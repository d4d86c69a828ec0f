"""Binding query variables to RDF terms in the query text, the way every tested engine reads alike.

``initBindings`` (rdflib) and ``substitutions`` (pyoxigraph) differ in how far a bound value reaches (rdflib
does not carry it into sub-queries; pyoxigraph does not let the optimiser use it as a constant, which made some
queries 30× slower), and a remote server takes only text. :func:`bind_values` writes the terms into the query
instead: a ``VALUES`` block first in the WHERE clause, every use of the variable replaced by the term, and
``(term AS ?var)`` in the innermost sub-query projecting it. Terms are serialized from RDF terms and checked;
no user text enters a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from nevkg.errors import QueryError

__all__ = ["bind_values", "selects_distinct", "strip_comments", "term_n3"]

_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def term_n3(term: Node) -> str:
    r"""A term as SPARQL text, refusing anything that could break out of its token.

    Examples
    --------
    >>> print(term_n3(Literal('say "hi"')))
    "say \"hi\""
    >>> term_n3(URIRef("http://x/a b"))
    Traceback (most recent call last):
    ...
    nevkg.errors.QueryError: not a valid IRI: 'http://x/a b'
    """
    if isinstance(term, URIRef):
        if _BAD_IRI.search(str(term)):
            raise QueryError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()  # rdflib escapes quotes, backslashes and line breaks
    raise QueryError(f"cannot bind {type(term).__name__} values in a query")


def _skip_token(text: str, i: int) -> int:
    """Index after the IRI, string or comment that starts at ``i`` (else ``i``)."""
    c = text[i]
    if c == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
        return i + re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]).end()
    if c in "\"'":
        quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
        j = i + len(quote)
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            if text.startswith(quote, j):
                return j + len(quote)
            j += 1
        return len(text)
    return i


def _code(text: str, start: int = 0) -> Iterator[int]:
    """Positions of query code in ``text`` from ``start``: IRIs, strings and comments are stepped over."""
    i = start
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        yield i
        i += 1


def _block_end(text: str, start: int) -> int | None:
    """Index of the brace closing the one at ``start`` (``None`` when it is never closed)."""
    level = 0
    for i in _code(text, start):
        level += {"{": 1, "}": -1}.get(text[i], 0)
        if level == 0:
            return i
    return None


def strip_comments(sparql: str) -> str:
    r"""The query without its comments (a ``#`` inside an IRI or a string is not one).

    Examples
    --------
    >>> strip_comments('SELECT ?x WHERE { ?x <http://a#b> "c # d" } # gone\n')
    'SELECT ?x WHERE { ?x <http://a#b> "c # d" } \n'
    """
    out, i = [], 0
    while i < len(sparql):
        j = _skip_token(sparql, i)
        if j == i:
            out.append(sparql[i])
            i += 1
            continue
        if sparql[i] != "#":
            out.append(sparql[i:j])
        i = j
    return "".join(out)


def selects_distinct(sparql: str) -> bool:
    r"""Whether the query's own (outermost) SELECT is a SELECT DISTINCT.

    Examples
    --------
    >>> selects_distinct("# SELECT DISTINCT\nSELECT ?x WHERE { { SELECT DISTINCT ?x WHERE { ?x ?p ?o } } }")
    False
    >>> selects_distinct("PREFIX a: <http://x/SELECT> SELECT  DISTINCT ?x WHERE { ?x ?p ?o }")
    True
    """
    for i in _code(sparql):
        if re.match(r"(?i)SELECT\b", sparql[i:]):
            return re.match(r"(?i)SELECT\s+DISTINCT\b", sparql[i:]) is not None
    return False


def _where_body(sparql: str) -> tuple[int, int]:
    """Indexes of the WHERE clause's opening and matching closing brace (skipping IRIs, strings, comments)."""
    seen_where = False
    for i in _code(sparql):
        if re.match(r"(?i)WHERE\b", sparql[i:]):
            seen_where = True
        if sparql[i] == "{" and (seen_where or not re.search(r"(?i)\bCONSTRUCT\b", sparql[:i])):
            end = _block_end(sparql, i)
            if end is None:
                break
            return i, end
    raise QueryError("cannot find the WHERE clause to bind parameters in")


def _sub_selects(body: str) -> list[tuple[int, int, set[str]]]:
    """Each sub-query of a WHERE body: where its SELECT starts, where its WHERE block ends, what it projects."""
    found = []
    for i in _code(body):
        if re.match(r"(?i)SELECT\b", body[i:]):
            projected, depth, k = set(), 0, i + 6
            while k < len(body) and body[k] != "{":  # the projection runs to the WHERE block
                depth += {"(": 1, ")": -1}.get(body[k], 0)
                m = re.match(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", body[k:])
                if m and depth == 0:
                    projected.add(m.group(1))
                k = (k + m.end()) if m else k + 1
            end = _block_end(body, k)
            found.append((i, len(body) if end is None else end, projected))
    return found


def _substitute(body: str, terms: dict[str, str]) -> str:
    """Replace bound variables by their terms in a WHERE body.

    A sub-query that projects a bound variable projects ``(term AS ?var)`` instead, so the sub-query's rows
    carry the value as they do with engine-side bindings (the innermost one only: an enclosing sub-query that
    projects the variable again already has it in scope); GROUP BY, ORDER BY and HAVING keep their variables.
    """
    selects = _sub_selects(body)
    keep = {start: {v for inner, _, projected in selects if start < inner < end for v in projected}
            for start, end, _ in selects}
    out, i = [], 0
    mode, parens, current = None, 0, None  # mode: "select" in a projection, "modifier" in GROUP/ORDER BY, HAVING
    while i < len(body):
        j = _skip_token(body, i)
        if j != i:
            out.append(body[i:j])
            i = j
            continue
        if re.match(r"(?i)SELECT\b", body[i:]):
            mode, parens, current = "select", 0, i
        elif re.match(r"(?i)(GROUP\s+BY|ORDER\s+BY|HAVING)\b", body[i:]):
            mode = "modifier"
        elif body[i] in "{}":
            mode = None
        elif mode == "select" and body[i] in "()":
            parens += 1 if body[i] == "(" else -1
        m = re.match(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", body[i:])
        if m and m.group(1) in terms and mode != "modifier" and not re.search(r"(?i)\bAS\s*$", "".join(out)):
            name, term = m.group(1), terms[m.group(1)]
            if mode == "select" and parens == 0:
                out.append(m.group(0) if name in keep[current] else f"({term} AS {m.group(0)})")
            else:
                out.append(term)
            i += m.end()
            continue
        out.append(body[i])
        i += 1
    return "".join(out)


def bind_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """Pre-bind variables to RDF terms, as ``initBindings`` does, for a server that only takes query text.

    Inside the WHERE clause every use of a bound variable becomes its term (so FILTERs in nested groups
    see the value, as with engine-side bindings), and a ``VALUES`` block first in the clause keeps the
    variable bound for the projection, GROUP BY and ORDER BY. Terms are serialized from RDF terms and
    checked (an IRI cannot close its brackets, literals are escaped): no user text enters the query.

    Examples
    --------
    >>> t = {"t": URIRef("http://x/T")}
    >>> print(bind_values("SELECT ?x ?t WHERE { ?x a ?t } # WHERE {", t))
    SELECT ?x ?t WHERE { VALUES (?t) { (<http://x/T>) } ?x a <http://x/T> } # WHERE {
    >>> bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": URIRef("https://x/> } ; DROP ALL #")})
    Traceback (most recent call last):
    ...
    nevkg.errors.QueryError: not a valid IRI: 'https://x/> } ; DROP ALL #'
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a variable name: {name!r}")
    terms = {n: term_n3(bindings[n]) for n in names}
    block = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(terms[n] for n in names) + ") }"
    start, end = _where_body(sparql)
    body = _substitute(sparql[start + 1:end], terms)
    return sparql[: start + 1] + " " + block + body + sparql[end:]
