from pathlib import Path

import pytest

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldDoc, load_gold
from kgbuild.eval.metric import score

TEXT = (
    "The mayor said that the bridge would close. "
    "“It is unsafe,” the engineer warned, “and old.” "
    "Critics were accused of lying. "
    "Officials denied it.\n"
)


def offsets(part: str, nth: int = 0, text: str = TEXT) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return f"{start} {start + len(part)}"


def t_line(tid: str, label: str, *parts: str) -> str:
    return f"{tid}\t{label} {';'.join(offsets(p) for p in parts)}\t{' '.join(parts)}"


ANN = "\n".join(
    [
        t_line("T1", "Source", "The mayor"),
        t_line("T2", "Cue", "said"),
        t_line("T3", "Content", "that the bridge would close"),
        t_line("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t_line("T5", "Source", "the engineer"),
        t_line("T6", "Cue", "warned"),
        t_line("T7", "Content", "It is unsafe,", "and old."),
        t_line("T8", "Attribution", "warned"),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        t_line("T9", "Cue", "were accused of"),
        t_line("T10", "Discuss", "lying"),  # the E role decides, not the label
        t_line("T11", "Attribution-no-source", "were accused of"),
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        t_line("T12", "Source", "Officials"),
        t_line("T13", "Content", "it"),
        t_line("T14", "Attribution", "denied"),
        "E4\tAttribution:T14 Source:T12 Content:T13",  # no Cue: the trigger is the cue
        t_line("T15", "Attribution-no-source", "accused"),
        "E5\tAttribution-no-source:T15 ",  # no content: skipped
        "E6\tAttribution:T4 Content:T99 Cue:T2",  # missing T: skipped
        "E7\tAttribution:T4 Content:T3 Cue:T2 Source:T1",  # repeat of E1: skipped
        "#1\tAnnotatorNotes T3\tcheck this",
        t_line("T16", "Discard", "Officials denied it.") + "\nwith a text column broken over a line",
    ]
)


def write_split(root: Path, files: dict[str, str], stem: str = "huff-post_2016-09-27_a") -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
    for name, ann in files.items():
        (root / "attributions" / f"{stem}_{name}.ann").write_text(ann, encoding="utf-8")
    return root


@pytest.fixture
def gold_doc(tmp_path: Path) -> GoldDoc:
    [doc] = load_gold(write_split(tmp_path / "dev", {"4b22": ANN}))
    return doc


def test_brat_reads_events_into_attributions(gold_doc: GoldDoc) -> None:
    assert gold_doc.id == "huff-post_2016-09-27_a"
    assert gold_doc.lang == "en"
    assert gold_doc.text == TEXT
    said, warned, accused, denied = gold_doc.attributions
    assert (said.source and said.source.text, said.cue.text) == ("The mayor", "said")
    assert (accused.source, accused.cue.text, accused.content.text) == (None, "were accused of", "lying")
    assert (denied.cue.text, denied.content.text) == ("denied", "it")
    assert warned.cue.text == "warned"


def test_brat_trims_the_complementizer(gold_doc: GoldDoc) -> None:
    assert gold_doc.attributions[0].content.text == "the bridge would close"


def test_brat_keeps_discontinuous_fragments(gold_doc: GoldDoc) -> None:
    warned = gold_doc.attributions[1]
    assert [part.text for part in warned.spans("content")] == ["It is unsafe,", "and old."]
    assert warned.content.text == "It is unsafe,” the engineer warned, “and old."


@pytest.mark.parametrize(
    ("index", "type", "source_kind"),
    [
        (0, "indirect", "unknown"),
        (1, "direct", "unknown"),
        (2, "nosource", "none"),
        (3, "indirect", "unknown"),
    ],
)
def test_brat_derives_type_and_source_kind(
    gold_doc: GoldDoc, index: int, type: str, source_kind: str
) -> None:
    attribution = gold_doc.attributions[index]
    assert (attribution.type, attribution.source_kind, attribution.resolved) == (type, source_kind, None)


def test_brat_skips_unscorable_events_and_says_why(gold_doc: GoldDoc) -> None:
    kinds = sorted((issue.kind, issue.detail.split(": ")[-1]) for issue in gold_doc.issues)
    assert kinds == [
        ("bad_reference", "refers to missing T99"),
        ("duplicate", "repeats an earlier event"),
        ("incomplete", "no content"),
    ]
    assert not any(issue.counts_as_gold for issue in gold_doc.issues)


def test_brat_discontinuous_content_tokens_come_from_fragments(gold_doc: GoldDoc) -> None:
    start, end = (int(n) for n in offsets("It is unsafe,” the engineer warned, “and old.").split())
    cue_start, cue_end = (int(n) for n in offsets("warned").split())
    prediction = {
        "cue": {"start": cue_start, "end": cue_end},
        "content": {"start": start, "end": end},
        "source": {"start": cue_start - 13, "end": cue_start - 1, "resolved": None},
    }
    report = score([gold_doc], {gold_doc.id: [prediction]})
    assert report.matched == 1
    # 8 predicted tokens (It is unsafe the engineer warned and old), 5 gold ones, all 5 shared.
    assert report.overall.content_token_f1 == pytest.approx(2 * (5 / 8) * 1 / (5 / 8 + 1))
    assert report.overall.source_accuracy == 1.0


def test_brat_second_content_role_joins_the_content(tmp_path: Path) -> None:
    ann = "\n".join(
        [
            t_line("T1", "Source", "the engineer"),
            t_line("T2", "Cue", "warned"),
            t_line("T3", "Content", "It is unsafe,"),
            t_line("T4", "Content", "and old."),
            t_line("T5", "Attribution", "warned"),
            "E1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4",
        ]
    )
    [doc] = load_gold(write_split(tmp_path / "dev", {"ef2d": ann}))
    assert [part.text for part in doc.attributions[0].spans("content")] == ["It is unsafe,", "and old."]


def test_brat_doubly_annotated_uses_first_file_in_sorted_order(tmp_path: Path) -> None:
    first = "\n".join([t_line("T1", "Cue", "said"), t_line("T2", "Content", "the bridge would close")])
    first += "\nE1\tAttribution:T1 Cue:T1 Content:T2"
    second = "\n".join([t_line("T1", "Cue", "denied"), t_line("T2", "Content", "it")])
    second += "\nE1\tAttribution:T1 Cue:T1 Content:T2"
    [doc] = load_gold(write_split(tmp_path / "dev", {"d473": second, "4e07": first}))
    assert [a.cue.text for a in doc.attributions] == ["said"]


def test_brat_flat_folder_of_txt_and_ann(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "story.ann").write_text(ANN, encoding="utf-8")
    [doc] = load_gold(tmp_path)
    assert (doc.id, len(doc.attributions)) == ("story", 4)


def test_brat_offsets_index_text_with_crlf_kept(tmp_path: Path) -> None:
    text = "Intro line.\r\nThe mayor said it.\r\n"
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    ann = "\n".join(
        [
            f"T1\tCue {offsets('said', text=text)}\tsaid",
            f"T2\tContent {offsets('it', text=text)}\tit",
            "E1\tAttribution:T1 Cue:T1 Content:T2",
        ]
    )
    (tmp_path / "crlf.ann").write_text(ann, encoding="utf-8")
    [doc] = load_gold(tmp_path)
    assert doc.attributions[0].cue.text == "said"


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ("empty", "not a gold folder"),
        ("corpus root", "pick a split folder"),
        ("not a folder", "is not a folder"),
    ],
)
def test_brat_layout_errors_are_clear(tmp_path: Path, layout: str, message: str) -> None:
    path = tmp_path / "gold"
    if layout == "not a folder":
        path.write_text("x", encoding="utf-8")
    else:
        path.mkdir()
    if layout == "corpus root":
        write_split(path / "dev", {"4b22": ANN})
    with pytest.raises(EvalInputError, match=message):
        load_gold(path)


def test_brat_ann_without_text_is_an_error_when_nothing_is_left(tmp_path: Path) -> None:
    (tmp_path / "orphan.ann").write_text(ANN, encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"no brat \.ann file with a matching \.txt"):
        load_gold(tmp_path)
