"""Turn a trained pipeline (``spacy train`` output, e.g. ``model-best``) into the model kgbuild ships.

A model trained with the frozen base ``tok2vec`` (``cue_ner_frozen.cfg``) is shipped without it: inside kgbuild
the base pipeline has already written those vectors to ``doc.tensor``, which the component reads. The base
pipeline's package and version are recorded in ``meta.json`` (``kgbuild_base``) so that the model is only
used next to the very vectors it was trained on. A model with its own tok2vec (``cue_ner.cfg``) is shipped as is.

    .venv/bin/python training/package_model.py /tmp/kgbuild-cue-model/frozen/model-best
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgbuild.extractors.cue_model import BASE_TOK2VEC, JOINT, SHIPPED, component_name  # noqa: E402
from kgbuild.nlp import pipeline_label  # noqa: E402


def prepared(trained: Path, lang: str = "en", name: str | None = None) -> Language:
    """The trained pipeline as kgbuild uses it: only the cue component, and its base recorded if it needs one."""
    model = spacy.load(trained)
    if BASE_TOK2VEC in model.pipe_names:
        model.remove_pipe(BASE_TOK2VEC)
        model.meta["kgbuild_base"] = pipeline_label(lang)
    keep = component_name(model)
    for pipe in model.pipe_names:
        if pipe != keep:
            model.remove_pipe(pipe)
    model.meta["name"] = (name or SHIPPED[lang][0]).removeprefix(f"{lang}_")
    model.meta["description"] = (
        "Attribution cue and source spans for kgbuild: a BIO tagger trained on PolNeAR train over the "
        "token vectors of the base pipeline. Recipe and held-out dev figures: training/README.md"
    )
    # the trainer's figures are on its own tuning data (part of the training data in the final run)
    model.meta["performance"] = {}
    return model


def _drop_base_strings(vocab: Path) -> None:
    """No copy of the base pipeline's strings and norm tables (1.4 MB): the component reads the hashed
    attributes of the base pipeline's own Doc, never a string of its own vocabulary."""
    (vocab / "strings.json").write_text("[]", encoding="utf-8")
    (vocab / "lookups.bin").unlink(missing_ok=True)


def _clean_config(path: Path) -> None:
    """No training paths from this machine, and no reference to the base tok2vec that is not shipped."""
    config = Config().from_disk(path, interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config["training"]["frozen_components"] = []
    config["training"]["annotating_components"] = []
    config.to_disk(path, interpolate=False)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("trained", type=Path, help="spacy train output folder (model-best)")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--which",
        type=int,
        default=0,
        help="which of the language's taggers this is: 0 the first of SHIPPED, then those of JOINT in order",
    )
    parser.add_argument("--out", type=Path, default=None, help="default: kgbuild/models/<shipped name>")
    args = parser.parse_args()
    name = (*SHIPPED[args.lang], *JOINT.get(args.lang, ()))[args.which]
    out = args.out or ROOT / "kgbuild" / "models" / name
    model = prepared(args.trained, args.lang, name)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.to_disk(out)
    _clean_config(out / "config.cfg")
    _drop_base_strings(out / "vocab")
    print(
        f"{out}: {folder_size(out) / 1e6:.2f} MB, pipeline {model.pipe_names}, base {model.meta.get('kgbuild_base')}"
    )


if __name__ == "__main__":
    main()
