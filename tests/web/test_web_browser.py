"""The pages in a real browser: Debian's chromium, headless, driven by playwright, against a real
`lianfa serve` (uvicorn, worker processes, the real pipeline and classifiers).

A clerk uploads a ZIP (generated decisions, one scanned page, one broken file, one decision carrying
HTML) and watches it reach 100%; a reviewer opens the top flagged case, confirms it with the keyboard
and finds the audit entry; nothing injected through a decision runs; every page fits 1366 px.
Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_helpers import ARTIFACTS, HEIGHT, WIDTH, expect, launch, logged_in, shot
from live_server import Server, free_port, lianfa, service_env

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD = "browser-pass-1"
MARKER = "XSS-MARKER-7f3a"
INJECTED = (f'<script>console.log("{MARKER}");alert(1)</script>'
            f'<img src=x onerror="console.log(\'{MARKER}\');alert(2)">')
MODEL_CATEGORIES = 3  # the test model learns the few most frequent generated categories (fast to fit)


def _train_small_model(gen: Path, data: Path) -> set[str]:
    """A registry model fitted on the most frequent categories of a generated corpus: the default model
    takes minutes to train, this one seconds, and the rules engine flags the same way."""
    from lianfa.classifiers.registry import Registry
    from lianfa.classifiers.training import train

    records = [json.loads(line) for line in (gen / "decisions.jsonl").read_text(encoding="utf-8").splitlines() if line]
    counts = Counter(r["category"] for r in records)
    flagged = Counter(r["category"] for r in records if r["criminal"]["label"])
    chosen = {c for c, _ in sorted(counts.items(), key=lambda kv: (-(flagged[kv[0]] > 3), -kv[1]))[:MODEL_CATEGORIES]}
    subset = gen / "model-train.jsonl"
    subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records if r["category"] in chosen),
                      encoding="utf-8")
    registry = Registry(data / "models")
    train([subset], registry, seed=1, promote=True, processes=1, note="browser-test model")
    train([subset], registry, seed=2, promote=False, processes=1, note="browser-test candidate")
    return chosen


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("web-e2e")
    data = root / "data"
    env = service_env(data, LIANFA_WORKERS="1")
    lianfa(["corpus", "generate", "--n", "1200", "--seed", "5", "--out", str(root / "gen")], env)
    chosen = _train_small_model(root / "gen", data)
    for name, role in (("clerk", "uploader"), ("judge", "reviewer"), ("analyst", "analyst"), ("boss", "admin")):
        lianfa(["users", "add", name, "--role", role, "--password-stdin"], env, stdin=PASSWORD + "\n")
    srv = Server(env, free_port(), root / "server.log")
    srv.start()
    try:
        yield {"url": srv.url, "root": root, "categories": chosen}
    finally:
        srv.stop()


def _inputs(root: Path, categories: set[str]) -> dict[str, bytes]:
    """ZIP members: decisions that cross a threshold and some that don't (txt), one scanned page,
    a broken file, and a decision whose party line carries HTML."""
    records = [json.loads(x) for x in (root / "gen" / "decisions.jsonl").read_text(encoding="utf-8").splitlines() if x]
    mine = [r for r in records if r["category"] in categories]
    crossing = [r for r in mine if r["criminal"]["label"]][:4]
    below = [r for r in mine if not r["criminal"]["label"]][:2]
    docs = root / "gen" / "docs"
    files = {f"决定书/{r['id']}.txt": (docs / f"{r['id']}.txt").read_bytes() for r in crossing + below}
    hostile = below[-1] if below else crossing[-1]
    text = (docs / f"{hostile['id']}.txt").read_text(encoding="utf-8")
    files["决定书/注入测试.txt"] = text.replace("当事人", f"当事人{INJECTED}", 1).encode("utf-8")
    files["坏文件/伪装图片.png"] = (FIXTURES / "bad" / "html.png").read_bytes()
    scan_dir = root / "scan"
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(scan_dir), "--format", "jpeg",
            "--limit", "1", "--damage", "light", "--seed", "5"], service_env(root / "unused"))
    page = sorted(scan_dir.glob("*.jpg"))[0]
    files[f"扫描件/{page.name}"] = page.read_bytes()
    return files


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page_for(browser, server) -> Iterator[Any]:
    """page_for(user) -> a fresh 1366×768 page logged in through the login form."""
    pages = []

    def make(name: str) -> Any:
        pages.append(logged_in(browser, server["url"], name, PASSWORD))
        return pages[-1]

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module")
def uploaded(browser, server) -> dict[str, Any]:
    """The clerk uploads the ZIP in the browser and watches the batch reach 100%."""
    files = _inputs(server["root"], server["categories"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    ctx = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{server['url']}/login")
    page.fill("input[name=username]", "clerk")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/upload")
    shot(page, "01-upload")
    page.set_input_files("#pick-files", files=[{"name": "十月决定书.zip", "mimeType": "application/zip",
                                                "buffer": buf.getvalue()}])
    page.wait_for_url("**/batches/*")
    expect(page.locator("#batch-percent")).to_have_text("100%", timeout=150_000)
    expect(page.locator("#batch")).to_have_attribute("data-finished", "yes")
    shot(page, "02-batch-done")
    rows = page.locator("#items tbody tr")
    result = {
        "members": len(files),
        "rows": rows.count(),
        "summary": page.inner_text("#batch-summary"),
        "bad_row": page.inner_text("tr:has-text('伪装图片.png')"),
        "batch_url": page.url,
    }
    ctx.close()
    return result


def test_upload_zip_progress_reaches_100_with_errors_in_words(uploaded) -> None:
    assert uploaded["rows"] == uploaded["members"]
    assert "本批处理完毕" in uploaded["summary"]
    assert "失败" in uploaded["bad_row"] and "伪装图片.png" in uploaded["bad_row"]
    error = uploaded["bad_row"].split("失败", 1)[1]
    assert len(error.strip()) > 6  # a sentence for the clerk, not only a status


def test_files_dropped_on_the_page_are_uploaded(uploaded, page_for, server) -> None:
    docs = server["root"] / "gen" / "docs"
    texts = [p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))[-2:]]
    page = page_for("clerk")
    page.locator("#drop").evaluate(
        """(drop, texts) => {
            const dt = new DataTransfer();
            texts.forEach((t, i) => dt.items.add(new File([t], `拖入-${i}.txt`, {type: "text/plain"})));
            drop.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        texts,
    )
    page.wait_for_url("**/batches/*")
    expect(page.locator("#batch-percent")).to_have_text("100%", timeout=60_000)
    assert page.locator("#items tbody tr").count() == 2
    assert page.locator("#items tbody tr:has-text('拖入-0.txt') [data-field=status]").inner_text() == "已完成"


