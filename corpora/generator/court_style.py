"""Short texts about a category's conduct written as other genres write it: a court's finding of
fact (`经审理查明，被告人…`), a prosecutor's charge, a news summary, a row of a case table.

They teach the category model the conduct's own vocabulary (taxonomy.yaml `vocabulary`, `cues`)
apart from the generator's decision templates, which a model otherwise learns by heart: a
classifier trained on decisions alone is sure only of the generator's phrasing. Everything that is
not the conduct (names, places, dates, arrests, evidence lists, sentences) is drawn from the same
pools for every category, so only the conduct words tell the categories apart.

    court_examples(per_category=20, seed=0) -> [CourtExample(category, text), ...]

Same arguments, same texts (each example has its own random.Random seeded by seed, category and
index).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from lianfa.corpora.generator.dates import random_date, write_date
from lianfa.corpora.generator.geo import address, pick_place
from lianfa.corpora.generator.names import brand, person_name, redact
from lianfa.corpora.taxonomy import Category, Taxonomy, load_taxonomy

_FROM = date(2010, 1, 1)
_TO = date(2025, 6, 30)

_COURT_OPENINGS = ("经审理查明，", "经审理查明：", "公诉机关指控：", "{city}人民检察院指控，", "经审理查明的事实如下：", "", "本院查明，")
_DEFENDANTS = ("被告人{name}", "被告人{masked}", "被告单位{firm}及其负责人{masked}", "被告人{masked}（另案处理人员{other}）", "被告人{name}伙同{other}")
_WHERE = ("在{addr}", "在其位于{addr}的住处", "在{district}一带", "于{district}境内", "在其经营的{firm}", "")
_LINKS = ("，", "，并", "，后", "，其间", "，且", "，又", "，共同", "，通过")
_FRAMES = (
    "{t}",
    "以{t}的方式",
    "采用{t}的手段",
    "在{t}的情况下",
    "违反国家规定{t}",
    "明知{t}",
    "{t}共计{n}次",
    "{t}，数量达{n}",
)
_MEASURES = (
    "经鉴定，涉案物品价值人民币{money}元。",
    "经核算，涉案金额共计人民币{money}元。",
    "案发后，公安机关依法扣押涉案物品一批。",
    "经{city}价格认证中心认定，价值{money}元。",
    "违法所得{money}元。",
    "",
)
_AFTER = (
    "{d}，被告人{masked}被公安机关抓获归案，到案后如实供述了上述犯罪事实。",
    "{d}，被告人{masked}主动到公安机关投案。",
    "案发后，被告人{masked}退缴违法所得{money}元。",
    "{d}，{masked}经民警电话通知到案。",
    "",
)
_PROOF = (
    "上述事实，有被告人的供述、证人证言、现场勘验笔录、鉴定意见、扣押清单等证据证实，足以认定。",
    "认定上述事实的证据有：书证、证人证言、被告人的供述与辩解、辨认笔录等。",
    "上述事实，被告人在开庭审理过程中亦无异议，且有相关证据证实。",
    "",
)
_NEWS = (
    "近日，{city}{district}人民法院审结一起{crime}案件。{body}法院以{crime}判处被告人{masked}有期徒刑{years}年，并处罚金{money}元。",
    "{district}警方破获一起{crime}案。{body}目前，犯罪嫌疑人已被依法采取刑事强制措施。",
    "{city}通报一批典型案例：{body}{masked}因犯{crime}被判处有期徒刑{years}年。",
    "典型案例{n}：{body}",
    "【案情简介】{body}【处理结果】移送司法机关追究刑事责任。",
)
_ADMIN_NEWS = (
    "近日，{city}{district}执法部门查处一起案件。{body}执法人员依法对其作出行政处罚。",
    "典型案例{n}：{body}当事人被依法责令改正并处以罚款。",
    "【案情简介】{body}【处理结果】责令改正，罚款{money}元。",
    "{district}开展专项检查，发现{firm}{body}",
)
_ROW = ("{n} | {masked} | {d} | {body} | {money}元", "序号{n}，{firm}，{body}，涉案金额{money}元，{d}。")


@dataclass(frozen=True)
class CourtExample:
    category: str
    text: str


def _money(rng: random.Random) -> str:
    value = rng.choice(
        (rng.randint(1, 99) * 100, rng.randint(1, 999) * 1000, rng.randint(1, 9999) * 100 + rng.randint(0, 99))
    )
    return f"{value:,}" if rng.random() < 0.3 else str(value)


def _conduct(rng: random.Random, category: Category) -> str:
    """A clause made of the category's terms: the only category-specific words of the text."""
    pool = list(dict.fromkeys(category.vocabulary + category.cues))
    terms = rng.sample(pool, min(len(pool), rng.randint(2, 6)))
    clauses = [rng.choice(_FRAMES).format(t=t, n=rng.randint(2, 300)) for t in terms]
    text = clauses[0]
    for clause in clauses[1:]:
        text += rng.choice(_LINKS) + clause
    return text


def _example(rng: random.Random, category: Category) -> str:
    place = pick_place(rng)
    name = person_name(rng)
    other = redact(rng, person_name(rng), "某")
    firm = place.city + brand(rng) + rng.choice(("有限公司", "商行", "经营部", "厂", "合作社"))
    fill = {
        "name": name,
        "masked": redact(rng, name, rng.choice("某*×")),
        "other": other,
        "firm": firm,
        "city": place.city,
        "district": place.district,
        "addr": address(rng, place),
        "money": _money(rng),
        "years": rng.randint(1, 7),
        "n": rng.randint(1, 20),
    }
    when = random_date(rng, _FROM, _TO)
    fill["d"] = write_date(random_date(rng, when, _TO), "ymd_cn")
    body = (
        f"{write_date(when, 'ymd_cn')}{rng.choice(('', '至' + write_date(random_date(rng, when, _TO), 'ymd_cn')))}，"
        f"{rng.choice(_DEFENDANTS).format(**fill)}{rng.choice(_WHERE).format(**fill)}{_conduct(rng, category)}。"
        f"{rng.choice(_MEASURES).format(**fill)}"
    )
    crimes = [c.crime for c in category.candidate_crimes]
    genre = rng.random()
    if genre < 0.55:
        opening = rng.choice(_COURT_OPENINGS).format(**fill)
        text = opening + body + rng.choice(_AFTER).format(**fill) + rng.choice(_PROOF)
    elif genre < 0.85:
        bank = _NEWS if crimes else _ADMIN_NEWS
        text = rng.choice(bank).format(body=body, crime=rng.choice(crimes) if crimes else "", **fill)
    else:
        text = rng.choice(_ROW).format(body=_conduct(rng, category), **fill)
    return text


def court_examples(per_category: int, seed: int = 0, taxonomy: Taxonomy | None = None) -> list[CourtExample]:
    """`per_category` texts for every category of the taxonomy that has conduct vocabulary."""
    taxonomy = taxonomy or load_taxonomy()
    out: list[CourtExample] = []
    for category in taxonomy.categories:
        if not category.vocabulary:
            continue
        for index in range(per_category):
            rng = random.Random(f"lianfa-court:{seed}:{category.id}:{index}")
            out.append(CourtExample(category.id, _example(rng, category)))
    return out
