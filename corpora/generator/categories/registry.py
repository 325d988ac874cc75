"""Which module writes each taxonomy category, and who the party usually is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lianfa.corpora.generator.categories import (
    admin,
    environment,
    harm,
    land,
    money,
    trade,
    welfare,
    wildlife,
)
from lianfa.corpora.generator.categories.base import Ctx, Story
from lianfa.kinds import PartyKind

StoryFn = Callable[[Ctx], Story]

_BUSINESS: tuple[tuple[PartyKind, float], ...] = (("organisation", 0.45), ("individual_business", 0.4), ("individual", 0.15))
_COMPANY: tuple[tuple[PartyKind, float], ...] = (("organisation", 0.85), ("individual_business", 0.1), ("individual", 0.05))
_UNREGISTERED: tuple[tuple[PartyKind, float], ...] = (("individual", 1.0),)
_PERSON: tuple[tuple[PartyKind, float], ...] = (("individual", 0.75), ("individual_business", 0.1), ("organisation", 0.15))
_EMPLOYER: tuple[tuple[PartyKind, float], ...] = (("organisation", 0.8), ("individual_business", 0.15), ("individual", 0.05))
_PROVIDER: tuple[tuple[PartyKind, float], ...] = (("organisation", 1.0),)  # 定点医药机构


@dataclass(frozen=True)
class Profile:
    story: StoryFn
    trade: str
    party_kinds: tuple[tuple[PartyKind, float], ...]


_TABLE: dict[str, tuple[StoryFn, tuple[tuple[PartyKind, float], ...]]] = {
    **{cid: (trade.story, _BUSINESS) for cid in trade.SPECS},
    **{cid: (admin.story, _BUSINESS) for cid in admin.SPECS},
}
for _cid in ("special_equipment", "construction_without_eia", "dust_pollution",
             "annual_report_not_disclosed", "customs_declaration_irregular", "safety_management_irregular",
             "noise_pollution"):
    _TABLE[_cid] = (admin.story, _COMPANY)
_TABLE.update({
    "tobacco_transport_without_permit": (trade.story, _PERSON),
    "unlicensed_business": (trade.story, _UNREGISTERED),
    "hazardous_waste_dumping": (environment.dumping, _COMPANY),
    "hazardous_waste_storage": (environment.storage, _COMPANY),
    "emission_exceedance": (environment.exceedance, _COMPANY),
    "evasive_discharge": (environment.evasive, _COMPANY),
    "monitoring_data_fraud": (environment.data_fraud, _COMPANY),
    "illegal_land_occupation": (land.occupation, _BUSINESS),
    "forest_land_conversion": (land.forest_conversion, _PERSON),
    "illegal_land_transfer": (land.transfer, _PERSON),
    "illegal_mining": (land.mining, _BUSINESS),
    "illegal_sand_mining": (land.sand_mining, _PERSON),
    "illegal_logging": (wildlife.illegal_logging, _PERSON),
    "excessive_logging": (wildlife.excessive_logging, _PERSON),
    "illegal_hunting": (wildlife.hunting, _PERSON),
    "fishing_banned_gear": (wildlife.fishing, _PERSON),
    "electric_poison_fishing": (wildlife.fishing, _PERSON),
    "illegal_fishing_catch": (wildlife.fishing, _PERSON),
    "tax_evasion": (money.tax_evasion, _COMPANY),
    "false_invoicing": (money.false_invoicing, _COMPANY),
    "smuggling": (money.smuggling, _COMPANY),
    "illegal_deposit_taking": (money.deposit_taking, _BUSINESS),
    "contract_fraud": (money.contract_fraud, _BUSINESS),
    "production_safety_accident": (harm.accident, _COMPANY),
    "illegal_medical_practice": (harm.medical_practice, _PERSON),
    "wage_arrears_refusal": (welfare.wage_refusal, _EMPLOYER),
    "medical_insurance_fraud": (welfare.medical_fraud, _PROVIDER),
})
_TRADES = {
    "hazardous_waste_dumping": "chemical", "hazardous_waste_storage": "chemical", "emission_exceedance": "chemical",
    "evasive_discharge": "chemical", "monitoring_data_fraud": "chemical", "illegal_land_occupation": "land",
    "forest_land_conversion": "forest", "illegal_land_transfer": "land", "illegal_mining": "land",
    "illegal_sand_mining": "land", "illegal_logging": "forest", "excessive_logging": "forest",
    "illegal_hunting": "general", "fishing_banned_gear": "fishery", "electric_poison_fishing": "fishery",
    "illegal_fishing_catch": "fishery", "tax_evasion": "tax", "false_invoicing": "tax", "smuggling": "customs",
    "illegal_deposit_taking": "finance", "contract_fraud": "general", "production_safety_accident": "safety",
    "illegal_medical_practice": "medical", "wage_arrears_refusal": "labour", "medical_insurance_fraud": "clinic",
}


def _trade_of(cid: str) -> str:
    if cid in _TRADES:
        return _TRADES[cid]
    if cid in trade.SPECS:
        return trade.SPECS[cid].trade
    if cid in admin.SPECS:
        return admin.SPECS[cid].trade
    return "general"


def profile_for(category_id: str) -> Profile:
    fn, kinds = _TABLE.get(category_id, (admin.generic, _BUSINESS))
    return Profile(fn, _trade_of(category_id), kinds)
