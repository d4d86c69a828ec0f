"""The loader interface: a loader turns one source into quads plus a record of where each thing came from."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # rdflib loads when a loader runs, not when a limit or a reader is imported
    from rdflib.term import Node

__all__ = ["Quad", "LoadResult", "Loader", "MAX_FILE_BYTES", "MAX_LITERAL_CHARS", "read_regular", "decode_utf8"]

#: the largest curated-records or RDF file read into memory (statistics tables are streamed and not limited)
MAX_FILE_BYTES = 256 << 20
#: the longest string value (a YAML scalar, an RDF literal) accepted; a label or note is never near this
MAX_LITERAL_CHARS = 1 << 20

Quad = tuple["Node", "Node", "Node", "Node"]


@dataclass
class LoadResult:
    """What a loader produced.

    Attributes
    ----------
    quads : list of Quad
        ``(subject, predicate, object, graph)``; ``graph`` is the source's named graph, or the default
        graph (:data:`rdflib.graph.DATASET_DEFAULT_GRAPH_ID`) for source and graph metadata.
    origins : dict
        IRI (as a string) → ``"file:line#record-id"``, so validation reports can name the record.
    sources : list of str
        IRIs of the source records the result describes.
    """

    quads: list[Quad] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        """Append another result's quads, origins and sources."""
        self.quads.extend(other.quads)
        self.origins.update(other.origins)
        self.sources.extend(other.sources)


class Loader(Protocol):
    """What every registered loader provides."""

    #: registry name
    name: str

    def load(self, paths: list[Path]) -> LoadResult:
        """Load the given files or folders; raise :class:`nevkg.errors.LoaderError` listing every problem."""
        ...


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file; a folder, FIFO, socket or device is refused without blocking on it.

    Raises
    ------
    RecordError
        Naming the file: not a regular file, larger than ``limit`` bytes, or unreadable.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> os.mkfifo(d / "people.yaml")
    >>> read_regular(d / "people.yaml")
    Traceback (most recent call last):
    ...
    nevkg.errors.RecordError: .../people.yaml: not a regular file (a FIFO); only regular files are read
    """
    from nevkg.errors import RecordError

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO must not wait for a writer
    except OSError as exc:
        raise RecordError(f"cannot read the file ({exc.strerror})", file=str(path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "a device")
            raise RecordError(f"not a regular file ({kind}); only regular files are read", file=str(path))
        size = os.fstat(fd).st_size
        if size > limit:
            raise RecordError(f"the file is {size:,} bytes, over the limit of {limit:,}; split it into smaller "
                              f"files", file=str(path))
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise RecordError(f"cannot read the file ({exc.strerror})", file=str(path)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise RecordError(f"the file is over the limit of {limit:,} bytes; split it into smaller files", file=str(path))
    return data


def decode_utf8(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a leading byte-order mark dropped); bad bytes raise an error naming file, line and byte.

    >>> decode_utf8(b"ok\\n\\xff", Path("x.yaml"))
    Traceback (most recent call last):
    ...
    nevkg.errors.RecordError: x.yaml:2: not UTF-8 text (byte 0xff at offset 3); save the file as UTF-8
    """
    from nevkg.errors import RecordError

    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RecordError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file "
                          f"as UTF-8", file=str(path), line=line) from None
