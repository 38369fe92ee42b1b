"""The layers of docs/architecture.md: no module imports one from a layer above it.

Every ``import`` is counted, at the top of a module or inside a function, so a lazy import that
runs back up fails here as well as an eager one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# (layer, module prefixes), lowest first; docs/architecture.md draws the same table
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("citekit.errors", "citekit.script", "citekit.collation", "citekit.collector",
              "citekit.display", "citekit.plugins")),
    ("model", ("citekit.model",)),
    ("rich text", ("citekit.render.tree",)),
    ("text forms", ("citekit.translit", "citekit.names")),
    ("render", ("citekit.render",)),
    ("styles", ("citekit.styles", "citekit.csl")),  # citekit.csl: the CSL processor
    ("io", ("citekit.io",)),
    ("application", ("citekit.api", "citekit.checking", "citekit.cli", "citekit.meta",
                     "citekit.notebook", "citekit.jinja", "citekit")),
]  # fmt: skip

MAY_IMPORT: dict[str, set[str]] = {
    "core": {"core"},
    "model": {"core", "model"},
    "rich text": {"rich text"},
    "text forms": {"core", "model", "text forms"},
    "render": {"core", "rich text", "render"},
    "styles": {"core", "model", "rich text", "text forms", "styles"},
    # render: the BibTeX writer escapes for LaTeX; styles: the JATS and Crossref writers embed
    # a citation in a style the caller picks, and keys are made as the bibtex style makes them
    "io": {"core", "model", "rich text", "text forms", "render", "styles", "io"},
    "application": {layer for layer, _ in LAYERS},
}


def layer_of(module: str) -> str:
    best = ""
    found = "application"
    for layer, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
                best, found = prefix, layer
    return found


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "citekit").rglob("*.py")):
        parts = list(path.with_suffix("").relative_to(SRC).parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(module: str, path: Path) -> set[str]:
    """The citekit modules ``module`` imports, anywhere in its text."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names if base == "citekit"}
    return {name for name in found if name == "citekit" or name.startswith("citekit.")}


def upward_imports() -> set[tuple[str, str]]:
    wrong = set()
    for module, path in _modules().items():
        mine = layer_of(module)
        for imported in imports_of(module, path):
            if layer_of(imported) not in MAY_IMPORT[mine]:
                wrong.add((module, imported))
    return wrong


def test_no_import_runs_up_a_layer() -> None:
    wrong = upward_imports()
    assert not wrong, "imports that run up a layer (docs/architecture.md): " + ", ".join(
        f"{a} → {b}" for a, b in sorted(wrong)
    )


@pytest.mark.parametrize(
    ("module", "layer"),
    [
        ("citekit.model.reference", "model"),
        ("citekit.render.tree", "rich text"),
        ("citekit.render.latex", "render"),
        ("citekit.styles.gost", "styles"),
        ("citekit.io.ris", "io"),
        ("citekit.notebook", "application"),
        ("citekit", "application"),
    ],
)
def test_layer_of(module: str, layer: str) -> None:
    assert layer_of(module) == layer


def test_the_check_catches_an_import_up(tmp_path: Path) -> None:
    """The test can fail: a model module importing the notebook is caught."""
    path = tmp_path / "reference.py"
    path.write_text("def f():\n    from citekit.notebook import reference_html\n")
    imported = imports_of("citekit.model.reference", path)
    assert "citekit.notebook" in imported
    assert layer_of("citekit.notebook") not in MAY_IMPORT["model"]
