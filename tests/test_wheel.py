"""The package as a user installs it: a wheel in a fresh virtual environment, run outside the checkout."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig

from conftest import ROOT


def run(*argv, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})


def test_a_wheel_installed_elsewhere_carries_its_ontology_shapes_and_queries(examples_build, tmp_path):
    source = tmp_path / "source"  # a copy, so that the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "tests", "bench", "examples"))
    wheels = tmp_path / "wheels"
    built = run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, source,
                cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path).returncode == 0
    # The new environment reuses the dependencies installed here, not the checkout.
    site = run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
    (tmp_path / site.stdout.strip() / "deps.pth").write_text(
        f"{sysconfig.get_paths()['purelib']}\n{sysconfig.get_paths()['platlib']}\n", encoding="utf-8")
    installed = run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps",
                    "--no-index", *wheels.glob("*.whl"), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kg = venv / "bin" / "kg"
    where = run(venv / "bin" / "python", "-c", "import kg; print(kg.__file__)", cwd=elsewhere)
    assert where.stdout.startswith(str(venv)), where
    version = run(kg, "--version", cwd=elsewhere)
    assert (version.returncode, version.stdout) == (0, "kg 0.1.0\n")
    validate = run(kg, "validate", examples_build[0], cwd=elsewhere)
    assert (validate.returncode, validate.stdout.splitlines()[-1]) == (0, "conforms"), validate.stderr
    query = run(kg, "query", "official-offices", "--data", examples_build[0], "--param", "name=Lâm Quốc Hưng",
                "--format", "csv", cwd=elsewhere)
    assert query.returncode == 0 and query.stdout.count("\nLâm Quốc Hưng,Chủ tịch") == 2, query.stderr
    queries = run(kg, "queries", cwd=elsewhere)
    shipped = len(list((ROOT / "queries").glob("*.rq")))
    assert queries.returncode == 0 and queries.stdout.count("\n\n") == shipped - 1
    assert "official-offices\n" in queries.stdout
    table = run(kg, "table", "officials", examples_build[0], "-o", "officials.xlsx", cwd=elsewhere)
    assert table.returncode == 0 and (elsewhere / "officials.xlsx").stat().st_size > 0, table.stderr
