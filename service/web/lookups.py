"""Values the forms offer: the agencies and categories present in the cases (filters), and the taxonomy's categories (corrections)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lianfa.service.db.models import Case


def agencies(s: Session) -> list[str]:
    return [a for a in s.scalars(select(Case.agency).where(Case.agency.is_not(None)).distinct().order_by(Case.agency)) if a is not None]


def categories(s: Session) -> list[tuple[str, str]]:
    """(code, Chinese label) of every category a case has."""
    rows = s.execute(select(Case.category, func.max(Case.category_label)).where(Case.category.is_not(None))
                     .group_by(Case.category).order_by(Case.category))
    return [(c, label or c) for c, label in rows if c is not None]


def taxonomy_categories() -> list[tuple[str, str]]:
    """(code, Chinese name) of every category in the taxonomy: a reviewer's correction may file a
    case under a category no case has yet, which the filters' list (categories present) lacks."""
    from lianfa.corpora.taxonomy import load_taxonomy

    return [(c.id, c.name) for c in load_taxonomy().categories]
