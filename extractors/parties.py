"""当事人: name, kind, 统一社会信用代码 (checked), 注册号, the person answering for it, address, and a
masked 身份证号.

Agencies lay the party out as labelled lines (`当事人：…` / `统一社会信用代码：…`), as a table read
row by row, or as one sentence (`当事人某某有限公司，住所…，法定代表人…`). The reader finds the
party block and reads each label's value up to the next label or clause end, so any order works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.credit_code import is_valid, suggest_correction
from extractors.masking import mask_id_number
from extractors.view import View
from ingest.document import Evidence

_SEP = r"\s*[:：]?\s*"
_PARTY_LABEL = r"(?:当事人|被处罚(?:人|单位)|违法(?:行为)?(?:人|单位|主体)|行政相对人|受处罚(?:人|单位))(?:\s?名称|\s?姓名)?"
_FIELD_LABELS: dict[str, str] = {
    "credit_code": r"(?:统一)?社会信用代码|信用代码|统一代码|纳税人识别号|税号",
    "registration_no": r"(?:营业执照)?注册号|营业执照号(?:码)?|工商注册号",
    "legal_representative": r"法定代表人(?:\s?[(（]负责人[)）])?|法人代表|负责人|经营者|投资人|业主|主要负责人|执行事务合伙人",
    "address": r"住所(?:地)?|地址|住址|经营场所|经营地址|注册地址|营业场所|住所或经营场所|联系地址|家庭住址",
    "id_number": r"(?:居民)?身份证(?:件)?(?:号码|号)?|公民身份号码|证件号码",
    "other": r"性别|民族|出生(?:日期|年月)?|年龄|联系电话|电话|职务|类型|主体类型|组织形式|成立日期|联系方式|邮编|统一社会信用代码/注册号",
}
_ANY_LABEL = re.compile("|".join(f"(?:{p})" for p in _FIELD_LABELS.values()) + "|" + _PARTY_LABEL)
_LABEL_RES = {k: re.compile(rf"(?:{p}){_SEP}") for k, p in _FIELD_LABELS.items()}
_PARTY_RE = re.compile(rf"{_PARTY_LABEL}{_SEP}")
_VALUE_END = re.compile(r"[，,；;。\n]|\s{2,}|\|")
_CODE_CHARS = re.compile(r"[0-9A-Za-z][0-9A-Za-z\s]{16,22}")
_ID = re.compile(r"(?<![0-9A-Za-z])\d{6}\s?(?:19|20)\d{2}\s?\d{4}\s?\d{3}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
_INDIVIDUAL_BUSINESS = re.compile(r"个体工商户|个体户|个体经营|(?:经营者|业主)\s*[:：]")
_ORG_SUFFIX = re.compile(
    r"(?:公司|厂|合作社|中心|医院|诊所|学校|学院|协会|集团|商行|商店|超市|门市|门市部|经营部|店|部|馆|社|站|场|所|行|院|室|坊|铺|队|园|处)$"
)
_BUSINESS_SUFFIX = re.compile(r"(?:店|商行|经营部|门市部|门市|超市|便利店|批发部|馆|坊|铺|摊|作坊|养殖场|加工厂|诊所)$")
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# Where a name given without a colon runs on into the narrative (`被处罚人刘某某于2023年2月…`).
_NARRATIVE = re.compile(r"于\d|于(?:19|20)|在|因|自\d|从事|未经|擅自|涉嫌|的")
_SALUTATION = re.compile(
    r"(?m)^[ \t]*(?P<name>[\u4e00-\u9fff（）()]{2,40}?(?:公司|厂|店|合作社|中心|商行|经营部|门市部|超市|医院|诊所|学校|协会|馆|社|场|站))[ \t]*[:：]"
)
_NAME_TAIL = re.compile(r"(?:[(（][^)）]{0,30}[)）])$")


@dataclass(frozen=True)
class Party:
    name: str
    kind: str
    credit_code: str | None
    credit_code_valid: bool | None
    credit_code_suggestion: str | None
    registration_no: str | None
    legal_representative: str | None
    id_number_masked: str | None
    address: str | None
    evidence: Evidence


def _value_after(text: str, pos: int, limit: int = 80) -> tuple[str, int, int]:
    """The value from pos up to the clause end or the next label, trimmed; (value, start, end)."""
    end = min(len(text), pos + limit)
    m = _VALUE_END.search(text, pos, end)
    if m:
        end = m.start()
    lab = _ANY_LABEL.search(text, pos + 1, end)
    if lab and lab.start() > pos:
        end = lab.start()
    raw = text[pos:end]
    lead = len(raw) - len(raw.lstrip(" :：\t"))
    value = raw.strip(" :：\t、")
    return value, pos + lead, pos + lead + len(value)


def _kind(name: str, block: str) -> str:
    if _INDIVIDUAL_BUSINESS.search(block) and not re.search(r"有限(?:责任)?公司|股份", name):
        return "individual_business"
    if _PERSON_NAME.match(name) and not _ORG_SUFFIX.search(name):
        return "individual"
    return "organisation"


def _clean_name(name: str) -> str:
    name = re.sub(r"\s", "", name)
    name = re.sub(r"^(?:为|是)", "", name)
    return name.strip("“”\"'")


def _read_code(text: str, pos: int) -> str | None:
    m = _CODE_CHARS.match(text, pos)
    if not m:
        return None
    chars = re.sub(r"\s", "", m.group(0)).upper()
    return chars[:18] if len(chars) >= 18 else None


def _block_end(text: str, start: int) -> int:
    """A party block ends at the facts, at the next party, or after ~400 characters."""
    stop = re.compile(r"经查|查明|本局于|我局于|本机关于|(?:一|二)案|依法(?:进行|立案)|现已|于\d{4}年|\n\s*(?:当事人|被处罚人)")
    m = stop.search(text, start + 2, min(len(text), start + 400))
    return m.start() if m else min(len(text), start + 400)


def extract_parties(view: View, region_end: int) -> list[Party]:
    text = view.text
    parties: list[Party] = []
    seen: set[str] = set()
    starts: list[tuple[int, int, str, int]] = []  # (label start, value end, name, name start)
    for pm in _PARTY_RE.finditer(text, 0, max(region_end, 1)):
        name, ns, _ = _value_after(text, pm.end(), 60)
        colon = text[pm.start() : pm.end()].rstrip().endswith((":", "："))
        line_head = text[text.rfind("\n", 0, pm.start()) + 1 : pm.start()].strip()
        if not colon and line_head and not re.fullmatch(r"[\d一二三四五六七八九十]+[、.．)）]?", line_head):
            continue  # `对当事人经营场所…`: the word in a sentence, not a label
        cut = _NARRATIVE.search(name)
        if cut:
            if not colon:
                continue
            name = name[: cut.start()]
        name = _clean_name(_NAME_TAIL.sub("", name) if _NAME_TAIL.search(name) and len(name) > 8 else name)
        starts.append((pm.start(), pm.end(), name, ns))
    if not starts:
        for sm in _SALUTATION.finditer(text, 0, max(region_end, 1)):
            starts.append((sm.start("name"), sm.end(), sm.group("name"), sm.start("name")))
            break
    for label_start, value_pos, name, ns in starts:
        ne = ns + len(name)
        if len(name) < 2 or name in seen or re.match(r"^(?:的|在|于|对|未|已|因|涉嫌|应当?)", name):
            continue
        seen.add(name)
        bend = _block_end(text, value_pos)
        block = text[label_start:bend]
        fields: dict[str, str | None] = {k: None for k in _FIELD_LABELS}
        for key, lre in _LABEL_RES.items():
            if key == "other":
                continue
            lm = lre.search(text, value_pos, bend)
            if not lm:
                continue
            if key == "credit_code":
                fields[key] = _read_code(text, lm.end())
            elif key == "id_number":
                idm = _ID.search(text, lm.end(), min(bend, lm.end() + 30))
                fields[key] = mask_id_number(idm.group(0)) if idm else None
            else:
                value, _, _ = _value_after(text, lm.end())
                fields[key] = re.sub(r"\s", "", value) or None
        if fields["credit_code"] is None:
            loose = re.search(r"(?<![0-9A-Z])[0-9A-HJ-NP-Y][0-9A-Z]{17}(?![0-9A-Z])", block)
            if loose and not _ID.fullmatch(loose.group(0)):
                fields["credit_code"] = loose.group(0)
        if fields["id_number"] is None:
            idm = _ID.search(block)
            if idm and (fields["credit_code"] is None or idm.group(0) not in fields["credit_code"]):
                fields["id_number"] = mask_id_number(idm.group(0))
        code = fields["credit_code"]
        reg = fields["registration_no"]
        if reg:
            digits = re.search(r"\d{13,15}", reg)
            reg = digits.group(0) if digits else reg
        valid = is_valid(code) if code else None
        parties.append(
            Party(
                name=name,
                kind=_kind(name, block),
                credit_code=code,
                credit_code_valid=valid,
                credit_code_suggestion=suggest_correction(code) if code and not valid else None,
                registration_no=reg,
                legal_representative=fields["legal_representative"],
                id_number_masked=fields["id_number"],
                address=fields["address"],
                evidence=view.evidence(ns, ne),
            )
        )
    return parties
