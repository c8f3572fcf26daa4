"""sites.toml -> CrawlConfig, checked whole before anything is fetched.

A bad config is reported as `file:line: key: problem`. tomllib gives line numbers only for
syntax errors, so for a bad value the key's line is found by scanning the text."""
from __future__ import annotations

import os
import re
try:
    import tomllib
except ImportError:   # Python 3.10: the same parser, from PyPI
    import tomli as tomllib
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class ConfigError(Exception):
    def __init__(self, path: str, line: int | None, key: str, problem: str):
        self.path, self.line, self.key, self.problem = path, line, key, problem
        super().__init__(f"{path}:{line if line else '?'}: {key}: {problem}")


@dataclass
class SiteConfig:
    name: str
    start_urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    follow: list[re.Pattern] = field(default_factory=list)   # empty: every link within the site
    ignore: list[re.Pattern] = field(default_factory=list)
    max_pages: int = 200
    delay: float = 1.0
    max_crawl_delay: float = 10.0
    depth: int = 1
    revisit_hours: float = 24.0


@dataclass
class CrawlConfig:
    path: str
    data_dir: str
    user_agent: str
    sites: list[SiteConfig]
    delay: float = 1.0
    allow_private: bool = False
    workers: int = 16
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    max_backoff: float = 30.0
    retry_after_cap: float = 120.0
    breaker_failures: int = 5
    batch_pages: int = 200


# key -> (types accepted, check, description of what is wanted)
_pos = (lambda v: v > 0, "a number > 0")
_nonneg = (lambda v: v >= 0, "a number >= 0")
_posint = (lambda v: v >= 1, "an integer >= 1")
_nonnegint = (lambda v: v >= 0, "an integer >= 0")
_any = (lambda v: True, "")
NUM = (int, float)

GLOBAL_KEYS = {
    "data_dir": ((str,), (lambda v: bool(v.strip()), "a folder name")),
    "user_agent": ((str,), (lambda v: bool(re.search(r"(https?://|mailto:|@)", v)),
                            "a user agent with a contact (URL or e-mail), e.g. 'newsbot/1.0 (+mailto:ops@example.org)'")),
    "delay": (NUM, _nonneg), "allow_private": ((bool,), _any), "workers": ((int,), _posint),
    "connect_timeout": (NUM, _pos), "read_timeout": (NUM, _pos), "deadline": (NUM, _pos),
    "max_bytes": ((int,), _posint), "max_redirects": ((int,), _nonnegint), "retries": ((int,), _nonnegint),
    "backoff": (NUM, _nonneg), "max_backoff": (NUM, _nonneg), "retry_after_cap": (NUM, _nonneg),
    "breaker_failures": ((int,), _posint), "batch_pages": ((int,), _posint),
    # defaults for every site, overridable per site
    "max_pages": ((int,), _posint), "max_crawl_delay": (NUM, _nonneg), "depth": ((int,), _nonnegint),
    "revisit_hours": (NUM, _nonneg),
}
SITE_KEYS = {
    "name": ((str,), (lambda v: bool(re.fullmatch(r"[\w.-]+", v)), "a name of letters, digits, '.', '_' or '-'")),
    "start_urls": ((list,), _any), "feeds": ((list,), _any), "sitemaps": ((list,), _any),
    "follow": ((list,), _any), "ignore": ((list,), _any),
    "max_pages": ((int,), _posint), "delay": (NUM, _nonneg), "max_crawl_delay": (NUM, _nonneg),
    "depth": ((int,), _nonnegint), "revisit_hours": (NUM, _nonneg),
}
SITE_DEFAULTS = ("max_pages", "delay", "max_crawl_delay", "depth", "revisit_hours")


def load_config(path: str) -> CrawlConfig:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as err:
        raise ConfigError(path, None, "(file)", f"cannot read: {err.strerror or err}") from None
    text = raw.decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = re.search(r"line (\d+)", str(err))
        raise ConfigError(path, int(m.group(1)) if m else None, "(syntax)", str(err)) from None
    return _build(path, text, data)


