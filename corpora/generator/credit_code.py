"""统一社会信用代码 (GB 32100-2015), its embedded 组织机构代码 (GB 11714), the old 15-digit 工商注册号
(GB/T 15425 / ISO 7064 MOD 11,10) and masked 身份证号.

Invalid codes are made the way they occur on real pages: one character misread or mistyped
(0→O, 1→I, 5→S, 8→B, 2→Z, transposed neighbours), so the printed code still looks like a code.
"""

from __future__ import annotations

import random

CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, Z, S, V
_VALUE = {c: i for i, c in enumerate(CODE_CHARS)}
_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

# What a scanner or a typist turns each character into.
CONFUSABLE: dict[str, tuple[str, ...]] = {
    "0": ("O", "D", "Q"),
    "1": ("I", "7", "L"),
    "2": ("Z",),
    "5": ("S", "6"),
    "6": ("G", "5", "8"),
    "8": ("B", "3"),
    "B": ("8",),
    "D": ("0",),
    "G": ("6",),
    "Q": ("0",),
    "U": ("V",),
    "Y": ("V",),
    "7": ("1", "T"),
    "3": ("8",),
    "9": ("4",),
    "4": ("9", "A"),
}


def checksum_char(body17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(body17, _WEIGHTS, strict=True))
    return CODE_CHARS[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when `code` is 18 characters from the GB 32100 set and its check character matches."""
    code = code.strip().upper()
    if len(code) != 18 or any(c not in _VALUE for c in code):
        return False
    return checksum_char(code[:17]) == code[17]


def _org_value(c: str) -> int:
    # GB 11714 values letters A..Z as 10..35
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def _org_check(body8: str) -> str:
    total = sum(_org_value(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def make_credit_code(rng: random.Random, region_code: str, kind: str) -> str:
    """A valid code for a party of `kind` (organisation / individual_business) registered in region."""
    authority = "9"
    category = "2" if kind == "individual_business" else rng.choice("1111113")
    if kind == "individual_business":
        org_body = "".join(rng.choice("0123456789") for _ in range(2)) + "".join(
            rng.choice(CODE_CHARS) for _ in range(6)
        )
        org_body = "L" + org_body[1:] if rng.random() < 0.5 else org_body
    else:
        org_body = rng.choice("MA0123567") + "".join(rng.choice(CODE_CHARS) for _ in range(7))
    org = org_body + _org_check(org_body)
    body = authority + category + region_code[:6] + org
    return body + checksum_char(body)


def corrupt_code(rng: random.Random, code: str) -> str:
    """One confusable substitution or a transposition that breaks the checksum."""
    for _ in range(50):
        chars = list(code)
        if rng.random() < 0.8:
            positions = [i for i, c in enumerate(chars) if c in CONFUSABLE]
            if not positions:
                continue
            i = rng.choice(positions)
            chars[i] = rng.choice(CONFUSABLE[chars[i]])
        else:
            i = rng.randrange(2, 17)
            if chars[i] == chars[i + 1]:
                continue
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        candidate = "".join(chars)
        if not is_valid_credit_code(candidate):
            return candidate
    raise RuntimeError(f"could not corrupt credit code {code}")


def make_registration_no(rng: random.Random, region_code: str) -> str:
    """15-digit 工商注册号 with its ISO 7064 MOD 11,10 check digit."""
    body = region_code[:6] + "".join(rng.choice("0123456789") for _ in range(8))
    p = 10
    for d in body:
        s = (p % 11) + int(d)
        p = ((s % 10) or 10) * 2
    check = next(a for a in range(10) if ((p % 11) + a) % 10 == 1)
    return body + str(check)


def mask_id_number(rng: random.Random, region_code: str, mask_style: str) -> str:
    """A masked 身份证号 as agencies publish it (e.g. 3301**********1234)."""
    birth = f"{rng.randint(1955, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tail = f"{rng.randint(0, 999):03d}" + rng.choice("0123456789X")
    full = region_code[:6] + birth + tail
    if mask_style == "keep4":
        return full[:4] + "*" * 10 + full[-4:]
    if mask_style == "keep6":
        return full[:6] + "*" * 8 + full[-4:]
    if mask_style == "keep3":
        return full[:3] + "*" * 11 + full[-4:]
    return full[:1] + "*" * 16 + full[-1:]
