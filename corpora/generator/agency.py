"""Agency names and 文号 from agencies.yaml's name patterns and prefixes.

Style split: the default style uses the first half of each agency type's name patterns and 文号
prefixes (the common shapes, listed first), the holdout style the second half, plus disjoint
bracket shapes and abbreviation habits.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from lianfa.corpora.generator.geo import PLACES, Place
from lianfa.corpora.generator.phrasing import SELF_REFERENCE
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.taxonomy import AgencyType

# Real shapes (corpora/data/real_forms/doc_numbers.yaml): a county's division code after the province
# letter (豫0923环罚决字), the issuing office in brackets before the letters ((湘株)文综罚字), and serials
# with a batch or a letter joined by hyphens (03-003, F-26-2).
DOC_NUMBER_SHAPES: Bank[str] = {
    "default": (
        "{abbr}{prefix}〔{year}〕{n}号", "{abbr}{prefix}〔{year}〕{n}号", "{abbr}{prefix}[{year}]{n}号",
        "{abbr}{prefix}〔{year}〕第{n}号", "{province}{county}{prefix}〔{year}〕{n}号", "{abbr}{prefix}〔{year}〕{batch}-{n}号",
    ),
    "holdout": (
        "{abbr}{prefix}【{year}】{n}号", "{abbr}{prefix}({year}){n}号", "{abbr}{prefix}（{year}）第{n}号",
        "{prefix}【{year}】第{n}号", "（{province}{city}）{prefix}〔{year}〕{n}号", "{abbr}{prefix}〔{year}〕{letter}-{batch}-{n}号",
    ),
}
_PROVINCE_SHORT = {
    "北京市": "京", "天津市": "津", "上海市": "沪", "重庆市": "渝", "河北省": "冀", "山西省": "晋", "辽宁省": "辽",
    "吉林省": "吉", "黑龙江省": "黑", "江苏省": "苏", "浙江省": "浙", "安徽省": "皖", "福建省": "闽", "江西省": "赣",
    "山东省": "鲁", "河南省": "豫", "湖北省": "鄂", "湖南省": "湘", "广东省": "粤", "海南省": "琼", "四川省": "川",
    "贵州省": "黔", "云南省": "滇", "陕西省": "陕", "甘肃省": "甘", "内蒙古自治区": "蒙", "广西壮族自治区": "桂",
}
SERIALS: Bank[str] = {"default": ("plain",), "holdout": ("padded",)}


@dataclass(frozen=True)
class Agency:
    type_id: str
    name: str
    place: Place
    self_ref: str
    doc_prefix: str


def _half(items: list[str], style: Style) -> list[str]:
    cut = max(1, (len(items) + 1) // 2)
    return items[:cut] if style == "default" or len(items) == 1 else items[cut:]


def _fits(pattern: str, place: Place) -> bool:
    if "{district}" in pattern and not place.district.endswith("区"):
        return False
    if "{county}" in pattern and not place.district.endswith("县"):
        return False
    if "{city}" in pattern and place.municipality and "{city}市" not in pattern and "{city}海关" not in pattern:
        return False
    return True


def _fill(pattern: str, place: Place) -> str:
    name = pattern.format(
        province=place.province,
        city=place.short_city,
        district=place.district.removesuffix("区"),
        county=place.district.removesuffix("县"),
    )
    if place.municipality:
        name = name.replace(f"{place.short_city}市{place.short_city}市", place.city)
    return name


def self_reference(rng: random.Random, name: str, style: Style) -> str:
    for suffix, bank in SELF_REFERENCE.items():
        if name.endswith(suffix):
            return pick(rng, bank, style)
    return pick(rng, SELF_REFERENCE["局"], style)


def make_agency(rng: random.Random, agency_type: AgencyType, style: Style, near: Place | None) -> Agency:
    """An agency of `agency_type`, located at `near` when a name pattern fits it."""
    patterns = _half(agency_type.name_patterns, style)
    pattern = rng.choice(patterns)
    place = near
    if place is not None and not _fits(pattern, place):
        fitting_here = [p for p in patterns if _fits(p, place)]
        pattern = rng.choice(fitting_here) if fitting_here and rng.random() < 0.85 else pattern
    if place is None or not _fits(pattern, place):
        fitting = [p for p in PLACES if _fits(pattern, p)]
        if not fitting:
            pattern = next((p for p in patterns if "{district}" not in p and "{county}" not in p), patterns[0])
            fitting = [p for p in PLACES if _fits(pattern, p)] or list(PLACES)
        same_city = [p for p in fitting if near is not None and p.city == near.city]
        place = rng.choice(same_city or fitting)
    name = _fill(pattern, place)
    prefix = rng.choice(_half(agency_type.doc_prefixes, style))
    return Agency(agency_type.id, name, place, self_reference(rng, name, style), prefix)


def _abbreviation(rng: random.Random, agency: Agency, style: Style) -> str:
    city = agency.place.short_city[:1]
    district = re.sub(r"(区|县|市)$", "", agency.place.district)[:1]
    if style == "default":
        return city + district if agency.place.district != agency.place.city and rng.random() < 0.6 else city
    return rng.choice((agency.place.short_city, ""))


def doc_number(rng: random.Random, agency: Agency, year: int, style: Style) -> str:
    n = rng.randint(1, 2400)
    serial = f"{n:04d}" if pick(rng, SERIALS, style) == "padded" and rng.random() < 0.5 else str(n)
    shape = pick(rng, DOC_NUMBER_SHAPES, style)
    place = agency.place
    return shape.format(
        abbr=_abbreviation(rng, agency, style), prefix=agency.doc_prefix, year=year, n=serial,
        province=_PROVINCE_SHORT.get(place.province, place.province[:1]), county=place.code[2:],
        city=place.short_city[:1], batch=f"{rng.randint(1, 12):02d}", letter=rng.choice("ABCDFK"),
    )


def related_number(rng: random.Random, agency: Agency, year: int, mark: str) -> str:
    """Another paper's number in the agency's series: its letters without the penalty word, then the
    paper's own mark (市监处罚 → 市监先登, 环罚字 → 环责改字)."""
    base = re.sub(r"(?:处罚|罚决|罚|处|决)(?:决)?(字)?$", "", agency.doc_prefix) or agency.doc_prefix[:2]
    return f"{agency.place.short_city[:1]}{base}{mark}〔{year}〕{rng.randint(1, 900)}号"
