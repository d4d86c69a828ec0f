"""``ingest``: an article file → a review file of sourced candidate records (never touches ``nevkg/data``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nevkg.ingest.extract import Candidate, extract
from nevkg.ingest.gazetteer import Gazetteer, slugify
from nevkg.ingest.review.file import FORMAT, REVIEW_KEY, write_review
from nevkg.ingest.review.records import canonical_order
from nevkg.ingest.text import Article, ArticleError, parse_date, read_article
from nevkg.loaders.records import RECORD_FILES

__all__ = ["ingest", "ingest_document", "ingest_many", "article_paths", "default_review_path"]

#: the article files ``ingest`` reads from a folder
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

_TITLE_STOP = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "as", "at", "by", "with", "its", "is"}


def default_review_path(article: str | Path) -> Path:
    """``story.html`` → ``story.review.yaml`` beside it."""
    article = Path(article)
    return article.with_name(article.stem + ".review.yaml")


def _first_line_title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 160 and not first.endswith((".", ":", ";")):
        return first
    return None


def _meta(rec: dict[str, Any], conf: float, spans: list, rule: str, **kw: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"status": kw.pop("status", "proposed"), "confidence": round(conf, 2),
                            "spans": [list(s) for s in spans], "rule": rule}
    meta.update({k: v for k, v in kw.items() if v not in (None, [], "")})
    return {**rec, REVIEW_KEY: meta}


def _candidate_dict(c: Candidate, text: str) -> dict[str, Any]:
    evidence = [" ".join(text[s:e].split()) for s, e in c.spans]
    return _meta(canonical_order(c.file, c.record), c.confidence, c.spans, c.rule, status=c.status, new=c.new or None,
                 merge_into=c.merge_into, missing=c.missing, notes=c.notes, evidence=evidence)


def ingest_document(path: str | Path, *, publisher: str | None = None, title: str | None = None,
                    date: str | None = None, url: str | None = None, language: str | None = None,
                    kg_or_records: Any = None, now: datetime | None = None) -> dict[str, Any]:
    """Read an article and return its review document (see :mod:`nevkg.ingest.review` for the format).

    Parameters
    ----------
    path : path
        The article: ``.txt``, ``.md`` or ``.html``.
    publisher, title, date, url, language : str, optional
        Override (or supply) what the page says. ``date`` is ``YYYY-MM-DD`` (or ``YYYY-MM``, or a form
        like ``8 April 2026``); it resolves "last year", "this year" and months named without a year.
    kg_or_records : optional
        Where the known entities come from: ``None`` (the shipped records), a folder of records, a list of
        parsed records, a :class:`~nevkg.ingest.gazetteer.Gazetteer` or a built graph.
    now : datetime, optional
        The time of ingestion (for a missing date; tests fix it).

    Raises
    ------
    ArticleError
        The file is empty, binary or not an article, or ``date`` cannot be read.
    """
    article: Article = read_article(path)
    gaz = Gazetteer.load(kg_or_records)
    now = now or datetime.now(UTC)
    notes: list[str] = []

    # -- metadata: the command line wins over the page
    the_title = title or article.title or _first_line_title(article.text)
    if not the_title:
        the_title = f"untitled article ({Path(path).name})"
        notes.append("no title found: give one with --title")
    issued = date_inferred = None
    if date:
        issued = parse_date(date)
        if issued is None:
            raise ArticleError(f"--date '{date}' is not a date; write YYYY-MM-DD")
    elif article.date:
        issued = parse_date(article.date)
        if issued is None:
            notes.append(f"the page's date '{article.date}' could not be read")
    if issued is None:
        issued, date_inferred = now.strftime("%Y-%m-%d"), True
        notes.append("no date in the page or on the command line: the date of ingestion is used and 'last "
                     "year'/'this year' were resolved against it; correct 'issued' (or re-run with --date)")
    pub_name = publisher or article.publisher
    candidates: list[dict[str, Any]] = []
    publisher_id = "publisher-not-named"
    if pub_name:
        entry = gaz.lookup(pub_name, ("organizations",))
        if entry is not None:
            publisher_id = entry.id
        else:
            publisher_id = slugify(pub_name)
            if publisher_id in gaz.ids:
                publisher_id += "-publisher"
            candidates.append(("organizations", _meta(
                {"id": publisher_id, "label": pub_name, "kind": "publisher"}, 0.9, [],
                "publisher:" + ("command line" if publisher else article.meta_from.get("publisher", "page")),
                new=True)))
    elif "publisher-not-named" not in gaz.ids:
        candidates.append(("organizations", _meta(
            {"id": "publisher-not-named", "label": "publisher not named in the text", "kind": "publisher"},
            0.9, [], "publisher:none", new=True)))
    words = [w for w in slugify(the_title).split("-") if w not in _TITLE_STOP][:4]
    base = "-".join([slugify(pub_name)[:24].strip("-")] if pub_name else []) + f"-{issued}-" + "-".join(words)
    source_id = re.sub(r"-+", "-", base).strip("-")
    stem, n = source_id, 2
    while source_id in gaz.ids:
        source_id, n = f"{stem}-{n}", n + 1

    candidates = [(f, {**{k: v for k, v in r.items() if k != REVIEW_KEY}, "sources": [source_id],
                       REVIEW_KEY: r[REVIEW_KEY]}) for f, r in candidates]
    result = extract(article.text, gaz, article_date=issued, source_id=source_id, publisher=pub_name)
    cites = list(dict.fromkeys(c.record["compiler"] for c in result.candidates
                               if c.file == "observations" and c.record.get("compiler")))
    lang = (language or article.language or "en").replace("_", "-")
    source: dict[str, Any] = {"id": source_id, "kind": "news-article", "title": the_title,
                              "publisher": publisher_id, "issued": issued}
    if date_inferred:
        source["date_inferred"] = True
        source["date_note"] = "No date in the article or on the command line; set to the day it was ingested."
    if url or article.url:
        source["url"] = url or article.url
    source["language"] = lang
    if article.author:
        source["author"] = article.author
    if cites:
        source["cites"] = cites
    source["note"] = (f"Ingested with nevkg ingest from {Path(path).name}; candidate facts reviewed by hand "
                      "before they were accepted.")
    from_meta = {k: v for k, v in article.meta_from.items()}
    for key, given in (("title", title), ("date", date), ("publisher", publisher), ("url", url)):
        if given:
            from_meta[key] = "command line"
    doc: dict[str, Any] = {
        "format": FORMAT,
        "generated": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "instructions": ("Review each candidate: set _review.status to accepted or rejected (or delete it), fix "
                         "fields, fill in what is missing; then run 'nevkg accept THIS_FILE' (optionally --ids). "
                         "Spans are character offsets into 'text' at the end of this file."),
        "article": {"path": str(path), "format": article.format, "sha256": article.sha256,
                    "chars": len(article.text), "metadata_from": from_meta},
        "extractor": result.pipeline,
        "source": _meta(source, 1.0, [], "metadata", notes=notes),
        "mentions": [],
        "candidates": {},
        "text": article.text,
    }
    known: dict[str, dict[str, Any]] = {}
    for m in result.mentions:
        if m.known:
            k = known.setdefault(m.id, {"id": m.id, "file": m.file, "text": m.text, "spans": []})
            k["spans"].append([m.start, m.end])
    doc["mentions"] = list(known.values())
    grouped: dict[str, list[dict[str, Any]]] = {f: [] for f in RECORD_FILES}
    for file, rec in candidates:
        grouped[file].append(rec)
    for c in result.candidates:
        grouped[c.file].append(_candidate_dict(c, article.text))
    doc["candidates"] = {f: recs for f, recs in grouped.items() if recs}
    return doc


def ingest(path: str | Path, *, publisher: str | None = None, title: str | None = None, date: str | None = None,
           url: str | None = None, language: str | None = None, kg_or_records: Any = None,
           out: str | Path | None = None) -> Path:
    """Read an article and write its review file; return the file's path.

    ``out`` defaults to ``ARTICLE.review.yaml`` beside the article. Nothing in ``nevkg/data`` changes:
    run :func:`nevkg.ingest.accept` on the reviewed file for that.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Ningbo exported 1,200 vehicles to Mexico in March 2026.\\n")
    >>> review = ingest(d / "a.txt", date="2026-04-02", publisher="Xinhua")
    >>> review.name
    'a.review.yaml'
    """
    doc = ingest_document(path, publisher=publisher, title=title, date=date, url=url, language=language,
                          kg_or_records=kg_or_records)
    return write_review(doc, out or default_review_path(path))


def article_paths(paths: list[str | Path]) -> list[Path]:
    """The articles named: files as given, folders as their ``.txt``/``.md``/``.html`` files (sorted; review
    files and hidden files left out).

    Raises
    ------
    ArticleError
        A path does not exist, or a folder holds no article.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not f.name.startswith(".") and not f.name.endswith(".review.yaml"))
            if not found:
                raise ArticleError(f"{p}: no article in this folder (looked for {', '.join(ARTICLE_SUFFIXES)})")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise ArticleError(f"{p}: no such file or folder")
    return list(dict.fromkeys(out))


def ingest_many(paths: list[str | Path], *, out_dir: str | Path | None = None, show_progress: bool | None = None,
                kg_or_records: Any = None, **options: Any) -> list[Path]:
    """Ingest several articles (files or folders of them): one review file each; return their paths.

    The known entities are loaded once. ``out_dir`` puts the review files there (default: beside each article);
    ``options`` (publisher, title, date, url, language) apply to every article.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "b.txt"):
    ...     _ = (d / name).write_text("Ningbo exported 1,200 vehicles to Mexico in March 2026.\\n")
    >>> [p.name for p in ingest_many([d], date="2026-04-02", show_progress=False)]
    ['a.review.yaml', 'b.review.yaml']
    """
    from nevkg.progress import progress

    articles = article_paths(paths)
    gaz = Gazetteer.load(kg_or_records)
    written: list[Path] = []
    for path in progress(articles, "ingest", total=len(articles), enabled=show_progress):
        target = Path(out_dir) / default_review_path(path).name if out_dir else default_review_path(path)
        written.append(ingest(path, kg_or_records=gaz, out=target, **options))
    return written
