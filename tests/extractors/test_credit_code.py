"""GB 32100-2015 checksum agrees with the corpus generator's independent implementation, and the
one-character OCR repair is offered only when it is unambiguous."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from lianfa.corpora.generator import credit_code as reference
from lianfa.extractors.credit_code import CHARSET, check_char, is_valid, suggest_correction

_code = st.text(alphabet=CHARSET, min_size=18, max_size=18)


@settings(max_examples=400, deadline=None)
@given(code=_code)
def test_checksum_agrees_with_reference(code: str) -> None:
    assert is_valid(code) == reference.is_valid_credit_code(code)


@settings(max_examples=200, deadline=None)
@given(body=st.text(alphabet=CHARSET, min_size=17, max_size=17))
def test_check_char_makes_a_code_the_reference_accepts(body: str) -> None:
    char = check_char(body)
    assert char is not None
    assert reference.is_valid_credit_code(body + char)


@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["organisation", "individual_business"]))
@settings(max_examples=100, deadline=None)
def test_repair_of_one_confusable_character(seed: int, kind: str) -> None:
    rng = random.Random(seed)
    code = reference.make_credit_code(rng, "330106", kind)
    assert is_valid(code)
    pos = rng.randrange(18)
    swaps = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B"}
    if code[pos] not in swaps:
        return
    printed = code[:pos] + swaps[code[pos]] + code[pos + 1 :]
    assert not is_valid(printed)
    suggestion = suggest_correction(printed)
    # I, O, Z, S are outside the code set, so the only repair is the original character; B is in
    # the set, so another position could also fix the sum: then no suggestion, never a wrong one.
    assert suggestion == code or (suggestion is None and swaps[code[pos]] == "B")


def test_known_codes() -> None:
    assert is_valid("91350100M000100Y43")
    assert not is_valid("91350100M000100Y44")
    assert not is_valid("91350100M000100Y4")  # 17 characters
    assert suggest_correction("9135O100M000100Y43") == "91350100M000100Y43"
    assert suggest_correction("91350100M000100Y43") is None  # already valid
