"""One publisher is one outlet, whatever name or host its articles came with."""

from __future__ import annotations

import pytest

from claims import outlets
from claims.db import Article, open_db
from claims.ingest import store

TEXT = "At least 12 people were killed in the market, rescuers said on Monday."


@pytest.mark.parametrize("name,domain", [
    ("Reuters", None), ("ReutersIndia", None), ("Reuters_Co_Uk", None), ("reuters", None),
    (None, "uk.reuters.com"), (None, "www.reuters.com"), ("", "in.reuters.com"),
])
def test_every_spelling_of_a_known_publisher_is_one_outlet(name, domain):
    assert outlets.resolve(name, domain) == ("reuters", "Reuters")


@pytest.mark.parametrize("host,registered", [
    ("uk.reuters.com", "reuters.com"), ("www.bbc.co.uk", "bbc.co.uk"),
    ("news.example.org", "example.org"), ("example.org", "example.org"),
])
def test_registered_domain(host, registered):
    assert outlets.registered_domain(host) == registered


def test_an_unknown_name_is_its_own_outlet():
    assert outlets.resolve("The Harbour Ledger", None) == ("the-harbour-ledger",
                                                           "The Harbour Ledger")
    assert outlets.resolve(None, "news.harbour-ledger.example") == (
        "harbour-ledger.example", "harbour-ledger.example")


def test_articles_from_one_publisher_under_three_names_share_an_outlet(tmp_path):
    db = open_db(tmp_path / "claims.db")
    for n, (name, url) in enumerate([("Reuters", None), ("ReutersIndia", None),
                                     (None, "https://uk.reuters.com/article/a")]):
        store(db, Article(body=TEXT.replace("12", str(12 + n)), outlet=name, url=url,
                          external_id=str(n)))
    assert [r["id"] for r in db["outlets"].rows] == ["reuters"]
    assert db.execute("SELECT count(DISTINCT outlet_id) FROM articles").fetchone() == (1,)


def test_an_unnamed_article_joins_the_outlet_its_host_published_as(tmp_path):
    db = open_db(tmp_path / "claims.db")
    store(db, Article(body=TEXT, outlet="The Harbour Ledger",
                      url="https://www.harbour-ledger.example/a"))
    store(db, Article(body=TEXT.replace("12", "14"), url="https://harbour-ledger.example/b"))
    assert [r["id"] for r in db["outlets"].rows] == ["the-harbour-ledger"]


PAGE = """<html><head><title>Market shelling | The Harbour Ledger</title>
<link rel="canonical" href="{{site}}/2026/03/market">
<meta property="og:site_name" content="The Harbour Ledger"></head>
<body><article><h1>Market shelling</h1><p>{}</p></article></body></html>""".format(
    "At least 12 people were killed when shells hit the market on Monday, rescuers said. "
    "Another 30 were wounded and taken to the two hospitals that still work in the town. " * 2)


def test_a_page_read_from_a_file_and_from_its_url_is_one_article(tmp_path):
    import functools
    import http.server
    import threading

    (tmp_path / "site").mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(tmp_path / "site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "site" / "market.html").write_text(PAGE.replace("{site}", site))
    (tmp_path / "saved.html").write_text(PAGE.replace("{site}", site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        from claims.ingest import ingest

        db = open_db(tmp_path / "claims.db")
        url = f"{site}/market.html?utm_source=feed"
        summary = ingest(db, [str(tmp_path / "saved.html"), url])
    finally:
        server.shutdown()
    assert (summary.added, summary.unchanged) == (1, 1)
    assert [r["url"] for r in db["articles"].rows] == [f"{site}/2026/03/market"]
