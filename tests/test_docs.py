"""The README and docs/*.md run as written: every `kg …` command in their sh and console blocks runs against
the bundled examples, and what a console block shows after `$ command` is what the command prints now. A text
block is a template with names that stand for the reader's own (a cluster's addresses), and is not run.

    python tests/test_docs.py docs/QUERIES.md     # print what each command of a page prints, to write it down
"""
from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(sh|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# What a page may run besides kg: commands that make files for it, or ask kg serve; the rest (pip, python,
# pytest, dask, oxigraph, Fuseki's tools) is shown, not run.
RUNS = {"kg", "echo", "printf", "cp", "mkdir", "truncate", "curl"}
SERVE_PORT = "127.0.0.1:7878"


@dataclass
class Command:
    text: str  # as the page writes it
    shown: list[str] | None  # the output a console block shows; None in an sh block


def commands(markdown: str) -> list[Command]:
    """The commands of the page's sh and console blocks; a command whose quotes are open goes on on the next line."""
    found: list[Command] = []
    for kind, body in BLOCK.findall(markdown):
        pending: list[str] = []
        for line in body.splitlines():
            if pending or kind == "sh" or line.startswith("$ "):
                pending.append(line[2:] if not pending and kind == "console" else line)
                if _complete("\n".join(pending)):
                    if pending[0].strip() and not pending[0].lstrip().startswith("#"):
                        found.append(Command("\n".join(pending), [] if kind == "console" else None))
                    pending = []
            elif found and found[-1].shown is not None:
                found[-1].shown.append(line)
    for command in found:
        while command.shown and not command.shown[-1].strip():
            command.shown.pop()
    return found


def _complete(text: str) -> bool:
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return False
    return True


def runnable(text: str) -> str | None:
    """The parts of `a && b && c` that the test runs (kg as installed here, not .venv/bin/kg), or None."""
    parts = [p.strip().removeprefix(".venv/bin/") for p in text.split("&&")]
    kept = [p for p in parts if shlex.split(p, comments=True)[:1] and shlex.split(p, comments=True)[0] in RUNS]
    return " && ".join(kept) or None


def matches(shown: list[str], printed: list[str]) -> bool:
    """Line by line, a shown "..." standing for any lines."""
    if not shown:
        return not printed
    if shown[0] == "...":
        return any(matches(shown[1:], printed[i:]) for i in range(len(printed) + 1))
    return bool(printed) and shown[0] == printed[0] and matches(shown[1:], printed[1:])


class Session:
    """A shell in a folder holding a copy of the examples and their build, examples.trig, and of tests/data/history."""

    def __init__(self, folder: Path, examples_trig: Path):
        self.folder, self.status, self.servers = folder, 0, []
        shutil.copytree(ROOT / "examples", folder / "examples")
        shutil.copytree(ROOT / "tests" / "data" / "history", folder / "tests" / "data" / "history")
        shutil.copy(examples_trig, folder / "examples.trig")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = f"127.0.0.1:{s.getsockname()[1]}"
        self.env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "COLUMNS": "120"}

    def run(self, text: str) -> list[str]:
        """What the command prints (stdout, then stderr as a terminal would interleave them)."""
        text = text.replace(SERVE_PORT, self.port)
        if text.startswith("kg serve"):
            return self._serve(text)
        done = subprocess.run(["bash", "-c", f"(exit {self.status}); {text}"], cwd=self.folder, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300, check=False)
        self.status = done.returncode
        return [line.replace(self.port, SERVE_PORT) for line in done.stdout.splitlines()]

    def _serve(self, text: str) -> list[str]:
        """kg serve runs until stopped: start it, read the line it starts with, stop it with the session."""
        command = shlex.split(text, comments=True) + ["--port", self.port.rsplit(":", 1)[1]]
        server = subprocess.Popen(command, cwd=self.folder, env=self.env, stderr=subprocess.PIPE, text=True)
        self.servers.append(server)
        return [server.stderr.readline().rstrip("\n").replace(self.port, SERVE_PORT)]

    def close(self) -> None:
        for server in self.servers:
            server.terminate()
            server.wait(timeout=30)


@contextlib.contextmanager
def session(folder: Path, examples_trig: Path):
    shell = Session(folder, examples_trig)
    try:
        yield shell
    finally:
        shell.close()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_command_of_the_page_runs_and_prints_what_it_shows(page, examples_build, tmp_path):
    with session(tmp_path, examples_build[0]) as shell:
        for command in commands(page.read_text(encoding="utf-8")):
            text = runnable(command.text)
            if text is None:
                continue
            printed = shell.run(text)
            if command.shown is None:
                assert shell.status == 0, f"{page.name}: {command.text}\n" + "\n".join(printed)
            else:
                assert matches(command.shown, printed), (f"{page.name}: $ {command.text}\nshown:\n"
                                                         + "\n".join(command.shown) + "\nprinted:\n" + "\n".join(printed))


def test_the_pages_run_kg_a_good_many_times():
    kg = [c for page in PAGES for c in commands(page.read_text(encoding="utf-8"))
          if (runnable(c.text) or "").startswith("kg ")]
    assert len(kg) >= 50 and sum(c.shown is not None for c in kg) >= 30


def test_reading_the_pages():
    page = ("```sh\nkg build a -o b.trig   # a comment\npython3 -m venv .venv && .venv/bin/kg stats b.trig\n```\n"
            "```console\n$ kg query \"SELECT ?x\nWHERE { ?x ?p ?o }\" --data b.trig\n x\n---\n(0 rows)\n\n"
            "$ echo $?\n0\n```\n")
    found = commands(page)
    assert [(c.text, c.shown) for c in found] == [
        ("kg build a -o b.trig   # a comment", None), ("python3 -m venv .venv && .venv/bin/kg stats b.trig", None),
        ('kg query "SELECT ?x\nWHERE { ?x ?p ?o }" --data b.trig', [" x", "---", "(0 rows)"]), ("echo $?", ["0"])]
    assert runnable(found[1].text) == "kg stats b.trig" and runnable("pip install oxigraph") is None
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"]) and not matches(["a", "...", "d"], ["a", "b"])


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        trig = Path(tmp) / "examples.trig"
        subprocess.run(["kg", "build", str(ROOT / "examples" / "reports"), "-o", str(trig), "-q"], check=True,
                       env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
        (Path(tmp) / "work").mkdir()
        with session(Path(tmp) / "work", trig) as shell:
            for command in commands(Path(sys.argv[1]).read_text(encoding="utf-8")):
                if (text := runnable(command.text)) is not None:
                    print(f"$ {command.text}", *shell.run(text), sep="\n")
