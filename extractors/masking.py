"""身份证号 never leave lianfa whole: every output (fields, evidence quotes, full text, file names,
reviewers' text, the audit log, exports and letters) goes through `mask_text` / `mask_value`.

An 18-character resident ID is matched however it is written: whole, or split by spaces, hyphens
or dashes of any width, dots, middle dots, underscores or slashes between any two characters
(`110105-19491231-0048`, `1101 0519 4912 3100 48`), in ASCII or full-width digits. The region (6)
and the last 4 characters stay; the birth date and sequence become `*`, one for one, so offsets
into the text stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

_SEP = r"[\s\-\u2010-\u2015\u2212\uff0d.\uff0e\u00b7\u30fb\uff65_/\uff3f\uff0f]"
_CHECK = r"[\dXx\uff38\uff58]"
# Digits with at most one separator between any two: 17 digits and the check character.
ID_NUMBER = re.compile(rf"(?<![0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])(?P<id>\d(?:{_SEP}?\d){{16}}{_SEP}?{_CHECK})"
                       r"(?![0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])")

# An ID the agency masked its own way, still showing the birth date (460100197405******).
_PART_MASKED_ID = re.compile(
    r"(?<![0-9A-Za-z*])(?P<id>\d{6}(?=[\d*]{11}[\dXx*](?![0-9A-Za-z*]))[\d*]{11}[\dXx*])"
)

_OLD_ID = re.compile(r"(?P<label>身份证(?:件)?(?:号码|号)?\s*[:：]?\s*)(?P<id>\d{15})(?!\d)")

_DIGEST = re.compile(r"[0-9a-f]{64}")

T = TypeVar("T")


def _plain(ch: str) -> str:
    """A full-width digit or X as its ASCII self."""
    if ch.isdigit():
        return str(unicodedata.digit(ch))
    return unicodedata.normalize("NFKC", ch).upper()


def _is_resident_id(chars: list[str]) -> bool:
    """The 18 characters have an ID's shape: region not starting with 0, a birth date in 19xx/20xx."""
    s = "".join(_plain(c) for c in chars)
    month, day = int(s[10:12]), int(s[12:14])
    return s[0] != "0" and s[6:8] in ("19", "20") and 1 <= month <= 12 and 1 <= day <= 31


def mask_id_number(number: str) -> str:
    """Keep the region (6) and the last 4 characters, hide the birth date and sequence."""
    digits = "".join(_plain(c) if c != "*" else c for c in number if c.isalnum() or c == "*")
    if len(digits) <= 10:
        return "*" * len(digits)
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def _mask_match(m: re.Match[str], check: bool) -> str:
    body = list(m.group("id"))
    idx = [i for i, c in enumerate(body) if c.isalnum() or c == "*"]
    if check and not _is_resident_id([body[i] for i in idx]):
        return m.group(0)
    for i in idx[6:-4]:
        body[i] = "*"
    return "".join(body)


def _mask_ids(text: str) -> str:
    # Not re.sub: a run that is not an ID (`1-110105-19491231-0048` read from its first digit) must
    # not hide the ID that starts one character later.
    out: list[str] = []
    pos = done = 0
    while (m := ID_NUMBER.search(text, pos)) is not None:
        masked = _mask_match(m, check=True)
        if masked == m.group(0):
            pos = m.start() + 1
            continue
        out.append(text[done : m.start()])
        out.append(masked)
        pos = done = m.end()
    out.append(text[done:])
    return "".join(out)


def mask_text(text: str) -> str:
    """`text` with every resident ID number masked, same length so offsets stay valid."""
    text = _mask_ids(text)
    text = _PART_MASKED_ID.sub(lambda m: _mask_match(m, check=False) if "*" in m.group("id") else m.group(0), text)
    # the old 15-digit ID only where it is labelled: unlabelled 15-digit runs are 注册号
    return _OLD_ID.sub(lambda m: m.group("label") + mask_id_number(m.group("id")), text)


def mask_value(value: T) -> T:
    """`value` with `mask_text` applied to every string inside it (dicts, lists, tuples; keys too).
    SHA-256 digests are left whole: a run of their digits can look like an ID, and they name files."""
    if isinstance(value, str):
        return value if _DIGEST.fullmatch(value) else mask_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {mask_value(k): mask_value(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, (list, tuple)):
        return type(value)(mask_value(v) for v in value)
    return value
