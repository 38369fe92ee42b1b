"""Running citeproc-js (what Zotero runs) under node on CSL-JSON items, for the tests that
compare citekit with it. It is installed by ``.ci/run`` (``npm install --prefix
benchmarks/.node citeproc``); tests that need it skip, saying so, where it or node is absent."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import citeproc
import pytest

ROOT = Path(__file__).resolve().parents[1]
CITEPROC_JS = ROOT / "benchmarks" / ".node" / "node_modules" / "citeproc"
SCRIPT = ROOT / "tools" / "citeproc_js_bibliography.js"
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"  # citeproc-py ships them
NODE = shutil.which("node")

needs_citeproc_js = pytest.mark.skipif(
    NODE is None or not CITEPROC_JS.is_dir(),
    reason="citeproc-js is not installed: needs node and "
    "`npm install --prefix benchmarks/.node citeproc` (the tests download nothing)",
)


def run_citeproc_js(
    style: Path | str, items: list[dict[str, Any]], *, timeout: int = 120
) -> dict[str, Any]:
    """The node program's whole answer for ``items`` in ``style`` (a CSL file): entries, each
    item's citation, the items the style prints no entry for; it reports no errors."""
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(SCRIPT), str(CITEPROC_JS), str(style), str(LOCALES)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    assert out["errors"] == [], out["errors"]
    return out
