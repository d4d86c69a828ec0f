"""Alerts: the trade-measure events near a date, as an Atom feed (RFC 4287) and as JSON.

The events come from :func:`nevkg.queries.risk.risk`, called through its public entry point only: every
row whose phase is ``"coming"`` (the measure comes into force, a rate step starts, it is expected or it
expires within the window ahead) or ``"changed"`` (such an event, or its issue, within the window behind).
Measures merely in force raise no alert. Each entry names the organisation, the measure and the event,
and carries the path that ties the organisation to the measure (and every other path), the rate, and the
sources, each with its title, address and publication date.

Feed and entry identifiers are stable IRIs (``https://w3id.org/nevkg/alert/<measure>/<org>/<event>/<date>``),
so a reader sees a regenerated feed's old entries as the same entries. An entry's ``updated`` is when the
newest of its sources was published (a date given as a month or year counts from its first day): the
moment nevkg could first have known it. The feed's ``updated`` is the newest entry's, or the as-of day of
an empty feed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from nevkg.errors import ParameterError
from nevkg.graph.asof import first_day

__all__ = ["alerts", "alerts_atom", "alerts_json", "render_alerts", "write_alerts", "ALERT_PHASES", "FORMATS"]

#: the risk phases that raise an alert
ALERT_PHASES = ("coming", "changed")
#: output format → writer
FORMATS = ("atom", "json")
ATOM = "http://www.w3.org/2005/Atom"
_BASE = "https://w3id.org/nevkg/alert/"
_SOURCES = """SELECT ?src ?title ?issued ?url WHERE {
  ?src a nev:Source . OPTIONAL { ?src dcterms:title ?title } OPTIONAL { ?src dcterms:issued ?issued }
  OPTIONAL { ?src schema:url ?url } }"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _tail(iri: str) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _sources(kg) -> dict[str, dict[str, str | None]]:
    out = {}
    for r in kg.query(_SOURCES):
        out[_tail(r.src)] = {"id": _tail(r.src), "iri": str(r.src), "title": str(r.title) if r.title else None,
                             "issued": str(r.issued) if r.issued else None, "url": str(r.url) if r.url else None}
    return out


def alerts(kg, *, as_of: dt.date | str, within_days: int = 90, org: str | None = None,
           market: str | None = None) -> list[dict[str, Any]]:
    """The alert entries on a date (see the module docstring), soonest event first.

    Parameters
    ----------
    kg : KnowledgeGraph
    as_of : datetime.date or str
        The day to look from (``YYYY-MM-DD``).
    within_days : int
        The window ahead and behind, in days.
    org, market : str, optional
        Only this organisation, only this market (as :func:`nevkg.queries.risk.risk` takes them).

    Returns
    -------
    list of dict
        ``id``, ``title``, ``updated``, ``phase``, ``event``, ``date``, ``days``, ``organization``,
        ``organization_id``, ``measure``, ``measure_id``, ``jurisdiction``, ``rate``, ``score``, ``path``,
        ``paths`` and ``sources`` (each ``{"id", "iri", "title", "issued", "url"}``).

    Examples
    --------
    >>> import nevkg
    >>> kg = nevkg.build("memory")
    >>> [(a["organization"], a["event"], a["date"]) for a in alerts(kg, as_of="2024-10-01", within_days=60,
    ...                                                              org="BYD", market="Germany")]
    [('BYD', 'comes into force', '2024-10-30')]
    """
    from nevkg.queries.risk import risk  # the public entry point; its internals are not ours to use

    rows = risk(kg, as_of=as_of, within_days=within_days, org=org, market=market)
    known = _sources(kg)
    out = []
    for r in rows:
        if r["phase"] not in ALERT_PHASES:
            continue
        sources = [known.get(s, {"id": s, "iri": None, "title": None, "issued": None, "url": None})
                   for s in r["sources"]]
        days = [first_day(s["issued"]) for s in sources if s["issued"]]
        event = f"{r['event']} on {r['date']}" if r["date"] else r["event"]
        out.append({
            "id": f"{_BASE}{_tail(r['measure_id'])}/{_tail(r['organization_id'])}/{_slug(r['event'])}/{r['date']}",
            "title": f"{r['organization']}: {r['measure']} — {event}", "updated": max(days) if days else None,
            "phase": r["phase"], "event": r["event"], "date": r["date"], "days": r["days"],
            "organization": r["organization"], "organization_id": r["organization_id"], "measure": r["measure"],
            "measure_id": r["measure_id"], "jurisdiction": r["jurisdiction"], "rate": r["rate"],
            "score": r["score"], "path": r["path"], "paths": list(r["paths"]), "sources": sources})
    out.sort(key=lambda a: (a["date"] or "9999", a["organization"].casefold(), a["measure"], a["event"]))
    return out


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def alerts_atom(entries: list[dict[str, Any]], *, as_of: str, feed_id: str, title: str) -> bytes:
    """The entries as an Atom 1.0 feed (UTF-8 XML).

    Examples
    --------
    >>> xml = alerts_atom([], as_of="2024-10-01", feed_id="https://w3id.org/nevkg/alerts", title="t")
    >>> ET.fromstring(xml).find("{http://www.w3.org/2005/Atom}updated").text
    '2024-10-01T00:00:00Z'
    """
    from nevkg import __version__

    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: str(v) for k, v in attrs.items()})
        if text is not None:
            el.text = str(text)
        return el

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    days = [e["updated"] or as_of for e in entries]
    sub(feed, "updated", _stamp(max(days) if days else as_of))
    sub(sub(feed, "author"), "name", "nevkg")
    sub(feed, "generator", "nevkg", uri="https://w3id.org/nevkg", version=__version__)
    for e in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", e["id"])
        sub(entry, "title", e["title"])
        sub(entry, "updated", _stamp(e["updated"] or as_of))
        sub(entry, "link", rel="alternate", href=e["measure_id"])
        for s in e["sources"]:
            if s.get("url"):
                sub(entry, "link", rel="related", href=s["url"], title=s.get("title") or s["id"])
        sub(entry, "category", term=e["phase"], label=e["event"])
        sub(entry, "summary", f"{e['path']}. Rate: {e['rate']}.")
        lines = [e["title"], f"Why: {e['path']}"] + [f"Also: {p}" for p in e["paths"][1:]]
        lines += [f"Rate: {e['rate']}", "Sources:"]
        lines += [f"- {s.get('title') or s['id']} ({s.get('issued') or 'undated'})"
                  + (f" {s['url']}" if s.get("url") else "") for s in e["sources"]]
        sub(entry, "content", "\n".join(lines), type="text")
    ET.indent(feed)
    buf = io.BytesIO()
    ET.ElementTree(feed).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def alerts_json(entries: list[dict[str, Any]], **about: Any) -> bytes:
    """The entries as JSON: ``{"as_of", "within_days", "org", "market", "entries": [...]}``."""
    return (json.dumps({**about, "entries": entries}, indent=1, ensure_ascii=False, default=str) + "\n").encode()


