"""Where nevkg's files are: the shipped curated records, and the home of its working files (``$NEVKG_HOME``, else
``./.nevkg``: the store, the user's records, caches)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_home", "SHIPPED_DATA_DIR"]

#: the curated records shipped in the package (``nevkg/data``)
SHIPPED_DATA_DIR = Path(__file__).resolve().parent / "data"


def default_home() -> Path:
    """``$NEVKG_HOME`` if set, else ``./.nevkg``.

    >>> import os
    >>> os.environ["NEVKG_HOME"] = "/tmp/kg"
    >>> str(default_home())
    '/tmp/kg'
    """
    return Path(os.environ.get("NEVKG_HOME") or ".nevkg")
