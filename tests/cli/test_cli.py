"""The ``kg`` command line as one consistent tool: the same option names in every command
(``--build`` for the build folder, old spellings as deprecated aliases), ``-v``/``-q`` everywhere."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import COMMAND_MODULES, cli

BUILD_COMMANDS = ("query", "stats", "path", "export", "viz", "serve", "push")


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def run_kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``python -m kg``: for exit codes and the one-line errors of the real entry point."""
    return subprocess.run([sys.executable, "-m", "kg", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, check=False)


def one_line_error(done: subprocess.CompletedProcess, *needles: str) -> str:
    assert done.returncode == 2 and done.stdout == "", done
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), done.stderr
    for needle in needles:
        assert needle in done.stderr, done.stderr
    return done.stderr




@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_every_command_takes_verbose_and_quiet(name):
    text = invoke(name, "--help").output
    assert "-v, --verbose" in text and "-q, --quiet" in text


def test_help_lists_every_command_of_every_cli_module():
    """The lazy command table names each command its module defines, and only those."""
    import importlib
    import pkgutil

    import kg.cli
    defined = {command.name: info.name for info in pkgutil.iter_modules(kg.cli.__path__)
               for command in getattr(importlib.import_module(f"kg.cli.{info.name}"), "COMMANDS", [])}
    assert defined == COMMAND_MODULES
    listed = invoke("--help").output
    assert all(f"  {name} " in listed for name in COMMAND_MODULES), listed


@pytest.mark.parametrize("name", BUILD_COMMANDS)
def test_every_command_names_the_build_folder_build(name):
    text = invoke(name, "--help").output
    assert "-b, --build PATH" in text
    assert "--from" not in text and "--graph PATH" not in text  # old spellings stay hidden


@pytest.mark.parametrize("old", [("stats", "--graph"), ("push", "--from")])
def test_old_spelling_still_works_with_a_note(seed_build, tmp_path, old):
    command, option = old
    if command == "push":  # no store listens there: the note comes first, then the error
        result = invoke(command, option, str(seed_build), "--endpoint", "http://127.0.0.1:9/store")
        assert result.stderr.startswith(f"note: {option} is deprecated, use --build\n")
        return
    result = invoke(command, option, str(seed_build), "--format", "json", "--top", "1")
    assert result.exit_code == 0
    assert result.stderr == f"note: {option} is deprecated, use --build\n"
    assert json.loads(result.stdout) == json.loads(
        invoke(command, "--build", str(seed_build), "--format", "json", "--top", "1").stdout)


def test_old_and_new_spelling_together_is_an_error(seed_build):
    one_line_error(run_kg("stats", "--build", str(seed_build), "--graph", str(seed_build)),
                   "give only --build")


def test_quiet_leaves_out_the_report_and_verbose_adds_timings(seed_build, tmp_path):
    out = tmp_path / "page.html"
    assert invoke("viz", "-b", str(seed_build), "--out", str(out), "-q").stdout == ""
    loud = invoke("viz", "-b", str(seed_build), "--out", str(out), "-v")
    assert loud.stdout.startswith(f"wrote {out}")
    assert "read " in loud.stderr and "done in " in loud.stderr
    both = invoke("stats", "-b", str(seed_build), "-q", "-v")
    assert both.exit_code == 2 and "not both" in both.output


def test_build_folder_default_is_build(seed_build, monkeypatch):
    monkeypatch.chdir(Path(seed_build).parent)  # the fixture's folder is called "build"
    result = invoke("query", "ASK { ?s ?p ?o }")
    assert result.exit_code == 0 and result.stdout == "yes\n"


# ---------------------------------------------------------------- kg query


def test_query_dash_reads_the_query_from_standard_input(seed_build):
    piped = invoke("query", "-b", str(seed_build), "-f", "csv", "-",
                   stdin="SELECT ?p WHERE { ?p a akg:Plant } ORDER BY ?p\n")
    inline = invoke("query", "-b", str(seed_build), "-f", "csv", "SELECT ?p WHERE { ?p a akg:Plant } ORDER BY ?p")
    assert piped.exit_code == 0 and piped.stdout == inline.stdout and piped.stdout.count("\n") > 2
    one_line_error(run_kg("query", "-b", str(seed_build), "-", stdin=""), "standard input: no query")


ROOT = Path(__file__).resolve().parents[2]
PAGE_LINE = "^ *LIMIT 100 OFFSET"  # the line that queries/quotations.rq says to drop for every row


