"""The elements a 行政处罚决定书 must state (《行政处罚法》第五十九条), in the article's own wording:
what `missing_elements` reports, what gold records and what the generator leaves out on purpose."""

from __future__ import annotations

PARTY = "当事人姓名/名称和地址"
FACTS = "违法事实和证据"
BASIS = "处罚种类和依据"
PERFORMANCE = "履行方式和期限"
REMEDY = "救济途径和期限"
AUTHORITY = "作出决定的机关名称和日期"
ELEMENTS = (PARTY, FACTS, BASIS, PERFORMANCE, REMEDY, AUTHORITY)
