"""How well ingest.sections.segment finds the sections of generated decisions.

    .venv/bin/python bench/sections_accuracy.py [--n 150] [--seed 11] [--wrap 28] [--nfkc]

Generates `n` decisions of each style (default, and holdout: phrasings and layouts the default
style never uses), segments each text, and scores every non-space character against the section
the generator built it in. The generator's body sections map to segment()'s names:

    opening, facts -> facts       police (case returned by the police) -> facts or procedure
    evidence -> evidence          hearing -> procedure
    reasoning -> finding or basis (it holds the violated article, the quoted clause, 裁量)
    decision -> basis or decision (its intro holds 依据…第X条)
    payment, remedy -> same       header/title -> header, doc_number, parties, signature/date/footer -> signature
    heading -> the section it heads

--nfkc reads the text as a Document holds it (ingest.normalize: "，" is ",", "：" is ":").
--wrap N cuts every line into rows of N characters first (a text layer or OCR whose paragraphs
were not joined back), scoring the same characters.

Merged paragraphs (two sections in one) are scored per part; lines no section builder wrote (a
案由 line) are not scored. The generator is watched, not changed: its section builders are
wrapped to record which text each one wrote.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lianfa.corpora.generator import document as gen_doc
from lianfa.corpora.generator.writer import generate
from lianfa.corpora.gold import GoldRecord
from lianfa.ingest.normalize import normalize_with_offsets
from lianfa.ingest.sections import segment

ACCEPT = {
    "opening": {"facts"},
    "facts": {"facts"},
    "police": {"facts", "procedure"},
    "evidence": {"evidence"},
    "hearing": {"procedure"},
    "reasoning": {"finding", "basis"},
    "decision": {"basis", "decision"},
    "payment": {"payment"},
    "remedy": {"remedy"},
}
KIND = {
    "header": "header", "title": "header", "doc_number": "doc_number", "parties": "parties",
    "signature": "signature", "date": "signature", "footer": "signature",
}

_written: list[tuple[str, str]] = []


def _watch() -> None:
    for name, fn in list(gen_doc._BUILDERS.items()):
        def wrapped(rng, d, f, _name=name, _fn=fn):  # type: ignore[no-untyped-def]
            blocks = _fn(rng, d, f)
            _written.extend((_name, b.text) for b in blocks)
            return blocks

        gen_doc._BUILDERS[name] = wrapped


def _decompose(text: str, written: list[tuple[str, str]]) -> list[tuple[str, int]] | None:
    """`text` as consecutive pieces written by the builders: [(section, length)]."""
    if not text:
        return []
    for name, piece in written:
        if piece and text.startswith(piece):
            rest = _decompose(text[len(piece):], written)
            if rest is not None:
                return [(name, len(piece)), *rest]
    return None


def gold_labels(record: GoldRecord, written: list[tuple[str, str]]) -> list[set[str]] | None:
    labels: list[set[str]] = []
    pending_heading: list[int] = []
    for i, block in enumerate(record.blocks):
        if i:
            labels.append(set())  # the newline between blocks is not scored
        if block.kind in KIND:
            labels.extend({KIND[block.kind]} for _ in block.text)
            continue
        if block.kind == "heading":
            pending_heading.append(len(labels))
            labels.extend(set() for _ in block.text)
            continue
        parts = _decompose(block.text, written)
        start = len(labels)
        if parts is None:
            # a line no section builder wrote (a 案由 line): not scored
            labels.extend(set() for _ in block.text)
            pending_heading = []
            continue
        for name, n in parts:
            labels.extend(set(ACCEPT[name]) for _ in range(n))
        for h in pending_heading:
            # a heading belongs to the section it opens
            for j in range(h, start):
                if j < len(labels) and not labels[j] and record.text[j].strip():
                    labels[j] = set(labels[start])
        pending_heading = []
    return labels


def wrap(text: str, labels: list[set[str]], width: int) -> tuple[str, list[set[str]]]:
    """Insert a newline every `width` characters of each line; the newlines are not scored."""
    out_text: list[str] = []
    out_labels: list[set[str]] = []
    column = 0
    for ch, lab in zip(text, labels, strict=True):
        if ch == "\n":
            column = 0
        elif column == width:
            out_text.append("\n")
            out_labels.append(set())
            column = 0
        if ch != "\n":
            column += 1
        out_text.append(ch)
        out_labels.append(lab)
    return "".join(out_text), out_labels


def score(style: str, n: int, seed: int, width: int | None, nfkc: bool) -> None:
    total = right = 0
    by_gold: Counter[str] = Counter()
    by_gold_right: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    skipped = 0
    records = generate(n, seed, style)  # type: ignore[arg-type]
    while True:
        _written.clear()
        try:
            record = next(records)
        except StopIteration:
            break
        labels = gold_labels(record, list(_written))
        if labels is None or len(labels) != len(record.text):
            skipped += 1
            continue
        text = record.text
        if nfkc:
            text, origin = normalize_with_offsets(text)
            labels = [labels[o] for o in origin]
        if width:
            text, labels = wrap(text, labels, width)
        predicted = [""] * len(text)
        for s in segment(text):
            for k in range(s.start, s.end):
                predicted[k] = s.name
        for ch, gold, got in zip(text, labels, predicted, strict=True):
            if not gold or not ch.strip():
                continue
            key = "/".join(sorted(gold))
            total += 1
            by_gold[key] += 1
            if got in gold:
                right += 1
                by_gold_right[key] += 1
            else:
                confusion[(key, got)] += 1
    print(f"style={style} wrap={width} nfkc={nfkc} decisions={n - skipped} (unscored {skipped}) characters={total}")
    print(f"  character accuracy {right / max(total, 1):.3f}")
    for key, count in sorted(by_gold.items(), key=lambda kv: -kv[1]):
        print(f"    {key:18s} {by_gold_right[key] / count:.3f}  ({count} chars)")
    print("  most confused (gold -> got: chars):", ", ".join(f"{g}->{p}: {c}" for (g, p), c in confusion.most_common(6)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--wrap", type=int, default=None, help="cut lines into rows of this many characters")
    ap.add_argument("--nfkc", action="store_true", help="normalise the text first, as a Document does")
    args = ap.parse_args()
    _watch()
    for style in ("default", "holdout"):
        score(style, args.n, args.seed, args.wrap, args.nfkc)


if __name__ == "__main__":
    main()
