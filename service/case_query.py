"""The case filters shared by the case list, the exports and the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import Query
from sqlalchemy import Select, or_, select

from service.cases import FLAGGED_LEVELS
from service.db.models import Case


@dataclass
class CaseFilter:
    agency: str | None = None
    category: str | None = None
    risk_level: str | None = None
    review_state: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    flagged: bool | None = None

    def apply(self, stmt: Select) -> Select:  # type: ignore[type-arg]
        if self.agency:
            stmt = stmt.where(Case.agency.contains(self.agency, autoescape=True))
        if self.category:
            stmt = stmt.where(Case.category == self.category)
        if self.risk_level:
            stmt = stmt.where(Case.risk_level == self.risk_level)
        if self.review_state:
            stmt = stmt.where(Case.review_state == self.review_state)
        if self.date_from:
            stmt = stmt.where(Case.decision_date >= self.date_from)
        if self.date_to:
            stmt = stmt.where(Case.decision_date <= self.date_to)
        if self.flagged is True:
            stmt = stmt.where(Case.risk_level.in_(FLAGGED_LEVELS))
        elif self.flagged is False:
            stmt = stmt.where(or_(Case.risk_level.is_(None), Case.risk_level.not_in(FLAGGED_LEVELS)))
        if self.q:
            # Substring search: Chinese has no word boundaries for a tokenising full-text index to use,
            # and a substring scan over case texts is fast at the scale of one agency's decisions.
            for term in self.q.split():
                stmt = stmt.where(Case.search_text.contains(term, autoescape=True))
        return stmt


def case_filter(
    agency: str | None = Query(None, description="作出机关（包含匹配）"),
    category: str | None = Query(None, description="违法类别代码"),
    risk_level: str | None = Query(None, pattern="^(high|review|low)$", description="刑事风险等级"),
    review_state: str | None = Query(None, pattern="^(pending|confirmed|rejected|corrected)$"),
    date_from: date | None = Query(None, description="决定日期起（含）"),
    date_to: date | None = Query(None, description="决定日期止（含）"),
    q: str | None = Query(None, description="全文检索：文号、当事人、机关、正文中的文字，空格分隔表示同时包含"),
    flagged: bool | None = Query(None, description="只看被标记（high 或 review）的案件"),
) -> CaseFilter:
    return CaseFilter(agency, category, risk_level, review_state, date_from, date_to, q, flagged)


def by_risk(f: CaseFilter) -> Select:  # type: ignore[type-arg]
    return f.apply(select(Case)).order_by(Case.risk_rank.desc(), Case.risk_score.desc().nulls_last(), Case.id)
