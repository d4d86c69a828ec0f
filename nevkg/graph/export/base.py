"""The exporter interface: a name, a file suffix, a media type, and ``write(kg, out)``."""

from __future__ import annotations

from typing import IO, ClassVar

__all__ = ["Exporter"]


class Exporter:
    """Base class of exporters: subclasses set the class attributes and implement :meth:`write`."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = ""
    #: whether the output is binary (not text): it is not written to a terminal
    binary: ClassVar[bool] = False
    #: one line for ``--help``
    description: ClassVar[str] = ""

    def write(self, kg, out: IO[bytes]) -> None:  # pragma: no cover - abstract
        """Write the export of ``kg`` to the binary file object ``out``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
