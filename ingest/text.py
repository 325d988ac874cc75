"""Plain-text exports: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (GBK/GB2312 are subsets).

Windows tools in Chinese offices still save "ANSI" text as GBK, so a file that is not valid UTF-8
is read as GB18030; a file that is neither is refused rather than shown as mojibake.
"""

from __future__ import annotations

import codecs

from lianfa.ingest.errors import CorruptFile

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, name: str) -> str:
    """Decode a text export, with universal newlines."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise CorruptFile(
                    name,
                    f"文本编码损坏 / damaged {codec} text at byte {exc.start}: 请重新导出 / re-export it",
                ) from exc
    for codec in ("utf-8", "gb18030"):
        try:
            return _newlines(data.decode(codec))
        except UnicodeDecodeError:
            continue
    raise CorruptFile(
        name,
        "文本既不是 UTF-8 也不是 GB18030/GBK 编码 / text is neither UTF-8 nor GB18030: "
        "请另存为 UTF-8 / save it as UTF-8",
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
