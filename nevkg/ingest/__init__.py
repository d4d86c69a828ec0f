"""Keeping the graph current: a news article → a review file of sourced candidate facts → the curated records.

Three steps, each a plain function (the CLI commands are thin shells over them):

1. :func:`ingest` reads an article (``.txt``, ``.md`` or ``.html``; HTML through a real parser, nothing run,
   nothing fetched) and writes a review file: a new source record and candidate records in the curated
   format, each with character spans, a confidence and a status. It never edits ``nevkg/data``.
2. :func:`review_listing` prints the candidates grouped by kind with the quoted words they came from.
3. :func:`accept` merges the accepted candidates into the curated records (entities de-duplicated, aliases
   merged, conflicting figures kept side by side), validates, writes atomically and rebuilds.

Extraction runs explainable rules over a statistical parse (:mod:`nevkg.ingest.extract`); ``bench/extract.py``
measures it.
"""

from nevkg.ingest.extract import extract
from nevkg.ingest.gazetteer import Gazetteer
from nevkg.ingest.pipeline import default_review_path, ingest, ingest_document
from nevkg.ingest.review import (
                                 AcceptReport,
                                 ReviewError,
                                 accept,
                                 dump_review,
                                 read_review,
                                 review_listing,
                                 write_review,
)
from nevkg.ingest.text import Article, ArticleError, read_article

__all__ = ["ingest", "ingest_document", "default_review_path", "review_listing", "accept", "AcceptReport",
           "ReviewError", "ArticleError", "read_review", "write_review", "dump_review", "read_article", "Article",
           "extract", "Gazetteer"]
