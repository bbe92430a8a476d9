"""HEAD and OPTIONS for every route, as one small ASGI middleware.

FastAPI answers a method a route does not declare with 405; a client checking a link (HEAD)
or asking what a resource allows (OPTIONS) deserves an answer. HEAD is the GET without its
body; OPTIONS lists the methods of the routes the path matches (404 when none does).
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Methods"]


class Methods:
    """Answer HEAD as GET without a body, and OPTIONS with an ``Allow`` header."""

    def __init__(self, app: ASGIApp, *, routes: list[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method") if scope["type"] == "http" else None
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        elif method == "OPTIONS":
            allowed = self.allowed(scope)
            status = 204 if allowed else 404
            headers = {"allow": ", ".join(allowed)} if allowed else {}
            await Response(status_code=status, headers=headers)(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def allowed(self, scope: Scope) -> list[str]:
        """The methods the routes matching this path answer (with HEAD beside GET)."""
        methods: set[str] = set()
        for route in self.routes:
            match, _ = route.matches({**scope, "method": "GET"})
            if match != Match.NONE:
                methods.update(getattr(route, "methods", None) or {"GET"})
        if "GET" in methods:
            methods.add("HEAD")
        return sorted(methods | {"OPTIONS"}) if methods else []


def _without_body(send: Send) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return sender
