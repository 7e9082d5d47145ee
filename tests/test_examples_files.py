"""The example corpus is well-formed and exercises every construction the extractors handle.

These tests read the files with the standard library only, independently of kgbuild's readers,
so a reader bug cannot hide a broken example (and vice versa).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FEED_FIELDS = ("id", "date", "title", "url", "publisher", "lang", "text")
DATE_LINE = re.compile(r"date (\d{4}-\d{2}(?:-\d{2})?)")
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Example:
    id: str
    lang: str
    text: str
    origin: str
    date: str | None


def _txt_examples() -> list[Example]:
    examples = []
    for path in sorted((EXAMPLES / "articles").glob("*/*.txt")):
        first, _, rest = path.read_text(encoding="utf-8").partition("\n")
        match = DATE_LINE.fullmatch(first)
        text = rest if match else f"{first}\n{rest}"
        date = match.group(1) if match else None
        examples.append(Example(path.stem, path.parent.name, text, str(path.relative_to(EXAMPLES)), date))
    return examples


def _jsonl_records(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _csv_records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


FEEDS = {
    "feeds/wire-fr.jsonl": _jsonl_records,
    "feeds/wire-en.jsonl.gz": _jsonl_records,
    "feeds/regional.csv": _csv_records,
}


def _feed_examples() -> list[Example]:
    return [
        Example(record["id"], record["lang"], record["text"], f"{name}:{number}", record["date"])
        for name, read in FEEDS.items()
        for number, record in enumerate(read(EXAMPLES / name), start=1)
    ]


def _all_examples() -> list[Example]:
    return _txt_examples() + _feed_examples()


def test_examples_files_jsonl_records_have_feed_fields_and_an_extra_metadata_field() -> None:
    for name in ("feeds/wire-fr.jsonl", "feeds/wire-en.jsonl.gz"):
        records = _jsonl_records(EXAMPLES / name)
        assert records, name
        for record in records:
            assert set(FEED_FIELDS) <= record.keys(), (name, record.get("id"))
            assert record.keys() - set(FEED_FIELDS), f"{name}: {record['id']} has no extra metadata field"


def test_examples_files_gz_feed_is_really_gzipped() -> None:
    assert (EXAMPLES / "feeds/wire-en.jsonl.gz").read_bytes()[:2] == b"\x1f\x8b"


def test_examples_files_csv_has_exact_header_and_multiline_text() -> None:
    path = EXAMPLES / "feeds/regional.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == list(FEED_FIELDS)
    records = _csv_records(path)
    assert records
    for record in records:
        assert None not in record, f"{record['id']}: more cells than columns"
        assert all(record[field] for field in FEED_FIELDS), record["id"]
    assert any("\n" in r["text"] and "," in r["text"] for r in records)


def test_examples_files_ids_are_unique_across_files() -> None:
    ids = [example.id for example in _all_examples()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("example", _all_examples(), ids=lambda e: e.origin)
def test_examples_files_every_article_has_text_of_article_length(example: Example) -> None:
    words = len(example.text.split())
    assert 150 <= words <= 400, f"{example.origin}: {words} words"


@pytest.mark.parametrize("example", _all_examples(), ids=lambda e: e.origin)
def test_examples_files_dates_are_iso_and_languages_known(example: Example) -> None:
    assert example.lang in {"fr", "en"}
    assert example.date is None or ISO_DATE.fullmatch(example.date), example.date


def test_examples_files_cover_both_languages_and_all_date_forms() -> None:
    examples = _all_examples()
    assert sum(e.lang == "fr" for e in examples) >= 6
    assert sum(e.lang == "en" for e in examples) >= 4
    txt = _txt_examples()
    for lang in ("fr", "en"):
        assert any(e.lang == lang and e.date is None for e in txt), f"no undated {lang} txt"
        assert any(e.lang == lang and e.date for e in txt), f"no dated {lang} txt"
    assert any(e.date and len(e.date) == 7 for e in txt), "no month-only date line"


@pytest.mark.parametrize("name", ["Claire Vasseur", "Samia Benali", "Hydrelis", "Chimiral", "Port-Vénard"])
def test_examples_files_entities_recur_across_articles_and_languages(name: str) -> None:
    langs = [e.lang for e in _all_examples() if name in e.text]
    assert len(langs) >= 3
    assert set(langs) == {"fr", "en"}


# construction -> pattern; each must occur in at least one example article
SPACE = r"[ \u00a0\u202f]"
CONSTRUCTIONS = {
    "direct quote, named speaker (fr)": rf"»,{SPACE}a déclaré [A-ZÉ]\w+ [A-ZÉ]",
    "direct quote, named speaker (en)": r"[,?!]” said [A-Z]\w+\s[A-Z]",
    "indirect speech (fr)": r"\b[A-ZÉ]\w+ a (?:affirmé|assuré|indiqué|estimé|précisé) qu",
    "indirect speech (en)": r"\b(?:said|told \w+) that\b",
    "selon X": r"\b[Ss]elon (?:Le |La |l[’'])?[A-ZÉ]",
    "selon + nominal group": r"\b[Ss]elon (?:le|la|les|une?|des) \w+",
    "d'après X": r"\b[Dd][’']après (?:le |la |l[’']|un |ses )?\w+",
    "according to X": r"\b[Aa]ccording to (?:the |a |two )?\w+",
    "inverted cue (fr)": r"»,\s+a-t-(?:il|elle) \w+",
    "colon introduction": rf"[A-ZÉa-zé]{SPACE}?:{SPACE}«",
    "quote spanning sentences": rf"«{SPACE}[^»]*[.!?]{SPACE}[A-ZÉ][^»]*»|“[^”]*[.!?] [A-Z][^”]*”",
    "quote resumed after its cue": r"[»”],? (?:a déclaré|said) [^.«“]+\.\s+[«“]",
    "denial": r"\b(?:dément|démenti|nie|denied|denies)\b",
    "accusation with target": r"\baccus\w* (?:\S+ ){1,4}?d(?:e |[’'])|\baccused (?:\S+ ){1,4}?of\b",
    "source-less attribution": r"\best (?:soupçonnée?|accusée?) d|\bit is alleged\b|\bis suspected of\b",
    "anonymous source (fr)": r"sources? proches? d|source diplomatique|source judiciaire",
    "anonymous source (en)": r"source familiar with the matter|on condition of anonymity|diplomatic source",
    "reporting chain (fr)": r"[Ss]elon [^,.]+, qui cite|rapporte l[’']AFP en se référant",
    "reporting chain (en)": r"\btold Reuters\b|reported, citing",
    "hedge: prétendument": r"\bprétendu(?:ment|e?s?)\b",
    "hedge: présumé": r"\bprésumée?s?\b",
    "hedge: reporting conditional": r"\b(?:aurai|serai)(?:t|ent)\b",
    "hedge: allegedly / alleged": r"\ballege(?:dly|d)\b",
    "hedge: so-called": r"\bso-called\b",
    "pronoun speaker (fr)": r"\b(?:Il|Elle) a (?:ajouté|affirmé|précisé)",
    "pronoun speaker (en)": r"\b(?:he|she) said\b|\b(?:He|She) (?:said|added)\b",
    "nominal speaker (fr)": r"\b(?:[Ll]e|[Ll]a) (?:ministre|porte-parole|préfet)\b",
    "nominal speaker (en)": r"\bthe (?:minister|spokesman|prosecutor) said\b",
    "artefact: missing space after period": r"\b[a-zé]{3,}\.[A-ZÉ][a-zé]",
    "artefact: typographic apostrophe": r"\w’\w",
    "artefact: no-break space before » or :": r"[\u00a0\u202f][»:]",
    "artefact: narrow no-break space": "\u202f",
}


@pytest.mark.parametrize(("construction", "pattern"), CONSTRUCTIONS.items(), ids=list(CONSTRUCTIONS))
def test_examples_files_cover_construction(construction: str, pattern: str) -> None:
    regex = re.compile(pattern)
    assert any(regex.search(e.text) for e in _all_examples()), f"no example shows {construction}"


def test_examples_files_bad_feed_has_one_of_each_fault() -> None:
    lines = (EXAMPLES / "bad/wire-broken.jsonl").read_text(encoding="utf-8").splitlines()
    parsed = []
    malformed = 0
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError:
            malformed += 1
    assert malformed == 1
    without_text = [r for r in parsed if not r.get("text")]
    bad_date = [r for r in parsed if r.get("text") and not ISO_DATE.fullmatch(r.get("date", ""))]
    valid = [r for r in parsed if r.get("text") and ISO_DATE.fullmatch(r.get("date", ""))]
    assert (len(without_text), len(bad_date), len(valid)) == (1, 1, 1)


def test_examples_files_bad_feed_is_kept_out_of_the_default_corpus() -> None:
    corpus_ids = {e.id for e in _all_examples()}
    bad = (EXAMPLES / "bad/wire-broken.jsonl").read_text(encoding="utf-8")
    assert not {i for i in re.findall(r'"id": "([^"]+)"', bad)} & corpus_ids
