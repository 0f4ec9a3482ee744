"""Following only a page's chrome, as a resident who never touches the content
or the language switcher would: the header, the service navigation, the
breadcrumbs and the footer."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

NOT_TRANSLATED = 'id="translation-notice-title"'


@dataclass
class ChromeLink:
    href: str
    hreflang: str = ""
    text: str = ""
    marked: bool = False  # carries the visible "English only" marker
    marker_text: str = ""


@dataclass
class _Region:
    tag: str
    depth: int


class ChromeLinks(HTMLParser):
    """The links inside <header>, the service navigation, the breadcrumbs and
    <footer>, leaving out the language switcher (the one way to change
    language on purpose)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self._stack = []  # open elements: (tag, is_chrome_start, is_switcher_start)
        self._chrome = 0
        self._switcher = 0
        self._link = None
        self._in_marker = 0
        self._marker_depth = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        starts_chrome = tag in ("header", "footer") or (
            tag in ("section", "nav")
            and ("govuk-service-navigation" in classes or "govuk-breadcrumbs" in classes)
        )
        starts_switcher = tag == "nav" and "govuk-language-navigation" in classes
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self._stack.append((tag, starts_chrome, starts_switcher, "app-english-only" in classes))
        self._chrome += starts_chrome
        self._switcher += starts_switcher
        if "app-english-only" in classes:
            self._in_marker += 1
            if self._link is not None:
                self._link.marked = True
        if tag == "a" and self._chrome and not self._switcher and attrs.get("href"):
            self._link = ChromeLink(href=attrs["href"], hreflang=attrs.get("hreflang") or "")

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, starts_chrome, starts_switcher, marker = self._stack.pop()
            self._chrome -= starts_chrome
            self._switcher -= starts_switcher
            self._in_marker -= marker
            if open_tag == "a" and self._link is not None:
                self._link.text = " ".join(self._link.text.split())
                self._link.marker_text = " ".join(self._link.marker_text.split())
                self.links.append(self._link)
                self._link = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._link is not None:
            self._link.text += data
            if self._in_marker:
                self._link.marker_text += data


def chrome_links(html):
    parser = ChromeLinks()
    parser.feed(html)
    return parser.links


@dataclass
class Crawl:
    visited: dict = field(default_factory=dict)  # path -> shown in English (with the notice)
    followed: list = field(default_factory=list)  # (from path, ChromeLink, to path)


def crawl_chrome(client, start, limit=200):
    """Every page reachable from ``start`` through chrome links alone."""
    crawl = Crawl()
    queue = [start]
    while queue and len(crawl.visited) < limit:
        path = queue.pop(0)
        if path in crawl.visited:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        crawl.visited[path] = NOT_TRANSLATED in html
        for link in chrome_links(html):
            target = urlparse(urljoin(path, link.href))
            if target.scheme not in ("", "http", "https") or (
                target.netloc and target.netloc not in ("testserver", "localhost")
            ):
                continue  # tel:, mailto:, other sites
            crawl.followed.append((path, link, target.path))
            if target.path not in crawl.visited and target.path not in queue:
                queue.append(target.path)
    return crawl


def assert_stays_in_language(crawl, language, english_only):
    """Every chrome link stays under the language's prefix; a link to a page
    shown in English (not translated yet) says so with hreflang="en" and the
    visible marker, in the resident's language, and only such links do."""
    prefix = f"/{language}/"
    assert len(crawl.visited) > 3
    for source, link, target in crawl.followed:
        assert target.startswith(prefix), f"{source} links to {target} ({link.text!r})"
        in_english = crawl.visited.get(target)
        if in_english is None:
            continue
        where = f"{source} -> {target} ({link.text!r})"
        if in_english:
            assert link.hreflang == "en", where
            assert link.marked and link.marker_text == f"({english_only})", where
        else:
            assert not link.marked and link.hreflang in ("", language), where
