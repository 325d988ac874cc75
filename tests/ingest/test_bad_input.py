"""Every kind of bad upload gives one line naming the file and the reason, and the batch goes on.

Fixtures: tests/fixtures/bad/ (made by tests/fixtures/bad/make.py); the over-size file is a sparse
file made here.
"""

from __future__ import annotations

import pytest
from ingest_inputs import BAD, text_pdf

from lianfa.ingest.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedPdf,
    TooLarge,
    UnsafeArchive,
    UnsupportedType,
)
from lianfa.ingest.intake import source_from_path
from lianfa.ingest.pipeline import ingest_file, ingest_many, ingest_path

# fixture → (what the one-line error says, the member the error names inside an archive)
EXPECTED_ERRORS = {
    "empty.pdf": ("empty file", ""),
    "truncated.pdf": ("damaged PDF", ""),
    "encrypted_user.pdf": ("password-protected", ""),
    "html.png": ("web page", ""),
    "huge_header.png": ("too many pixels", ""),
    "bomb.zip": ("zip bomb", "/report.txt"),
    "traversal.zip": ("climbs out", "/../../outside.txt"),
    "absolute.zip": ("absolute path", "//tmp/lianfa-absolute.txt"),
    "symlink.zip": ("symbolic link", "/passwd.txt"),
    "nested_deep.zip": ("nested deeper than 2", "/level2.zip/level3.zip"),
    "unsupported.docx": ("Word document", ""),
}
READABLE = {"broken_xref.pdf", "encrypted_owner.pdf", "gbk_names.zip"}


@pytest.fixture
def oversize(tmp_path, settings):
    path = tmp_path / "巨大扫描件.pdf"
    with path.open("wb") as fh:
        fh.truncate(settings.max_file_bytes + 1)  # sparse: nothing is written to the disk
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_each_bad_file_gives_one_error_line(name: str, settings) -> None:
    words, member = EXPECTED_ERRORS[name]
    (result,) = ingest_path(BAD / name, settings)
    assert result.status == "error" and result.document is None
    assert result.file == f"{BAD / name}{member}"
    assert result.error.startswith(f"{result.file}: ") and words in result.error
    assert "\n" not in result.error


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.pdf", EmptyFile),
        ("html.png", UnsupportedType),
        ("unsupported.docx", UnsupportedType),
    ],
)
def test_intake_raises_the_matching_error_class(name: str, error: type, settings) -> None:
    with pytest.raises(error):
        source_from_path(BAD / name, settings)


def test_error_classes_behind_the_messages(settings) -> None:
    from lianfa.ingest.archive import expand_zip
    from lianfa.ingest.image import iter_image_pages
    from lianfa.ingest.pdf import iter_pdf_pages

    with pytest.raises(CorruptFile):
        list(iter_pdf_pages(source_from_path(BAD / "truncated.pdf", settings), settings))
    with pytest.raises(EncryptedPdf):
        list(iter_pdf_pages(source_from_path(BAD / "encrypted_user.pdf", settings), settings))
    with pytest.raises(TooLarge):
        list(iter_image_pages(source_from_path(BAD / "huge_header.png", settings), settings))
    for name in ("bomb.zip", "traversal.zip", "absolute.zip", "symlink.zip", "nested_deep.zip"):
        (refused,) = expand_zip(source_from_path(BAD / name, settings), settings)
        assert isinstance(refused, UnsafeArchive), name


def test_oversize_file_is_refused_without_reading_it(oversize, settings) -> None:
    result = ingest_file(oversize, settings)
    assert result.status == "error" and result.sha256 is None
    assert result.error.startswith(f"{oversize}: ") and "too large" in result.error


def test_readable_oddities(settings) -> None:
    # a broken xref is rebuilt by the parser; an owner password alone does not stop reading
    for name in ("broken_xref.pdf", "encrypted_owner.pdf"):
        result = ingest_file(BAD / name, settings)
        assert result.status == "ok" and "行政处罚决定书" in result.document.text, name
    (member,) = ingest_path(BAD / "gbk_names.zip", settings)
    assert member.file.endswith("gbk_names.zip/处罚决定书.txt") and member.status == "ok"


def test_a_batch_of_every_bad_file_and_one_good_file(tmp_path, oversize, settings) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf())
    bad = [BAD / name for name in sorted(EXPECTED_ERRORS)] + [oversize]
    paths = bad[:5] + [good] + bad[5:]
    results = list(ingest_many(paths, settings))

    assert len(results) == len(bad) + 1
    by_file = {r.file: r for r in results}
    ok = by_file.pop(str(good))
    assert ok.status == "ok" and "行政处罚决定书" in ok.document.text
    assert ok.document.text_source == "text_layer"
    assert all(r.status == "error" and r.document is None for r in by_file.values())
    # one error per bad file, each naming it
    for path in bad:
        assert sum(1 for f in by_file if f.startswith(str(path))) == 1, path
