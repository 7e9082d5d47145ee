"""PolNeAR brat gold -> spaCy DocBin files for training the attribution cue model (see training/README.md).

Each article becomes one Doc tokenized by the English pipeline's own tokenizer (so the trained component sees
exactly the tokens it will see inside kgbuild), with entity-style spans CUE and SOURCE (and CONTENT with
``--content``), and the same spans as BIO tags (``B-CUE``, ``I-CUE``, ..., ``O``) in ``token.tag_``. Spans come from :func:`kgbuild.eval.gold.load_gold`, so they are the same spans the metric scores.
A gold fragment that does not fall on token boundaries is widened to the tokens it touches; where two spans
then share a token, the one with the higher priority (CUE, then SOURCE, then CONTENT) is kept and the other is
dropped and counted.

``train`` is split by publication date: the latest ``--tune`` articles (month 10, nearest to the dev months)
become the tuning set spaCy uses for early stopping; the rest is training data. ``polnear/dev`` is never
written here: it stays held out for ``training/evaluate_cue_model.py``.

    .venv/bin/python training/convert_polnear.py --out /tmp/kgbuild-cue-model/data
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgbuild.eval.gold import GoldDoc, load_gold  # noqa: E402
from kgbuild.nlp import model_name  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear"
ROLES = {"cue": "CUE", "source": "SOURCE", "content": "CONTENT"}


def gold_spans(nlp: Language, gold: GoldDoc, roles: tuple[str, ...], stats: Counter[str]) -> Doc:
    """The article tokenized, its attribution spans set as entities (conflicts dropped and counted)."""
    doc = nlp.make_doc(gold.text)
    wanted: list[tuple[int, Span]] = []
    for attribution in gold.attributions:
        for priority, role in enumerate(roles):
            for fragment in attribution.spans(role):  # type: ignore[arg-type]
                start, end = _strip(gold.text, fragment.start, fragment.end)
                if start >= end:
                    stats[f"empty {role}"] += 1
                    continue
                span = doc.char_span(start, end, label=ROLES[role], alignment_mode="expand")
                if span is None:
                    stats[f"unaligned {role}"] += 1
                    continue
                if span.start_char != start or span.end_char != end:
                    stats[f"widened {role}"] += 1
                wanted.append((priority, span))
    taken = [False] * len(doc)
    kept: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    for _, span in sorted(wanted, key=lambda item: (item[0], item[1].start)):
        key = (span.start, span.end, span.label_)
        if key in seen:  # one source (or cue) shared by several attributions: "X said P and added Q"
            stats[f"shared {span.label_}"] += 1
            continue
        seen.add(key)
        if any(taken[span.start : span.end]):
            stats[f"conflict dropped {span.label_}"] += 1
            continue
        taken[span.start : span.end] = [True] * len(span)
        kept.append(span)
        stats[f"kept {span.label_}"] += 1
    doc.set_ents(sorted(kept, key=lambda s: s.start), default="outside")
    # The same spans as BIO tags, for the tagger variant (cue_tagger.cfg).
    for token in doc:
        token.tag_ = "O"
    for span in kept:
        for i, token in enumerate(span):
            token.tag_ = f"{'B' if i == 0 else 'I'}-{span.label_}"
    return doc


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def publication_key(doc_id: str) -> tuple[str, str]:
    """PolNeAR ids are ``<publisher>_<YYYY-MM-DD>_<slug>``: sort by date, then id."""
    parts = doc_id.split("_")
    return (parts[1] if len(parts) > 2 else "", doc_id)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--polnear", type=Path, default=POLNEAR, help="PolNeAR folder holding train/ and dev/"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for train.spacy and tune.spacy")
    parser.add_argument("--tune", type=int, default=84, help="latest train articles kept for early stopping")
    parser.add_argument("--content", action="store_true", help="also label CONTENT spans")
    args = parser.parse_args()

    nlp = spacy.load(model_name("en"))  # only its tokenizer is used
    roles = ("cue", "source", "content") if args.content else ("cue", "source")
    gold = sorted(load_gold(args.polnear / "train"), key=lambda g: publication_key(g.id))
    split = {
        "train": gold[: -args.tune] if args.tune else gold,
        "tune": gold[-args.tune :] if args.tune else [],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, docs in split.items():
        stats: Counter[str] = Counter()
        bin_ = DocBin(attrs=["ORTH", "TAG", "ENT_IOB", "ENT_TYPE", "SPACY"], store_user_data=False)
        for item in docs:
            bin_.add(gold_spans(nlp, item, roles, stats))
        bin_.to_disk(args.out / f"{name}.spacy")
        first, last = (publication_key(docs[0].id)[0], publication_key(docs[-1].id)[0]) if docs else ("", "")
        print(f"{name}: {len(docs)} articles ({first} .. {last}) -> {args.out / f'{name}.spacy'}")
        for key, count in sorted(stats.items()):
            print(f"  {key}: {count}")


if __name__ == "__main__":
    main()
