"""Field labels of a 当事人 block, as agencies print them.

Layout uses them to join a label cell to its value cell ("名称 | 某公司" → "名称:某公司"), the
section segmenter to recognise the block, the party extractor to read it. One list, so a label added
for one is known to all: the hand-kept core below plus the variants recorded from published
decisions in corpora/data/real_forms/parties.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from lianfa.corpora.datafile import DATA_DIR, load_model

FieldRole = Literal["credit_code", "registration_no", "legal_representative", "address", "id_number", "other"]


class SeenLabel(BaseModel):
    label: str = Field(min_length=2)
    seen: int = Field(ge=1)
    agencies: list[str] = Field(default_factory=list)


class RealForms(BaseModel):
    """The part of the survey file the readers use; its counts and layouts are documentation."""

    party_labels: list[SeenLabel]
    field_labels: dict[FieldRole, list[SeenLabel]]


@lru_cache(maxsize=1)
def real_forms() -> RealForms:
    return load_model(DATA_DIR / "real_forms" / "parties.yaml", RealForms)


def name_labels() -> tuple[str, ...]:
    """Labels that name the party itself (当事人名称, 被处罚单位名称…), as printed (ASCII brackets)."""
    return tuple(x.label for x in real_forms().party_labels)


def field_labels(role: FieldRole) -> tuple[str, ...]:
    return tuple(x.label for x in real_forms().field_labels.get(role, []))

PARTY_LABELS: tuple[str, ...] = (
    "当事人",
    "当事人名称",
    "当事人姓名",
    "被处罚人",
    "被处罚人姓名",
    "被处罚单位",
    "被处罚单位名称",
    "用人单位名称",
    "名称",
    "单位名称",
    "企业名称",
    "机构名称",
    "字号名称",
    "商户名称",
    "店铺名称",
    "个体户名称",
    "纳税人名称",
    "姓名",
    "性别",
    "年龄",
    "民族",
    "国籍",
    "文化程度",
    "出生",
    "出生年",
    "出生日期",
    "出生年月",
    "住址",
    "住所",
    "住所地",
    "现住址",
    "户籍地址",
    "户籍所在地",
    "居住地",
    "地址",
    "联系地址",
    "注册地址",
    "经营场所",
    "经营地址",
    "营业场所",
    "营业地址",
    "法定代表人",
    "负责人",
    "主要负责人",
    "经营者",
    "投资人",
    "职务",
    "联系电话",
    "电话",
    "统一社会信用代码",
    "社会信用代码",
    "纳税人识别号",
    "税号",
    "注册号",
    "工商注册号",
    "营业执照注册号",
    "组织机构代码",
    "身份证",
    "身份证号",
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "证件类型",
    "委托代理人",
    "代理人",
    "类型",
    "主体类型",
    "工作单位",
    "经营范围",
    "注册资本",
    "成立日期",
    "登记机关",
)


def all_labels() -> tuple[str, ...]:
    surveyed = name_labels() + tuple(x.label for xs in real_forms().field_labels.values() for x in xs)
    return tuple(dict.fromkeys(PARTY_LABELS + surveyed))


def label_regex(label: str) -> str:
    """A label as a regex that also reads it letter-spaced and with either bracket width."""
    parts = []
    for ch in label:
        if ch in "(（":
            parts.append(r"[(（]")
        elif ch in ")）":
            parts.append(r"[)）]")
        else:
            parts.append(re.escape(ch))
    return r"\s?".join(parts)


def labels_pattern() -> str:
    """A regex alternation of the labels, longest first (so 统一社会信用代码 beats 代码)."""
    return "(?:" + "|".join(re.escape(x) for x in sorted(all_labels(), key=len, reverse=True)) + ")"
