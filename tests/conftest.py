"""Shared fixtures: paths to the bundled examples and ../shared (which CI always has)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory):
    """The bundled example reports built once into TriG: (path, the file parsed into an rdflib Dataset, summary)."""
    from rdflib import Dataset

    from kg.build import build
    from kg.output import FileSink

    out = tmp_path_factory.mktemp("examples") / "examples.trig"
    sink = FileSink(out)
    summary = build([EXAMPLES / "reports"], [sink])
    sink.commit()
    ds = Dataset()
    ds.parse(out, format="trig")
    return out, ds, summary
