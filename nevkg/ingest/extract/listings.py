"""Stock-exchange listings in a company's lead ("X Inc. (Nasdaq: XYZ; HKEX: 2977)"): the exchange is where the
company's shares trade, not a partner, an operator or a market, and the ticker symbol names nothing."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ticker_listings"]

#: "EXCHANGE: SYMBOL" pairs in brackets, one or more, separated by ";" or ","
_PAIR = r"(?:[A-Z][A-Za-z]{1,11}(?:\s+[A-Z][A-Za-z]+){0,2})\s*:\s*[A-Z0-9][A-Z0-9.\-]{0,8}"
_TICKERS = re.compile(rf"\(\s*{_PAIR}(?:\s*[;,]\s*{_PAIR})*\s*\)")
_ONE = re.compile(r"(?P<ex>[A-Z][A-Za-z]{1,11}(?:\s+[A-Z][A-Za-z]+){0,2})\s*:\s*(?P<sym>[A-Z0-9][A-Z0-9.\-]{0,8})")


def ticker_listings(E: Any) -> None:
    """Make each exchange named with a ticker in brackets a source (never an actor) and drop the new
    organisations the parser made of the symbols.

    Parameters
    ----------
    E : _Entities
        The mention finder of one article (its names all found).
    """
    for block in _TICKERS.finditer(E.text):
        for pair in _ONE.finditer(E.text, block.start(), block.end()):
            for k in list(E.mentions):
                if k.file != "organizations" or not (block.start() <= k.start < block.end()):
                    continue
                if pair.start("ex") <= k.start < pair.end("ex"):
                    k.compiler = True  # "(HKEX: 2977)": where the shares trade
                elif pair.start("sym") <= k.start < pair.end("sym") and not k.known:
                    E.forget(k)  # "(Nasdaq: KNLI)": a symbol, no company
