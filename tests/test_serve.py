"""kg serve: the SPARQL 1.1 Protocol over HTTP on localhost, read-only by default, with limits."""
from __future__ import annotations

import contextlib
import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES

from kg.cli import EXIT_OK, main
from kg.offline import outbound_keyword
from kg.serve import ServeError, Server, negotiate

IDS = ["bdvtw-tong-ket-2022", "ha-giang-cong-van.txt", "lao-cai-so-ket", "ninh-thuan-hop-mat.txt",
       "tphcm-le-tuyen-duong.html"]
REPORTS = "SELECT ?id WHERE { ?r a <https://w3id.org/vnpol/ontology#Report> ; <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "store"
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(path), "-q", "--workers", "1"]) == EXIT_OK
    return path


@pytest.fixture(scope="module")
def quads(store) -> int:
    return len(ox.Store.read_only(str(store)))


@contextlib.contextmanager
def serving(store, **options):
    """A server on a free port, shut down at the end."""
    server = Server(store, port=0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def endpoint(store):
    with serving(store) as server:
        yield server.url


def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None):
    """(status, headers, body) of an HTTP request, errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def get(url: str, query: str, accept: str | None = None, headers: dict[str, str] | None = None, **params):
    headers = {**(headers or {}), **({"Accept": accept} if accept else {})}
    return request(f"{url}?{urlencode({'query': query, **params})}", headers=headers)


def ids(body: bytes, fmt=ox.QueryResultsFormat.JSON) -> list[str]:
    return [row["id"].value for row in ox.parse_query_results(body, fmt)]


def test_a_select_over_get_answers_sparql_json(endpoint):
    status, headers, body = get(endpoint, REPORTS)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body)["head"] == {"vars": ["id"]}
    assert ids(body) == IDS


def test_a_post_of_the_query_answers_xml(endpoint):
    status, headers, body = request(endpoint, data=REPORTS.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    assert ids(body, ox.QueryResultsFormat.XML) == IDS


def test_a_form_post_answers_csv_and_tsv(endpoint):
    form = urlencode({"query": REPORTS}).encode()
    status, headers, body = request(endpoint, data=form, headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert body.decode() == "id\r\n" + "".join(f"{i}\r\n" for i in IDS)
    status, _, body = request(endpoint, data=form, headers={"Accept": "text/tab-separated-values"})
    assert body.decode() == "?id\n" + "".join(f'"{i}"\n' for i in IDS)


def test_the_accept_header_is_negotiated_by_preference():
    offered = {"application/sparql-results+json": 1, "text/csv": 2, "text/tab-separated-values": 3}
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.5, text/tab-separated-values", offered) == "text/tab-separated-values"
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("image/png, */*;q=0.1", offered) == "application/sparql-results+json"
    assert negotiate("image/png", offered) is None


def test_ask_and_construct(endpoint):
    status, _, body = get(endpoint, "ASK { ?r a <https://w3id.org/vnpol/ontology#Report> }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?r <http://purl.org/dc/terms/identifier> ?id } WHERE { ?r <http://purl.org/dc/terms/identifier> ?id }"
    status, headers, body = get(endpoint, construct)
    assert headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert sorted(t.object.value for t in ox.parse(body, ox.RdfFormat.TURTLE)) == IDS
    status, headers, body = get(endpoint, construct, "application/n-triples")
    assert headers["Content-Type"] == "application/n-triples"
    assert len(body.decode().splitlines()) == 5


def test_the_projects_prefixes_need_no_prefix_lines(endpoint):
    status, _, body = get(endpoint, "SELECT ?id WHERE { ?r a vnpol:Report ; dcterms:identifier ?id } ORDER BY ?id")
    assert (status, ids(body)) == (200, IDS)


def test_the_default_graph_is_the_union_and_can_be_chosen(endpoint, quads, store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(json.loads(get(endpoint, count)[2])["results"]["bindings"][0]["n"]["value"]) == quads
    lao_cai = "https://w3id.org/vnpol/id/report/lao-cai-so-ket"
    one = get(endpoint, count, **{"default-graph-uri": lao_cai})
    in_graph = ox.Store.read_only(str(store)).quads_for_pattern(None, None, None, ox.NamedNode(lao_cai))
    assert int(json.loads(one[2])["results"]["bindings"][0]["n"]["value"]) == len(list(in_graph)) < quads


def test_an_update_is_refused_without_the_flag(endpoint, quads, store):
    status, _, body = request(endpoint, data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                              headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and b"--allow-update" in body
    status, _, _ = request(f"{endpoint}?{urlencode({'update': 'CLEAR ALL'})}")
    assert status == 403
    assert len(ox.Store.read_only(str(store))) == quads


def test_an_update_is_applied_with_the_flag(store, tmp_path):
    copy = shutil.copytree(store, tmp_path / "store")
    with serving(copy, allow_update=True) as server:
        form = urlencode({"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"}).encode()
        assert request(server.url, data=form)[0] == 204
        status, _, body = get(server.url, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }")
        assert status == 200
        assert [row["o"].value for row in ox.parse_query_results(body, ox.QueryResultsFormat.JSON)] == ["c"]


def test_results_are_cut_at_max_rows(store):
    with serving(store, max_rows=3, workers=1) as server:
        status, headers, body = get(server.url, REPORTS)
        assert status == 200 and headers["X-SPARQL-MaxRows"] == "3" and ids(body) == IDS[:3]
        status, headers, body = get(server.url, "SELECT ?id WHERE { VALUES ?id { 1 2 3 } }")
        assert "X-SPARQL-MaxRows" not in headers and len(json.loads(body)["results"]["bindings"]) == 3
        status, headers, body = get(server.url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
        assert headers["X-SPARQL-MaxRows"] == "3" and len(body.decode().splitlines()) == 3


def test_a_query_past_the_time_limit_is_stopped_and_the_next_one_answered(store):
    with serving(store, timeout=1.0, workers=1) as server:
        start = time.monotonic()
        status, _, body = get(server.url, SLOW)
        assert status == 503 and b"1 s limit" in body
        assert time.monotonic() - start < 10
        assert get(server.url, REPORTS)[0] == 200  # on a fresh worker


@pytest.mark.parametrize("path,data,headers,status,says", [
    ("/sparql", None, {}, 400, b"no 'query' parameter"),
    ("/sparql?query=", None, {}, 400, b"non-empty 'query'"),
    ("/sparql?query=SELEC", None, {}, 400, b"syntax error"),
    ("/sparql?query=%FF", None, {}, 400, b"not UTF-8"),
    ("/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400, b"exactly one"),
    ("/elsewhere?query=ASK%7B%7D", None, {}, 404, b"/sparql"),
    ("/sparql", b"ASK {}", {"Content-Type": "text/plain"}, 415, b"unsupported Content-Type"),
    ("/sparql", b"\xff\xfe", {"Content-Type": "application/sparql-query"}, 400, b"not UTF-8"),
    ("/sparql", b"query=ASK%7B%7D&update=CLEAR%20ALL", {"Content-Type": "application/x-www-form-urlencoded"}, 400,
     b"not both"),
    ("/sparql?query=ASK%7B%7D", None, {"Accept": "image/png"}, 406, b"Accept"),
    (f"/sparql?query=ASK%7B%7D&default-graph-uri={quote('not an iri')}", None, {}, 400, b"bad request"),
])
def test_a_malformed_request_gets_400_and_a_message(endpoint, path, data, headers, status, says):
    got, response_headers, body = request(endpoint.removesuffix("/sparql") + path, data=data, headers=headers)
    assert got == status and says in body
    assert response_headers["Content-Type"] == "text/plain; charset=utf-8"
    assert get(endpoint, "ASK {}")[0] == 200  # and the server goes on


def test_it_binds_to_localhost_and_refuses_what_it_cannot_serve(store, tmp_path):
    server = Server(store, port=0, workers=1)
    try:
        assert server.server_address[0] == "127.0.0.1"
        with pytest.raises(ServeError, match="cannot listen"):
            Server(store, port=server.server_address[1], workers=1)
    finally:
        server.server_close()
    with pytest.raises(ServeError, match="no store here"):
        Server(tmp_path, port=0)


@contextlib.contextmanager
def listener():
    """A web server on this machine that answers anything with a page that is not SPARQL results:
    (its URL, what each connection it received sent first)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    received: list[bytes] = []

    def accept():
        with contextlib.suppress(OSError):
            while True:
                conn, _ = sock.accept()
                with conn:
                    conn.settimeout(1)
                    received.append(conn.recv(200))
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>not results</html>")

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", received
    finally:
        sock.close()


