"""Parties to a decision: organisations, 个体工商户 and individuals, with the identifiers agencies
print for each (统一社会信用代码 valid or one character off, 注册号, masked 身份证号) and addresses."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from lianfa.corpora.generator import credit_code, names
from lianfa.corpora.generator.geo import Place, address, pick_place
from lianfa.corpora.gold import GoldParty
from lianfa.kinds import PartyKind

# Industry words per trade, chosen by the category's trade hint.
_TRADES: dict[str, tuple[str, ...]] = {
    "goods": ("商贸", "贸易", "实业", "电子", "日用品", "五金", "服饰", "建材"),
    "food": ("食品", "餐饮管理", "农副产品", "粮油", "饮品", "肉类加工"),
    "drug": ("医药", "大药房", "药业", "医疗器械"),
    "chemical": ("化工", "电镀", "金属表面处理", "新材料", "环保科技", "印染"),
    "build": ("建筑工程", "混凝土", "建设", "房地产开发", "石材"),
    "land": ("农业开发", "生态农业", "石料", "砂石", "矿业", "建材"),
    "forest": ("林业", "木业", "苗木", "生态农业"),
    "fishery": ("水产", "渔业", "养殖"),
    "tobacco": ("商贸", "便利店", "烟酒"),
    "tax": ("商贸", "贸易", "供应链管理", "建材", "科技", "劳务"),
    "culture": ("文化传媒", "图书", "印刷", "网络科技", "音像"),
    "medical": ("医疗", "诊所", "健康管理", "美容"),
    "clinic": ("诊所", "门诊部", "大药房", "中医诊所", "医院", "医药连锁", "康复医院"),
    "labour": ("建筑劳务", "劳务", "建设工程", "服饰", "餐饮管理", "电子科技", "物业服务"),
    "customs": ("进出口", "国际贸易", "供应链"),
    "safety": ("机械制造", "化工", "建筑工程", "物流", "冶金"),
    "finance": ("投资管理", "财富管理", "资产管理", "信息咨询"),
    "general": ("商贸", "科技", "实业", "物业管理", "服务", "信息技术"),
}
_ORG_FORMS = ("有限公司", "有限公司", "有限责任公司", "股份有限公司", "厂", "有限公司")
_SHOP_FORMS = ("商行", "经营部", "便利店", "超市", "副食店", "门市部", "店", "加工厂", "饭店", "批发部")
# what a 文旅 case's shop or troupe is called (the tenth survey: a 音乐餐吧 holding a show, an 艺术团 on tour)
_CULTURE_SHOP_FORMS = ("音乐餐吧", "艺术团", "网咖", "书吧", "演艺吧")
_ORG_REP_TITLES = ("法定代表人", "负责人")
# the Latin initials a masked firm's trade name is printed as, by the mask the page uses for people
# (one masked firm in _P_INITIAL_IN)
_TRADE_INITIALS = {"某": "ABCDEFGHJK", "*": "LMNPQRSTWY", "x": "LMNPQRSTWY", "X": "LMNPQRSTWY"}
_P_INITIAL_IN = 6
# trade words that already name a kind of business
_BUSINESS_TRADES = ("诊所", "门诊部", "医院", "大药房", "便利店")


@dataclass
class Party:
    kind: PartyKind
    name: str
    place: Place
    address: str
    credit_code: str | None = None
    credit_code_valid: bool | None = None
    registration_no: str | None = None
    representative: str | None = None
    representative_title: str = "法定代表人"
    id_masked: str | None = None
    gender: str | None = None
    birth_year: int | None = None

    def gold(self) -> GoldParty:
        return GoldParty(
            name=self.name,
            kind=self.kind,
            credit_code=self.credit_code,
            credit_code_valid=self.credit_code_valid,
            registration_no=self.registration_no,
            legal_representative=self.representative,
            id_number_masked=self.id_masked,
            address=self.address,
        )


def _credit(rng: random.Random, place: Place, kind: str, p_invalid: float) -> tuple[str, bool]:
    code = credit_code.make_credit_code(rng, place.code, kind)
    if rng.random() < p_invalid:
        return credit_code.corrupt_code(rng, code), False
    return code, True


def make_party(
    rng: random.Random,
    kind: PartyKind,
    trade: str,
    place: Place | None = None,
    mask_style: str = "keep4",
    p_invalid_code: float = 0.18,
    name_mask: str = "",
) -> Party:
    """A party; `name_mask` ("某" or "*") redacts people's names the way published decisions do
    (张某某, 李*), for the person itself or an organisation's representative."""
    # a publisher that masks people's names may print a firm's trade name as a Latin initial
    # (`福建L贸易有限公司`: the thirteenth survey's tax addressee): the mask's style picks the letters
    initials = _TRADE_INITIALS.get(name_mask, "") if kind == "organisation" else ""
    party = _make_party(rng, kind, trade, place, mask_style, p_invalid_code, initials)
    if name_mask and kind == "individual":
        party.name = names.redact(rng, party.name, name_mask)
    elif name_mask and party.representative:
        party.representative = names.redact(rng, party.representative, name_mask)
    return party


