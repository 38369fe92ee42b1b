"""Build hook: a wheel carries the hot modules compiled with mypyc, beside their sources.

The modules listed under ``compile`` in ``[tool.hatch.build.targets.wheel.hooks.custom]``
(the rich-text tree and writer, transliteration, name forms and the built-in styles: where
a formatted entry spends its time) are compiled from a copy of ``src`` in ``build/mypyc``,
never in place, so an editable install keeps running the sources you edit. Python imports an extension module before the
source beside it; both ship, and the sources stay the reference.

- ``pip install -e .`` (editable): nothing is compiled.
- ``pip install .`` or ``python -m build --wheel``: compiled when mypyc and a C compiler
  work, else a pure-Python wheel, with the reason on stderr.
- ``CITEKIT_COMPILE=1``: compiling is required; a failure fails the build.
- ``CITEKIT_COMPILE=0``: never compile.

``python benchmarks/run.py`` prints which of the two it measured.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileHotModules(BuildHookInterface):
    """Compile the configured modules with mypyc for a (non-editable) wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        wanted = os.environ.get("CITEKIT_COMPILE", "")
        if self.target_name != "wheel" or version == "editable" or wanted == "0":
            return
        try:
            extensions = self._compile()
        except (OSError, subprocess.CalledProcessError) as error:
            if wanted == "1":
                raise
            output = getattr(error, "stdout", "") or ""
            reason = f"{error}\n{output[-3000:]}"
            print(f"citekit: building a pure-Python wheel; mypyc failed: {reason}", file=sys.stderr)
            return
        for built, target in extensions.items():
            build_data["force_include"][str(built)] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _compile(self) -> dict[Path, str]:
        """Compile in a copy of ``src``; the extension files mapped to their places in the wheel."""
        modules = list(self.config.get("compile", []))
        root = Path(self.root)
        work = root / "build" / "mypyc"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(root / "src", work, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mypyc",
                "--config-file",
                str(root / "pyproject.toml"),
                *modules,
            ],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        )
        suffixes = (".so", ".pyd")
        found = {
            path: path.relative_to(work).as_posix()
            for path in work.rglob("*")
            if path.suffix in suffixes and "build" not in path.relative_to(work).parts
        }
        compiled = {Path(name).with_suffix("").as_posix() for name in modules}
        missing = [m for m in compiled if not any(t.startswith(m + ".") for t in found.values())]
        if missing:
            raise OSError(f"mypyc built no extension for {', '.join(sorted(missing))}")
        return found
