"""Helpers shared by the service tests (fixtures live in conftest.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

ROLES = ("uploader", "reviewer", "analyst", "admin")
PASSWORD = "correct-horse-9"


def role_tokens(app: Any, password_hash: str, kind: str) -> dict[str, tuple[str, str]]:
    """A user `<role>1` (password PASSWORD) of each role, with a token of `kind`: role → (name, token)."""
    from datetime import timedelta

    from lianfa.service.auth import issue_token
    from lianfa.service.db.models import User

    out = {}
    with app.state.db.session() as s:
        for role in ROLES:
            user = User(name=f"{role}1", password_hash=password_hash, role=role, active=True)
            s.add(user)
            s.flush()
            out[role] = (user.name, issue_token(s, user, kind, timedelta(hours=1)))
    return out


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


def fake_payload(**over: Any) -> dict[str, Any]:
    """An ExtractResult-shaped dict, as the real pipeline returns it."""
    base: dict[str, Any] = {
        "file": "x",
        "status": "ok",
        "error": None,
        "text_source": "text",
        "pages": 1,
        "doc_number": "某市监罚〔2024〕1号",
        "agency": "某市市场监督管理局",
        "decision_date": "2024-03-05",
        "case_cause": "销售不合格产品",
        "parties": [{"name": "某某商贸有限公司", "kind": "organisation", "credit_code": "91350100M000100Y43"}],
        "amounts": [
            {"role": "fine", "yuan": 50000.0, "evidence": {"page": 1, "start": 10, "end": 16, "text": "五万元",
                                                           "box": {"x0": 0.1, "y0": 0.2, "x1": 0.3, "y1": 0.25}}},
            {"role": "goods_value", "yuan": 80000.0, "evidence": {"page": 1, "start": 20, "end": 26, "text": "八万元", "box": None}},
        ],
        "quantities": [],
        "laws": [{"law": "产品质量法", "article": 49, "role": "basis"}],
        "penalties": [],
        "missing_elements": [],
        "violation": {"category": "product_quality", "label": "产品质量", "confidence": 0.9, "candidate_crimes": []},
        "criminal_risk": {"level": "high", "score": 0.9, "reasons": [{"crime": "生产、销售伪劣产品罪", "text": "销售金额五万元以上"}]},
        "text": "某市市场监督管理局 行政处罚决定书 当事人：某某商贸有限公司 罚款五万元",
    }
    base.update(over)
    return base


def fake_processor(path: Path, name: str) -> dict[str, Any]:
    """Unit-test stand-in for the workers' Pipeline.process_file: each test file holds its payload as JSON."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"file": name, "status": "error", "error": f"{name}: 无法识别的文件格式"}
    payload["file"] = name
    return payload


def doc_bytes(**over: Any) -> bytes:
    return json.dumps(fake_payload(**over), ensure_ascii=False).encode()


def slow_processor(path: Path, name: str) -> dict[str, Any]:
    """Never finishes in time: for the job time limit."""
    time.sleep(60)
    return fake_processor(path, name)
