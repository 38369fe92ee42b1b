"""A tiny installed distribution on ``sys.path`` for the plug-in tests: one module and the
entry points it declares, as an installed package would, found by the registry's rescan."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from citekit.plugins import Plugins


@contextmanager
def installed(
    where: Path,
    module: str,
    source: str,
    group: str,
    entries: Mapping[str, str],
    plugins: Plugins,
) -> Iterator[None]:
    """``module`` (with ``source``) installed in ``where``, declaring ``entries`` (name →
    attribute) in the entry-point ``group``; ``plugins`` sees them inside the block only."""
    (where / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist = module.replace("_", "-")
    info = where / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8"
    )
    lines = "".join(f"{name} = {module}:{attribute}\n" for name, attribute in entries.items())
    (info / "entry_points.txt").write_text(f"[{group}]\n{lines}", encoding="utf-8")
    sys.path.insert(0, str(where))
    plugins.rescan()
    try:
        yield
    finally:
        sys.path.remove(str(where))
        plugins.rescan()
        sys.modules.pop(module, None)
