"""The review file: candidate records in the curated format, each with review metadata; listing and accepting it.

Format (YAML, ``format: nevkg-review/1``)::

    format: nevkg-review/1
    article: {path, format, sha256, chars, metadata}   # where the text came from
    source: {id, kind, title, publisher, issued, ..., _review: {...}}
    mentions: [{id, file, text, spans}]               # known things the article names (for the record)
    candidates:                                        # one list per record file, in the curated format
      organizations: [{id, label, kind, sources, _review: {...}}, ...]
      observations: [...]
    text: |                                            # the article text every span points into
      ...

Every record carries ``_review``: ``status`` (``proposed``, ``accepted``, ``rejected`` or ``incomplete``),
``confidence`` (0–1), ``spans`` (``[[start, end], ...]`` offsets into ``text``), ``evidence`` (the spanned
words), ``rule`` (what found it) and, where they apply, ``new`` (an entity not in the data yet),
``merge_into`` (a known entity the record adds aliases to), ``missing`` (required fields to fill in) and
``notes``. The curated schemas reject unknown keys, so :func:`~nevkg.ingest.review.accept.accept` strips
``_review`` before a record reaches the data.

Reviewing means editing this file: set ``status: rejected`` (or delete the record), fix fields, fill in
what is missing; then :func:`~nevkg.ingest.review.accept.accept` merges what is left.

The package: :mod:`~nevkg.ingest.review.file` (the format, writing and reading it back),
:mod:`~nevkg.ingest.review.listing` (``nevkg review``), :mod:`~nevkg.ingest.review.accept` (``nevkg accept``),
with :mod:`~nevkg.ingest.review.records` (references and sameness of records) and
:mod:`~nevkg.ingest.review.datafiles` (the records folder merged into).
"""

from __future__ import annotations

from nevkg._lazy import lazy_exports

#: each public name → the module that defines it, imported on first use
_EXPORTS = {
    "AcceptReport": "nevkg.ingest.review.accept",
    "merge_base": "nevkg.ingest.review.datafiles",
    "FORMAT": "nevkg.ingest.review.file",
    "REVIEW_KEY": "nevkg.ingest.review.file",
    "STATUSES": "nevkg.ingest.review.file",
    "ReviewError": "nevkg.ingest.review.file",
    "candidate_records": "nevkg.ingest.review.file",
    "dump_review": "nevkg.ingest.review.file",
    "read_review": "nevkg.ingest.review.file",
    "write_review": "nevkg.ingest.review.file",
    "review_listing": "nevkg.ingest.review.listing",
    "canonical_order": "nevkg.ingest.review.records",
    "record_refs": "nevkg.ingest.review.records",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = ["FORMAT", "REVIEW_KEY", "STATUSES", "ReviewError", "AcceptReport", "dump_review", "write_review",
           "read_review", "review_listing", "merge_base", "candidate_records", "record_refs",
           "canonical_order"]
