from __future__ import annotations

import pytest

from lianfa.ingest.config import get_settings
from lianfa.ingest.tokenize import build_tokenizer, get_tokenizer, tokenizable, tokenize, tokens_with_offsets

TEXT = "当事人违反了食品安全法实施条例，统一社会信用代码为91330106MA2B3C4D5E。"


@pytest.fixture(scope="module")
def small_dict_tokenizer(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("jieba")
    return build_tokenizer(["食品安全法实施条例", "统一社会信用代码", "两法衔接"], root / "cache"), root


def test_user_dictionary_keeps_legal_terms_whole(small_dict_tokenizer) -> None:
    tk, root = small_dict_tokenizer
    plain = build_tokenizer([], root / "cache")
    words = tokenize(TEXT, tk)
    assert "食品安全法实施条例" in words and "统一社会信用代码" in words
    assert "两法衔接" in tokenize("做好两法衔接工作", tk)
    # without the dictionary jieba cuts them up: the dictionary is what makes the difference
    assert "食品安全法实施条例" not in tokenize(TEXT, plain)
    assert "两法衔接" not in tokenize("做好两法衔接工作", plain)


def test_offsets_point_into_the_text(small_dict_tokenizer) -> None:
    tk, _ = small_dict_tokenizer
    text = "依据 《产品质量法》第四十九条，罚款 12,000 元。"
    toks = tokens_with_offsets(text, tk)
    assert all(text[a:b] == w for w, a, b in toks)
    assert all(w.strip() for w, _, _ in toks)
    assert "".join(w for w, _, _ in toks) == text.replace(" ", "")
    assert [a for _, a, _ in toks] == sorted(a for _, a, _ in toks)


def test_prefix_cache_is_written_to_the_given_directory(small_dict_tokenizer) -> None:
    _, root = small_dict_tokenizer
    assert any(p.name.startswith("jieba") for p in (root / "cache").iterdir())


def test_process_tokenizer_is_built_once_with_the_project_words() -> None:
    from lianfa.corpora.laws import jieba_words

    tk = get_tokenizer()
    assert get_tokenizer() is tk
    cache = get_settings().data_dir / "cache" / "jieba"
    assert any(cache.iterdir())
    assert tokenize("") == []
    # every multi-character project word survives as one token inside a sentence
    words = [w for w in jieba_words() if tokenizable(w)]
    assert len(words) > 0.9 * len(jieba_words())
    cut = [w for w in words if w not in tokenize(f"依据{w}的规定", tk)]
    assert cut == []