def update(url: str, text: str):
    return request(url, data=text.encode(), headers={"Content-Type": "application/sparql-update"})


def test_service_and_load_reach_no_other_address(store, tmp_path):
    with listener() as (there, received):
        with serving(store, workers=1) as server:
            for query in (f"SELECT * WHERE {{ SERVICE <{there}> {{ ?s ?p ?o }} }}",
                          f"select * {{ servicesilent <{there}>{{?s ?p ?o}} }}"):
                status, _, body = get(server.url, query)
                assert status == 400 and b"SERVICE is refused" in body and b"--allow-service" in body
            assert update(server.url, f"LOAD <{there}>")[0] == 403  # read-only
            # "<" read as less-than: the text check sees an IRI and a string, Oxigraph a SERVICE; the worker's
            # seccomp filter still lets it open no socket
            fooled = f"SELECT * {{ ?s ?p ?o FILTER(?o<'x>') SERVICE <{there}> {{ ?a ?b ?c }} FILTER(?o!='') }}"
            status, _, body = get(server.url, fooled)
            assert status == 500 and b"Permission denied" in body
            assert get(server.url, REPORTS)[0] == 200  # the worker lives
        with serving(shutil.copytree(store, tmp_path / "store"), allow_update=True) as server:
            status, _, body = update(server.url, f"LOAD <{there}> INTO GRAPH <urn:g>")
            assert status == 400 and b"LOAD is refused" in body
        time.sleep(0.5)  # a connection would have been accepted by now
        assert received == []


