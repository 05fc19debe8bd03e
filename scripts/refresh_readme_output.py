"""Re-run the ``$ kg ...`` commands shown in Markdown files and put their real output back.

Usage: python scripts/refresh_readme_output.py WORKDIR PATTERN FILE.md [FILE.md ...]
WORKDIR must hold ``seeds/`` and a ``build/`` made from it. Only blocks in which every command
starts with ``$ kg `` and matches the regular expression PATTERN are re-run (so servers and
commands that need other folders are left alone). A command line may end with a comment
(``# ...``), which is kept; the output shown below it is replaced.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

FENCE = re.compile(r"^```(\w*)\s*$")


def run(cmd: str, cwd: Path) -> str:
    env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1"}
    res = subprocess.run(cmd, shell=True, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    return (res.stdout + res.stderr).rstrip("\n")


def refresh(text: str, cwd: Path, pattern: re.Pattern) -> str:
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not FENCE.match(line):
            continue
        block: list[str] = []
        while i < len(lines) and not lines[i].startswith("```"):
            block.append(lines[i])
            i += 1
        commands = [b for b in block if b.startswith("$ ")]
        shell_block = FENCE.match(line).group(1) in ("", "console")
        if not shell_block or not commands or not all(c.startswith("$ kg ") and pattern.search(c) for c in commands):
            out.extend(block)
            out.append(lines[i]) if i < len(lines) else None
            i += 1
            continue
        for b in block:
            if b.startswith("$ "):
                out.append(b)
                command = re.sub(r"\s+#.*$", "", b[2:])
                shown = run(command, cwd)
                if shown:
                    out.extend(shown.splitlines())
        if i < len(lines):
            out.append(lines[i])  # the closing fence
            i += 1
    return "\n".join(out) + "\n"


def main() -> None:
    cwd, pattern = Path(sys.argv[1]), re.compile(sys.argv[2])
    for name in sys.argv[3:]:
        path = Path(name)
        path.write_text(refresh(path.read_text(encoding="utf-8"), cwd, pattern), encoding="utf-8")


if __name__ == "__main__":
    main()
