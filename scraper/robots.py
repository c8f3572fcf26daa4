"""robots.txt per RFC 9309, one fetch per host per run.

2xx: the rules (protego). 4xx: "unavailable", so everything is allowed. 5xx, 429, network
failures, refused addresses: "unreachable", so nothing is fetched from the host this run.
The status is looked at before any parsing: an error page is never read as rules."""
from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

from .http import FetchResult

MAX_ROBOTS_BYTES = 512 * 1024   # RFC 9309 asks crawlers to read at least 500 KiB


def product_token(user_agent: str) -> str:
    """'newsbot/1.0 (+mailto:...)' -> 'newsbot': the name robots.txt groups are matched against."""
    return user_agent.split("/")[0].split()[0] if user_agent.strip() else "*"


@dataclass
class RobotsRules:
    verdict: str                       # "rules", "allow_all" or "unreachable"
    reason: str = ""
    parser: Protego | None = None
    crawl_delay: float | None = None

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.verdict == "allow_all":
            return True
        if self.verdict == "unreachable":
            return False
        return self.parser.can_fetch(url, product_token(user_agent))


def rules_from(result: FetchResult, user_agent: str) -> RobotsRules:
    status = result.status
    if result.outcome == "ok" and status is not None and 200 <= status < 300:
        text = result.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        parser = Protego.parse(text)
        delay = parser.crawl_delay(product_token(user_agent))
        return RobotsRules("rules", "parsed", parser, float(delay) if delay is not None else None)
    if result.outcome == "http_4xx" and status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules("allow_all", f"robots.txt {status}")
    return RobotsRules("unreachable", f"robots.txt {status or result.outcome} {result.detail}".strip())