def _many(n: int) -> str:
    """Turtle with ``n`` quotations (each by its own person), founding pairs and plants."""
    lines = ["@prefix akg: <https://w3id.org/ampere-kg/ontology#> .",
             "@prefix schema: <https://schema.org/> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "@prefix kgid: <https://w3id.org/ampere-kg/id/> ."]
    for i in range(n):
        lines += [f'kgid:person\\/p{i} skos:prefLabel "Oseba {i:03d}"@sl .',
                  f'kgid:quotation\\/q{i} a schema:Quotation ; schema:text "Izjava {i}."@sl ; '
                  f"schema:creator kgid:person\\/p{i} .",
                  f'kgid:company\\/c{i} a schema:Organization ; skos:prefLabel "Podjetje {i:03d}"@sl ; '
                  f"schema:founder kgid:company\\/c{(i + 1) % n} .",
                  f'kgid:plant\\/t{i} a akg:Plant ; skos:prefLabel "Tovarna {i:03d}"@sl .']
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name, label, params", [("quotations", "personLabel", []),
                                                 ("created-by", "creatorLabel", []),
                                                 ("entities-of-class", "labelSl", ["-p", "class=akg:Plant"])])
def test_listing_queries_answer_one_sorted_page_and_say_how_to_get_the_rest(tmp_path, name, label, params):
    graph = tmp_path / "many.ttl"
    graph.write_text(_many(150), encoding="utf-8")
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")

    def rows(*args: str, stdin: str | None = None) -> list[dict[str, str]]:
        done = invoke("query", "-b", str(graph), "-f", "csv", "--queries", str(ROOT / "queries"),
                      *args, stdin=stdin)
        assert done.exit_code == 0, done.output
        return list(csv.DictReader(io.StringIO(done.stdout)))

    first = rows(name)
    assert len(first) == 100
    assert [r[label] for r in first] == sorted(r[label] for r in first)
    second = rows("-", *params, stdin=text.replace("LIMIT 100 OFFSET 0", "LIMIT 100 OFFSET 100"))
    assert len(second) == 50
    everything = rows("-", *params, stdin="".join(
        line for line in text.splitlines(keepends=True) if not re.match(PAGE_LINE, line)))
    assert len(everything) == 150
    assert sorted(map(str, first + second)) == sorted(map(str, everything))


def test_the_documented_command_lists_every_quotation(tmp_path):
    graph = tmp_path / "many.ttl"
    graph.write_text(_many(150), encoding="utf-8")
    done = subprocess.run(f"grep -v '{PAGE_LINE}' queries/quotations.rq | {sys.executable} -m kg query -b {graph} - "
                          "-f csv", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.count("\n") == 151  # the header and every quotation


@pytest.mark.parametrize("fmt, query", [(f, "SELECT ?s WHERE { ?s a akg:Plant }") for f in
                                        ("table", "csv", "tsv", "json", "xml")]
                         + [(f, "ASK { ?s ?p ?o }") for f in ("table", "csv", "tsv", "json", "xml")]
                         + [(f, "CONSTRUCT { ?s a akg:Plant } WHERE { ?s a akg:Plant }")
                            for f in ("turtle", "jsonld", "nt")])
def test_every_output_format_ends_with_a_newline(seed_build, fmt, query):
    out = invoke("query", "-b", str(seed_build), "-f", fmt, query).stdout_bytes
    assert out.endswith(b"\n") and not out.endswith(b"\n\n\n")
    if fmt in ("json", "jsonld"):
        json.loads(out)


# ---------------------------------------------------------------- counts


def test_build_summary_stats_and_page_count_the_same_entities(tmp_path):
    import re

    from kg.analytics import stats

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    summary = invoke("build", "--seeds", str(seeds), "--out", str(tmp_path / "b"), "-j", "1").stdout
    report = stats(tmp_path / "b")
    assert re.search(rf"^\s*entities\s+{report['entities']}\s*$", summary, re.MULTILINE), summary
    assert re.search(r"^\s*quotations\s+\d+\s*$", summary, re.MULTILINE)
    text = invoke("stats", "-b", str(tmp_path / "b"), "--top", "0").stdout
    assert text.startswith(f"{report['entities']} entities, {report['relations']} relations, ")
    page = (tmp_path / "b" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                                re.DOTALL).group(1))
    assert len(data["nodes"]) == report["entities"]
    drawn = report["relations"] - report["implied_relations"]
    assert len(data["edges"]) == drawn and report["implied_relations"] > 0
    assert f"the page draws {drawn}" in text


def test_build_into_the_default_relative_folder_keeps_its_cache(tmp_path, monkeypatch):
    import shutil
    import warnings

    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)  # kg build's default: seeds/ into build/, both relative
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runs = [invoke("build", "-j", "1") for _ in range(2)]
    assert [r.exit_code for r in runs] == [0, 0]
    assert not [w for w in caught if "cache" in str(w.message)], [str(w.message) for w in caught]
    assert "(1 from cache, 0 assembled" in runs[1].stdout
