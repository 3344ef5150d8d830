"""`kg serve`: the SPARQL 1.1 Protocol over a store, on this machine, read-only unless asked otherwise.

Queries run in worker processes that hold the store open (read-only; or one
read-write process with `allow_update`). Oxigraph cannot interrupt a query, so one
that runs past the time limit, or past the memory a worker may use, has its
process killed and replaced. The default graph is the union of the store's
graphs (the reports and the gazetteer), and the project's prefixes (vnpol:,
id:, org:, ...) need no PREFIX lines, as in kg query. Results longer than
`max_rows` rows (or triples) are cut, and the response says so in its
`X-SPARQL-MaxRows` header.

Unless `allow_service`, it never connects anywhere (kg.offline). It answers only
requests addressed to it by its own address or a localhost name, and refuses
any request that a page of another origin sent (DNS rebinding, cross-site forms).
"""
from __future__ import annotations

import ipaddress
import multiprocessing
import os
import queue
import signal
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .offline import forbid_network, outbound_keyword
from .query import NAMESPACES
from .results import write_rows
from .text import shown

PATH = "/sparql"
MAX_BODY = 1 << 20  # bytes in a request's body
STARTUP = 60.0  # seconds a worker may take to open the store
READ_TIMEOUT = 10.0  # seconds a client may pause while it sends its request
BACKLOG = 128  # connections the kernel queues while every thread is busy
WATCH = 0.05  # seconds between looks at a busy worker's memory
RESULTS = {"application/sparql-results+json": "json", "application/json": "json",
           "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
           "text/csv": "csv", "text/tab-separated-values": "tsv"}  # the first is the default
GRAPHS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
          "application/rdf+xml": ox.RdfFormat.RDF_XML}
_BOOLEAN = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_READ_ONLY = "this endpoint is read-only: start kg serve with --allow-update to accept SPARQL updates"
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}

Response = tuple[int, str, bytes, dict[str, str]]  # status, content type, body, extra headers


class ServeError(Exception):
    """The store or the address cannot be served; the message says why."""


def _text(status: int, message: str) -> Response:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), {}


def negotiate(accept: str | None, offered: dict[str, object]) -> str | None:
    """The offered media type the Accept header prefers (by q, then order), or None if it accepts none."""
    if not accept:
        return next(iter(offered))
    ranges = []
    for n, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, n, media.lower()))
    for _, _, media in sorted(ranges):
        if media == "*/*":
            return next(iter(offered))
        if media.endswith("/*"):
            match = next((m for m in offered if m.startswith(media[:-1])), None)
        else:
            match = media if media in offered else None
        if match:
            return match
    return None


def answer(store: ox.Store, job: dict) -> Response:
    """Run one query or update on the store (in a worker process)."""
    try:
        if job["kind"] == "update":
            store.update(job["text"], prefixes=NAMESPACES)
            return 204, "text/plain", b"", {}
        dataset = {"default_graph": [ox.NamedNode(g) for g in job["default"]] or None,
                   "named_graphs": [ox.NamedNode(g) for g in job["named"]] or None}
        result = store.query(job["text"], use_default_graph_as_union=not (job["default"] or job["named"]),
                             prefixes=NAMESPACES, **dataset)
        if isinstance(result, ox.QueryBoolean):
            media = negotiate(job["accept"], RESULTS)
            return _accepted(media, lambda: result.serialize(format=_BOOLEAN[RESULTS[media]]), {})
        limit = job["max_rows"]
        if isinstance(result, ox.QuerySolutions):
            media = negotiate(job["accept"], RESULTS)
            rows = list(islice(result, limit + 1))
            variables = [v.value for v in result.variables]
            return _accepted(media, lambda: write_rows(RESULTS[media], variables, rows[:limit]), _cut(rows, limit))
        media = negotiate(job["accept"], GRAPHS)
        triples = list(islice(result, limit + 1))
        return _accepted(media, lambda: ox.serialize(triples[:limit], format=GRAPHS[media], prefixes=NAMESPACES),
                         _cut(triples, limit))
    except SyntaxError as err:
        return _text(400, f"syntax error: {err}")
    except ValueError as err:
        return _text(400, f"bad request: {err}")
    except Exception as err:  # noqa: BLE001 (the store, a SERVICE's answer, a bug: the worker goes on)
        return _text(500, f"the query failed: {err.__class__.__name__}: {err}")


def _accepted(media: str | None, body, headers: dict[str, str]) -> Response:
    if media is None:
        return _text(406, "none of the media types in Accept can hold this result")
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return 200, media + charset, body(), headers


def _cut(items: list, limit: int) -> dict[str, str]:
    return {"X-SPARQL-MaxRows": str(limit)} if len(items) > limit else {}


