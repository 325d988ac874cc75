"""A first start on a brand-new data folder, as the README tells a new user to do: `lianfa serve`
with LIANFA_DATA_DIR pointing at an empty folder, then a mixed batch (text, a scanned PNG, a
scanned PDF) uploaded through the browser. Setup runs in the web process before the workers, so
no file fails with an internal error, and health says ok only once the model is there."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_helpers import expect, launch, logged_in, shot
from live_server import Server, free_port, lianfa, service_env

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "fresh-start-pass-31"  # the password policy refuses one containing the user name


def _mixed_files(root: Path) -> list[Path]:
    env = service_env(root / "scratch")
    lianfa(["corpus", "generate", "--n", "6", "--seed", "11", "--out", str(root / "gen")], env)
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(root / "png"), "--format", "png",
            "--limit", "1", "--damage", "none", "--seed", "11"], env)
    lianfa(["corpus", "render", "--corpus", str(root / "gen"), "--out", str(root / "pdf"), "--format", "pdf",
            "--limit", "1", "--damage", "light", "--seed", "12"], env)
    texts = sorted((root / "gen" / "docs").glob("*.txt"))[:2]
    return [*texts, sorted((root / "png").rglob("*.png"))[0], sorted((root / "pdf").rglob("*.pdf"))[0]]


def test_first_start_on_a_new_data_folder_processes_a_mixed_batch(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    files = _mixed_files(tmp_path)
    data = tmp_path / "brand-new-data"
    assert not data.exists()
    env = service_env(data, LIANFA_WORKERS="1", LIANFA_ADMIN_PASSWORD=ADMIN_PASSWORD)
    srv = Server(env, free_port(), tmp_path / "server.log")
    srv.start(timeout=600)
    try:
        assert httpx.get(f"{srv.url}/api/health").json() == {"status": "ok"}
        assert (data / "models" / "active").is_file()  # trained by the web process before the workers
        with sync_playwright() as p:
            browser = launch(p)
            page = logged_in(browser, srv.url, "admin", ADMIN_PASSWORD)
            page.goto(f"{srv.url}/upload")
            page.set_input_files("#pick-files", files=[str(f) for f in files])
            page.wait_for_url("**/batches/*")
            expect(page.locator("#batch-percent")).to_have_text("100%", timeout=300_000)
            shot(page, "fresh-01-batch-done")
            rows = page.locator("#items tbody tr")
            assert rows.count() == len(files)
            text = page.inner_text("#items")
            assert "内部错误" not in text and "internal error" not in text
            statuses = page.locator("#items tbody [data-field=status]").all_inner_texts()
            assert statuses == ["已完成"] * len(files), text
            browser.close()
    finally:
        srv.stop()
    log = (tmp_path / "server.log").read_text()
    assert "daemonic" not in log and ADMIN_PASSWORD not in log
