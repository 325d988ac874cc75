"""The synthetic corpus generator: 行政处罚决定书 with exact labels (corpora.gold.GoldRecord).

    lianfa corpus generate --n N --seed S --out DIR [--style default|holdout]

Each decision is drawn from its own random.Random(f"lianfa:{seed}:{style}:{index}"), so a corpus
is byte-identical for the same arguments and a record does not depend on the ones before it.

Flow: pick a taxonomy category (about 55% from categories with prosecution thresholds) → a party
(parties.py, credit_code.py) and an agency (agency.py, from agencies.yaml) → the category's facts
(categories/: amounts by role, quantities, fact elements) sized below, near (80–100%) or above the
threshold version in force at the conduct date → the label from those facts (criminal.py) → the
document (document.py: sections, order, merges, omissions; party_block.py; penalties.py;
law_text.py) → GoldRecord (record.py) → files (writer.py).

Gold conventions. Every amount and quantity the facts state is in gold: amounts by role (a 没收
违法所得 is `confiscated_income`, an income established but not confiscated is `illegal_income`;
罚没款合计 lines and unit prices are not amounts), quantities in canonical units (平方米, 立方米, 千克;
counts keep their unit). Law text quoted with its own ranges is not an amount. `criminal.label` is
True when the stated facts meet a criterion of a rule in force at the conduct date, criteria marked
`certainty: review` included; a case sent to the police and returned keeps label=True with
`declined_by_police=True` (a 立案监督 lead: expected `review`), and one a prosecutor did not
prosecute and sent back keeps label=True with `decided_by_prosecutor=True` (expected unflagged). A label=False case whose measured value of a rule in force reaches
80% of its threshold has `near_threshold=True` (the expected output there is `review`).
When 作出决定的机关名称和日期 is left out, `decision_date` is still the decision's date although the
text does not print it (the classifiers use it; `lianfa eval` expects no date to be read there).

Style split. Every phrasing choice is a bank `{"default": (...), "holdout": (...)}` with disjoint
options (style.py; a test checks every bank in the package). What the holdout style changes:
- sentence templates of every section (case opening, 经查 intro, periods, evidence intro and
  numbering, hearing, reasoning, quotes, discretion, decision intro and numbering, totals, payment,
  remedy, police return, footer, seal note, headings) and the category facts sentences;
- layouts: header (agency and title on one line), 文号 alignment, party block (bracketed prose,
  half-width or spaced labels, two-pair tables), evidence and decision layouts, signature order;
- section orders (ORDERS in document.py);
- agency naming: the second half of each agency type's name patterns and 文号 prefixes, other
  abbreviations, 【】 and () brackets, zero-padded serials; self-reference 本机关 instead of 本局;
- party labels (被处罚单位, 社会信用代码 ...), 身份证 masks (keep6/keep3 instead of keep4);
- date formats (二〇 vs 零 years, dashes, slashes) and amount forms (大写 with the figure in brackets).
Shared by both: categories, laws, amounts' magnitudes, the domain vocabulary (违法所得, 货值金额...).
"""
