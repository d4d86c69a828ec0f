"""Departments of ministries and agencies, named with the body they belong to.

Chinese official news names a department with its ministry, in two orders: "the Department of Foreign Trade of the
Ministry of Commerce" and "the General Administration of Customs' Department of Port Control". The parser reads
either as one organisation, so that neither the ministry nor the department is found (and an official's role is
at a body that does not exist). Each becomes two names: the department (a government body whose parent is the
ministry) and the ministry (the known record when it is one).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["split_departments", "DEPARTMENT"]

#: a department's own name: its head word, "of" or "for", then its field in capitals
DEPARTMENT = (r"(?:Department|Bureau|Division|Directorate|Office)\s+(?:of|for)\s+"
              r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*")
#: the body a department belongs to
_BODY = (r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}(?:Ministry|Administration|Commission|Council|Agency|Office|Authority|"
         r"Government)\b[\w\s,&'-]*")
_OF_FORM = re.compile(rf"(?P<dept>{DEPARTMENT})\s+of\s+(?P<body>{_BODY})")
_POSSESSIVE_FORM = re.compile(rf"(?P<body>{_BODY}?)['’]s?\s+(?P<dept>{DEPARTMENT})")


def split_departments(E: Any) -> None:
    """Split every new organisation named "DEPARTMENT of BODY" or "BODY's DEPARTMENT" into its two names.

    Parameters
    ----------
    E : _Entities
        The article's mentions, after the parser's names and the organisation forms are in.
    """
    from nevkg.ingest.extract.linking import link
    from nevkg.ingest.extract.model import Mention
    from nevkg.ingest.extract.org_forms import _put

    for m in [k for k in E.mentions if k.file in {"organizations", "places"} and not k.known]:
        name = m.text
        form = _OF_FORM.fullmatch(name) or _POSSESSIVE_FORM.fullmatch(name)
        if form is None or m not in E.mentions:
            continue
        old = m.id
        E.forget(m)
        for k in [k for k in E.overlaps(m.start, m.end) if not k.known]:  # (a stray cut of it: "Department of")
            E.forget(k)
        for rid in [r for r, k in E.new_meta.items() if m.start <= k.start < m.end and k.file == "places"]:
            E.drop_unused(rid)  # ("Department of Port": a port's name the organisation's name had replaced)
        parts = {}
        for part in ("body", "dept"):
            a, b = m.start + form.start(part), m.start + form.end(part)
            lead = re.match(r"the\s+", E.text[a:b])
            a += lead.end() if lead else 0
            parts[part] = (a, b)
        a, b = parts["body"]
        body = link(E.text[a:b], E.gaz, ("organizations",))
        same = next((k for k in E.mentions if k.file == "organizations" and k.text == E.text[a:b]), None)
        if body is not None or same is not None:  # (the known ministry, or the body named so before)
            rid, known, kind, label = (body.id, True, body.kind, body.label) if body is not None else \
                (same.id, same.known, same.kind, same.label)
            E.add(Mention(a, b, E.text[a:b], "organizations", rid, known, kind, "department-of", 0.85, label))
            parent = rid
        else:
            rid = next((r for r, rec in E.new.items() if rec.get("label") == E.text[a:b]), None) or \
                E._new_id(E.text[a:b], "organizations")
            parent = _put(E, a, b, E.new.get(rid) or {"id": rid, "label": E.text[a:b], "kind": "government-body"},
                          "department-of").id
        a, b = parts["dept"]
        rid = next((r for r, rec in E.new.items() if rec.get("label") == E.text[a:b]), None) or \
            E._new_id(E.text[a:b], "organizations")
        rec = E.new.get(rid) or {"id": rid, "label": E.text[a:b], "kind": "government-body"}
        if parent != rid:
            rec.setdefault("parent", parent)
        _put(E, a, b, rec, "department-of")
        E.drop_unused(old)