def _worker(conn, store_dir: str, writable: bool, offline: bool) -> None:
    """A worker process: opens the store, then answers jobs until its pipe closes."""
    if offline:
        forbid_network()
    try:
        store = ox.Store(store_dir) if writable else ox.Store.read_only(store_dir)
    except OSError as err:
        conn.send(("failed", str(err)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        conn.send(answer(store, job))


def resident_memory(pid: int) -> int:
    """Bytes of memory a process holds (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def default_max_memory(workers: int) -> int:
    """Bytes one worker may use by default: all of them together, half of this machine's memory."""
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2 // workers


class Workers:
    """Processes that run queries, one at a time each; one that overruns its time or memory is killed and replaced."""

    def __init__(self, store_dir: str, *, writable: bool, offline: bool, count: int, timeout: float, max_memory: int):
        self.store_dir, self.writable, self.offline = store_dir, writable, offline
        self.timeout, self.max_memory = timeout, max_memory
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        for _ in range(count):
            self.idle.put(self._start())

    def _start(self):
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, self.store_dir, self.writable, self.offline),
                                       daemon=True)
        process.start()
        child.close()
        if not parent.poll(STARTUP):
            process.kill()
            raise ServeError(f"{self.store_dir}: the store did not open within {STARTUP:.0f} s")
        status, message = parent.recv()
        if status != "ready":
            process.join()
            if "lock" in message.lower():
                message = "in use by another process (a build, or another kg serve --allow-update)"
            raise ServeError(f"{self.store_dir}: cannot open the store: {message}")
        return process, parent

    def run(self, job: dict) -> Response:
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return _text(503, f"every worker stayed busy for {self.timeout:g} s; try again later")
        process, conn = worker
        try:
            conn.send(job)
            failure = self._watch(process, conn)
            if failure is None:
                response = conn.recv()
                self.idle.put(worker)
                return response
        except (EOFError, OSError):
            failure = _text(500, "the query's worker process stopped; it has been replaced")
        process.kill()
        process.join()
        try:
            self.idle.put(self._start())
        except ServeError as err:
            print(shown(f"kg serve: {err}"), file=sys.stderr)
        return failure

    def _watch(self, process, conn) -> Response | None:
        """Wait for the worker's answer (None), or say why it must be stopped."""
        deadline = time.monotonic() + self.timeout
        while not conn.poll(WATCH):
            if resident_memory(process.pid) > self.max_memory:
                return _text(503, f"the query needed more than the {self.max_memory >> 20} MiB a query may use "
                                  "and was stopped")
            if time.monotonic() >= deadline:
                return _text(503, f"the query ran longer than the {self.timeout:g} s limit and was stopped")
        return None

    def close(self) -> None:
        while not self.idle.empty():
            process, conn = self.idle.get_nowait()
            conn.close()
            process.kill()
            process.join()


class Server(ThreadingHTTPServer):
    """A SPARQL endpoint over a store at http://HOST:PORT/sparql."""

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, store_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
                 allow_update: bool = False, allow_service: bool = False, timeout: float = 30.0,
                 max_rows: int = 10_000, workers: int = 2, max_memory: int | None = None):
        path = Path(store_dir)
        if not (path / "CURRENT").is_file():
            raise ServeError(f"{path}: no store here (make one with kg build REPORTS --store {path})")
        if timeout <= 0:
            raise ServeError(f"--timeout must be more than 0 seconds, not {timeout:g}")
        self.allow_update, self.allow_service, self.max_rows = allow_update, allow_service, max_rows
        count = 1 if allow_update else workers
        self.workers = Workers(str(path), writable=allow_update, offline=not allow_service, count=count,
                               timeout=timeout, max_memory=max_memory or default_max_memory(count))
        try:
            super().__init__((host, port), _Handler)
        except OSError as err:
            self.workers.close()
            raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
        self.names = _LOCAL_NAMES | {host.lower(), self.server_address[0]}

    def addressed(self, host: str) -> bool:
        """Whether a request's Host names this server: its address, or this machine by a localhost name.

        Bound to every address (0.0.0.0), it also answers to any IP address and to the machine's own name.
        A DNS name that merely resolves here (a page rebinding its name to this machine) is refused.
        """
        everywhere = self.server_address[0] in ("0.0.0.0", "::")
        if host in self.names:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return everywhere and host == socket.gethostname().lower()
        return address.is_loopback or everywhere

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"

    def server_close(self) -> None:
        super().server_close()
        self.workers.close()


class _BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.response = _text(status, message)


