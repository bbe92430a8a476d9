"""Which addresses newsweave may connect to: public ones only (OWASP's SSRF guidance).

A feed or a page it links to is named by someone else, and a URL that points into the
machine's own network ("http://169.254.169.254/", a name that resolves to 10.0.0.1, a redirect
to either) would make newsweave fetch what the outside must not see. Every URL is therefore
resolved and each of its addresses checked before a connection is made, on every redirect;
the connection is then made to the address that was checked (``Target.address``), so a name
that resolves differently a moment later (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from newsweave.errors import NewsweaveError

__all__ = ["Policy", "Refused", "Resolver", "Target", "check", "is_public", "system_resolver"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: ``(host, port) -> addresses``: the system's DNS by default, injected by tests.
Resolver = Callable[[str, int], list[str]]

_SCHEMES = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(NewsweaveError):
    """A URL newsweave will not connect to; the message says why."""


@dataclass(frozen=True)
class Policy:
    """Which non-public addresses are allowed anyway.

    ``allow_private`` lets every address through (for a local test setup; the command line
    says so loudly); ``allowed`` lets through only the given ``(address, port)`` pairs, as a
    test does for its own loopback server.
    """

    allow_private: bool = False
    allowed: frozenset[tuple[str, int]] = frozenset()

    def permits(self, address: IPAddress, port: int) -> bool:
        return self.allow_private or (str(address), port) in self.allowed


@dataclass(frozen=True)
class Target:
    """A checked URL: its host and port, and the address to connect to."""

    scheme: str
    host: str
    port: int
    address: IPAddress


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"cannot resolve {host} ({exc})") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_scheme(url: httpx.URL) -> None:
    """Refuses anything but http and https. Checked before a request is built too: httpx
    turns ``file:///etc/passwd`` into a path on no host rather than refusing it."""
    if url.scheme not in _SCHEMES:
        raise Refused(f"only http and https URLs are fetched, not {url.scheme or 'this'}")


def check(url: httpx.URL | str, policy: Policy, resolver: Resolver = system_resolver) -> Target:
    """The address to connect to for ``url``; raises ``Refused`` when it must not be fetched.

    A name with several addresses is refused when any of them is not public: which one a
    connection would take is not ours to choose.
    """
    url = httpx.URL(url)
    check_scheme(url)
    host = url.host
    if not host:
        raise Refused("the URL names no host")
    port = url.port or _SCHEMES[url.scheme]
    literal = _literal(host)
    found = [literal] if literal is not None else [_parsed(a) for a in resolver(host, port)]
    if not found:
        raise Refused(f"{host} resolves to no address")
    for address in found:
        if not is_public(address) and not policy.permits(address, port):
            named = host if literal is not None else f"{host} resolves to {address}, which"
            raise Refused(f"{named} is {_kind(address)} address (refused: not public)")
    return Target(url.scheme, host, port, found[0])


def is_public(address: IPAddress) -> bool:
    """Whether an address is on the public internet, looking through the IPv6 forms that
    embed an IPv4 address (mapped, NAT64, 6to4, Teredo)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded(address)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def _embedded(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _parsed(address: str) -> IPAddress:
    return ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone id is not an address


def _kind(address: IPAddress) -> str:
    embedded = _embedded(address) if isinstance(address, ipaddress.IPv6Address) else None
    plain = embedded or address
    for test, name in (
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_multicast", "a multicast"),
        ("is_unspecified", "an unspecified"),
        ("is_private", "a private"),
        ("is_reserved", "a reserved"),
    ):
        if getattr(plain, test):
            return name
    return "a non-public"
