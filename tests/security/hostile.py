"""Hostile input for the site: values a tester (or a confused browser, or a
pasted document) sends, a small crawler that finds every address and form a
resident or officer can reach, and the check that none of them answers 500."""

import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

from hypothesis import strategies as st

# Values chosen by hand: each has broken a web form somewhere.
HOSTILE = [
    "",
    " ",
    "\x00",
    "topic\x00",
    "\x00" * 3 + "<script>",
    "\r\nBcc: victim@example.org",
    "Subject\nX-Injected: yes",
    "²",
    "①",
    "٣",
    "５",
    "9" * 5000,
    "-1",
    "0",
    "1e309",
    "NaN",
    "-inf",
    "0x1F",
    "1.5",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "{{ request }}{% debug %}",
    "../../../../etc/passwd",
    "%00%ff%fe",
    "\u202eevil\u202c",
    "\ufeff\u200b\u200d",
    "Z\u0351\u0364\u0353\u0330" * 40,
    "我們的社區策略" * 40,
    "اردو" * 300,
    "🙂" * 500,
    "x" * 70000,
    "a@b",
    "x" * 300 + "@example.org",
    "\ud7ff",
]

# Tried on every parameter of every page; the others in turn, a few at a time.
ALWAYS = ["\x00", "9" * 5000, "²", "\r\nBcc: victim@example.org", "我們的社區策略" * 40]


def some_hostile(rng, count=2):
    """The values every parameter gets, and ``count`` more of the rest."""
    rest = [value for value in HOSTILE if value not in ALWAYS]
    return ALWAYS + rng.sample(rest, count)


# Raw query strings the test client would otherwise encode for us.
RAW_QUERIES = [
    "%00",
    "a=%00",
    "%ff%fe=%c0%af",
    "q=%ED%A0%80",
    "page=%F0%9F%99%82",
    "=",
    "&&&",
    "a" * 5000 + "=1",
]

# Text Hypothesis draws: any character a browser can send (no surrogates).
any_text = st.text(st.characters(codec="utf-8"), max_size=400)
hostile_text = st.one_of(any_text, st.sampled_from(HOSTILE))


@dataclass
class Form:
    url: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> list of example values


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append(
                Form(attrs.get("action") or "", (attrs.get("method") or "get").lower())
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            self.forms[-1].fields.setdefault(attrs["name"], []).append(attrs.get("value") or "")


def parse(base_url, html):
    parser = PageParser()
    parser.feed(html)
    links = [urldefrag(urljoin(base_url, href))[0] for href in parser.links]
    for form in parser.forms:
        form.url = urljoin(base_url, form.url) if form.url else base_url
    return links, parser.forms


@dataclass
class Failure:
    method: str
    url: str
    data: object
    error: str

    def __str__(self):
        return f"{self.method} {self.url} {self.data!r:.200}: {self.error}"


class Prober:
    """Sends requests through the Django test client and keeps every one that
    failed with a server error (a 500, or an exception the site let out)."""

    def __init__(self, client):
        self.client = client
        self.failures = []
        self.count = 0

    def request(self, method, url, data=None, **extra):
        self.count += 1
        if os.environ.get("HOSTILE_PROGRESS") and self.count % 100 == 0:
            sys.stderr.write(f"{self.count} {method} {url[:100]} {time.monotonic():.1f}\n")
        try:
            if method == "get":
                response = self.client.get(url, data, **extra)
            else:
                response = self.client.post(url, data or {}, **extra)
        except Exception as error:  # noqa: BLE001 - the failure is what we record
            self.failures.append(
                Failure(method, url, data, f"{type(error).__name__}: {error}"[:300])
            )
            if os.environ.get("HOSTILE_PROGRESS"):
                sys.stderr.write(f"FAILED {self.failures[-1]}\n")
            return None
        if response.status_code >= 500:
            self.failures.append(Failure(method, url, data, f"HTTP {response.status_code}"))
        return response

    def get(self, url, data=None, **extra):
        return self.request("get", url, data, **extra)

    def post(self, url, data=None, **extra):
        return self.request("post", url, data, **extra)


SKIP = re.compile(r"^/(media|static|documents)/|\.(png|jpe?g|svg|webp|gif|pdf|xlsx|ods)$")
# English, Polish and Urdu (right to left) stand for the seven languages: the
# other prefixes serve the same views.
OTHER_LANGUAGES = re.compile(r"^/(gu|pa|bn|zh-hant)/")


def crawl(prober, start, prefix="/", limit=200):
    """Follow links from ``start`` that stay under ``prefix`` on this site;
    returns {url: forms on it}. Exports and files are not followed."""
    seen, queue, found = set(), [start], {}
    while queue and len(found) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = prober.get(url)
        if response is None or response.status_code != 200:
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        links, forms = parse("http://testserver" + url, response.content.decode())
        found[url] = forms
        for link in links:
            parts = urlsplit(link)
            if parts.netloc not in ("", "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                path.startswith(prefix)
                and not SKIP.search(parts.path)
                and not OTHER_LANGUAGES.match(parts.path)
                and path not in seen
            ):
                queue.append(path)
    return found


def query_parameters(url, forms):
    """The names a page reads from its query string: its GET forms' fields and
    the parameters its own links carry, with a name nobody expects."""
    names = {"q", "page", "p", "return", "unexpected"}
    for form in forms:
        if form.method == "get":
            names.update(form.fields)
    if "?" in url:
        names.update(re.findall(r"([^?&=]+)=", url.split("?", 1)[1]))
    return sorted(names)


def hostile_posts(form, values, rng):
    """Each field of the form filled with a hostile value in turn (the other
    fields with what the page offered), then every field hostile at once."""
    base = {name: examples[0] for name, examples in form.fields.items()}
    for name in form.fields:
        if name == "csrfmiddlewaretoken":
            continue
        yield {**base, name: rng.choice(values)}
    yield {
        name: (value if name == "csrfmiddlewaretoken" else rng.choice(values))
        for name, value in base.items()
    }


def path_of(url):
    parts = urlsplit(url)
    return parts.path


def with_query(url, params):
    return path_of(url) + "?" + urlencode(params)


def seeded(seed=15):
    return random.Random(seed)
