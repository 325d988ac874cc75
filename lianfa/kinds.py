"""The closed sets of values the extracted fields take: an amount's role, a party's kind, a
quantity's kind, a penalty's kind.

The extractors produce them; the `extract` contract, the rule book (corpora/data/thresholds.yaml)
and the generator's gold records all speak them. They sit at the bottom of the layers, beside
lianfa.errors, because the rule book is data that ingest already reads (through the law and agency
dictionary), so they cannot live in any package above it.
"""

from __future__ import annotations

from typing import Literal

AmountRole = Literal[
    "fine",
    "confiscated_income",
    "illegal_income",
    "goods_value",
    "sales",
    "illegal_revenue",
    "tax_evaded",
    "loss",
    "other",
]
PartyKind = Literal["organisation", "individual_business", "individual"]
QuantityKind = Literal["area", "volume", "weight", "count"]
PenaltyKind = Literal[
    "warning",
    "fine",
    "confiscate_income",
    "confiscate_goods",
    "confiscate_tools",
    "suspend",
    "revoke_licence",
    "detention",
    "close",
    "order_correct",
]
