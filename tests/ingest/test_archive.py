from __future__ import annotations

import io
import zipfile

import pytest
from ingest_inputs import BAD, DECISION, make, text_pdf

from lianfa.ingest.archive import ZipBudget, expand_zip, member_name, unsafe_reason
from lianfa.ingest.errors import CorruptFile, EmptyFile, IngestError, TooLarge, UnsafeArchive, UnsupportedType
from lianfa.ingest.intake import Source, source_from_bytes, source_from_path


def _zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def _expand(data: bytes, settings, name: str = "batch.zip") -> list[Source | IngestError]:
    return list(expand_zip(source_from_bytes(data, name, settings), settings))


def _names(items: list[Source | IngestError]) -> list[tuple[str, str]]:
    return [(i.file, type(i).__name__) if isinstance(i, IngestError) else (i.name, i.kind) for i in items]


def test_members_are_named_under_the_archive_and_identified(settings) -> None:
    items = _expand(
        _zip([("2023/决定书一.pdf", text_pdf()), ("notes.txt", DECISION.encode("gb18030"))]), settings
    )
    assert _names(items) == [("batch.zip/2023/决定书一.pdf", "pdf"), ("batch.zip/notes.txt", "text")]
    assert all(isinstance(i, Source) and i.depth == 1 for i in items)


def test_os_junk_is_skipped(settings) -> None:
    items = _expand(
        _zip(
            [
                ("__MACOSX/._a.pdf", b"\x00\x05\x16\x07"),
                ("._a.pdf", b"\x00\x05\x16\x07"),
                (".DS_Store", b"Bud1"),
                ("scans/Thumbs.db", b"\xd0\xcf"),
                ("a.txt", DECISION.encode()),
            ]
        ),
        settings,
    )
    assert _names(items) == [("batch.zip/a.txt", "text")]


@pytest.mark.parametrize(
    ("name", "flag_utf8", "expected"),
    [
        ("处罚决定书.pdf", False, "gb18030"),  # Chinese Windows zipper: GBK bytes, no flag
        ("处罚决定书.pdf", False, "utf-8"),  # macOS: UTF-8 bytes, no flag
        ("处罚决定书.pdf", True, "utf-8"),
        ("scan_001.pdf", False, "ascii"),
    ],
)
def test_member_names_decode_as_their_author_wrote_them(name: str, flag_utf8: bool, expected: str) -> None:
    info = zipfile.ZipInfo()
    raw = name.encode(expected)
    info.filename = name if flag_utf8 else raw.decode("cp437")
    info.flag_bits = 0x800 if flag_utf8 else 0
    assert member_name(info) == name


def test_gbk_names_fixture(settings) -> None:
    items = list(expand_zip(source_from_path(BAD / "gbk_names.zip", settings), settings))
    assert [i.name for i in items if isinstance(i, Source)] == [f"{BAD / 'gbk_names.zip'}/处罚决定书.txt"]


@pytest.mark.parametrize(
    "name",
    [
        "../x.pdf",
        "a/../../x.pdf",
        "/etc/cron.d/x",
        "\\windows\\x.pdf",
        "C:\\x.pdf",
        "c:x.pdf",
        "a\\..\\..\\x.pdf",
        "a\x00.pdf",
    ],
)
def test_unsafe_names(name: str) -> None:
    assert unsafe_reason(name, zipfile.ZipInfo("x")) is not None


@pytest.mark.parametrize("name", ["a.pdf", "2023/案卷/决定书.pdf", "..hidden.pdf", "a..b.pdf", "dir/...pdf"])
def test_harmless_names(name: str) -> None:
    assert unsafe_reason(name, zipfile.ZipInfo("x")) is None


def test_symlink_is_unsafe() -> None:
    info, _ = make.symlink_entry("link.pdf", "/etc/passwd")
    assert "link" in (unsafe_reason("link.pdf", info) or "")


