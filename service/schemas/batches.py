from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from lianfa.service.schemas.common import DbInt, MaskedStr, UtcDatetime

ItemStatus = Literal["queued", "processing", "done", "failed", "duplicate", "cancelled"]


class ItemOut(BaseModel):
    id: int
    position: int
    name: MaskedStr
    size: int | None
    sha256: str | None
    status: ItemStatus
    error: MaskedStr | None = None
    document_id: int | None = None
    case_id: int | None = None
    duplicate_of: int | None = None  # document id the duplicate links to
    earlier_item: int | None = Field(default=None, description="a duplicate of a failed file: the failed item")
    attempts: int = 0
    pages: list[str] = Field(default_factory=list, description="page images grouped into this document, in order")


class BatchProgress(BaseModel):
    total: int
    queued: int = 0
    processing: int = 0
    done: int = 0
    failed: int = 0
    duplicate: int = 0
    cancelled: int = 0
    finished: bool


class BatchOut(BaseModel):
    id: int
    name: MaskedStr | None = None
    created_at: UtcDatetime
    created_by: str
    cancelled: bool
    progress: BatchProgress
    items: list[ItemOut]


class BatchSummary(BaseModel):
    id: int
    name: MaskedStr | None = None
    created_at: UtcDatetime
    created_by: str
    cancelled: bool
    progress: BatchProgress


class RetryRequest(BaseModel):
    item_ids: list[DbInt] | None = Field(default=None, max_length=10_000, description="默认：批次中所有失败的文件")


class MergeRequest(BaseModel):
    item_ids: list[DbInt] = Field(min_length=2, max_length=10_000, description="the items to merge, in any order (merged in batch order)")


class ActionOut(BaseModel):
    batch_id: int
    affected: int
    message: str


class DocumentOut(BaseModel):
    id: int
    sha256: str
    size: int
    name: MaskedStr
    created_at: UtcDatetime
