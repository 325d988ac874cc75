"""作出机关: the authority that decided. It heads the page (often as `XX局行政处罚决定书`) and signs the
落款 above the date; the header is preferred, the signature confirms or stands in when the header
was cut off or misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianfa.extractors.dates import DATE
from lianfa.extractors.view import View
from lianfa.ingest.document import Evidence

_SUFFIX = (
    r"(?:监督管理局|管理局|分局|总局|局|委员会|委|厅|办公室|大队|支队|中队|稽查局|海关|政府|管理处|管理站|"
    r"执法队|执法大队|执法支队|执法局|综合执法局|管理所|监督所|检疫局|中心|所|署|处)"
)
_AGENCY = re.compile(rf"[\u4e00-\u9fff（）()]{{2,40}}?{_SUFFIX}(?![\u4e00-\u9fff]{{0,2}}[于在对将认])")
_TITLE = re.compile(
    r"(?:行\s?政\s?)?(?:处\s?罚|处\s?理)\s?决\s?定(?:\s?书)?|不予(?:行政)?处罚决定书?"
)
_LABEL_LEAD = re.compile(r"^(?:当事人|住所|地址|经营场所|法定代表人|负责人|经营者)")
_ORG_WORD = re.compile(r"公司|店|厂|合作社")
# Place names may hold 店 or 厂 (太原市小店区, 大厂回族自治县): only what follows them is checked.
_PLACES = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|地区|省|市|州|盟|县|旗|区))+")


def _not_agency(name: str) -> bool:
    """A party's label or a business's name, not an authority."""
    return bool(_LABEL_LEAD.search(name) or _ORG_WORD.search(_PLACES.sub("", name)))


@dataclass(frozen=True)
class Agency:
    name: str
    evidence: Evidence


def _clean(name: str) -> str:
    return re.sub(r"\s", "", name)


_NARRATIVE = re.compile(r"的|对|于|涉嫌|立案|查处|行为|当事人|本机关|本局")


def is_agency_name(text: str) -> bool:
    """A name standing alone, not a sentence that happens to end in 处 or 局."""
    cleaned = _clean(text)
    return (
        len(cleaned) <= 30
        and bool(_AGENCY.fullmatch(cleaned))
        and not _not_agency(cleaned)
        and not _NARRATIVE.search(cleaned)
    )


def _line_agency(view: View, line_start: int, line: str) -> Agency | None:
    title = _TITLE.search(line)
    candidate = line[: title.start()] if title else line
    dated = DATE.search(candidate)
    if dated:
        candidate = candidate[: dated.start()] + " " * (dated.end() - dated.start()) + candidate[dated.end() :]
    stripped = candidate.strip(" \t:：")
    if not stripped or _not_agency(re.sub(r"\s", "", stripped)):
        return None
    m = _AGENCY.fullmatch(_clean(stripped))
    if not m:
        return None
    offset = line_start + line.find(stripped[0])
    return Agency(name=m.group(0), evidence=view.evidence(offset, offset + len(stripped)))


def extract_agency(view: View, header_end: int, signature: tuple[int, int] | None) -> Agency | None:
    text = view.text
    pos = 0
    for line in text[:header_end].split("\n")[:6]:
        found = _line_agency(view, pos, line)
        if found:
            signed = _signed_agency(view, signature)
            # a long name wrapped in the header (`国家税务总局` / `深圳市税务局第三稽查局`) is signed whole
            if signed and len(signed.name) > len(found.name) and signed.name.startswith(found.name):
                return signed
            return found
        pos += len(line) + 1
    return _signed_agency(view, signature)


def _signed_agency(view: View, signature: tuple[int, int] | None) -> Agency | None:
    """The agency of the 落款: in the signature section, else the last line that is only a name."""
    text = view.text
    if signature is not None:
        pos = signature[0]
        for line in text[signature[0] : signature[1]].split("\n"):
            found = _line_agency(view, pos, line)
            if found:
                return found
            pos += len(line) + 1
    # the 落款 is not always where the segmenter looked: take the last line that is only a name
    last: Agency | None = None
    pos = 0
    for line in text.split("\n"):
        if len(line.strip()) <= 40:
            last = _line_agency(view, pos, line) or last
        pos += len(line) + 1
    return last