def _build(path: str, text: str, data: dict) -> CrawlConfig:
    def fail(key: str, problem: str, site: int | None = None):
        raise ConfigError(path, key_line(text, key.split(".")[-1].split("[")[0], site), key, problem)

    for key, value in data.items():
        if key == "sites":
            continue
        if key not in GLOBAL_KEYS:
            fail(key, f"unknown key (known: {', '.join(sorted(GLOBAL_KEYS))}, [[sites]])")
        _check(key, value, GLOBAL_KEYS[key], fail)
    if "user_agent" not in data:
        raise ConfigError(path, 1, "user_agent", "missing: give a user agent with a contact")
    sites_raw = data.get("sites")
    if not isinstance(sites_raw, list) or not sites_raw:
        raise ConfigError(path, key_line(text, "sites") or 1, "sites", "missing: add at least one [[sites]] table")
    defaults = {k: data[k] for k in SITE_DEFAULTS if k in data}
    sites, names = [], set()
    for i, entry in enumerate(sites_raw):
        if not isinstance(entry, dict):
            fail("sites", "must be [[sites]] tables")
        site_fail = lambda key, problem, i=i: fail(f"sites[{i}].{key}", problem, site=i)  # noqa: E731
        for key, value in entry.items():
            if key not in SITE_KEYS:
                site_fail(key, f"unknown key (known: {', '.join(sorted(SITE_KEYS))})")
            _check(key, value, SITE_KEYS[key], site_fail)
        if "name" not in entry:
            raise ConfigError(path, header_line(text, i), f"sites[{i}].name", "missing: every site needs a name")
        if entry["name"] in names:
            site_fail("name", f"duplicate site name {entry['name']!r}")
        names.add(entry["name"])
        lists = {}
        for key in ("start_urls", "feeds", "sitemaps"):
            urls = entry.get(key, [])
            for url in urls:
                if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                    site_fail(key, f"not an http(s) URL: {url!r}")
            lists[key] = urls
        if not any(lists.values()):
            raise ConfigError(path, header_line(text, i), f"sites[{i}]",
                              "nothing to fetch: give start_urls, feeds or sitemaps")
        patterns = {}
        for key in ("follow", "ignore"):
            compiled = []
            for pattern in entry.get(key, []):
                if not isinstance(pattern, str):
                    site_fail(key, f"not a regex string: {pattern!r}")
                try:
                    compiled.append(re.compile(pattern))
                except re.error as err:
                    site_fail(key, f"bad regex {pattern!r}: {err}")
            patterns[key] = compiled
        settings = {k: entry.get(k, defaults.get(k, getattr(SiteConfig, k))) for k in SITE_DEFAULTS}
        sites.append(SiteConfig(name=entry["name"], **lists, **patterns, **settings))
    base = os.path.dirname(os.path.abspath(path))
    data_dir = data.get("data_dir", "data")
    options = {k: v for k, v in data.items() if k in CrawlConfig.__dataclass_fields__ and k not in ("data_dir", "sites", "path")}
    # relative to the config file, so a cron job started in $HOME writes where the config says
    return CrawlConfig(path=path, data_dir=os.path.join(base, data_dir), sites=sites, **options)


def _check(key, value, spec, fail) -> None:
    types, (ok, wanted) = spec
    # TOML booleans are not numbers here, though Python says bool is an int
    if isinstance(value, bool) and bool not in types or not isinstance(value, types):
        names = " or ".join("number" if t in (int, float) and len(types) > 1 else t.__name__ for t in types)
        fail(key, f"must be {wanted or names}, got {value!r}")
    if not ok(value):
        fail(key, f"must be {wanted}, got {value!r}")


HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def header_line(text: str, site_index: int) -> int | None:
    seen = -1
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*\[\[\s*sites\s*\]\]", line):
            seen += 1
            if seen == site_index:
                return number
    return None


def key_line(text: str, key: str, site_index: int | None = None) -> int | None:
    """Line of `key = ...` at top level, or inside the site_index-th [[sites]] table."""
    key_re = re.compile(r"""^\s*["']?%s["']?\s*=""" % re.escape(key))
    table, sites_seen = None, -1
    for number, line in enumerate(text.splitlines(), 1):
        header = HEADER.match(line)
        if header:
            table = header.group(1)
            if line.strip().startswith("[[") and table == "sites":
                sites_seen += 1
            continue
        if not key_re.match(line):
            continue
        if site_index is None and table is None:
            return number
        if site_index is not None and table == "sites" and sites_seen == site_index:
            return number
    return header_line(text, site_index) if site_index is not None else None
