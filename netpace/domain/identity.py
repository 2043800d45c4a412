"""Identity keys: normalised e-mail addresses and LinkedIn profile URLs. Pure."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .text import clean_name, fold, one_line

_EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]]+@[^@\s<>,;:\"()\[\]]+\.[^@\s<>,;:\"()\[\]]+$")
_PROFILE_PATH = re.compile(r"^/(in|pub|profile)/", re.IGNORECASE)


def email_key(text: str) -> str:
    """The address lower-cased, or "" when `text` is not an e-mail address."""
    value = one_line(text).strip().strip("<>").strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    value = value.lower()
    return value if _EMAIL.match(value) else ""


@lru_cache(maxsize=1 << 16)  # an import asks for the same profiles again and again
def normalize_linkedin(url: str) -> str:
    """A LinkedIn profile URL in one canonical form, or "" when it isn't one.

    https, host www.linkedin.com (country hosts like de.linkedin.com are the same
    profile), no query or fragment, no trailing slash, percent-encoding decoded.
    """
    text = one_line(url).strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return ""
    path = unquote(parts.path, errors="replace").rstrip("/")
    if not _PROFILE_PATH.match(path):
        return ""
    return "https://www.linkedin.com" + path


def linkedin_key(url: str) -> str:
    """Matching key: LinkedIn profile names are case-insensitive."""
    return fold(normalize_linkedin(url))


def name_key(name: str) -> str:
    return fold(clean_name(name))
