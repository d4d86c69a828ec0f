"""Keeping the graph current: a news article → a review file of sourced candidate facts → the curated records.

Three steps, each a plain function (the CLI commands are thin shells over them):

1. :func:`ingest` reads an article (``.txt``, ``.md`` or ``.html``; HTML through a real parser, nothing run,
   nothing fetched) and writes a review file: a new source record and candidate records in the curated
   format, each with character spans, a confidence and a status. It never edits ``nevkg/data``.
2. :func:`review_listing` prints the candidates grouped by kind with the quoted words they came from.
3. :func:`accept` merges the accepted candidates into the curated records (entities de-duplicated, aliases
   merged, conflicting figures kept side by side), validates, writes atomically and rebuilds.

Extraction runs explainable rules over a statistical parse (:func:`nevkg.ingest.extract.extract`);
``bench/extract.py`` measures it. The names below load on first use, so reading an article never loads the
accept half (rdflib, the records folder).
"""

from nevkg._lazy import lazy_exports

#: each public name → the module that defines it, imported on first use
_EXPORTS = {
    "Gazetteer": "nevkg.ingest.gazetteer",
    "default_review_path": "nevkg.ingest.pipeline",
    "ingest": "nevkg.ingest.pipeline",
    "ingest_document": "nevkg.ingest.pipeline",
    "AcceptReport": "nevkg.ingest.review.accept",
    "ReviewError": "nevkg.ingest.review.file",
    "accept": "nevkg.ingest.review.accept",
    "dump_review": "nevkg.ingest.review.file",
    "read_review": "nevkg.ingest.review.file",
    "review_listing": "nevkg.ingest.review.listing",
    "write_review": "nevkg.ingest.review.file",
    "Article": "nevkg.ingest.text",
    "ArticleError": "nevkg.ingest.text",
    "read_article": "nevkg.ingest.text",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = ["ingest", "ingest_document", "default_review_path", "review_listing", "accept", "AcceptReport",
           "ReviewError", "ArticleError", "read_review", "write_review", "dump_review", "read_article", "Article",
           "Gazetteer"]
