"""Field labels of a 当事人 block, as agencies print them.

Layout uses them to join a label cell to its value cell ("名称 | 某公司" → "名称:某公司"), the
section segmenter to recognise the block. One list, so a label added for one is known to both.
"""

from __future__ import annotations

import re

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


def labels_pattern() -> str:
    """A regex alternation of the labels, longest first (so 统一社会信用代码 beats 代码)."""
    return "(?:" + "|".join(re.escape(x) for x in sorted(PARTY_LABELS, key=len, reverse=True)) + ")"
