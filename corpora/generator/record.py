"""One GoldRecord from (seed, style, index): the decisions are drawn in order, each from its own
random.Random seeded by those three, so records are independent and a corpus is reproducible."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lianfa.corpora.elements import BASIS, ELEMENTS
from lianfa.corpora.generator import document, law_text, page
from lianfa.corpora.generator.agency import Agency, doc_number, make_agency
from lianfa.corpora.generator.categories.base import Ctx, Target
from lianfa.corpora.generator.categories.registry import profile_for
from lianfa.corpora.generator.criminal import evaluate
from lianfa.corpora.generator.dates import BodyDates
from lianfa.corpora.generator.geo import pick_place
from lianfa.corpora.generator.numbers import AmountWriter
from lianfa.corpora.generator.parties import make_party
from lianfa.corpora.generator.penalties import penalty_items
from lianfa.corpora.generator.phrasing import LAW_QUOTES
from lianfa.corpora.generator.style import Bank, Style, pick
from lianfa.corpora.gold import GoldCriminal, GoldLaw, GoldParty, GoldRecord
from lianfa.corpora.laws import LawBook, load_laws
from lianfa.corpora.rules import RuleBook, load_rules
from lianfa.corpora.taxonomy import Agencies, Category, Taxonomy, load_agencies, load_taxonomy
from lianfa.ingest.normalize import normalize

CONDUCT_FROM = date(2016, 1, 1)
CONDUCT_TO = date(2025, 6, 30)
CRIMINAL_SHARE = 0.55  # share of decisions drawn from categories that have threshold rules
P_MISSING = 0.16  # a decision leaves out one (rarely two) required elements
P_POLICE_RETURN = 0.14  # of decisions whose facts cross: sent to the police and sent back
P_PROSECUTOR_SHARE = 0.4  # of those: the prosecutor, not the police, decided and sent it back
P_CO_PARTY = 0.03  # two people or two businesses penalised together, named under one label


@dataclass(frozen=True)
class Data:
    taxonomy: Taxonomy
    agencies: Agencies
    rules: RuleBook
    laws: LawBook

    @property
    def full_names(self) -> dict[str, str]:
        return {law.short: law.full[0] for law in self.laws.laws}


@lru_cache(maxsize=1)
def load_data() -> Data:
    return Data(load_taxonomy(), load_agencies(), load_rules(), load_laws())


def _pick_category(rng: random.Random, data: Data) -> Category:
    criminal = [c for c in data.taxonomy.categories if c.rule_ids]
    admin = [c for c in data.taxonomy.categories if not c.rule_ids]
    pool = criminal if (rng.random() < CRIMINAL_SHARE and criminal) or not admin else admin
    return rng.choice(pool)


def _target(rng: random.Random, category: Category) -> Target:
    if not category.rule_ids:
        return "below"
    r = rng.random()
    return "above" if r < 0.5 else "near" if r < 0.72 else "below"


def _laws(rng: random.Random, category: Category) -> tuple[list[GoldLaw], list[GoldLaw]]:
    def gold(refs: list, role: str) -> list[GoldLaw]:
        return [GoldLaw(law=r.law, article=r.article, paragraph=r.paragraph, item=r.item, role=role) for r in refs]

    violated = gold(category.laws_violated, "violated")
    basis = gold(category.laws_applied, "basis")
    if len(violated) > 1 and rng.random() < 0.5:
        violated = rng.sample(violated, k=rng.randint(1, len(violated)))
    if len(basis) > 1 and rng.random() < 0.5:
        basis = rng.sample(basis, k=rng.randint(1, len(basis)))
    return violated, basis


def _missing(rng: random.Random) -> list[str]:
    if rng.random() >= P_MISSING:
        return []
    k = 2 if rng.random() < 0.15 else 1
    return sorted(rng.sample(ELEMENTS, k=k), key=ELEMENTS.index)


def _courts(agency: Agency) -> tuple[str, str]:
    """The 复议 body (the government at the agency's own level) and the basic court."""
    place = agency.place
    city = place.city
    if place.district != place.city and (place.district in agency.name or place.short_district + "分局" in agency.name):
        gov = city + place.district + "人民政府" if place.municipality else place.district + "人民政府"
    elif agency.name.startswith(place.province) and not place.municipality:
        gov = place.province + "人民政府"
    else:
        gov = city + "人民政府"
    return gov, f"{place.district}人民法院"


# how published decisions hide a person's given name (张某某, 李*, 王xx, 赵XX)
NAME_MASKS: Bank[str] = {"default": ("某",), "holdout": ("*", "x", "X")}


_COMPANY_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")


def _short_name(name: str, city: str, district: str) -> str | None:
    """A company's short name, as a listed company's announcements call it: the name without its
    place and company form (某市宏达商贸有限公司 -> 宏达商贸); None when that is no short name."""
    if not _COMPANY_FORM.search(name) or "（" in name or "分公司" in name:
        return None
    short = _COMPANY_FORM.sub("", name).removeprefix(city).removeprefix(district)
    return short if 3 <= len(short) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", short) else None


def build_record(seed: int, style: Style, index: int, data: Data | None = None) -> GoldRecord:
    data = data or load_data()
    rng = random.Random(f"lianfa:{seed}:{style}:{index}")
    category = _pick_category(rng, data)
    profile = profile_for(category.id)
    place = pick_place(rng)
    kinds = list(profile.party_kinds)
    name_mask = "" if rng.random() >= 0.2 else pick(rng, NAME_MASKS, style)
    party = make_party(rng, rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0], profile.trade,
                       place, mask_style="keep4" if style == "default" else rng.choice(("keep6", "keep3")),
                       name_mask=name_mask)
    agency_type = data.agencies.get(
        category.agency_types[0] if rng.random() < 0.75 else rng.choice(category.agency_types)
    )
    agency = make_agency(rng, agency_type, style, place)

    start = CONDUCT_FROM + timedelta(days=rng.randint(0, (CONDUCT_TO - CONDUCT_FROM).days))
    end = start + timedelta(days=rng.choice((0, rng.randint(1, 60), rng.randint(30, 420))))
    found = end + timedelta(days=rng.randint(0, 20))
    filed = found + timedelta(days=rng.randint(0, 15))

    target = _target(rng, category)
    dates = BodyDates(rng, style)
    money = AmountWriter(rng, style)
    story = None
    criminal = GoldCriminal(label=False)
    for _attempt in range(3):
        ctx = Ctx(rng, style, category, data.rules, list(category.rule_ids), party, start, end, place.province, target,
                  dates, money)
        story = profile.story(ctx)
        criminal = evaluate(data.rules, list(category.rule_ids), story.case, end, place.province)
        if criminal.label == (target == "above"):
            break
    assert story is not None

    if criminal.label and rng.random() < P_POLICE_RETURN:
        if rng.random() < P_PROSECUTOR_SHARE:
            criminal = criminal.model_copy(update={
                "decided_by_prosecutor": True,
                "reason": criminal.reason + "；检察机关作出不起诉决定并提出检察意见，移送行政机关处理",
            })
        else:
            criminal = criminal.model_copy(update={
                "declined_by_police": True,
                "reason": criminal.reason + "；公安机关决定不予立案并移送回行政机关处理（立案监督线索）",
            })

    # the procedure after filing: (transfer to the police and back), notice of the intended penalty,
    # hearing, decision
    step = filed
    police_dates = None
    if criminal.declined_by_police or criminal.decided_by_prosecutor:
        sent = step + timedelta(days=rng.randint(3, 30))
        back = sent + timedelta(days=rng.randint(10, 60))
        police_dates = (sent, back)
        step = back
    notice = step + timedelta(days=rng.randint(10, 90))
    hearing = notice + timedelta(days=rng.randint(3, 12))
    decided = hearing + timedelta(days=rng.randint(3, 60))

    missing = _missing(rng)
    violated, basis = _laws(rng, category)
    if BASIS in missing:
        basis = []
    full = data.full_names
    writer = law_text.LawWriter(rng, style, full)
    violated_text = writer.cite(violated) if violated else ""
    basis_text = writer.cite(basis) if basis else ""
    quote = ""
    if basis and rng.random() < 0.35:
        law = rng.choice(basis)
        clause = law_text.quote_for(rng, law)
        if clause:
            template = rng.choice(LAW_QUOTES[style])
            quote = template.format(
                law=writer.name(law.law),
                article=writer.article(law),
                quote=clause,
            )
    items, gold_penalties, penalty_amounts = penalty_items(rng, story, style, not category.rule_ids, money)
    gov, court = _courts(agency)
    decision = document.Decision(
        style=style, agency=agency, doc_number=doc_number(rng, agency, decided.year, style),
        decision_date=decided, filed=filed, found=found, notice=notice, hearing_date=hearing,
        police_dates=police_dates, dates=dates, money=money, party=party, story=story,
        violated=violated_text, basis=basis_text, quote=quote, penalties=items,
        police_returned=criminal.declined_by_police, prosecutor_returned=criminal.decided_by_prosecutor,
        missing=missing, gov=gov, court=court,
        discretion=rng.random() < 0.35, hearing=rng.random() < 0.7, footer=rng.random() < 0.3,
        headings=rng.random() < 0.2,
    )
    written = document.blocks_for(rng, decision)
    # the page around the decision draws from its own stream: the decision's text stays as it was
    page_rng = random.Random(f"lianfa:{seed}:{style}:{index}:page")
    # a title that names the case names it as the decision does
    act = written.case_cause.removesuffix("案") if written.case_cause else story.act
    published = page.publish(page_rng, style, written.blocks, agency=agency.name, party=party.name, act=act,
                             decided=decided)
    # a fine the decision prints in parts with their total is not restated in a news lead
    single_fine = next((p.yuan for p in items if p.kind == "fine" and not re.search(r"分别|合计|共计", p.text)), None)
    unlabelled = page.unlabelled_party(
        page_rng, style, published.blocks, name=party.name, act=act, year=end.year, agency=agency.name,
        fine=single_fine, short=_short_name(party.name, place.short_city, place.short_district), fine_total=story.fine,
        confiscated=next((p.yuan for p in items if p.kind == "confiscate_income" and p.yuan), None),
        person=party.kind == "individual",
    ) if party.kind in ("organisation", "individual") else page.Unlabelled(published.blocks, None)
    blocks = unlabelled.blocks
    # a summary line above the decision that states no figure the decision decides, drawn from a stream
    # of its own: a tax case's one sum of tax, late fee and fine, or the fine as a disclosure field in 万元
    lead_rng = random.Random(f"lianfa:{seed}:{style}:{index}:lead")
    taxed = any(a.role == "tax_evaded" for a in story.amounts)
    blocks = page.summary_lead(
        lead_rng, style, blocks, name=party.name, agency=agency.name,
        tax_sum=story.fine + sum(a.yuan for a in story.amounts if a.role == "tax_evaded") if taxed and story.fine else 0.0,
        fine=story.fine,
    )
    # an earlier decision for the same conduct recounted with its paid fine, drawn from a stream of its own
    blocks = page.earlier_decision(
        random.Random(f"lianfa:{seed}:{style}:{index}:earlier"), style, blocks, agency=agency.name, fine=story.fine
    )
    # a second party named with the first under one label, drawn from a stream of its own
    co_rng = random.Random(f"lianfa:{seed}:{style}:{index}:co")
    co_party = None
    if unlabelled.form is None and party.kind in ("individual", "organisation") and co_rng.random() < P_CO_PARTY:
        co_party = make_party(co_rng, party.kind, profile.trade, place, name_mask=name_mask)
        if co_party.name != party.name:
            blocks = page.co_party_blocks(co_rng, style, blocks, party, co_party)
            fine_item = next((p for p in items if p.kind == "fine" and p.yuan and not re.search(r"分别|合计|共计", p.text)), None)
            if party.kind == "individual" and fine_item is not None:
                blocks = page.per_person_fine(co_rng, style, blocks, fine_item.text, fine_item.yuan or 0.0)
        else:
            co_party = None
    # a title or finding that names the party names the case; a news lead or table row only states the act
    case_cause = written.case_cause or (act + "案" if unlabelled.form in ("title", "finding") else None)
    text = "\n".join(b.text for b in blocks)
    gold_party = party.gold()
    if document.PARTY_ELEMENT in missing:
        gold_party = gold_party.model_copy(update={"address": None})
    gold_parties = [gold_party]
    if unlabelled.form or co_party:
        # only the names are printed: the address is missing as Article 59 counts it
        printed = unlabelled.name or party.name
        if unlabelled.form == "listed" and party.name in normalize(text):
            printed = party.name  # a title that names the company in full names it better than its short name
        gold_parties = [GoldParty(name=printed, kind=party.kind)]
        if co_party is not None:
            gold_parties.append(GoldParty(name=co_party.name, kind=co_party.kind))
        if document.PARTY_ELEMENT not in missing:
            missing = [document.PARTY_ELEMENT, *missing]
    return GoldRecord(
        id=f"{style[0]}{seed:04d}-{index:06d}",
        style=style,
        seed=seed,
        category=category.id,
        agency=agency.name,
        agency_type=agency.type_id,
        doc_number=published.doc_number,
        decision_date=decided,
        conduct_date=end,
        province=place.province,
        case_cause=case_cause,
        parties=gold_parties,
        amounts=story.amounts + penalty_amounts,
        quantities=story.quantities,
        laws=violated + basis,
        penalties=gold_penalties,
        missing_elements=missing,
        criminal=criminal,
        blocks=blocks,
        text=text,
    )
