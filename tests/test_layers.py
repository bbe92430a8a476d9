"""The layers of ``src/newsweave``: a module imports only from its own layer or the layers below.

Every import counts, wherever it is written: at the top of a module, inside a function (a lazy
import does not make an upward dependency go away) or under ``if TYPE_CHECKING:``.
``docs/architecture.md`` shows the same table; change the two together.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "newsweave"

#: The layers, bottom first, each with the parts of the package it holds: a top-level module or
#: package, written as imported after ``newsweave.`` ("" is ``newsweave/__init__.py``, the public
#: API, which may gather anything).
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"records", "spans", "errors", "config", "cache", "lexicon"})),
    ("ingest", frozenset({"ingest"})),  # below the models: bytes in, articles out, no NLP
    ("models and network", frozenset({"nlp", "minilm", "embed", "fetch"})),
    ("places", frozenset({"gazetteer", "places"})),
    ("analyse", frozenset({"analyse"})),
    ("link", frozenset({"link"})),
    ("stories", frozenset({"stories"})),
    ("fuse", frozenset({"fuse"})),
    ("export", frozenset({"export"})),  # renders records; the pipeline stores what a page shows
    ("store", frozenset({"store"})),
    ("pipeline", frozenset({"pipeline"})),
    ("web", frozenset({"web"})),
    ("evaluate", frozenset({"evaluate"})),
    ("cli", frozenset({"cli", ""})),
)

#: Upward imports that a change in progress removes: (importing module, imported module).
#: Remove an entry when its import is gone (``test_known_exceptions_are_still_needed`` says so).
KNOWN_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset()


class Import(NamedTuple):
    """One import of a newsweave module by another."""

    module: str
    path: str
    line: int
    imported: str


def layer_of(module: str) -> int:
    """The index in ``LAYERS`` of a ``newsweave`` module; ``KeyError`` for an unplaced part."""
    part = module.split(".")[1] if "." in module else ""
    for index, (_name, parts) in enumerate(LAYERS):
        if part in parts:
            return index
    raise KeyError(part)


def module_name(path: Path) -> str:
    """``src/newsweave/analyse/quotes/__init__.py`` -> ``newsweave.analyse.quotes``."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    base = SRC.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports(module: str, source: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """Every ``newsweave`` module imported by ``source`` (the code of ``module``), with its line.

    ``from newsweave import config`` imports the module ``newsweave.config``; ``from newsweave
    import Article`` imports the package itself.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package, one step up per extra dot
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.append((node.lineno, submodule if _is_module(submodule) else base))
    return [(line, name) for line, name in found if name.split(".")[0] == PACKAGE]


def all_imports() -> list[Import]:
    """Every import of a newsweave module in the package's source, in file order."""
    found: list[Import] = []
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        module = module_name(path)
        source = path.read_text(encoding="utf-8")
        shown = str(path.relative_to(SRC.parent))
        for line, name in imports(module, source, is_package=path.name == "__init__.py"):
            found.append(Import(module, shown, line, name))
    return found


def upward(found: list[Import]) -> list[Import]:
    """The imports in ``found`` that go to a layer above the importing module's own."""
    return [i for i in found if layer_of(i.imported) > layer_of(i.module)]


def describe(i: Import) -> str:
    """One line naming the module, the line, the imported module and both layers."""
    own, other = LAYERS[layer_of(i.module)][0], LAYERS[layer_of(i.imported)][0]
    return f"{i.path}:{i.line}: {i.module} ({own}) imports {i.imported} ({other}, above)"


def _placed(module: str) -> bool:
    try:
        layer_of(module)
    except KeyError:
        return False
    return True


def test_every_module_has_a_layer() -> None:
    names = {module_name(path) for path in (SRC / PACKAGE).rglob("*.py")}
    unplaced = sorted(n for n in names | {i.imported for i in all_imports()} if not _placed(n))
    assert not unplaced, (
        "modules in no layer (add their top-level part to LAYERS in tests/test_layers.py "
        "and to the table in docs/architecture.md): " + ", ".join(unplaced)
    )


def _placed_imports() -> list[Import]:
    """The imports whose both ends have a layer (the others fail the test above)."""
    return [i for i in all_imports() if _placed(i.module) and _placed(i.imported)]


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    wrong = [i for i in upward(_placed_imports()) if (i.module, i.imported) not in KNOWN_EXCEPTIONS]
    assert not wrong, "imports from a layer above the module's own:\n" + "\n".join(
        describe(i) for i in wrong
    )


def test_known_exceptions_are_still_needed() -> None:
    seen = {(i.module, i.imported) for i in upward(_placed_imports())}
    stale = sorted(KNOWN_EXCEPTIONS - seen)
    assert not stale, "known exceptions no longer imported; remove them from KNOWN_EXCEPTIONS: " + (
        ", ".join(f"{a} -> {b}" for a, b in stale)
    )


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        (
            "newsweave.places",
            "from newsweave.stories import cluster",
            ["newsweave.stories.cluster"],
        ),
        ("newsweave.places", "def f():\n    from newsweave.link import Linker", ["newsweave.link"]),
        ("newsweave.nlp", "from newsweave import pipeline", ["newsweave.pipeline"]),
        ("newsweave.nlp", "from newsweave import Article", ["newsweave"]),
        ("newsweave.nlp", "import newsweave.store.tables", ["newsweave.store.tables"]),
        (
            "newsweave.analyse.outlet",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import newsweave.fuse",
            ["newsweave.fuse"],
        ),
        ("newsweave.analyse.outlet", "from ..link import rules", ["newsweave.link.rules"]),
        ("newsweave.link.rules", "from newsweave import config", []),
        ("newsweave.link.rules", "from . import clusters\nimport json", []),
        ("newsweave.cli.app", "from newsweave.evaluate import common", []),
    ],
)
def test_an_upward_import_is_found(module: str, source: str, expected: list[str]) -> None:
    found = [Import(module, "x.py", line, name) for line, name in imports(module, source)]
    assert [i.imported for i in upward(found)] == expected
