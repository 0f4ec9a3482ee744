"""Text helpers for search: Chinese character pairs and highlighting."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Han ideographs (with extension A and compatibility forms). Chinese has no
# spaces between words, and neither database splits it, so both the pages and
# the query are cut into overlapping pairs of characters.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
WORD = re.compile(r"\w+", re.UNICODE)


def han_bigrams(text):
    """'單車徑' -> '單車 車徑'; single characters stand alone; other text is dropped."""
    pairs = []
    for run in HAN_RUN.findall(text or ""):
        if len(run) == 1:
            pairs.append(run)
        else:
            pairs.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(pairs)


def has_han(text):
    return bool(HAN_RUN.search(text or ""))


def highlight(text, query, limit=300):
    """The text, escaped, cut near the first match, with the query's words in <mark>."""
    text = " ".join((text or "").split())
    words = sorted({w for w in WORD.findall(query or "") if len(w) > 1}, key=len, reverse=True)
    words += [run for run in HAN_RUN.findall(query or "") if run not in words]
    if not words:
        return escape(text[:limit])
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > limit // 2:
        start = text.rfind(" ", 0, first.start() - limit // 4) + 1
    snippet = text[start : start + limit]
    prefix = "… " if start else ""
    suffix = " …" if start + limit < len(text) else ""
    parts, last = [], 0
    for match in pattern.finditer(snippet):
        parts.append(escape(snippet[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(snippet[last:]))
    # Every piece of the text is escaped above; only <mark> is added.
    return mark_safe(prefix + "".join(parts) + suffix)  # nosec B308 B703
