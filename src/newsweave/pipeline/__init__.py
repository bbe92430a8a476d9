"""The one place where the stages are composed.

- ``article``: per-article analysis (the ordered ``STEPS`` over one parse of each article);
- ``collection``: a whole collection at once, without a database (``newsweave analyze``);
- ``incremental``: articles into the store as they arrive (``newsweave ingest``);
- ``ray_ingest``: the same with the analysis on Ray (``newsweave ingest --ray``), not imported
  here, so that ``import newsweave`` never imports Ray.
"""

from newsweave.pipeline.article import (
    STEPS,
    Step,
    analyse,
    analyse_doc,
    analyse_one,
    analyse_with_parses,
    select_steps,
)
from newsweave.pipeline.collection import Collection, analyze_paths, analyze_texts, build_collection
from newsweave.pipeline.incremental import IngestReport, ingest, refresh_dossiers

__all__ = [
    "STEPS",
    "Collection",
    "IngestReport",
    "Step",
    "analyse",
    "analyse_doc",
    "analyse_one",
    "analyse_with_parses",
    "analyze_paths",
    "analyze_texts",
    "build_collection",
    "ingest",
    "refresh_dossiers",
    "select_steps",
]
