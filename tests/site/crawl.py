#!/usr/bin/env python3
"""The served site as a family's phone and a search engine see it.

usage: crawl.py LOCAL_ROOT BASE_URL QR_URLS
  LOCAL_ROOT  http://127.0.0.1:PORT/ serving the site
  BASE_URL    the site's public address (the QR codes' URLs start with it)
  QR_URLS     lines "offer-id<TAB>language<TAB>url<TAB>title": every URL the kiosk can put in a QR code

Each QR URL must answer 200 with the offer's title in the page; then every page reachable from the
start page is fetched and every internal link, script, style sheet and sound must answer 200; a
resource from another host (src, stylesheet) fails the test. Prints one line per problem, exit 1.
"""
import html
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.resources = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.resources.append(attrs["href"])
        if tag in ("script", "audio", "img", "source", "iframe") and "src" in attrs:
            self.resources.append(attrs["src"])


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def main():
    root, base, qr_file = sys.argv[1], sys.argv[2].rstrip("/") + "/", sys.argv[3]
    problems = []
    checked = 0
    with open(qr_file, encoding="utf-8") as lines:
        for line in lines:
            offer, language, url, title = line.rstrip("\n").split("\t")
            if not url.startswith(base):
                problems.append(f"{offer} ({language}): the QR code holds {url}, not a page of {base}")
                continue
            status, body = fetch(root + url[len(base):])
            checked += 1
            if status != 200:
                problems.append(f"{offer} ({language}): {url} answers {status}")
            elif title not in html.unescape(body.decode("utf-8")):
                problems.append(f"{offer} ({language}): {url} does not show the title '{title}'")
    print(f"QR URLs: {checked} fetched")

    host = urllib.parse.urlsplit(root).netloc
    queue, seen, pages = [root + "index.html"], {root + "index.html"}, 0
    while queue:
        page = queue.pop()
        status, body = fetch(page)
        if status != 200:
            problems.append(f"broken link: {page} answers {status}")
            continue
        if not page.endswith(".html"):
            continue
        pages += 1
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for ref in parser.resources:
            if urllib.parse.urlsplit(urllib.parse.urljoin(page, ref)).netloc != host:
                problems.append(f"{page}: loads {ref} from another host")
        for ref in parser.links + parser.resources:
            target = urllib.parse.urljoin(page, ref).split("#")[0]
            parts = urllib.parse.urlsplit(target)
            if parts.scheme in ("http", "https") and parts.netloc == host and target not in seen:
                seen.add(target)
                queue.append(target)
    print(f"crawl: {pages} pages, {len(seen)} internal addresses")
    for problem in problems[:50]:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
