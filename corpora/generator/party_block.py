"""The 当事人 block: prose, one `label：value` line per field, or a ruled table; and the forms
published decisions use where no label names the party (the addressee line `某某厂：`, the name
alone on a line above its fields, `某某公司，法定代表人为：…`), letter-spaced labels (`当 事 人：`),
`label | value` rows, and the label variants recorded in corpora/data/vocabulary.yaml (`party_labels`)."""

from __future__ import annotations

import random
import zlib

from lianfa.corpora.generator.parties import Party
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import Block

LAYOUTS: Bank[str] = {
    "default": ("prose", "prose", "lines", "lines", "table", "addressee", "lines_letter_spaced"),
    "holdout": ("prose_bracketed", "lines_spaced", "table_wide", "name_alone", "name_opens", "kv_rows"),
}
# layouts that print an organisation's name without its label; a person is printed with one
_UNLABELLED = ("addressee", "name_alone", "name_opens")

_LABELS: dict[str, Bank[str]] = {
    "org_name": {
        "default": ("当事人", "当事人名称", "名称", "当事人姓名或者单位名称", "企业名称", "行政处罚当事人名称", "处罚对象"),
        "holdout": ("被处罚单位", "单位名称", "被处罚人", "被处罚单位名称", "当事人（姓名或名称）", "行政相对人名称", "被处罚单位（人）"),
    },
    "person_name": {
        "default": ("当事人", "姓名", "当事人姓名", "当事人姓名或者单位名称"),
        "holdout": ("被处罚人", "违法行为人", "被处罚人姓名", "当事人（姓名或名称）", "被处罚者"),
    },
    "credit_code": {"default": ("统一社会信用代码", "统一社会信用编码"), "holdout": ("社会信用代码", "信用代码", "统一代码", "统一信用代码")},
    "registration_no": {"default": ("注册号",), "holdout": ("工商注册号", "营业执照注册号", "营业执照注册号（公民身份号码）")},
    "org_address": {"default": ("住所", "地址", "住所地", "住所或地址"), "holdout": ("注册地址", "办公地址", "联系地址", "住所（住址）")},
    "shop_address": {"default": ("经营场所", "经营地址", "住所"), "holdout": ("营业地址", "门店地址", "住所（经营场所）或者住址")},
    "person_address": {"default": ("住址", "住所", "家庭住址"), "holdout": ("户籍地址", "现住址", "居住地", "身份证住所（住址）")},
    "法定代表人": {"default": ("法定代表人",), "holdout": ("法人代表", "法定代表人（负责人）")},
    "负责人": {"default": ("负责人",), "holdout": ("主要负责人", "分公司负责人")},
    "经营者": {"default": ("经营者",), "holdout": ("业主", "经营者姓名")},
    "id": {"default": ("身份证号码", "身份证号", "居民身份证号码"), "holdout": ("公民身份号码", "证件号码", "身份证件号码")},
    "gender": {"default": ("性别",), "holdout": ("性　别",)},
    "birth": {"default": ("出生年份",), "holdout": ("出生年",)},
}
# 双罚 decisions name a firm and its representative on one line: `某某公司及其法定代表人张某`
_JOINED_REPRESENTATIVE: Bank[str] = {"default": ("及其",), "holdout": ("和", "与", "以及")}
_JOINABLE = ("lines", "lines_spaced", "lines_letter_spaced", "prose", "prose_bracketed")
_SEPARATORS: Bank[str] = {"default": ("：",), "holdout": (":", "　", ": ")}
_BUSINESS_MARK: Bank[str] = {"default": ("（个体工商户）", ""), "holdout": ("(个体户)", "〔个体〕")}
# the eleventh survey's forms: a person's line under a heading, the name first and no label before it
# (`一、当事人基本情况` / `戴某某，男，…`); the name's label alone on its line with an empty line before
# the value, as a page that prints an empty line between all its lines (`违法主体名称或姓名` / `` / `某某部`)
P_PERSON_LINE = 0.04
PERSON_LINE_HEADINGS: Bank[str] = {"default": ("一、当事人基本情况",), "holdout": ("（一）当事人基本信息",)}
P_LABEL_ABOVE_BLANK = 0.03
ABOVE_BLANK_LABELS: Bank[str] = {"default": ("违法主体名称或姓名",), "holdout": ("被处罚人姓名或名称",)}
_SUB_LABEL_PERCENT = 10
_SUB_LABEL_GAPS: Bank[str] = {"default": ("　",), "holdout": ("  ", " ")}


def _fields(rng: random.Random, party: Party, style: Style, with_address: bool) -> list[tuple[str, str]]:
    def label(key: str) -> str:
        return pick(rng, _LABELS[key], style)

    rows: list[tuple[str, str]] = []
    if party.kind == "individual":
        rows.append((label("person_name"), party.name))
        if party.gender:
            rows.append((label("gender"), party.gender))
        if party.birth_year and rng.random() < 0.5:
            rows.append((label("birth"), f"{party.birth_year}年"))
        if party.id_masked:
            rows.append((label("id"), party.id_masked))
        if with_address:
            rows.append((label("person_address"), party.address))
        return rows
    name = party.name
    if party.kind == "individual_business":
        name += pick(rng, _BUSINESS_MARK, style)
    rows.append((label("org_name"), name))
    if party.credit_code:
        rows.append((label("credit_code"), party.credit_code))
    if party.registration_no:
        rows.append((label("registration_no"), party.registration_no))
    if with_address:
        key = "shop_address" if party.kind == "individual_business" else "org_address"
        rows.append((label(key), party.address))
    if party.representative:
        rows.append((label(party.representative_title), party.representative))
    if party.kind == "individual_business" and party.id_masked:
        rows.append((label("id"), party.id_masked))
    return rows


