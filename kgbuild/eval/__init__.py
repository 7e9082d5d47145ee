"""Attribution evaluation, computed one way only: the metric of ``EVAL.md``.

:func:`evaluate` reads a gold folder (brat/PolNeAR or fr-dev, :func:`load_gold`) and scores a JSONL prediction
file or a fresh extraction with :func:`score`, giving an :class:`EvalReport`.
"""

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc, GoldIssue, load_gold
from kgbuild.eval.metric import EvalReport, Figures, score
from kgbuild.eval.run import evaluate

__all__ = [
    "EvalInputError",
    "EvalReport",
    "Figures",
    "GoldAttribution",
    "GoldDoc",
    "GoldIssue",
    "evaluate",
    "load_gold",
    "score",
]
