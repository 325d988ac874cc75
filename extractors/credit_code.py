"""统一社会信用代码 (GB 32100-2015): checksum, and the one-character OCR repair that makes it valid.

An invalid printed code is reported as printed and flagged invalid, never silently replaced: the
suggestion is offered only when exactly one OCR-confusable swap at one position fixes the checksum.
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Pairs of characters that scanners and typists read for one another. Letters outside CHARSET
# (I, O, S, V, Z) are always slips; the others only count when the swap repairs the checksum.
_PAIRS = ("0O", "0D", "0Q", "1I", "1L", "17", "7T", "2Z", "5S", "56", "6G", "68", "8B", "83", "49", "4A", "UV", "YV")
CONFUSABLE: dict[str, str] = {}
for _a, _b in map(tuple, _PAIRS):
    CONFUSABLE[_a] = CONFUSABLE.get(_a, "") + _b
    CONFUSABLE[_b] = CONFUSABLE.get(_b, "") + _a


def check_char(first17: str) -> str | None:
    """The 18th character for a 17-character body, or None if the body has a character outside the set."""
    try:
        total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    except (KeyError, ValueError):
        return None
    return CHARSET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    code = code.upper()
    return len(code) == 18 and check_char(code[:17]) == code[17]


def suggest_correction(code: str) -> str | None:
    """The unique valid code one OCR-confusable substitution away, if there is exactly one."""
    code = code.upper()
    if len(code) != 18 or is_valid(code):
        return None
    found: set[str] = set()
    for i, ch in enumerate(code):
        for alt in CONFUSABLE.get(ch, ""):
            cand = code[:i] + alt + code[i + 1 :]
            if is_valid(cand):
                found.add(cand)
    return found.pop() if len(found) == 1 else None