def _letter_spaced(label: str) -> str:
    """`当事人` -> `当 事 人`, as forms justified to one width print short labels."""
    return " ".join(label) if len(label) <= 4 and "（" not in label else label


def party_blocks(rng: random.Random, party: Party, style: Style, with_address: bool) -> list[Block]:
    """Blocks for one party; `with_address=False` leaves the address out (a missing element)."""
    layout = pick(rng, LAYOUTS, style)
    rows = _fields(rng, party, style, with_address)
    sep = pick(rng, _SEPARATORS, style)
    if layout in _UNLABELLED and (party.kind == "individual" or len(rows) < 2):
        layout = "lines" if style == "default" else "lines_spaced"
    genders = set(_LABELS["gender"]["default"] + _LABELS["gender"]["holdout"])
    sex = next((v for k, v in rows if k in genders), None)
    if party.kind == "individual" and sex and rng.random() < P_PERSON_LINE:
        rest = "，".join(f"{k}{sep}{v}" for k, v in rows[1:] if k not in genders)
        line = f"{rows[0][1]}，{sex}，{rest}。" if rest else f"{rows[0][1]}，{sex}。"
        return [Block(kind="parties", text=pick(rng, PERSON_LINE_HEADINGS, style)), Block(kind="parties", text=line)]
    if rng.random() < P_LABEL_ABOVE_BLANK:
        head = f"{pick(rng, ABOVE_BLANK_LABELS, style)}\n\n{rows[0][1]}"
        return [Block(kind="parties", text=head), *(Block(kind="parties", text=f"{k}{sep}{v}") for k, v in rows[1:])]
    if party.kind == "organisation" and party.representative and layout in _JOINABLE and rng.random() < 0.08:
        rep_label, rep = rows.pop()
        rows[0] = (rows[0][0], f"{rows[0][1]}{pick(rng, _JOINED_REPRESENTATIVE, style)}{rep_label}{rep}")
    if layout == "addressee":
        # the party addressed as the letter's recipient, its other fields below
        return [Block(kind="parties", text=f"{rows[0][1]}："), *(Block(kind="parties", text=f"{k}{sep}{v}") for k, v in rows[1:])]
    if layout == "name_alone":
        return [Block(kind="parties", text=rows[0][1]), *(Block(kind="parties", text=f"{k}{sep}{v}") for k, v in rows[1:])]
    if layout == "name_opens":
        rest = "，".join(f"{k}为{sep}{v}" if k == "法定代表人" else f"{k}{sep}{v}" for k, v in rows[1:])
        return [Block(kind="parties", text=f"{rows[0][1]}，{rest}。")]
    if layout == "kv_rows":
        return [Block(kind="parties", text=f"{k} | {v} |") for k, v in rows]
    if layout == "lines_letter_spaced":
        return [Block(kind="parties", text=f"{_letter_spaced(k)}{sep}{v}") for k, v in rows]
    if layout == "prose":
        text = "，".join(f"{k}{sep}{v}" for k, v in rows) + "。"
        return [Block(kind="parties", text=text)]
    if layout == "prose_bracketed":
        head_label, head = rows[0]
        rest = "，".join(f"{k}{v}" for k, v in rows[1:])
        text = f"{head_label}{head}（{rest}）。" if rest else f"{head_label}{head}。"
        return [Block(kind="parties", text=text)]
    if layout in ("lines", "lines_spaced"):
        lines = [f"{k}{sep}{v}" for k, v in rows]
        # a form's sub-label after the party's label, a gap before the name (`被处罚人：姓名　某某`; the ninth
        # survey's 林业 forms), which a scan may close up; chosen by the name's checksum, so the random
        # stream, and every decision after this one, stays as it was
        if party.kind == "individual" and zlib.crc32(party.name.encode()) % 100 < _SUB_LABEL_PERCENT:
            gaps = _SUB_LABEL_GAPS[style]
            lines[0] = f"{rows[0][0]}{sep}姓名{gaps[len(party.name) % len(gaps)]}{rows[0][1]}"
        return [Block(kind="parties", text=x) for x in lines]
    if layout == "table":
        table = [[k, v] for k, v in rows]
    else:
        # two field pairs per row, as wide forms print them
        table = []
        for i in range(0, len(rows), 2):
            row = [rows[i][0], rows[i][1]]
            if i + 1 < len(rows):
                row += [rows[i + 1][0], rows[i + 1][1]]
            table.append(row)
    text = "\n".join(" ".join(cells) for cells in table)
    return [Block(kind="parties", text=text, rows=table)]
