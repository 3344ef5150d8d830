"""A build file or a store opened for reading, with one-line errors that name the path as the user gave it."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .output import FORMATS, PER_REPORT


class UnreadableGraph(ValueError):
    """A file or store that cannot be read; the message says which and why."""


def union_only(path: str | Path) -> bool:
    """Whether a build file is of a format that keeps only the union of the report graphs (.ttl, .nt, .jsonld)."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    return fmt is not None and fmt not in PER_REPORT


def open_graph(path: str | Path | None = None, store_dir: str | Path | None = None) -> ox.Store:
    """A build file loaded into memory, or a store written by kg build --store opened read-only."""
    if store_dir is not None:
        if not Path(store_dir).is_dir():
            raise UnreadableGraph(f"{store_dir}: no such store folder")
        try:
            return ox.Store.read_only(str(store_dir))
        except OSError as err:
            raise UnreadableGraph(f"{store_dir}: not an Oxigraph store ({err})") from None
    if path is None:
        raise UnreadableGraph("give a build file (.trig, .nq, .ttl, .nt, .jsonld) or --store DIR")
    file = Path(path)
    if file.is_dir():
        raise UnreadableGraph(f"{path}: a folder, not a build file (.trig, .nq, .ttl, .nt, .jsonld)")
    fmt = FORMATS.get(file.suffix.lower())
    if fmt is None:
        raise UnreadableGraph(f"{path}: unknown format (use one of {', '.join(FORMATS)})")
    if not file.is_file():
        raise UnreadableGraph(f"{path}: no such file")
    store = ox.Store()
    try:
        store.load(path=str(file), format=ox.RdfFormat.from_extension(file.suffix[1:].lower()))
    except SyntaxError as err:
        raise UnreadableGraph(f"{path}: not valid {file.suffix[1:]}: {_first_line(err)}") from None
    except (OSError, ValueError) as err:
        raise UnreadableGraph(f"{path}: cannot read it ({_first_line(err)})") from None
    return store


def _first_line(err: Exception) -> str:
    text = getattr(err, "strerror", None) or str(err)
    return text.splitlines()[0] if text else type(err).__name__
