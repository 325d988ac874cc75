"""The case filters shared by the case list, the exports and the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BeforeValidator
from sqlalchemy import Select, or_, select

from lianfa.service.cases import FLAGGED_LEVELS
from lianfa.service.db.models import Case


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

    def apply(self, stmt: Select) -> Select:
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


def _blank_is_none(value: object) -> object:
    # An HTML form sends every field, so a select left at 全部 or an empty date arrives as "".
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_is_none)


def _blank_documented(schema: dict[str, Any]) -> None:
    # The document says so too, or a client (and the contract test) takes `?date_to=` for an error.
    # Every filter is optional, so its schema is already an anyOf with null.
    schema["anyOf"].append({"type": "string", "pattern": r"^\s*$", "description": "空值：不筛选"})


def _filter(description: str) -> Any:
    return Query(description=description, json_schema_extra=_blank_documented)


def case_filter(
    agency: Annotated[str | None, Blank, _filter("作出机关（包含匹配）")] = None,
    category: Annotated[str | None, Blank, _filter("违法类别代码")] = None,
    risk_level: Annotated[Literal["high", "review", "low"] | None, Blank, _filter("刑事风险等级")] = None,
    review_state: Annotated[Literal["pending", "confirmed", "rejected", "corrected"] | None, Blank,
                            _filter("审核状态")] = None,
    date_from: Annotated[date | None, Blank, _filter("决定日期起（含）")] = None,
    date_to: Annotated[date | None, Blank, _filter("决定日期止（含）")] = None,
    q: Annotated[str | None, Blank,
                 _filter("全文检索：文号、当事人、机关、正文中的文字，空格分隔表示同时包含")] = None,
    flagged: Annotated[bool | None, Blank, _filter("只看被标记（high 或 review）的案件")] = None,
) -> CaseFilter:
    """The filter of a request; an empty value (a form's 全部, an empty date) is no filter."""
    return CaseFilter(agency, category, risk_level, review_state, date_from, date_to, q, flagged)


def by_risk(f: CaseFilter) -> Select:
    return f.apply(select(Case)).order_by(Case.risk_rank.desc(), Case.risk_score.desc().nulls_last(), Case.id)