def test_c_on_the_queue_opens_the_confirmation_step_without_confirming(uploaded, page_for, server) -> None:
    page = page_for("judge")
    page.goto(f"{server['url']}/queue?review_state=pending")
    page.keyboard.press("j")
    page.keyboard.press("c")
    page.wait_for_url("**/cases/*#confirm")
    expect(page.locator("#btn-confirm")).to_be_focused()
    case_id = int(page.url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[1])
    assert page.request.get(f"{server['url']}/api/cases/{case_id}/audit").json() == []
    page.locator("#confirm-box summary").click()  # closing the step confirms nothing either
    assert page.request.get(f"{server['url']}/api/cases/{case_id}/audit").json() == []


def test_reviewer_confirms_top_flagged_case_with_keyboard(uploaded, page_for, server) -> None:
    page = page_for("judge")
    page.goto(f"{server['url']}/queue?review_state=pending")
    shot(page, "03-queue")
    first = page.locator("#queue tbody tr").first
    assert "selected" in (first.get_attribute("class") or "")
    assert first.locator(".badge").inner_text() == "高风险"
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    shot(page, "04-help")
    page.keyboard.press("Escape")
    assert not page.locator("#help").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/cases/*")
    case_url = page.url.split("?")[0]
    assert page.locator(".reason").count() >= 1
    reason = page.locator(".reason").first.inner_text()
    assert "追诉标准" in reason or "涉嫌" in reason
    shot(page, "05-case")
    field = page.locator("button.field").first
    field.click()
    assert page.locator(".hot").count() >= 2  # the field and its marked span (or box) are lit
    page.keyboard.press("c")  # one key opens the confirmation step, it never confirms
    expect(page.locator("#btn-confirm")).to_be_focused()
    assert "done=" not in page.url and "尚无审核记录" in page.inner_text("#history + p, .card:has(#history)")
    shot(page, "05b-confirm-step")
    page.keyboard.press("Enter")
    page.wait_for_url("**done=confirm*")
    assert "已确认" in page.inner_text(".notice")
    entry = page.locator("#history li").first.inner_text()
    assert "judge" in entry and "确认涉嫌犯罪" in entry and "已确认" in entry
    shot(page, "06-case-confirmed")
    with page.expect_download() as download:
        page.click("#letter")
    letter = download.value.path()
    with zipfile.ZipFile(letter) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "移送" in body and download.value.suggested_filename.endswith(".docx")
    case_id = int(case_url.rstrip("/").rsplit("/", 1)[1])
    audit = page.request.get(f"{server['url']}/api/cases/{case_id}/audit").json()
    assert [a["action"] for a in audit] == ["review.confirm"] and audit[0]["user_name"] == "judge"


def test_scanned_page_shows_evidence_boxes(uploaded, page_for, server) -> None:
    page = page_for("judge")
    page.goto(f"{server['url']}/queue?q=.jpg")
    page.locator("#queue tbody tr a").first.click()
    page.wait_for_url("**/cases/*")
    img = page.locator(".page img").first
    img.wait_for()
    assert img.evaluate("i => i.decode().then(() => i.naturalWidth)") > 0
    assert page.locator(".page .box").count() >= 1
    page.locator("button.field:has-text('第1页')").last.click()
    expect(page.locator(".page .box.hot")).to_have_count(1)
    viewer = page.locator("#viewer").bounding_box()

    def box_in_view() -> bool:
        box = page.locator(".page .box.hot").bounding_box()
        return viewer["y"] <= box["y"] <= viewer["y"] + viewer["height"]

    for _ in range(30):  # the viewer scrolls smoothly
        if box_in_view():
            break
        page.wait_for_timeout(100)
    assert box_in_view()
    shot(page, "07-case-scan")


def test_text_from_a_decision_is_shown_never_run(uploaded, page_for, server) -> None:
    page = page_for("judge")
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text))
    page.goto(f"{server['url']}/queue?q=注入测试")
    shot(page, "08-queue-search")
    page.locator("#queue tbody tr a").first.click()
    page.wait_for_url("**/cases/*")
    page.wait_for_load_state("networkidle")
    assert "<script>" in page.inner_text("#doctext")  # shown as text...
    assert page.locator("#doctext script, #doctext img, .fields script, .fields img").count() == 0  # ...not as elements
    page.goto(f"{server['url']}/dashboard")
    assert dialogs == [] and not [m for m in console if MARKER in m]


def test_every_page_fits_1366_and_roles_see_their_nav(uploaded, page_for, server) -> None:
    url = server["url"]
    clerk = page_for("clerk")
    assert clerk.locator("header nav a").all_inner_texts() == ["上传", "批次"]
    clerk.goto(f"{url}/batches")
    shot(clerk, "09-batches")
    clerk.goto(f"{url}/queue")
    assert clerk.locator("h1").inner_text() == "权限不足"
    shot(clerk, "10-forbidden")
    analyst = page_for("analyst")
    assert analyst.locator("header nav a").all_inner_texts() == ["审核队列", "统计", "模型"]
    analyst.goto(f"{url}/dashboard")
    assert analyst.locator(".chart svg").count() >= 4
    shot(analyst, "11-dashboard")
    analyst.goto(f"{url}/models")
    assert analyst.locator("tr.active").count() == 1
    shot(analyst, "12-models")
    analyst.goto(f"{url}/models/v2/compare")
    assert analyst.locator("h1").inner_text().startswith("v2 与现用模型 v1")
    shot(analyst, "14-compare")
    analyst.goto(f"{url}/models")
    analyst.click("text=开始训练")
    analyst.wait_for_url("**/models/runs/*")
    expect(analyst.locator("#run-percent")).to_have_text("100%", timeout=60_000)
    assert "训练失败" in analyst.inner_text("#run-error")  # one reviewed case, one category: says what to do
    shot(analyst, "15-training-run")
    analyst.goto(f"{url}/queue")
    analyst.locator("#queue tbody tr a").first.click()
    assert "审核需要审核员角色" in analyst.inner_text("aside")
    shot(analyst, "13-case-readonly")
    login = analyst.context.browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    login.goto(f"{url}/queue")
    assert "/login" in login.url
    shot(login, "00-login")
    login.close()


def _submitted(page: Any, button: str) -> Any:
    with page.expect_navigation() as nav:
        page.click(button)
    response = nav.value
    assert response.status == 200, response.text()[:500]
    assert "application/json" not in response.headers["content-type"]
    return response


def test_queue_filter_form_with_defaults_and_with_choices(uploaded, page_for, server) -> None:
    page = page_for("judge")
    page.goto(f"{server['url']}/queue")
    everything = page.locator("#queue tbody tr").count()
    _submitted(page, "form.filters button[type=submit]")
    assert page.locator("#queue tbody tr").count() == everything > 0
    shot(page, "16-queue-filter-defaults")
    page.select_option("select[name=risk_level]", "high")
    page.select_option("select[name=review_state]", index=1)
    agency = page.locator("select[name=agency] option").nth(1).get_attribute("value")
    page.select_option("select[name=agency]", agency)
    page.select_option("select[name=category]", index=1)
    _submitted(page, "form.filters button[type=submit]")
    assert "risk_level=high" in page.url and "agency=" in page.url
    badges = page.locator("#queue tbody .badge").all_inner_texts()
    assert set(badges) <= {"高风险"}
    assert page.locator("select[name=risk_level]").input_value() == "high"
    page.fill("input[name=q]", "不存在的检索词XYZ")
    _submitted(page, "form.filters button[type=submit]")
    assert "没有符合条件的案件" in page.inner_text("main")
    shot(page, "17-queue-filter-choices")


def test_dashboard_filter_form_with_defaults_and_with_choices(uploaded, page_for, server) -> None:
    page = page_for("analyst")
    page.goto(f"{server['url']}/dashboard")
    total = page.locator(".kpi .n").first.inner_text()
    _submitted(page, "form.filters button[type=submit]")
    assert page.locator(".kpi .n").first.inner_text() == total
    page.select_option("select[name=agency]", index=1)
    page.select_option("select[name=category]", index=1)
    page.fill("input[name=date_from]", "2000-01-01")
    page.fill("input[name=date_to]", "2099-12-31")
    _submitted(page, "form.filters button[type=submit]")
    assert "date_from=2000-01-01" in page.url
    assert int(page.locator(".kpi .n").first.inner_text()) <= int(total)
    page.fill("input[name=date_from]", "")
    page.select_option("select[name=agency]", "")
    _submitted(page, "form.filters button[type=submit]")
    assert page.locator(".chart svg").count() >= 4
    shot(page, "18-dashboard-filtered")


def test_a_correction_that_crosses_the_threshold_changes_the_flag(uploaded, page_for, server) -> None:
    clerk = page_for("clerk")
    clerk.set_input_files("#pick-files", files=[str(FIXTURES / "review" / "tobacco_below_threshold.txt")])
    clerk.wait_for_url("**/batches/*")
    expect(clerk.locator("#batch-percent")).to_have_text("100%", timeout=120_000)
    page = page_for("judge")
    page.goto(f"{server['url']}/queue?q=某烟罚字")
    page.locator("#queue tbody tr a").first.click()
    page.wait_for_url("**/cases/*")
    page.locator("#correct-box summary").click()
    page.select_option("#form-correct select[name=category]", "tobacco_unlicensed_retail")
    revenue = page.locator("#correct-amounts .row:has(option[value=illegal_revenue]:checked) input")
    assert revenue.input_value() == "30056"
    revenue.fill("90,000")
    shot(page, "19-correction-form")
    page.click("#form-correct button[type=submit]")
    page.wait_for_url("**done=correct*")
    badge = page.locator(".casehead .badge").inner_text()
    assert badge in ("高风险", "需复核"), badge
    reasons = page.inner_text(".reasons")
    assert "非法经营" in reasons and "90,000" in reasons and "50,000" in reasons, reasons
    change = page.locator("#history li").first.inner_text()
    assert "金额：非法经营数额 30,056 元" in change and "→ 非法经营数额 90,000 元" in change, change
    assert "刑事风险：低风险" in change and f"→ {badge}" in change, change
    shot(page, "20-correction-changed-flag")


def _turned_scans(root: Path) -> dict[str, bytes]:
    """One rendered page, upside down, on its side and skewed, as clerks' scanners deliver them."""
    from PIL import Image

    out = root / "turned"
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(out), "--format", "png",
            "--limit", "1", "--damage", "none", "--seed", "9"], service_env(root / "unused"))
    page = sorted(out.rglob("*.png"))[0]
    scans = {}
    with Image.open(page) as img:
        dpi = img.info.get("dpi", (200, 200))
        variants = {"倒置180.png": img.rotate(180, expand=True),
                    "侧放90.png": img.rotate(90, expand=True),
                    "歪斜3度.png": img.convert("RGB").rotate(3, expand=True, fillcolor=(255, 255, 255))}
        for name, turned in variants.items():
            buf = io.BytesIO()
            turned.save(buf, format="PNG", dpi=dpi)
            scans[name] = buf.getvalue()
    return scans


def _line_box(image: Any, doc_number: str) -> tuple[float, float, float, float]:
    """Where OCR finds the 文号 in the page as shown, in fractions of the shown page."""
    import re

    from lianfa.ingest.ocr import get_engine

    digits = re.findall(r"\d+", doc_number)
    lines = [ln for ln in get_engine("rapidocr").recognize(image) if all(d in ln.text for d in digits)]
    assert lines, f"{doc_number} not found on the page as shown"
    x0, y0, x1, y1 = lines[0].bbox
    return x0 / image.width, y0 / image.height, x1 / image.width, y1 / image.height


def test_turned_and_skewed_scans_show_their_evidence_boxes_on_the_words(uploaded, page_for, server) -> None:
    from PIL import Image

    clerk = page_for("clerk")
    scans = _turned_scans(server["root"])
    clerk.set_input_files("#pick-files", files=[{"name": n, "mimeType": "image/png", "buffer": b}
                                                for n, b in scans.items()])
    clerk.wait_for_url("**/batches/*")
    expect(clerk.locator("#batch-percent")).to_have_text("100%", timeout=180_000)
    import re

    rows = {name: clerk.locator(f"#items tr:has-text('{name}')").inner_text() for name in scans}
    page = page_for("judge")
    for n, (name, row) in enumerate(rows.items()):
        found = re.search(r"案件 (\d+)", row)
        assert found, f"{name}: no case ({row})"
        page.goto(f"{server['url']}/cases/{found.group(1)}")
        img = page.locator(".page img").first
        img.wait_for()
        assert img.evaluate("i => i.decode().then(() => i.naturalWidth)") > 0
        box = page.locator(".page .box[title^='文号']").first
        doc_number = box.get_attribute("title").split("：", 1)[1]
        img.scroll_into_view_if_needed()
        shown = img.bounding_box()
        mark = box.bounding_box()
        picture = ARTIFACTS / f"21-turned-{n}.png"
        img.screenshot(path=str(picture))
        with Image.open(picture) as screen:
            words = _line_box(screen.convert("RGB"), doc_number)
        boxed = ((mark["x"] - shown["x"]) / shown["width"], (mark["y"] - shown["y"]) / shown["height"],
                 (mark["x"] + mark["width"] - shown["x"]) / shown["width"],
                 (mark["y"] + mark["height"] - shown["y"]) / shown["height"])
        centre = lambda b: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)  # noqa: E731
        (wx, wy), (bx, by) = centre(words), centre(boxed)
        assert abs(wx - bx) <= 0.02 and abs(wy - by) <= 0.02, (name, words, boxed)
        shot(page, f"22-turned-case-{n}")


def test_promote_warns_about_a_narrower_model_then_roll_back(uploaded, page_for, server) -> None:
    from lianfa.classifiers.registry import Registry
    from lianfa.classifiers.training import train

    reg = Registry(server["root"] / "data" / "models")
    before = reg.active()
    records = [json.loads(x) for x in (server["root"] / "gen" / "decisions.jsonl").read_text(encoding="utf-8").splitlines() if x]
    narrow_cats = sorted(server["categories"])[:2]
    narrow_file = server["root"] / "gen" / "narrow.jsonl"
    narrow_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records
                                   if r["category"] in narrow_cats), encoding="utf-8")
    narrow = train([narrow_file], reg, seed=3, promote=False, processes=1, note="browser-test narrow model").version
    page = page_for("analyst")
    page.goto(f"{server['url']}/models")
    page.locator(f"tr:has(td:text-is('{narrow}')) button:has-text('启用')").click()
    page.wait_for_url(f"**/models/{narrow}/promote")
    warnings = page.inner_text("#promote-warnings")
    assert f"只认识 {len(narrow_cats)} 个类别" in warnings, warnings
    assert reg.active() == before  # the first click promotes nothing
    shot(page, "23-promote-warning")
    page.click("#promote-confirm")
    page.wait_for_url("**/models?done=promote")
    assert reg.active() == narrow and f"已启用模型 {narrow}" in page.inner_text(".notice")
    page.click("text=回滚到上一个启用的模型")
    page.wait_for_url("**/models?done=rollback")
    assert reg.active() == before and f"现用模型为 {before}" in page.inner_text(".notice")
    assert "无需重启" in page.inner_text("#models-figures")
    shot(page, "24-rolled-back")


