"""Analyst pages: train from reviewed cases in the background with progress, compare with the active
model (per-class table, confusion heat map), promote and roll back, each audited."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from web_helpers import add_cases, as_role

from lianfa.service.db.models import AuditEntry, Case


@pytest.fixture
def reviewed(app, client, sessions, tmp_path: Path) -> int:
    """Reviewed cases holding generated decisions of the corpus's two most frequent categories."""
    from lianfa.corpora.generator.writer import write_corpus

    write_corpus(tmp_path / "gen", n=900, seed=3, style="default")
    records = [json.loads(x) for x in (tmp_path / "gen" / "decisions.jsonl").read_text(encoding="utf-8").splitlines()]
    top = [c for c, _ in Counter(r["category"] for r in records).most_common(2)]
    chosen = [r for r in records if r["category"] in top]
    docs = [dict(text=(tmp_path / "gen" / "docs" / f"{r['id']}.txt").read_text(encoding="utf-8"),
                 doc_number=r["id"], violation={"category": r["category"], "label": r["category"]})
            for r in chosen]
    ids = add_cases(app, client, sessions["uploader"], docs)
    with app.state.db.session() as s:
        for case_id, r in zip(ids, chosen, strict=True):
            s.get(Case, case_id).review_state = "confirmed" if r["criminal"]["label"] else "rejected"
    return len(ids)


def _train(client, csrf: str) -> dict:
    r = client.post("/models/train", data={"csrf_token": csrf, "corpus_documents": 0})
    assert r.status_code == 303 and r.headers["location"].startswith("/models/runs/")
    assert "训练任务" in client.get(r.headers["location"]).text
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status = client.get(r.headers["location"] + ".json").json()
        if status["finished"]:
            return status
        time.sleep(0.3)
    raise AssertionError("training did not finish")


def test_train_compare_promote_rollback(app, client, sessions, reviewed) -> None:
    analyst = sessions["analyst"]
    as_role(client, analyst)
    first = _train(client, analyst.csrf)
    assert first["stage"] == "done" and first["percent"] == 100 and first["error"] is None, first
    assert first["reviewed_cases"] == reviewed
    asked = client.post(f"/models/{first['version']}/promote", data={"csrf_token": analyst.csrf})
    assert asked.status_code == 200 and 'name="confirmed" value="yes"' in asked.text  # nothing promoted yet
    from lianfa.service.web.training_runs import registry_for

    assert registry_for(app.state.settings.data_dir).active() != first["version"]
    assert client.post(f"/models/{first['version']}/promote",
                       data={"csrf_token": analyst.csrf, "confirmed": "yes"}).status_code == 303
    second = _train(client, analyst.csrf)
    assert second["version"] != first["version"]

    page = client.get("/models").text
    assert first["version"] in page and second["version"] in page and "使用中" in page
    compare = client.get(f"/models/{second['version']}/compare")
    assert compare.status_code == 200
    assert f"{reviewed} 件" in compare.text and "混淆矩阵" in compare.text
    assert compare.text.count('class="diag"') >= 2 * 2  # each model's matrix has a diagonal cell per category

    assert client.post(f"/models/{second['version']}/promote",
                       data={"csrf_token": analyst.csrf, "confirmed": "yes"}).status_code == 303
    assert "已启用模型 " + second["version"] in client.get("/models?done=promote").text
    assert client.post("/models/rollback", data={"csrf_token": analyst.csrf}).status_code == 303

    assert registry_for(app.state.settings.data_dir).active() == first["version"]
    with app.state.db.session() as s:
        actions = [a.action for a in s.query(AuditEntry).filter(AuditEntry.entity == "model").order_by(AuditEntry.id)]
    assert actions == ["model.promote", "model.promote", "model.rollback"]


def test_training_without_reviewed_cases_says_what_to_do(client, sessions) -> None:
    as_role(client, sessions["analyst"])
    status = _train(client, sessions["analyst"].csrf)
    assert status["stage"] == "failed" and "请先审核一些案件" in status["error"]


def test_model_actions_need_the_analyst_role_and_the_token(client, sessions) -> None:
    as_role(client, sessions["reviewer"])
    assert client.post("/models/train", data={"csrf_token": sessions["reviewer"].csrf}).status_code == 403
    as_role(client, sessions["analyst"])
    assert client.post("/models/rollback", data={"csrf_token": "x"}).status_code == 403
    r = client.post("/models/rollback", data={"csrf_token": sessions["analyst"].csrf})
    assert r.status_code == 409 and "无法回滚模型" in r.text


def test_promoting_a_model_that_covers_fewer_classes_warns_first(app, client, sessions) -> None:
    from lianfa.classifiers.training import train
    from lianfa.service.web.training_runs import registry_for

    reg = registry_for(app.state.settings.data_dir)
    corpus = Path(app.state.settings.data_dir) / "gen"
    from lianfa.corpora.generator.writer import write_corpus

    write_corpus(corpus, n=120, seed=3, style="default")
    records = [json.loads(x) for x in (corpus / "decisions.jsonl").read_text(encoding="utf-8").splitlines() if x]
    top = [c for c, _ in Counter(r["category"] for r in records).most_common(3)]
    for keep, name in ((top, "wide.jsonl"), (top[:2], "narrow.jsonl")):
        (corpus / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records
                                           if r["category"] in keep), encoding="utf-8")
    wide = train([corpus / "wide.jsonl"], reg, seed=1, promote=True, processes=1).version
    narrow = train([corpus / "narrow.jsonl"], reg, seed=1, promote=False, processes=1).version
    as_role(client, sessions["analyst"])
    asked = client.post(f"/models/{narrow}/promote", data={"csrf_token": sessions["analyst"].csrf})
    assert asked.status_code == 200 and "只认识 2 个类别" in asked.text and "仍要启用" in asked.text
    assert reg.active() == wide
    assert "无需重启" in client.get("/models").text and "重启或轮换后" not in client.get("/models").text
