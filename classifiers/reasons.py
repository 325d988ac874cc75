"""The Chinese sentences of the rules engine's reasons, written from its findings (classifiers/findings.py)
with the vocabulary's names (corpora/data/vocabulary.yaml). Nothing here decides: a sentence says
what the finding holds, in the words a 移送 reviewer reads."""

from __future__ import annotations

from lianfa.classifiers.findings import (
    AmountMeasure,
    BeforeBook,
    BehaviourFinding,
    Detail,
    ExceedanceFinding,
    FigureFinding,
    LighterLater,
    MaskedFigureFinding,
    NoConductDate,
    Note,
    OutcomeStatedFinding,
    Undated,
)
from lianfa.corpora.rules import Rule, RuleVersion
from lianfa.corpora.vocabulary import role_name


def qty(value: float) -> str:
    """A figure as the reasons print it: thousands separated, no trailing zeros."""
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-6 else f"{value:,.2f}".rstrip("0").rstrip(".")


def penal_article(rule: Rule) -> str:
    """The 刑法 article of a rule: 刑法第225条, 刑法第140条之一第2款."""
    sub = f"之{'一二三四五六七八九'[rule.article_sub - 1]}" if rule.article_sub else ""
    return f"刑法第{rule.article}条{sub}" + (f"第{rule.paragraph}款" if rule.paragraph else "")


def citation(version: RuleVersion) -> str:
    """Where a rule version's threshold is set: its source and article."""
    return f"{version.source}{version.source_article}"


def reason_text(crime: str, finding: Detail, citation: str, note: Note | None) -> str:
    """`罪名：the finding's sentence（note）`."""
    return f"{crime}：{sentence(finding, citation)}{note_text(note)}"


def cued(text: str, cue: str) -> str:
    """A reason found by a rule's own cue word, with the words that cued it."""
    return f"{text}（文书载明“{cue}”）"


def note_text(note: Note | None) -> str:
    if isinstance(note, NoConductDate):
        return "（文书未载明行为时间，按决定日期适用标准）"
    if isinstance(note, LighterLater):
        return f"（决定时施行的{note.version}较轻，依从旧兼从轻原则需复核）"
    if isinstance(note, Undated):
        return "（文书日期未能识别，已与各版本标准比较，请复核）"
    if isinstance(note, BeforeBook):
        return f"（行为发生在{note.version}施行之前，当时适用的{note.predecessor}未收录，按{note.version}比较，请复核）"
    return ""


def sentence(finding: Detail, citation: str) -> str:
    if isinstance(finding, FigureFinding):
        return _figure(finding, citation)
    if isinstance(finding, BehaviourFinding):
        return _behaviour(finding, citation)
    if isinstance(finding, ExceedanceFinding):
        return _exceedance(finding, citation)
    if isinstance(finding, MaskedFigureFinding):
        return _masked(finding, citation)
    return _outcome_stated(finding, citation)


def measure_label(finding: FigureFinding) -> str:
    """What was measured: the roles summed (`销售金额 + 货值金额×0.5`) or the quantity's subject."""
    m = finding.measure
    if isinstance(m, AmountMeasure):
        return " + ".join(role_name(p.role) + (f"×{p.weight:g}" if p.weight != 1 else "") for p in m.parts)
    return m.subject


def _figure(f: FigureFinding, citation: str) -> str:
    label = measure_label(f)
    t = f.threshold
    value = f"{label} {qty(f.measure.value)} {t.unit}"
    bound = f"追诉标准{'下限' if t.ranged else ''} {qty(t.low)} {t.unit}"
    if f.outcome == "high":
        text = f"{value} ≥ 追诉标准 {qty(t.high)} {t.unit}（{citation}）"
    elif f.outcome == "within_range":
        text = f"{value} ≥ {bound}，未达上限 {qty(t.high)} {t.unit}（省定标准，{citation}）"
    else:
        text = f"{value}，达到{bound}的 {f.ratio:.0%}（{citation}），接近但未达标准"
    if f.missing_facts:
        text += f"；另需“{'、'.join(f.missing_facts)}”，文书未见明确表述，请复核"
    if f.prior_penalties is not None:
        text += f"；此前已受行政处罚{f.prior_penalties}次"
    if not isinstance(f.measure, AmountMeasure) and f.measure.inferred:
        text += f"；“{label}”不在规则所列对象（{'、'.join(f.listed_subjects)}）中，按违法类别推定，请复核"
    return text


def _behaviour(f: BehaviourFinding, citation: str) -> str:
    prior = f"此前已受行政处罚{f.prior_penalties}次" if f.prior_penalties is not None else ""
    said = "，".join(x for x in ("、".join(f.stated), prior) if x)
    if f.unstated_figure:
        return f"文书载明{said}，按“{f.description}”（{citation}）须核定其数额，文书未载明，请复核"
    text = f"文书载明{said}，符合“{f.description}”（{citation}）"
    if f.missing_facts:
        text += f"；“{'、'.join(f.missing_facts)}”未见于文书，请复核"
    return text


def _exceedance(f: ExceedanceFinding, citation: str) -> str:
    if f.outcome == "high":
        text = f"{f.pollutant}超标 {qty(f.times)} 倍 ≥ 追诉标准 {qty(f.threshold_times)} 倍（{citation}）"
    else:
        text = (
            f"{f.pollutant}超标 {qty(f.times)} 倍，达到追诉标准 {qty(f.threshold_times)} 倍的 {f.ratio:.0%}"
            f"（{citation}），接近但未达标准"
        )
    if f.detail != f.pollutant:
        text = f"{f.detail}，{text}"
    if f.limit_supplied:
        text += "；文书未载明所执行的标准限值，请复核"
    return text


def _outcome_stated(f: OutcomeStatedFinding, citation: str) -> str:
    return f"文书载明“{f.stated}”，但未载明可与追诉标准比较的数额（{citation}），请复核"


def _masked(f: MaskedFigureFinding, citation: str) -> str:
    label = "、".join(role_name(r) for r in f.roles)
    return (
        f"文书所载{label}已被遮蔽（“{f.written}”），无法与追诉标准 {qty(f.threshold.low)} {f.threshold.unit}"
        f"比较（{citation}），请查阅原件复核"
    )
