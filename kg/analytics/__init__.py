"""networkx analytics over the knowledge graph: conversion, statistics, paths and exports.

>>> import kg
>>> G = kg.to_networkx(kg.load("build"))
>>> from kg.analytics import stats, shortest_path, export
"""
from __future__ import annotations

from .convert import to_networkx
from .exporters import FORMATS, export
from .paths import format_path, shortest_path
from .summary import stats

__all__ = ["FORMATS", "export", "format_path", "shortest_path", "stats", "to_networkx"]
