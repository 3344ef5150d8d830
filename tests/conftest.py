"""Shared fixtures: paths to the bundled examples and ../shared (which CI always has)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """The bundled example reports built once into TriG."""
    from kg.build import build_dataset
    from kg.output import write

    ds, summary = build_dataset([EXAMPLES / "reports"])
    out = tmp_path_factory.mktemp("examples") / "examples.trig"
    write(ds, out)
    return out, ds, summary
