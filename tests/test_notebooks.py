"""The notebooks run end to end (nbclient, kernel ``python3``) and are committed clean.

Each notebook executes in an empty temporary working directory against a copy of the package laid
out as the wheel installs it (``kg/`` plus the files pyproject force-includes), so it must find
its data without the repository and must not write into it. The tour's tables show labels in one
language, not IRIs, and nothing it prints carries markdown stars.
"""
from __future__ import annotations

import json
import shutil
import tomllib
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


def _installed_copy(site: Path) -> Path:
    """``kg`` copied into ``site`` as the wheel installs it, following pyproject's build table."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    wheel = build["targets"]["wheel"]
    for package in wheel["packages"]:
        shutil.copytree(ROOT / package, site / package, ignore=shutil.ignore_patterns("__pycache__"))
    for source, target in wheel["force-include"].items():
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, site / target)
        else:
            shutil.copyfile(ROOT / source, site / target)
    return site


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_end_to_end(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seeds_before = _snapshot(ROOT / "seeds")
    had_build = (ROOT / "build").exists()
    site = _installed_copy(tmp_path / "site")
    monkeypatch.setenv("PYTHONPATH", str(site))  # the kernel imports kg from the copy, not the repository
    run_in = tmp_path / "cwd"
    run_in.mkdir()
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(_probe())  # in the same kernel: a second kernel start would cost seconds
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(run_in)}}).execute()  # raises if a cell errors
    probe = nb.cells.pop()
    assert any(f"{site}/kg" in "".join(o.get("text", "")) for o in probe.outputs)
    assert _snapshot(ROOT / "seeds") == seeds_before
    assert (ROOT / "build").exists() == had_build
    if path.name == "explore.ipynb":
        _check_explore(nb)


def _probe() -> nbformat.NotebookNode:
    """A last cell, run after the notebook's own: where its kernel imported kg and the example seeds from."""
    return nbformat.v4.new_code_cell("import kg, kg.examples\nprint(kg.__file__, kg.examples.example_seeds())")


def _check_explore(nb: nbformat.NotebookNode) -> None:
    outputs = _outputs(nb)
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Luca de Meo → Douai" in text and "—[" in text  # the path, with relation labels
    kinds = {kind for o in outputs for kind in o.get("data", {})}
    assert "image/png" in kinds  # the matplotlib figure
    assert "text/html" in kinds  # tables and the interactive graph
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    tables = [h for h in html if "<table" in h and "<iframe" not in h]
    assert len(tables) >= 10 and "Douai" in "".join(tables) and "Maubeuge" in "".join(tables)
    for table in tables:  # labels, not IRIs or CURIEs of entities
        assert "http://" not in table and "https://" not in table and "kgid:" not in table, table
    words = "".join(tables)
    assert "France" in words and "Renault Group" in words  # English labels (LANG = "en") ...
    assert "Francija" not in words  # ... and not the Slovenian ones (source sentences stay as written)
    assert any("<iframe srcdoc=" in h for h in html)  # the interactive graph
    assert "new entities:" in text
    assert "chief executive now: Ana Kos" in text  # the current view of two dated documents
    assert "events over time:" in text
    assert not any(o.output_type == "error" for o in outputs)
    for out in outputs:  # no markdown syntax left in what a reader sees (the page's script aside)
        data = out.get("data", {})
        if "<iframe srcdoc=" in data.get("text/html", ""):
            continue
        shown = [out.get("text", "")] + [v if isinstance(v, str) else "" for v in data.values()]
        assert not any("**" in s for s in shown), shown
    prose = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "Click a node" in prose  # the page needs clicks, and the tour says so
    json.dumps(nb)  # outputs are plain JSON
