"""Web pages: the article's main text without navigation, adverts and comments, and what the page
says about itself (title, author, date, site, address, language).

Main content comes from trafilatura (pinned in pyproject.toml: its output is the stored text, so
a new release must not change it unnoticed). Small pages trafilatura finds no article in, and
pages it cannot handle, fall back to all of their visible text (`reading.html_to_text`).

The metadata is read here with the standard library's tokenizer, most specific source first:
schema.org JSON-LD (`NewsArticle` and kin), then OpenGraph and `article:*` properties, then
`<meta name=…>` conventions (Dublin Core, citation_*), then `<title>`, `<link rel=canonical>`
and `<html lang>`. Nothing is fetched and nothing runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from kzeu_desk.core.documents.common import DocumentMetadata
from kzeu_desk.core.documents.layout import normalise_line
from kzeu_desk.core.text import canonicalize

READER_VERSION = 1
# Fewer words than this in the extracted article: the page is not an article (a short note, a
# hand-written page), and all of its visible text is the better reading.
_MIN_ARTICLE_WORDS = 25
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "report", "scholarlyarticle", "techarticle", "opinionnewsarticle", "pressrelease"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{4})-(\d{2})(?!\d)|(\d{4})(\d{2})(\d{2})(?!\d)")
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ")


@dataclass
class PageFacts:
    """What a page says about itself, as found (before choosing among the sources)."""

    title: str | None = None
    language: str | None = None
    canonical: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # property/name (lower case) -> first content
    json_ld: list[dict] = field(default_factory=list)
    first_time: str | None = None  # the first <time datetime=…>


@dataclass(frozen=True, slots=True)
class WebPageReading:
    text: str
    title: str | None
    metadata: DocumentMetadata
    extractor: str


def read_web_page(html: str, fallback_text: str, *, url: str | None = None,
                  retrieved_at: str | None = None) -> WebPageReading:
    """`fallback_text`: the page's whole visible text, used when no article is found in it."""
    facts = page_facts(html)
    metadata, title = page_metadata(facts, url=url, retrieved_at=retrieved_at)
    article = main_text(html, url=metadata.url or url)
    if article is None:
        return WebPageReading(fallback_text, title, metadata, f"html {READER_VERSION}")
    return WebPageReading(article, title, metadata, f"html {READER_VERSION}; trafilatura {_trafilatura_version()}")


def main_text(html: str, *, url: str | None = None) -> str | None:
    """The article's text, paragraphs separated by blank lines; None when the page has none."""
    try:
        import trafilatura

        extracted = trafilatura.extract(
            html, url=url, output_format="txt", include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            with_metadata=False, favor_recall=True,
        )
    except Exception:  # noqa: BLE001 - a page the library chokes on is still readable as plain text
        return None
    if not extracted:
        return None
    paragraphs = [line for line in (normalise_line(raw) for raw in extracted.splitlines()) if line]
    text = canonicalize("\n\n".join(paragraphs))
    return text if len(text.split()) >= _MIN_ARTICLE_WORDS else None


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")


# -- what the page says about itself --------------------------------------------------------------


def page_facts(html: str) -> PageFacts:
    collector = _FactCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup; keep what it read
        pass
    return collector.facts


def page_metadata(facts: PageFacts, *, url: str | None = None,
                  retrieved_at: str | None = None) -> tuple[DocumentMetadata, str | None]:
    article = _json_ld_article(facts.json_ld)
    meta = facts.meta
    site = _first(_name_of(article.get("publisher")), meta.get("og:site_name"), meta.get("application-name"))
    title = _first(_text(article.get("headline")), _text(article.get("name")), meta.get("og:title"),
                   meta.get("citation_title"), meta.get("dc.title"), facts.title)
    published = _first(*(_iso_date(value) for value in (
        _text(article.get("datePublished")), meta.get("article:published_time"), meta.get("citation_publication_date"),
        meta.get("dc.date"), meta.get("dcterms.date"), meta.get("date"), meta.get("pubdate"),
        meta.get("publish-date"), meta.get("og:published_time"), _text(article.get("dateCreated")), facts.first_time)))
    author = _first(_name_of(article.get("author")), _author_meta(meta.get("article:author")),
                    meta.get("author"), meta.get("citation_author"), meta.get("dc.creator"))
    language = _first(facts.language, _text(article.get("inLanguage")), _locale(meta.get("og:locale")),
                      meta.get("content-language"), meta.get("dc.language"))
    address = _first(*(_absolute(candidate, url) for candidate in (
        facts.canonical, meta.get("og:url"), _text(article.get("url")), _main_entity(article))), url)
    return DocumentMetadata(
        author=author, publisher=site, published=published, language=language, url=address,
        retrieved_at=retrieved_at,
    ), _without_site_suffix(title, site)


