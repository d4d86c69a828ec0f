"""Reading an article: plain text out of ``.txt``, ``.md`` and ``.html`` files, with what metadata the page has.

HTML goes through the standard library's :class:`html.parser.HTMLParser`: nothing is fetched and nothing is
run. The text of ``script``, ``style``, ``template``, ``noscript``, ``svg``, ``iframe`` and other non-content
elements (navigation, footers, forms) is dropped; block elements become line breaks. Metadata comes from
``og:title`` / ``<title>`` / the first ``<h1>``, ``article:published_time`` / ``<time datetime>`` / a dated
``<meta>``, ``og:site_name`` and ``<link rel=canonical>`` / ``og:url``.

Every character offset the extractor reports is an offset into :attr:`Article.text`, the text this module
returns (not into the raw HTML or Markdown).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from nevkg.errors import NevkgError

__all__ = ["Article", "ArticleError", "read_article", "html_to_text", "markdown_to_text", "parse_date",
           "SUFFIXES", "MAX_BYTES"]

#: article file suffixes and the format each is read as
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".md": "markdown",
            ".markdown": "markdown"}
#: articles larger than this are refused (a news article is a few kilobytes)
MAX_BYTES = 5_000_000

_BINARY_MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP/Office file", b"\x89PNG": "a PNG image",
                 b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x7fELF": "an executable",
                 b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old Office document"}


class ArticleError(NevkgError):
    """The file cannot be read as an article (binary, empty, unsupported suffix, not UTF-8, too large)."""


@dataclass
class Article:
    """An article's plain text and the metadata found in the file."""

    text: str
    path: str
    format: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    #: where each piece of metadata came from (``{"title": "og:title", ...}``)
    meta_from: dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------------------------- dates
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def parse_date(value: str | None) -> str | None:
    """A date as ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``), from the forms pages and users write.

    >>> parse_date("2026-04-08T09:30:00+08:00")
    '2026-04-08'
    >>> parse_date("2025/04/16"), parse_date("8 April 2026"), parse_date("April 8, 2026"), parse_date("2026-04")
    ('2025-04-16', '2026-04-08', '2026-04-08', '2026-04')
    >>> parse_date("soon") is None
    True
    """
    if not value:
        return None
    text = str(value).strip()
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.match(r"^(\d{4})[-/](\d{1,2})$", text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    if re.fullmatch(r"\d{4}", text):
        return text
    m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", text)
    if m and m.group(1).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    return None


# ------------------------------------------------------------------------------------------------ HTML
#: elements whose content is never text of the article
_SKIP = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "canvas",
         "nav", "footer", "aside", "form", "button", "select", "textarea", "head", "audio", "video"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr"}
_BLOCK = {"p", "div", "section", "article", "header", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
          "ol", "table", "tr", "blockquote", "figure", "figcaption", "pre", "dd", "dt", "dl", "br", "hr",
          "address", "caption", "summary", "details", "td", "th"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1: list[str] | None = None
        self.first_h1: str | None = None
        self.times: list[str] = []
        self.lang: str | None = None
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
            return
        if tag == "title" and self.title is None:
            self.title_parts = []
            return
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_stack.append(tag)
            return
        if tag == "h1" and self.first_h1 is None and not self.skip_stack:
            self.h1 = []
        if tag in _BLOCK and not self.skip_stack:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:  # <script/> and the like open nothing
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
            return
        if self.skip_stack:
            if tag in self.skip_stack:  # close up to the matching element (tolerates unclosed children)
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "h1" and self.h1 is not None:
            self.first_h1 = " ".join("".join(self.h1).split()) or None
            self.h1 = None
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.skip_stack:
            return
        if self.h1 is not None:
            self.h1.append(data)
        self.parts.append(data)


def _tidy(text: str) -> str:
    """Collapse runs of spaces within lines and blank lines between paragraphs."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """The visible article text of an HTML page and its metadata; scripts and styles are dropped, never run.

    >>> text, meta = html_to_text('<html><head><title>T</title><script>alert(1)</script></head>'
    ...                           '<body><p>Hello <b>world</b></p><script>var x = 1;</script></body></html>')
    >>> text, meta["title"]
    ('Hello world\\n', 'T')
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    m = parser.meta
    text = _tidy("".join(parser.parts))
    meta: dict[str, str | None] = {}
    sources: dict[str, str] = {}

    def pick(name: str, *candidates: tuple[str, str | None]) -> None:
        for origin, value in candidates:
            if value:
                meta[name], sources[name] = value.strip(), origin
                return
        meta[name] = None

    pick("title", ("og:title", m.get("og:title")), ("twitter:title", m.get("twitter:title")),
         ("<title>", parser.title), ("<h1>", parser.first_h1))
    pick("date", ("article:published_time", m.get("article:published_time")),
         ("<time datetime>", parser.times[0] if parser.times else None),
         ("datePublished", m.get("datepublished")), ("date", m.get("date")), ("pubdate", m.get("pubdate")),
         ("dc.date", m.get("dc.date")), ("publishdate", m.get("publishdate")))
    pick("publisher", ("og:site_name", m.get("og:site_name")), ("publisher", m.get("publisher")),
         ("application-name", m.get("application-name")))
    pick("url", ("canonical", parser.canonical), ("og:url", m.get("og:url")))
    pick("author", ("author", m.get("author")), ("article:author", m.get("article:author")))
    pick("language", ("<html lang>", parser.lang), ("og:locale", m.get("og:locale")))
    meta["_from"] = sources  # type: ignore[assignment]
    return text, meta


# -------------------------------------------------------------------------------------------- Markdown
_MD_SUBS = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]


def markdown_to_text(md: str) -> tuple[str, dict[str, str | None]]:
    """Plain text of a Markdown article (markup removed) and the metadata of its front matter / first heading.

    >>> md = "---\\ntitle: A\\ndate: 2026-04-08\\n---\\n# Head\\n\\nSome **bold** [link](x).\\n"
    >>> text, meta = markdown_to_text(md)
    >>> text, meta["title"], meta["date"]
    ('Head\\n\\nSome bold link.\\n', 'A', '2026-04-08')
    """
    meta: dict[str, str | None] = {"title": None, "date": None, "publisher": None, "url": None, "author": None,
                                   "language": None}
    sources: dict[str, str] = {}
    body = md.replace("\r\n", "\n")
    fm = re.match(r"^---\n(.*?)\n---\n", body, re.S)
    if fm:
        body = body[fm.end():]
        for line in fm.group(1).splitlines():
            key, _, value = line.partition(":")
            key = key.strip().lower()
            value = value.strip().strip("'\"")
            target = {"title": "title", "date": "date", "published": "date", "publisher": "publisher",
                      "source": "publisher", "url": "url", "author": "author", "lang": "language",
                      "language": "language"}.get(key)
            if target and value and not meta.get(target):
                meta[target], sources[target] = value, f"front matter '{key}'"
    lines = []
    in_code = False
    for line in body.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            line = heading.group(1)
            if not meta["title"]:
                meta["title"], sources["title"] = line, "first heading"
        line = re.sub(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)", "", line)
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            line = ""
        for rx, rep in _MD_SUBS:
            line = rx.sub(rep, line)
        lines.append(line)
    meta["_from"] = sources  # type: ignore[assignment]
    return _tidy("\n".join(lines)), meta


# ------------------------------------------------------------------------------------------- the file
def _decode(data: bytes, path: Path) -> str:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"{path}: this is {what}, not an article; give a .txt, .html or .md text file")
    if b"\x00" in data[:65536]:
        raise ArticleError(f"{path}: looks like a binary file (it holds NUL bytes); give a .txt, .html or .md "
                           "text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (bad byte at offset {exc.start}); convert it first, e.g. "
                           f"'iconv -t UTF-8 {path.name}'") from exc
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise ArticleError(f"{path}: looks like a binary file ({controls} control characters); give a text file")
    return text