def render_alerts(entries: list[dict[str, Any]], fmt: str, *, as_of: str, within_days: int, org: str | None = None,
                  market: str | None = None) -> bytes:
    """Entries of :func:`alerts` as an Atom feed (``fmt="atom"``) or JSON (``fmt="json"``).

    Raises
    ------
    ParameterError
        For another format.
    """
    if fmt not in FORMATS:
        raise ParameterError(f"unknown alerts format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    about = {"as_of": as_of, "within_days": within_days, "org": org, "market": market}
    if fmt == "json":
        return alerts_json(entries, **about)
    query = "&".join(f"{k}={_slug(v)}" for k, v in about.items() if v is not None)
    scope = " for " + ", ".join(x for x in (org, market) if x) if (org or market) else ""
    return alerts_atom(entries, as_of=as_of, feed_id=f"https://w3id.org/nevkg/alerts?{query}",
                       title=f"nevkg alerts{scope}: trade measures within {within_days} days of {as_of}")


def write_alerts(kg, output: str | Path, *, fmt: str | None = None, as_of: dt.date | str | None = None,
                 within_days: int = 90, org: str | None = None, market: str | None = None) -> tuple[bytes, int]:
    """Compute the alerts and render them; write them to ``output`` unless it is ``-``.

    Parameters
    ----------
    output : str or Path
        The file (written whole, or not at all) or ``-`` (nothing written; the caller prints the bytes).
    fmt : {"atom", "json"}, optional
        Default: ``json`` for a ``.json`` file, else ``atom``.
    as_of : date or str, optional
        Default: today.

    Returns
    -------
    (bytes, int)
        The document and the number of entries.
    """
    fmt = fmt or ("json" if str(output).lower().endswith(".json") else "atom")
    if fmt not in FORMATS:
        raise ParameterError(f"unknown alerts format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    day = str(as_of or dt.date.today())
    entries = alerts(kg, as_of=day, within_days=within_days, org=org, market=market)
    body = render_alerts(entries, fmt, as_of=day, within_days=within_days, org=org, market=market)
    if str(output) != "-":
        from nevkg.publish.files import write_atomic

        write_atomic(Path(output), body)
    return body, len(entries)
