"""The append-only audit log: who did what, when, with the record before and after (ID numbers masked)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from lianfa.extractors.masking import mask_value
from lianfa.service.db.models import AuditEntry

if TYPE_CHECKING:  # service.auth records failed logins here, so this import is for typing only
    from lianfa.service.auth import CurrentUser


def record(
    s: Session,
    user: CurrentUser | None,
    action: str,
    entity: str,
    entity_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    entry = AuditEntry(
        user_id=user.id if user else None,
        user_name=user.name if user else "system",
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=mask_value(before),
        after=mask_value(after),
    )
    s.add(entry)
    return entry
