"""docs/notebook.ipynb runs end to end in a real kernel (nbclient), and shows what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebook.ipynb"


@pytest.fixture(scope="module")
def cells() -> list[Any]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _data(cell: Any, mime: str) -> str:
    for output in cell.outputs:
        assert output.output_type != "error", output
        if mime in output.get("data", {}):
            return str(output["data"][mime])
    raise AssertionError(f"no {mime} output in {cell.source!r}")


def test_a_reference_shows_its_line(cells: list[Any]) -> None:
    html = _data(cells[0], "text/html")
    assert html.startswith("Kistanov V.O. Japan&#39;s foreign policy in the era of Trump 2.0")
    assert '<a href="https://doi.org/10.55105/2500-2872-2025-3-5-25">' in html
    assert "Kistanov V.O." in _data(cells[0], "text/markdown")


def _stdout(cell: Any) -> str:
    """What a cell printed. A kernel may send it in one stream output or in several
    (ipykernel 7 sends each ``print()`` apart), so the pieces are joined in order."""
    assert all(output.output_type == "stream" for output in cell.outputs), cell.outputs
    return "".join(output.text for output in cell.outputs if output.name == "stdout")


def test_printed_lines(cells: list[Any]) -> None:
    assert _stdout(cells[1]).splitlines() == [
        "Кистанов В.О. Внешняя политика Японии в эпоху Трампа 2.0: будут ли перемены? "
        "Японские исследования. 2025;(3):5-25. https://doi.org/10.55105/2500-2872-2025-3-5-25",
        "(Kaspe, 2025)",
    ]


def test_bibliographies_and_comparison(cells: list[Any]) -> None:
    assert _data(cells[2], "text/html").count("<li>") == 11
    assert '<ol class="citekit-bibliography">' in _data(cells[3], "text/html")
    table = _data(cells[4], "text/html")
    assert table.startswith("<table")
    for style in ("elpub", "references", "gost", "apa", "bibtex"):
        assert f"<code>{style}</code>" in table or f">{style}<" in table, style
