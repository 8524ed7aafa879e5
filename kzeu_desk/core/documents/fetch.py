"""Fetching a web address for import: the page's bytes, where they came from, and when.

The standard library's HTTP client, with limits a hostile or broken server cannot get around:
a time-out on connecting and on every read, a deadline for the whole download (a server that
trickles a byte a second never trips a read time-out), a size limit, at most ten redirects (a
redirect loop is stopped), only http and https. Every failure is one sentence for the curator.
"""

from __future__ import annotations

import email.message
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

from kzeu_desk import __version__
from kzeu_desk.core.documents.common import DocumentRefused
from kzeu_desk.core.recorder import utc_now

if TYPE_CHECKING:  # reading imports this module
    from kzeu_desk.core.reading import ReadDocument

CONNECT_AND_READ_TIMEOUT = 20.0  # seconds without a byte before giving up
DOWNLOAD_DEADLINE = 60.0  # seconds for the whole page
MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024
USER_AGENT = f"kzeu-desk/{__version__} (document import for a fact base)"
_ACCEPT = ("text/html,application/xhtml+xml,application/pdf,"
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
           "application/vnd.oasis.opendocument.text,text/plain;q=0.8,*/*;q=0.5")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    requested_url: str
    url: str  # after redirects
    data: bytes
    media_type: str  # from Content-Type, lower case, without parameters ("" when absent)
    charset: str | None
    retrieved_at: str  # ISO-8601 UTC

    @property
    def file_name(self) -> str:
        """A name for the page in lists and messages: the last part of its path, or its host."""
        parts = urlsplit(self.url)
        last = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return last or parts.netloc


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: http.client.HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise DocumentRefused(req.full_url, f"redirects to “{newurl}”, which is not a web address.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def normalised_address(text: str) -> str:
    """What the curator typed, as an address to fetch ("example.org/x" -> "https://example.org/x")."""
    address = text.strip()
    if address and "://" not in address:
        address = f"https://{address}"
    return address


def fetch_page(address: str, *, timeout: float = CONNECT_AND_READ_TIMEOUT, deadline: float = DOWNLOAD_DEADLINE,
               max_bytes: int = MAX_BYTES, should_stop: Callable[[], bool] | None = None) -> FetchedPage:
    """The page at `address`, or `DocumentRefused` naming the address and what went wrong."""
    address = normalised_address(address)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DocumentRefused(address, "is not a web address (it should start with http:// or https://).")
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT,
                                                       "Accept-Language": "ru, kk, en;q=0.8, *;q=0.5"})
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            retrieved_at = utc_now()
            headers: email.message.Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DocumentRefused(address, f"is {int(length) / 1024 / 1024:,.0f} MB, more than the "
                                               f"{max_bytes // 1024 // 1024} MB limit for a document.")
            chunks: list[bytes] = []
            size = 0
            # read1: whatever has arrived, so the deadline is checked while a slow server trickles.
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentRefused(address, f"is larger than the {max_bytes // 1024 // 1024} MB limit for "
                                                   "a document.")
                if time.monotonic() - started > deadline:
                    raise DocumentRefused(address, f"was still arriving after {deadline:.0f} seconds (the server "
                                                   "is too slow), so nothing was imported.")
                if should_stop is not None and should_stop():
                    raise DocumentRefused(address, "was not fetched: the import was stopped.")
                chunks.append(chunk)
            final_url = response.geturl()
    except DocumentRefused:
        raise
    except urllib.error.HTTPError as error:
        raise DocumentRefused(address, _http_error(error)) from None
    except urllib.error.URLError as error:
        raise DocumentRefused(address, _connection_problem(error.reason, timeout)) from None
    except TimeoutError:
        raise DocumentRefused(address, f"did not answer within {timeout:.0f} seconds, so nothing was imported.") \
            from None
    except (ConnectionError, OSError, ValueError) as error:
        raise DocumentRefused(address, _connection_problem(error, timeout)) from None
    data = b"".join(chunks)
    if not data:
        raise DocumentRefused(address, "answered with an empty page.")
    return FetchedPage(address, final_url, data, headers.get_content_type().lower() if headers.get("Content-Type")
                       else "", headers.get_content_charset(), retrieved_at)


def _http_error(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        return "redirects again and again (a redirect loop), so nothing was fetched."
    reason = f"{error.code} {error.reason}".strip() if error.reason else str(error.code)
    if error.code in (401, 403):
        return f"refused access (“{reason}”); the page may need a login, so save it from your browser and import the file."
    if error.code == 404:
        return f"was not found on its server (“{reason}”)."
    return f"could not be fetched: the server answered “{reason}”."


def _connection_problem(reason: object, timeout: float) -> str:
    if isinstance(reason, DocumentRefused):
        return reason.reason
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"did not answer within {timeout:.0f} seconds, so nothing was imported."
    if isinstance(reason, socket.gaierror):
        return ("cannot be reached: this computer seems to be offline, or the server's name does not exist; "
                "check the connection and the address.")
    if isinstance(reason, ConnectionRefusedError):
        return "cannot be reached: its server refused the connection."
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "has a security certificate that could not be verified, so nothing was fetched."
    if isinstance(reason, ssl.SSLError):
        return "could not be fetched securely (the encrypted connection failed)."
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError)):
        return "closed the connection before the page arrived."
    if isinstance(reason, OSError) and reason.errno in (101, 113):  # network / host unreachable
        return "cannot be reached: this computer seems to be offline."
    text = str(getattr(reason, "strerror", None) or reason).strip().rstrip(".")
    return f"could not be fetched ({text[:1].lower() + text[1:]})."


def read_web_address(address: str, *, should_stop: Callable[[], bool] | None = None) -> ReadDocument:
    """The document at a web address: the page fetched, then read by its content (HTML, PDF, Word…),
    with its address and retrieval time."""
    from pathlib import PurePosixPath

    from kzeu_desk.core.reading import read_document_bytes

    page = fetch_page(address, should_stop=should_stop)
    suffix = PurePosixPath(page.file_name).suffix.lower()
    return read_document_bytes(page.data, page.url, suffix=suffix, media_type=page.media_type,
                               charset=page.charset, url=page.url, retrieved_at=page.retrieved_at)


def read_file_or_address(item: Path | str, *, should_stop: Callable[[], bool] | None = None) -> ReadDocument:
    """A `Path` is read as a file; a string is a web address to fetch."""
    from kzeu_desk.core.reading import read_document

    if isinstance(item, Path):
        return read_document(item)
    return read_web_address(item, should_stop=should_stop)
