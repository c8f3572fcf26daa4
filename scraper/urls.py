"""Canonical URLs, so one article is fetched and recorded once whatever link led to it."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

# parameters that only say where a click came from; the page is the same without them
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
                   "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
                   "vero_id", "wickedid", "ref_src", "ref_url", "s_cid", "spm"}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "ga_")
DEFAULT_PORTS = {"http": 80, "https": 443}
# characters that never need escaping in a path; decoding them makes /a%2Db and /a-b one URL
_UNRESERVED = re.compile(r"%([0-9A-Fa-f]{2})")


class BadURL(ValueError):
    pass


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4."""
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if path.endswith(("/.", "/..")):
        out.append("")
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


def _normalise_escapes(part: str) -> str:
    def fix(m: re.Match) -> str:
        char = chr(int(m.group(1), 16))
        if char.isascii() and (char.isalnum() or char in "-._~"):
            return char
        return "%" + m.group(1).upper()
    return _UNRESERVED.sub(fix, part)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    dot segments resolved, query sorted. Raises BadURL for what is not an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise BadURL(f"unparsable URL {url!r}: {err}") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadURL(f"not an http(s) URL: {url!r}")
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:   # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # quote() with '%' safe keeps existing escapes and only escapes spaces and non-ASCII
    path = remove_dot_segments(_normalise_escapes(quote(parts.path, safe="/%:@!$&'()*+,;=~")) or "/")
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    query = urlencode(sorted(params), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """scheme://host[:port]: the unit of politeness, robots.txt and circuit breaking."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
