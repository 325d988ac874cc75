"""身份证号 never leave lianfa whole: every output (fields, evidence quotes, full text) is masked."""

from __future__ import annotations

import re

# An 18-character resident ID: region, birth date 19xx/20xx, sequence, check digit (space-tolerant).
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(?P<id>[1-9]\d{5}\s?(?:19|20)\d{2}\s?(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?\d{3}[\dXx])(?![0-9A-Za-z])"
)

# An ID the agency masked its own way, still showing the birth date (460100197405******).
_PART_MASKED_ID = re.compile(
    r"(?<![0-9A-Za-z*])(?P<id>\d{6}(?=[\d*]{11}[\dXx*](?![0-9A-Za-z*]))[\d*]{11}[\dXx*])"
)

_OLD_ID = re.compile(r"(?P<label>身份证(?:件)?(?:号码|号)?\s*[:：]?\s*)(?P<id>\d{15})(?!\d)")


def mask_id_number(number: str) -> str:
    """Keep the region (6) and the last 4 characters, hide the birth date and sequence."""
    digits = re.sub(r"\s", "", number).upper()
    if len(digits) <= 10:
        return "*" * len(digits)
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def mask_text(text: str) -> str:
    """`text` with every resident ID number masked, same length so offsets stay valid."""

    def repl(m: re.Match[str]) -> str:
        raw = m.group("id")
        body = [c for c in raw]
        idx = [i for i, c in enumerate(body) if not c.isspace()]
        for i in idx[6:-4]:
            body[i] = "*"
        return "".join(body)

    text = ID_NUMBER.sub(repl, text)
    text = _PART_MASKED_ID.sub(lambda m: repl(m) if "*" in m.group("id") else m.group(0), text)
    # the old 15-digit ID only where it is labelled: unlabelled 15-digit runs are 注册号
    return _OLD_ID.sub(lambda m: m.group("label") + mask_id_number(m.group("id")), text)
