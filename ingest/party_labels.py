"""Field labels of a 当事人 block, as agencies print them.

Layout uses them to join a label cell to its value cell ("名称 | 某公司" → "名称:某公司"), the
section segmenter to recognise the block, the party extractor to read it. One list, so a label added
for one is known to all: the `party_labels` of the one vocabulary (corpora/data/vocabulary.yaml),
the variants recorded from published decisions and the hand-kept rest.
"""

from __future__ import annotations

import re

from lianfa.corpora.vocabulary import FieldRole, vocabulary

__all__ = ["FieldRole", "all_labels", "field_labels", "label_regex", "labels_pattern", "name_labels"]


def name_labels() -> tuple[str, ...]:
    """Labels that name the party itself (当事人名称, 被处罚单位名称…), as printed (ASCII brackets)."""
    return tuple(x.label for x in vocabulary().party_labels.names)


def field_labels(role: FieldRole) -> tuple[str, ...]:
    return tuple(x.label for x in vocabulary().party_labels.fields.get(role, []))


def all_labels() -> tuple[str, ...]:
    labels = vocabulary().party_labels
    surveyed = name_labels() + tuple(x.label for xs in labels.fields.values() for x in xs)
    return tuple(dict.fromkeys((*labels.block, *surveyed)))


def label_regex(label: str) -> str:
    """A label as a regex that also reads it letter-spaced and with either bracket width."""
    parts = []
    for ch in label:
        if ch in "(（":
            parts.append(r"[(（]")
        elif ch in ")）":
            parts.append(r"[)）]")
        else:
            parts.append(re.escape(ch))
    return r"\s?".join(parts)


def labels_pattern() -> str:
    """A regex alternation of the labels, longest first (so 统一社会信用代码 beats 代码)."""
    return "(?:" + "|".join(re.escape(x) for x in sorted(all_labels(), key=len, reverse=True)) + ")"