def read_article(path: str | Path, *, format: str | None = None) -> Article:
    """Read an article file into plain text and metadata.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.md`` or ``.html`` file (see :data:`SUFFIXES`).
    format : {"text", "markdown", "html"}, optional
        Read as this format whatever the suffix.

    Raises
    ------
    ArticleError
        The file is missing, empty (or only markup), binary, not UTF-8, too large, or of an unsupported kind.
    """
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: no such file")
    fmt = format or SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ArticleError(f"{path}: unsupported kind of file '{path.suffix or '(no suffix)'}'; "
                           f"give one of: {', '.join(sorted(SUFFIXES))}")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(f"{path}: the file is empty; there is no article to read")
    if size > MAX_BYTES:
        raise ArticleError(f"{path}: {size} bytes is too large for a news article (limit {MAX_BYTES})")
    raw = _decode(path.read_bytes(), path)
    if fmt == "html":
        text, meta = html_to_text(raw)
    elif fmt == "markdown":
        text, meta = markdown_to_text(raw)
    else:
        text, meta = _tidy(raw), {"_from": {}}
    if not text.strip():
        raise ArticleError(f"{path}: the file holds no article text" + (" (only markup)" if raw.strip() else ""))
    meta_from = dict(meta.pop("_from", {}) or {})  # type: ignore[arg-type]
    return Article(text=text, path=str(path), format=fmt, title=meta.get("title"), date=meta.get("date"),
                   publisher=meta.get("publisher"), url=meta.get("url"), author=meta.get("author"),
                   language=meta.get("language"), meta_from=meta_from)
