"""Which module writes each taxonomy category, and who the party usually is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from corpora.generator.categories import admin, trade
from corpora.generator.categories.base import Ctx, Story
from corpora.gold import PartyKind

StoryFn = Callable[[Ctx], Story]

_BUSINESS: tuple[tuple[PartyKind, float], ...] = (("organisation", 0.45), ("individual_business", 0.4), ("individual", 0.15))
_COMPANY: tuple[tuple[PartyKind, float], ...] = (("organisation", 0.85), ("individual_business", 0.1), ("individual", 0.05))
_PERSON: tuple[tuple[PartyKind, float], ...] = (("individual", 0.75), ("individual_business", 0.1), ("organisation", 0.15))


@dataclass(frozen=True)
class Profile:
    story: StoryFn
    trade: str
    party_kinds: tuple[tuple[PartyKind, float], ...]


_TABLE: dict[str, tuple[StoryFn, tuple[tuple[PartyKind, float], ...]]] = {
    **{cid: (trade.story, _BUSINESS) for cid in trade.SPECS},
    **{cid: (admin.story, _BUSINESS) for cid in admin.SPECS},
}
for _cid in ("special_equipment", "construction_without_eia", "dust_pollution", "hazardous_waste_storage",
             "annual_report_not_disclosed", "customs_declaration_irregular", "safety_management_irregular",
             "noise_pollution"):
    _TABLE[_cid] = (admin.story, _COMPANY)
for _cid in ("tobacco_transport_without_permit",):
    _TABLE[_cid] = (trade.story, _PERSON)


def _trade_of(cid: str) -> str:
    if cid in trade.SPECS:
        return trade.SPECS[cid].trade
    if cid in admin.SPECS:
        return admin.SPECS[cid].trade
    return "general"


def profile_for(category_id: str) -> Profile:
    fn, kinds = _TABLE.get(category_id, (admin.generic, _BUSINESS))
    return Profile(fn, _trade_of(category_id), kinds)