def test_admin_adds_a_reviewer_who_logs_in_with_the_password_shown_once(uploaded, browser, page_for, server) -> None:
    page = page_for("boss")
    page.click("header nav a:text-is('用户')")
    page.wait_for_url("**/users")
    page.fill("#add-user input[name=name]", "judge2")
    page.select_option("#add-user select[name=role]", "reviewer")
    page.click("#add-user button[type=submit]")
    password = page.inner_text("#shown-password code")
    assert "只显示这一次" in page.inner_text("#shown-password")
    shot(page, "25-user-added")
    page.goto(f"{server['url']}/users")
    assert page.locator("#shown-password").count() == 0 and password not in page.content()
    newcomer = logged_in(browser, server["url"], "judge2", password)
    assert newcomer.locator("header nav a").all_inner_texts() == ["审核队列", "统计"]
    newcomer.context.close()
    log = (server["root"] / "server.log").read_text()
    assert password not in log


def test_page_images_of_one_decision_are_one_document_and_the_clerk_splits_and_merges(uploaded, page_for, server) -> None:
    if not (server["root"] / "turned").exists():
        _turned_scans(server["root"])
    scan = sorted((server["root"] / "turned").rglob("*.png"))[0].read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("十一月/d1_p1.png", scan)
        zf.writestr("十一月/d1_p2.png", _reencoded(scan))
    clerk = page_for("clerk")
    clerk.set_input_files("#pick-files", files=[{"name": "分页扫描.zip", "mimeType": "application/zip",
                                                 "buffer": buf.getvalue()}])
    clerk.wait_for_url("**/batches/*")
    rows = clerk.locator("#items tbody tr")
    expect(rows).to_have_count(1)
    assert "（2 页）" in rows.first.inner_text() and "d1_p2.png" in rows.first.inner_text()
    shot(clerk, "26-grouped-pages")
    clerk.click("[data-split]")
    expect(rows).to_have_count(2, timeout=20_000)
    clerk.locator("input.pick").nth(0).check()
    clerk.locator("input.pick").nth(1).check()
    clerk.click("#merge-selected")
    expect(rows).to_have_count(1, timeout=20_000)
    assert "（2 页）" in rows.first.inner_text()
    expect(clerk.locator("#batch-percent")).to_have_text("100%", timeout=180_000)
    assert "已生成案件" in rows.first.inner_text()
    shot(clerk, "27-merged-pages")


