"""Which addresses the crawler may connect to.

Only http and https, and only hosts whose every address is public. `allow_private`
(a config switch meant for tests against servers on 127.0.0.1) admits loopback
addresses and nothing else: never other schemes, private ranges, link-local or the
cloud metadata address. The check runs before every request and again inside the
connection itself, on the address actually dialled, so DNS rebinding gains nothing."""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from urllib.parse import urlsplit

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

ALLOWED_SCHEMES = ("http", "https")
METADATA_ADDRESSES = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
                      ipaddress.ip_address("100.100.100.200")}


class UnsafeURL(Exception):
    """A URL the crawler refuses to fetch; the message says why."""


def address_refusal(ip: ipaddress._BaseAddress, allow_private: bool) -> str | None:
    """Why this address may not be dialled, or None when it may."""
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "metadata address"
    if ip.is_loopback:
        return None if allow_private else "loopback address"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_private or ip.is_reserved or ip.is_multicast or ip.is_unspecified or not ip.is_global:
        return "private or reserved address"
    return None


def resolve_checked(host: str, port: int, allow_private: bool) -> list[str]:
    """Addresses of host, all of them allowed, or UnsafeURL naming the first refused one."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        infos = [str(literal)]
    except ValueError:
        try:
            infos = [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        except (socket.gaierror, UnicodeError) as err:
            raise UnsafeURL(f"cannot resolve {host}: {err}") from None
    addresses = list(dict.fromkeys(infos))
    for address in addresses:
        why = address_refusal(ipaddress.ip_address(address.split("%")[0]), allow_private)
        if why:
            raise UnsafeURL(f"{host} resolves to {address}: {why}")
    return addresses


def check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"scheme {parts.scheme!r} not allowed")
    if not parts.hostname:
        raise UnsafeURL("no host")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise UnsafeURL("bad port") from None
    resolve_checked(parts.hostname, port, allow_private)


# when this thread's last new connection was up: the request leaves then, not when get() was called
connect_clock = threading.local()


class _GuardMixin:
    allow_private = False

    def _new_conn(self):
        # dial the vetted address, not whatever a second DNS answer would say
        address = resolve_checked(self._dns_host, self.port, self.allow_private)[0]
        original, self._dns_host = self._dns_host, address
        try:
            sock = super()._new_conn()
        finally:
            self._dns_host = original
        connect_clock.at = time.monotonic()
        return sock


def guarded_pool_classes(allow_private: bool) -> dict:
    """Connection pool classes for urllib3's PoolManager whose connections check the address dialled."""
    http_conn = type("GuardedHTTPConnection", (_GuardMixin, HTTPConnection), {"allow_private": allow_private})
    https_conn = type("GuardedHTTPSConnection", (_GuardMixin, HTTPSConnection), {"allow_private": allow_private})
    return {"http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn})}
