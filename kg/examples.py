"""The example seed document that ships inside the package (a Slovenian press release about
Ampere), so that the notebook and a first build work without the project's repository.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError


def example_seeds() -> Path:
    """The folder with the example seed document and its metadata: ``kg/seeds`` in an installed
    package (the wheel carries it), else the project's ``seeds/`` folder beside ``kg/``.

    >>> sorted(p.name for p in example_seeds().iterdir())
    ['ampere-sl.meta.toml', 'ampere-sl.txt']
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "seeds", here.parent / "seeds"):
        if any(folder.glob("*.txt")):
            return folder
    raise InputError(f"{here / 'seeds'}: the example seed document is missing (reinstall ampere-kg)")