def _reencoded(png: bytes) -> bytes:
    """The same page saved again: other bytes, so a separate stored original."""
    from PIL import Image

    out = io.BytesIO()
    with Image.open(io.BytesIO(png)) as img:
        img.convert("L").save(out, format="PNG")
    return out.getvalue()


def test_an_upload_resumes_after_a_dropped_chunk(uploaded, page_for, server) -> None:
    clerk = page_for("clerk")
    dropped: list[str] = []

    def drop_first_chunk(route: Any) -> None:
        if not dropped:
            dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    clerk.route("**/api/uploads/*?offset=*", drop_first_chunk)
    text = sorted((server["root"] / "gen" / "docs").glob("*.txt"))[1100].read_bytes()
    clerk.set_input_files("#pick-files", files=[{"name": "断线重传.txt", "mimeType": "text/plain", "buffer": text}])
    clerk.wait_for_url("**/batches/*")
    assert dropped, "no chunk was dropped"
    expect(clerk.locator("#batch-percent")).to_have_text("100%", timeout=120_000)
    assert clerk.locator("#items tbody tr [data-field=status]").all_inner_texts() == ["已完成"]


def test_a_500_file_batch_runs_to_the_end_with_a_name_an_eta_and_its_failures(uploaded, page_for, server) -> None:
    docs = sorted((server["root"] / "gen" / "docs").glob("*.txt"))[600:1097]
    files = [{"name": f"五百/{p.name}", "mimeType": "text/plain", "buffer": p.read_bytes()} for p in docs]
    files += [{"name": f"五百/空白-{i}.txt", "mimeType": "text/plain", "buffer": b"   \n"} for i in range(3)]
    assert len(files) == 500
    clerk = page_for("clerk")
    clerk.fill("#batch-name", "五百件测试批")
    clerk.set_input_files("#pick-files", files=files)
    clerk.wait_for_url("**/batches/*", timeout=120_000)
    assert "五百件测试批" in clerk.inner_text("h1")
    expect(clerk.locator("#batch-eta")).to_contain_text("预计还需", timeout=120_000)
    shot(clerk, "28-500-progress")
    expect(clerk.locator("#batch-percent")).to_have_text("100%", timeout=1_500_000)
    assert clerk.locator("#items tbody tr").count() == 500
    summary = clerk.inner_text("#batch-summary")
    assert "失败 3" in summary.replace(" ", "") or "失败3" in summary.replace(" ", ""), summary
    shot(clerk, "29-500-done")
    clerk.click("#only-failed")
    clerk.wait_for_url("**only=failed")
    assert clerk.locator("#items tbody tr").count() == 3
    shot(clerk, "30-500-failed-only")
    report = clerk.request.get(server["url"] + clerk.locator("#errors-csv").get_attribute("href"))
    lines = report.body().decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 4 and "空白-0.txt" in report.body().decode("utf-8-sig")
    clerk.goto(f"{server['url']}/batches")
    assert "五百件测试批" in clerk.inner_text("table")


def test_the_case_forms_submitted_untouched_and_with_choices(uploaded, page_for, server) -> None:
    page = page_for("judge")
    page.goto(f"{server['url']}/queue?review_state=pending")
    page.locator("#queue tbody tr a").last.click()
    page.wait_for_url("**/cases/*")
    case_url = page.url
    page.locator("#correct-box summary").click()
    with page.expect_navigation() as nav:
        page.click("#form-correct button[type=submit]")  # nothing changed
    assert nav.value.status == 422 and "更正必须给出要更正的字段" in page.inner_text(".error")
    assert "尚无审核记录" in page.inner_text(".card:has(#history)")
    page.goto(case_url)
    page.locator("#reject-box summary").click()
    page.fill("#form-reject textarea[name=reason]", "金额为估算值，不足以认定")
    page.click("#form-reject button[type=submit]")
    page.wait_for_url("**done=reject*")
    entry = page.locator("#history li").first.inner_text()
    assert "驳回" in entry and "金额为估算值" in entry
    shot(page, "31-case-rejected")
