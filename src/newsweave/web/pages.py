"""Rendering: one page's data as HTML (Jinja2, autoescaped) or as its JSON twin; error pages.

One error path serves both: a request for a ``.json`` route, an ``/api/`` route, or one that
asks for JSON gets ``{"error": {"status", "message"}}``; anyone else a plain HTML page.
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from newsweave.export.coverage import Coverage, coverage_html
from newsweave.export.glance import facts_bar_svg, sparkline_svg
from newsweave.export.matrix import Matrix, matrix_html
from newsweave.export.placemap import MapPlace, place_map_svg
from newsweave.export.sides import published_by_article, side_reporters
from newsweave.records import DossierSource, Side, from_plain
from newsweave.web.highlight import article_marks, dossier_marks, pieces

__all__ = ["Pages", "wants_json"]

log = logging.getLogger(__name__)

_REASONS = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid request",
    500: "Internal error",
}


def wants_json(path: str, accept: str) -> bool:
    """Whether an answer (an error above all) should be JSON rather than HTML."""
    if path.endswith(".json") or path.startswith("/api/"):
        return True
    return "application/json" in accept and "text/html" not in accept


def _place_map(places: list[dict[str, Any]]) -> Markup:
    """A story page's places (JSON form) as its inline SVG map; every name in it is escaped."""
    return Markup(place_map_svg([MapPlace(**place) for place in places]))


def _matrix_table(matrix: dict[str, Any]) -> Markup:
    """A story page's matrix (JSON form) as its table; every text in it is escaped."""
    return Markup(matrix_html(from_plain(Matrix, matrix)))


def _side_reporters(side: dict[str, Any], sources: list[dict[str, Any]]) -> str:
    """A story page's side of a disagreement (JSON form): its outlets with their days."""
    published = published_by_article(from_plain(DossierSource, s) for s in sources)
    return side_reporters(from_plain(Side, side), published)


def _coverage_view(coverage: dict[str, Any]) -> Markup:
    """A story page's coverage (JSON form) as its SVG and text; every text in it is escaped."""
    return Markup(coverage_html(from_plain(Coverage, coverage)))


class Pages:
    """The templates, with the helpers they need."""

    def __init__(self) -> None:
        folder = resources.files("newsweave.web") / "templates"
        self.templates = Jinja2Templates(directory=str(folder))
        env = self.templates.env
        env.autoescape = True  # every template, whatever its name: article text is untrusted
        env.trim_blocks = env.lstrip_blocks = True  # no blank lines where block tags stood
        env.globals.update(
            pieces=pieces,
            dossier_marks=dossier_marks,
            article_marks=article_marks,
            place_map=_place_map,
            matrix_table=_matrix_table,
            coverage_view=_coverage_view,
            side_reporters=_side_reporters,
            facts_bar=lambda counts: Markup(facts_bar_svg(counts or {})),
            sparkline=lambda per_day: Markup(sparkline_svg([tuple(d) for d in per_day or []])),
        )

    def render(
        self, request: Request, name: str, data: dict[str, Any], *, as_json: bool
    ) -> Response:
        """The page ``name`` of ``data``, or ``data`` itself as JSON."""
        if as_json:
            return JSONResponse(data)
        return self.templates.TemplateResponse(request, name, {"data": data})

    def error(self, path: str, accept: str, status: int, message: str) -> Response:
        """A clean error answer: JSON or a small HTML page, never a traceback."""
        reason = _REASONS.get(status, "Error")
        if wants_json(path, accept):
            body = {"error": {"status": status, "reason": reason, "message": message}}
            return JSONResponse(body, status_code=status)
        html = self.templates.get_template("error.html").render(
            status=status, reason=reason, message=message
        )
        return Response(html, status_code=status, media_type="text/html; charset=utf-8")
