"""Chinese names for the codes stored in cases, so pages never show a bare code to a clerk."""

from __future__ import annotations

RISK_LEVELS: dict[str, str] = {"high": "高风险", "review": "需复核", "low": "低风险"}
REVIEW_STATES: dict[str, str] = {"pending": "待审核", "confirmed": "已确认", "rejected": "已驳回", "corrected": "已更正"}
FIELD_NAMES: dict[str, str] = {
    "doc_number": "文号",
    "agency": "作出机关",
    "decision_date": "决定日期",
    "case_cause": "案由",
    "parties": "当事人",
    "amounts": "金额",
    "quantities": "数量",
    "laws": "法律依据",
    "penalties": "处罚",
    "reason": "追诉理由",
}
# Where a party or 文号 was read, so a reviewer knows which values to check against the scan.
VALUE_SOURCES: dict[str, str] = {
    "label": "标注栏",
    "header": "文书首部",
    "title": "标题",
    "body": "正文",
    "addressee": "抬头称谓",
    "table": "公示表格",
    "finding": "违法事实",
}
AMOUNT_ROLES: dict[str, str] = {
    "fine": "罚款",
    "confiscated_income": "没收违法所得",
    "illegal_income": "违法所得",
    "goods_value": "货值金额",
    "sales": "销售金额",
    "illegal_revenue": "非法经营额",
    "tax_evaded": "偷逃税额",
    "loss": "损失金额",
    "other": "其他金额",
}
PENALTY_KINDS: dict[str, str] = {
    "warning": "警告",
    "fine": "罚款",
    "confiscate_income": "没收违法所得",
    "confiscate_goods": "没收物品",
    "confiscate_tools": "没收工具",
    "suspend": "责令停产停业",
    "revoke_licence": "吊销许可证照",
    "detention": "行政拘留",
    "close": "责令关闭",
    "order_correct": "责令改正",
}
QUANTITY_KINDS: dict[str, str] = {"area": "面积", "volume": "体积", "weight": "重量", "count": "数量"}
PARTY_KINDS: dict[str, str] = {"organisation": "单位", "individual_business": "个体工商户", "individual": "个人"}
AUDIT_ACTIONS: dict[str, str] = {
    "review.confirm": "确认涉嫌犯罪",
    "review.reject": "驳回",
    "review.correct": "更正",
}
TRAIN_STAGES: dict[str, str] = {
    "queued": "排队中",
    "exporting": "导出已审核案件",
    "training": "训练模型",
    "done": "完成",
    "failed": "失败",
}