class _FactCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in_title = False
        self._title_parts: list[str] = []
        self._json_ld: list[str] | None = None
        self._in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        if tag == "svg":
            self._in_svg += 1
        elif tag == "html" and attributes.get("lang", "").strip() and self.facts.language is None:
            self.facts.language = attributes["lang"].strip()
        elif tag == "title" and not self._in_svg and self.facts.title is None:
            self._in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
                   or attributes.get("http-equiv") or "").strip().lower()
            content = " ".join(attributes.get("content", "").split())
            if key and content and key not in self.facts.meta:
                self.facts.meta[key] = content
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            if attributes.get("href", "").strip() and self.facts.canonical is None:
                self.facts.canonical = attributes["href"].strip()
        elif tag == "script" and attributes.get("type", "").strip().lower() == "application/ld+json":
            self._json_ld = []
        elif tag == "time" and attributes.get("datetime") and self.facts.first_time is None:
            self.facts.first_time = attributes["datetime"].strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_svg = max(0, self._in_svg - 1)
        elif tag == "title" and self._in_title:
            self._in_title = False
            title = " ".join("".join(self._title_parts).split())
            self.facts.title = title or None
        elif tag == "script" and self._json_ld is not None:
            self._add_json_ld("".join(self._json_ld))
            self._json_ld = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        elif self._json_ld is not None:
            self._json_ld.append(data)

    def _add_json_ld(self, source: str) -> None:
        try:
            value = json.loads(source.strip().removeprefix("<!--").removesuffix("-->"))
        except (ValueError, RecursionError):
            return
        self.facts.json_ld.extend(_json_ld_nodes(value))


def _json_ld_nodes(value: object, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value[:200]:
            yield from _json_ld_nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _json_ld_nodes(value["@graph"], depth + 1)


def _json_ld_article(nodes: list[dict]) -> dict:
    for node in nodes:
        types = node.get("@type")
        names = {str(t).casefold() for t in (types if isinstance(types, list) else [types])}
        if names & _ARTICLE_TYPES:
            return node
    return next((node for node in nodes if node.get("datePublished") or node.get("headline")), {})


def _text(value: object) -> str | None:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _name_of(value: object) -> str | None:
    """A schema.org person or organisation (or several): their names, joined."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values[:10]:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not name.startswith(("http://", "https://")) and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _author_meta(value: str | None) -> str | None:
    # article:author is often the author's profile address, which is no name.
    return None if value is None or value.startswith(("http://", "https://")) else value


def _main_entity(article: dict) -> str | None:
    entity = article.get("mainEntityOfPage")
    if isinstance(entity, dict):
        return _text(entity.get("@id")) or _text(entity.get("url"))
    return _text(entity)


def _locale(value: str | None) -> str | None:
    return value.replace("_", "-") if value else None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if match is None:
        return None
    groups = match.groups()
    if groups[0]:
        year, month, day = groups[0:3]
    elif groups[3]:
        year, month, day = groups[3], groups[4], None
    else:
        year, month, day = groups[5:8]
    if not 1000 <= int(year) <= 9999 or not 1 <= int(month) <= 12 or (day and not 1 <= int(day) <= 31):
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def _absolute(candidate: str | None, base: str | None) -> str | None:
    if not candidate:
        return None
    address = urljoin(base, candidate) if base else candidate
    return address if urlsplit(address).scheme in ("http", "https") and urlsplit(address).netloc else None


def _without_site_suffix(title: str | None, site: str | None) -> str | None:
    """"EU and Kazakhstan sign … | Astana Times" -> "EU and Kazakhstan sign …" when the site is known."""
    if not title or not site:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and tail.strip().casefold() == site.casefold():
            return head.strip()
    return title


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None
