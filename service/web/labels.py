"""Chinese names for the codes stored in cases, so pages never show a bare code to a clerk."""

from __future__ import annotations

from lianfa.corpora.vocabulary import names, vocabulary

_V = vocabulary()
# The contract's and the rules' codes take their names from the one vocabulary; the service's own
# states (review, audit, training) are named here, where only the service uses them.
RISK_LEVELS: dict[str, str] = names(_V.risk_levels)
RISK_UNASSESSED = _V.risk_unassessed
REVIEW_STATES: dict[str, str] = {"pending": "待审核", "confirmed": "已确认", "rejected": "已驳回", "corrected": "已更正"}
FIELD_NAMES: dict[str, str] = names(_V.field_names)
# Where a party or 文号 was read, so a reviewer knows which values to check against the scan.
VALUE_SOURCES: dict[str, str] = {**names(_V.doc_number_sources), **names(_V.party_sources)}
AMOUNT_ROLES: dict[str, str] = names(_V.amount_roles)
MEASURES: dict[str, str] = names(_V.rule_measures)
PENALTY_KINDS: dict[str, str] = names(_V.penalty_kinds)
QUANTITY_KINDS: dict[str, str] = names(_V.quantity_kinds)
PARTY_KINDS: dict[str, str] = names(_V.party_kinds)
LAW_ROLES: dict[str, str] = names(_V.law_roles)
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
