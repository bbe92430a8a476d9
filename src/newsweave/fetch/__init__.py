"""Fetch: feeds and pages over HTTP, safely (``guard``), politely (``client``, ``robots``).
No parsing here: bytes out, for ``ingest`` to read."""

from newsweave.fetch.client import USER_AGENT, Fetcher, FetchError, Limits, Response
from newsweave.fetch.guard import Policy, Refused, Resolver, system_resolver
from newsweave.fetch.robots import Robots

__all__ = [
    "USER_AGENT",
    "FetchError",
    "Fetcher",
    "Limits",
    "Policy",
    "Refused",
    "Resolver",
    "Response",
    "Robots",
    "system_resolver",
]