def test_unsafe_member_is_refused_and_the_rest_go_on(tmp_path, settings) -> None:
    info, target = make.symlink_entry("link.pdf", "/etc/passwd")
    data = _zip([("../../escaped.txt", b"x" * 20), ("good.txt", DECISION.encode()), (info, target)])
    items = _expand(data, settings, name=str(tmp_path / "in" / "batch.zip"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["UnsafeArchive", "Source", "UnsafeArchive"]
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path.parent / "escaped.txt").exists()


def test_ratio_bomb_is_stopped_while_inflating(settings) -> None:
    items = list(expand_zip(source_from_path(BAD / "bomb.zip", settings), settings))
    assert len(items) == 1 and isinstance(items[0], UnsafeArchive)
    assert "zip bomb" in items[0].reason


def test_small_highly_compressible_files_are_fine(settings) -> None:
    # a blank-page text export: ratio far above the limit but under the 1 MiB floor
    items = _expand(_zip([("blank.txt", b" \n" * 200_000)]), settings)
    assert _names(items) == [("batch.zip/blank.txt", "text")]


def test_total_inflated_size_is_capped_across_members_and_nesting(settings) -> None:
    member = DECISION.encode() * 300  # ~50 KB, compresses well but under the ratio floor
    inner = _zip([("x.txt", member), ("y.txt", member)])
    data = _zip([("a.txt", member), ("inner.zip", inner), ("b.txt", member)])
    # room for a.txt, inner.zip itself and x.txt, not y.txt
    tight = settings.model_copy(update={"max_zip_total_bytes": len(member) * 3 + len(inner) - 1})
    items = list(expand_zip(source_from_bytes(data, "batch.zip", tight), tight))
    assert _names(items) == [
        ("batch.zip/a.txt", "text"),
        ("batch.zip/inner.zip/x.txt", "text"),
        ("batch.zip/inner.zip/y.txt", "UnsafeArchive"),
    ]
    assert "later files were not read" in items[-1].reason


def test_a_budget_spent_exactly_stops_nothing(settings) -> None:
    member = DECISION.encode() * 300
    data = _zip([("a.txt", member), ("b.txt", member)])
    exact = settings.model_copy(update={"max_zip_total_bytes": len(member) * 2})
    assert [i.kind for i in _expand(data, exact)] == ["text", "text"]


def test_budget_is_shared_by_the_caller(settings) -> None:
    budget = ZipBudget(10)
    data = _zip([("a.txt", DECISION.encode()), ("b.txt", DECISION.encode())])
    items = list(expand_zip(source_from_bytes(data, "b.zip", settings), settings, budget))
    assert len(items) == 1 and isinstance(items[0], UnsafeArchive) and budget.exhausted


def test_declared_oversize_entry_is_refused_before_inflating(settings) -> None:
    small = settings.model_copy(update={"max_file_bytes": 5_000})
    items = _expand(_zip([("big.txt", DECISION.encode() * 100), ("ok.txt", DECISION.encode())]), small)
    assert _names(items) == [("batch.zip/big.txt", "TooLarge"), ("batch.zip/ok.txt", "text")]


def test_too_many_entries_refuses_the_archive(settings) -> None:
    data = _zip([(f"{i}.txt", DECISION.encode()) for i in range(6)])
    few = settings.model_copy(update={"max_zip_entries": 5})
    with pytest.raises(UnsafeArchive, match="6"):
        _expand(data, few)


def test_nesting_within_the_limit_expands(settings) -> None:
    data = _zip([("inner.zip", _zip([("a.txt", DECISION.encode())]))])
    assert _names(_expand(data, settings)) == [("batch.zip/inner.zip/a.txt", "text")]


def test_nesting_past_the_limit_is_refused(settings) -> None:
    items = list(expand_zip(source_from_path(BAD / "nested_deep.zip", settings), settings))
    assert len(items) == 1 and isinstance(items[0], UnsafeArchive)
    assert items[0].file.endswith("nested_deep.zip/level2.zip/level3.zip")
    shallow = settings.model_copy(update={"max_zip_depth": 3})
    assert [i.kind for i in expand_zip(source_from_path(BAD / "nested_deep.zip", shallow), shallow)] == [
        "text"
    ]


def test_member_errors_keep_the_batch_going(settings) -> None:
    items = _expand(
        _zip([("empty.pdf", b""), ("a.docx", make.minimal_docx()), ("ok.txt", DECISION.encode())]), settings
    )
    assert _names(items) == [
        ("batch.zip/empty.pdf", "EmptyFile"),
        ("batch.zip/a.docx", "UnsupportedType"),
        ("batch.zip/ok.txt", "text"),
    ]


def test_encrypted_member(settings) -> None:
    data = bytearray(_zip([("secret.txt", DECISION.encode())], zipfile.ZIP_STORED))
    # set the "encrypted" flag bit in both headers, as a password-protecting zipper does
    data[6] |= 1
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 8] |= 1
    items = _expand(bytes(data), settings)
    assert isinstance(items[0], UnsupportedType) and "password" in items[0].reason


def test_damaged_member_data(settings) -> None:
    data = bytearray(_zip([("a.txt", DECISION.encode() * 50)]))
    data[60:80] = b"\xff" * 20  # inside the compressed stream
    items = _expand(bytes(data), settings)
    assert isinstance(items[0], CorruptFile)


def test_archive_with_nothing_inside(settings) -> None:
    with pytest.raises(EmptyFile):
        _expand(_zip([("__MACOSX/._x", b"\x00")]), settings)
    with pytest.raises(EmptyFile):
        _expand(_zip([]), settings)


def test_member_over_size_when_inflated(settings) -> None:
    # the header's size is honest here; the running count is what stops the read
    small = settings.model_copy(update={"max_file_bytes": 3_000_000, "max_zip_ratio": 1e9})
    data = _zip([("big.txt", b"a" * 3_500_000)])
    entry = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    assert entry.file_size > small.max_file_bytes
    assert isinstance(_expand(data, small)[0], TooLarge)


def test_control_characters_in_names_cannot_break_the_one_line_report(settings) -> None:
    items = _expand(_zip([("evil\nname\x1b[31m.txt", DECISION.encode())]), settings)
    assert items[0].name == "batch.zip/evil\\nname\\x1b[31m.txt"