def test_service_is_allowed_with_the_flag_and_a_bad_answer_is_an_http_error(store):
    with listener() as (there, received), serving(store, workers=1, allow_service=True) as server:
        status, _, body = get(server.url, f"SELECT * WHERE {{ SERVICE <{there}> {{ ?s ?p ?o }} }}")
        assert status == 500 and b"the query failed" in body
        assert received and received[0].startswith(b"POST /sparql")
        assert get(server.url, REPORTS)[0] == 200


def test_the_text_check_finds_the_keywords_where_the_parser_reads_them():
    assert outbound_keyword("SELECT * { SERVICE <x> { ?s ?p ?o } }") == "SERVICE"
    assert outbound_keyword("CLEAR ALL ;\nload<http://x>") == "LOAD"
    assert outbound_keyword("SELECT * { ?s ?p 'it\\'s' SERVICE ?x {} }") == "SERVICE"
    assert outbound_keyword("SELECT * { ?s e:a\\#b ?o SERVICE ?x {} }") == "SERVICE"  # an escape starts no comment
    assert outbound_keyword('SELECT ?service ?load { <http://a/service#load> ?p "SERVICE" } # LOAD') is None
    assert outbound_keyword('SELECT * { ?s ?p """a "SERVICE" b""" }') is None


@pytest.mark.parametrize("headers", [
    {"Host": "attacker.example:7878"},
    {"Host": "127.0.0.1.attacker.example"},
    {"Origin": "http://attacker.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_foreign_host_or_origin_is_refused(store, tmp_path, headers):
    with serving(shutil.copytree(store, tmp_path / "store"), allow_update=True) as server:
        form = urlencode({"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"}).encode()
        status, _, body = request(server.url, data=form, headers=headers)
        assert status == 403 and b"refused" in body
        assert get(server.url, "ASK { <urn:a> ?p ?o }", headers=headers)[0] == 403
        assert json.loads(get(server.url, "ASK { <urn:a> ?p ?o }")[2])["boolean"] is False
        port = server.server_address[1]
        for own in (f"localhost:{port}", f"127.0.0.1:{port}"):
            same = {"Host": own, "Origin": f"http://{own}", "Sec-Fetch-Site": "same-origin"}
            assert request(server.url, data=form, headers=same)[0] == 204


def test_a_query_over_the_memory_ceiling_is_stopped_while_another_is_answered(store):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?c ?d ?f WHERE { ?a ?b ?c . ?d ?e ?f } }"
    with serving(store, workers=2, max_memory=200 << 20, timeout=300) as server:
        answers: list = []
        thread = threading.Thread(target=lambda: answers.append(get(server.url, runaway)))
        thread.start()
        while thread.is_alive():
            assert get(server.url, REPORTS)[0] == 200
        status, _, body = answers[0]
        assert status == 503 and b"more than the 200 MiB" in body
        assert get(server.url, REPORTS)[0] == 200


def test_a_client_that_stops_sending_is_cut_off(store, monkeypatch):
    monkeypatch.setattr("kg.serve._Handler.timeout", 0.5)
    with serving(store, workers=1) as server:
        host, port = server.server_address[:2]
        with socket.create_connection((host, port)) as client:
            client.sendall(b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                           b"Content-Length: 100\r\n\r\nASK {")
            client.settimeout(30)
            assert client.recv(200).startswith(b"HTTP/1.0 408")
        assert server.request_queue_size >= 128
