"""What the package promises beyond its code: a licence, a changelog, type information, and
top-level names that tab completion can list although they load lazily."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parent.parent


def test_dir_lists_the_lazy_api():
    assert set(kg.__all__) <= set(dir(kg))
    for name in kg.__all__:
        assert getattr(kg, name) is not None


def test_ipython_completes_the_lazy_names():
    shell_module = pytest.importorskip("IPython.core.interactiveshell")
    shell = shell_module.InteractiveShell.instance()
    shell.Completer.use_jedi = False  # the completion IPython makes from dir()
    shell.run_cell("import kg")
    assert "kg.to_networkx" in shell.complete("kg.to_", "kg.to_", 6)[1]
    assert "kg.build" in shell.complete("kg.bu", "kg.bu", 5)[1]


def test_licence_changelog_and_type_marker_match_the_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "Typing :: Typed" in project["classifiers"] and (ROOT / "kg" / "py.typed").is_file()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(project['version'])}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)
    assert kg.__version__ == project["version"]
