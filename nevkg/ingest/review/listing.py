"""``nevkg review``: the candidates of a review file as text, grouped by kind, with the words each came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nevkg.ingest.review.file import REVIEW_KEY, read_review
from nevkg.loaders.records import RECORD_FILES

__all__ = ["review_listing"]


def _summary(file: str, rec: dict[str, Any]) -> str:
    body = {k: v for k, v in rec.items() if k not in {"id", "sources", REVIEW_KEY, "label", "note"}}
    if file == "observations":
        period = rec.get("period_start", "?")
        if rec.get("period_end") and rec.get("period_end") != period:
            period += f"/{rec['period_end']}"
        qual = {"lower": "more than ", "upper": "less than "}.get(rec.get("bound") or "", "")
        qual += "about " if rec.get("approximate") else ""
        text = (f"{rec.get('measure', '?')} of {rec.get('subject', '?')}"
                + (f" to {rec['destination']}" if rec.get("destination") else "")
                + (f" [{rec['scope']}]" if rec.get("scope") else "")
                + f": {qual}{rec.get('value')} {rec.get('unit')}, {period}"
                + (" (period inferred)" if rec.get("period_inferred") else ""))
        if rec.get("yoy_change_pct") is not None:
            text += f", yoy {'>' if rec.get('yoy_bound') == 'lower' else ''}{rec['yoy_change_pct']:+}%"
        if rec.get("status"):
            text += f" ({rec['status']})"
        if rec.get("compiler"):
            text += f", compiled by {rec['compiler']}"
        return text
    label = rec.get("label") or rec.get("title") or ""
    rest = ", ".join(f"{k}={v}" for k, v in body.items() if k != "title")
    return f"{label}" + (f" ({rest})" if rest else "")


def review_listing(review: str | Path | dict, *, min_confidence: float = 0.0, statuses: tuple[str, ...] | None = None,
                   width: int = 100) -> str:
    """The candidates grouped by kind, each with status, confidence and the quoted words it came from.

    Parameters
    ----------
    review : path or dict
        A review file (or a loaded review document).
    min_confidence : float
        Leave out candidates below this confidence.
    statuses : tuple of str, optional
        Only candidates with these statuses (default: all).
    """
    doc = read_review(review)
    text = doc["text"]
    src = doc["source"]
    lines = [f"source {src['id']}: \"{src.get('title')}\" — publisher {src.get('publisher')}, issued "
             f"{src.get('issued')}" + (" (date inferred)" if src.get("date_inferred") else "")]
    if src.get(REVIEW_KEY, {}).get("notes"):
        lines += [f"  note: {n}" for n in src[REVIEW_KEY]["notes"]]
    known = doc.get("mentions") or []
    if known:
        lines.append(f"known entities named ({len(known)}): " + ", ".join(m["id"] for m in known))
    counts = []
    for file in RECORD_FILES:
        recs = [r for r in (doc.get("candidates") or {}).get(file) or []
                if r[REVIEW_KEY].get("confidence", 0) >= min_confidence
                and (statuses is None or r[REVIEW_KEY].get("status") in statuses)]
        if not recs:
            continue
        counts.append(f"{len(recs)} {file}")
        lines.append("")
        lines.append(f"{file} ({len(recs)})")
        for rec in recs:
            meta = rec[REVIEW_KEY]
            flag = " NEW" if meta.get("new") else f" → merge into {meta['merge_into']}" if meta.get("merge_into") \
                else ""
            lines.append(f"  [{meta.get('status')} {float(meta.get('confidence', 0)):.2f}] {rec['id']}{flag}")
            lines.append(f"      {_summary(file, rec)}")
            quotes = []
            for s, e in meta.get("spans") or []:
                words = " ".join(text[s:e].split())
                quotes.append(f"\"{words}\" @{s}-{e}")
            if quotes:
                quoted = "; ".join(quotes)
                lines.append("      " + (quoted if len(quoted) <= width else quoted[:width - 1] + "…"))
            if meta.get("missing"):
                lines.append(f"      missing: {', '.join(meta['missing'])}")
            for note in meta.get("notes") or []:
                lines.append(f"      note: {note}")
    lines.insert(1 + bool(src.get(REVIEW_KEY, {}).get("notes")) * len(src[REVIEW_KEY].get("notes", [])),
                 "candidates: " + (", ".join(counts) if counts else "none"))
    return "\n".join(lines) + "\n"
