"""The one exception hierarchy of nevkg.

Every expected failure (bad input, a broken store, an invalid graph) raises a subclass of
:class:`NevkgError`. The CLI turns these into a clear message and exit code 1 in one place; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

__all__ = [
    "NevkgError",
    "LoaderError",
    "RecordError",
    "ValidationError",
    "StoreError",
    "BuildLockedError",
    "QueryError",
    "UnknownNameError",
    "AmbiguousNameError",
    "ParameterError",
    "QueryTimeout",
]


class NevkgError(Exception):
    """Base class of all errors nevkg reports to users."""


class RecordError(NevkgError):
    """One problem in one curated record, located by file, line, record id and field.

    Parameters
    ----------
    message : str
        What is wrong and how to fix it.
    file : str, optional
        The file the record is in.
    line : int, optional
        The 1-based line where the record (or the bad value) starts.
    record : str, optional
        The record's ``id``.
    field : str, optional
        The field at fault.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 record: str | None = None, field: str | None = None) -> None:
        self.message, self.file, self.line, self.record, self.field = message, file, line, record, field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
        parts = [where]
        if self.record:
            parts.append(f"record '{self.record}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join([", ".join(parts), self.message])


class LoaderError(NevkgError):
    """A source could not be loaded. ``problems`` holds every :class:`RecordError` found, not just the first."""

    def __init__(self, message: str, problems: list[RecordError] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message)

    #: how many problems the message lists before counting the rest
    LIMIT = 50

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        lines = [f"  - {p}" for p in self.problems[:self.LIMIT]]
        if len(self.problems) > self.LIMIT:
            lines.append(f"  ... and {len(self.problems) - self.LIMIT:,} more problem(s) not shown; fix these first")
        return head + "\n" + "\n".join(lines)


class ValidationError(NevkgError):
    """The graph violates the SHACL shapes. ``report`` is the readable report."""

    def __init__(self, message: str, report: str = "") -> None:
        self.report = report
        super().__init__(message)

    def __str__(self) -> str:
        return super().__str__() + (("\n" + self.report) if self.report else "")


class StoreError(NevkgError):
    """A store spec is malformed, or the store cannot be opened or written."""


class BuildLockedError(StoreError):
    """Another build holds the store's build lock; the message names its pid and start time."""


class QueryError(NevkgError):
    """A query is malformed or failed while running."""


class UnknownNameError(NevkgError):
    """A name given by the user (a loader, exporter, entity, query) is not known; the message lists the valid ones."""


class AmbiguousNameError(UnknownNameError):
    """A name fits several things; ``candidates`` lists them (each with its kind)."""

    def __init__(self, message: str, candidates: list | None = None) -> None:
        self.candidates = list(candidates or [])
        super().__init__(message)


class ParameterError(NevkgError):
    """A named query got a missing, unknown or malformed parameter (a usage mistake: exit 2 from the CLI)."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""
