"""The notebooks run end to end (nbclient, kernel ``python3``) and are committed clean.

Each notebook executes in an empty temporary working directory, so it must find the project's
seeds on its own and must not write into the repository.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def test_there_is_an_explore_notebook():
    assert ROOT / "notebooks" / "explore.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs_or_local_paths(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip outputs before committing"
    text = path.read_text(encoding="utf-8")
    for local in ("/work/", "/tmp/", "/root/", "/home/", "C:\\\\"):
        assert local not in text


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_end_to_end(path: Path, tmp_path: Path):
    seeds_before = _snapshot(ROOT / "seeds")
    had_build = (ROOT / "build").exists()
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises if a cell errors
    assert _snapshot(ROOT / "seeds") == seeds_before
    assert (ROOT / "build").exists() == had_build
    if path.name == "explore.ipynb":
        _check_explore(nb)


def _check_explore(nb: nbformat.NotebookNode) -> None:
    outputs = _outputs(nb)
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Luca de Meo → Douai" in text and "—[" in text  # the path, with relation labels
    kinds = {kind for o in outputs for kind in o.get("data", {})}
    assert "image/png" in kinds  # the matplotlib figure
    assert "text/html" in kinds  # tables and the interactive graph
    html = "\n".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert "Douai" in html and "Maubeuge" in html
    assert "new entities:" in text
    assert "chief executive now: Ana Kos" in text  # the current view of two dated documents
    assert "events over time:" in text
    assert not any(o.output_type == "error" for o in outputs)
    json.dumps(nb)  # outputs are plain JSON