def _make_party(
    rng: random.Random,
    kind: PartyKind,
    trade: str,
    place: Place | None,
    mask_style: str,
    p_invalid_code: float,
    initials: str = "",
) -> Party:
    place = place or pick_place(rng)
    trades = _TRADES.get(trade, _TRADES["general"])
    if kind == "organisation":
        prefix = place.short_city if rng.random() < 0.7 else place.short_district
        if rng.random() < 0.1:
            # 字号（地名）行业 shape, as firms registered with a brand first write it
            name = names.brand(rng) + f"（{place.short_city}）" + rng.choice(trades) + rng.choice(_ORG_FORMS)
        else:
            brand = names.brand(rng)
            # (chosen by the brand's checksum, so the random stream is the one it was)
            check = zlib.crc32(brand.encode())
            if initials and check % _P_INITIAL_IN == 0:
                brand = initials[check // _P_INITIAL_IN % len(initials)]
            trade_word, form = rng.choice(trades), rng.choice(_ORG_FORMS)
            if form == "厂" and trade_word.endswith(_BUSINESS_TRADES):
                form = "有限公司"  # a 诊所 or 医院 is no 厂 (信丰众德诊所厂)
            name = prefix + brand + trade_word + form
        title = rng.choice(_ORG_REP_TITLES) if rng.random() < 0.2 else "法定代表人"
        if title == "负责人":
            name += place.short_district + "分公司"
        party = Party(kind, name, place, address(rng, place), representative=names.person_name(rng),
                      representative_title=title)
        if rng.random() < 0.9:
            party.credit_code, party.credit_code_valid = _credit(rng, place, kind, p_invalid_code)
        if party.credit_code is None or rng.random() < 0.08:
            party.registration_no = credit_code.make_registration_no(rng, place.code)
        return party
    if kind == "individual_business":
        operator = names.person_name(rng)
        forms = _CULTURE_SHOP_FORMS if trade == "culture" else _SHOP_FORMS
        shop = place.short_district + names.brand(rng) + rng.choice(forms)
        if rng.random() < 0.25:
            shop = f"{place.short_district}{operator}{rng.choice(_SHOP_FORMS)}"
        party = Party(kind, shop, place, address(rng, place), representative=operator,
                      representative_title="经营者")
        if rng.random() < 0.85:
            party.credit_code, party.credit_code_valid = _credit(rng, place, kind, p_invalid_code)
        else:
            party.registration_no = credit_code.make_registration_no(rng, place.code)
        if rng.random() < 0.3:
            party.id_masked = credit_code.mask_id_number(rng, place.code, mask_style)
        return party
    person = names.person_name(rng)
    return Party(
        kind,
        person,
        place,
        address(rng, place),
        id_masked=credit_code.mask_id_number(rng, place.code, mask_style),
        gender=rng.choice("男男男女"),
        birth_year=rng.randint(1958, 2001),
        representative=None,
        representative_title="",
    )