class _Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "kg-serve"
    timeout = READ_TIMEOUT

    def do_GET(self) -> None:
        self._respond(self._get)

    def do_POST(self) -> None:
        self._respond(self._post)

    def _respond(self, handle) -> None:
        try:
            status, content_type, body, headers = handle()
        except _BadRequest as err:
            status, content_type, body, headers = err.response
        except Exception as err:  # noqa: BLE001 (a bug answers 500; the server goes on)
            status, content_type, body, headers = _text(500, f"internal error: {err!r}")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _check_sender(self) -> None:
        """Refuse a request sent to another name (DNS rebinding) or by a page of another origin."""
        host = self.headers.get("Host")
        try:
            name = urlsplit(f"//{host}").hostname if host else None
        except ValueError:
            name = None
        if host is not None and (name is None or not self.server.addressed(name)):
            raise _BadRequest(403, f"Host {host!r} is refused: this server answers only to its own address or a "
                                   "localhost name (a web page may have pointed that name at this machine)")
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{host}":
            raise _BadRequest(403, f"a request from a page of {origin!r} is refused: "
                                   "only this server's own pages and non-browser clients may use it")
        if self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise _BadRequest(403, "a request from a page of another site is refused")

    def _get(self) -> Response:
        self._check_sender()
        url = urlsplit(self.path)
        if url.path == "/":
            return _text(200, f"kg serve: a SPARQL 1.1 endpoint at {PATH} (GET ?query=..., or POST)")
        params = self._params(url)
        if "update" in params:
            if not self.server.allow_update:
                raise _BadRequest(403, _READ_ONLY)
            raise _BadRequest(400, "send an update with POST")
        return self._query(params)

    def _post(self) -> Response:
        params = self._params(urlsplit(self.path))
        body = self._body()  # read first: a refusal must not leave the body unread, or the client sees a reset
        self._check_sender()
        kind = self.headers.get_content_type()
        if kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            params["update"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            for name, values in _parse(body).items():
                params.setdefault(name, []).extend(values)
        else:
            raise _BadRequest(415, f"unsupported Content-Type {kind!r}: use application/sparql-query, "
                                   "application/sparql-update or application/x-www-form-urlencoded")
        if "update" in params:
            if "query" in params:
                raise _BadRequest(400, "give a query or an update, not both")
            if not self.server.allow_update:
                raise _BadRequest(403, _READ_ONLY)
            return self.server.workers.run({"kind": "update", "text": self._offline(_one(params, "update"))})
        return self._query(params)

    def _params(self, url) -> dict[str, list[str]]:
        if url.path != PATH:
            raise _BadRequest(404, f"no such path {url.path!r}: the endpoint is {PATH}")
        return _parse(url.query)

    def _body(self) -> str:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _BadRequest(411, "a POST needs a Content-Length")
        if not length.isdigit():
            raise _BadRequest(400, f"bad Content-Length {length!r}")
        if int(length) > MAX_BODY:
            raise _BadRequest(413, f"a request body may hold at most {MAX_BODY} bytes")
        try:
            return self.rfile.read(int(length)).decode("utf-8")
        except UnicodeDecodeError as err:
            raise _BadRequest(400, "the request body is not UTF-8") from err
        except TimeoutError as err:
            raise _BadRequest(408, f"the request body did not arrive within {READ_TIMEOUT:g} s") from err

    def _offline(self, sparql: str) -> str:
        """The query or update, unless it may make this server connect elsewhere."""
        keyword = None if self.server.allow_service else outbound_keyword(sparql)
        if keyword:
            raise _BadRequest(400, f"{keyword} is refused: it makes the server fetch from another address "
                                   "(start kg serve with --allow-service to allow SERVICE and LOAD; a name that "
                                   "contains the word counts too: write it as a full <IRI>)")
        return sparql

    def _query(self, params: dict[str, list[str]]) -> Response:
        return self.server.workers.run({"kind": "query", "text": self._offline(_one(params, "query")),
                                        "accept": self.headers.get("Accept"),
                                        "default": params.get("default-graph-uri", []),
                                        "named": params.get("named-graph-uri", []), "max_rows": self.server.max_rows})


def _parse(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as err:
        raise _BadRequest(400, "the parameters are not UTF-8 once percent-decoded") from err


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name, [])
    if len(values) != 1 or not values[0].strip():
        raise _BadRequest(400, f"give exactly one non-empty {name!r} parameter" if values else f"no {name!r} parameter")
    return values[0]


def serve(store_dir: str | Path, **options) -> None:
    """Serve the store until interrupted (Ctrl-C, SIGTERM)."""
    server = Server(store_dir, **options)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop as on Ctrl-C: close the workers and the socket
    mode = "read-write" if server.allow_update else "read-only"
    mode += "; SERVICE and LOAD allowed" if server.allow_service else ""
    print(shown(f"kg serve: {server.url} ({mode}; Ctrl-C stops)"), file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
