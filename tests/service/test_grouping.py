"""Page images of one decision become one document by the naming rule; a clerk can split and merge."""

from __future__ import annotations

import io
import zipfile

from PIL import Image, ImageSequence
from service_helpers import auth

from lianfa.service.grouping import page_key


def _png(shade: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (60, 80), shade).save(buf, format="PNG", dpi=(100, 100))
    return buf.getvalue()


def test_the_naming_rule() -> None:
    assert page_key("决定书/d1_p1.png") == ("决定书", "d1", 1)
    assert page_key("d1-P12.JPG") == (".", "d1", 12)
    assert page_key("扫描/甲案_第3页.tif") == ("扫描", "甲案", 3)
    assert page_key("scan_001.jpg") is None and page_key("d1_p1.txt") is None


def test_pages_in_one_zip_directory_become_one_document_and_can_be_split_and_merged(app, client, tokens) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, shade in ((2, 120), (1, 60), (3, 180)):
            zf.writestr(f"十月/d1_p{n}.png", _png(shade))
        zf.writestr("十月/另一件/d1_p4.png", _png(200))  # another folder: not a page of the same decision
        zf.writestr("十月/说明.txt", "不是页面".encode())
    h = auth(tokens, "uploader")
    r = client.post("/api/batches", files=[("files", ("十月.zip", buf.getvalue(), "application/zip"))], headers=h)
    assert r.status_code == 201, r.text
    items = r.json()["items"]
    assert [len(it["pages"]) for it in items] == [3, 0, 0]
    grouped = items[0]
    assert grouped["pages"] == ["十月.zip/十月/d1_p1.png", "十月.zip/十月/d1_p2.png", "十月.zip/十月/d1_p3.png"]
    doc = client.get(f"/api/documents/{grouped['document_id']}/original", headers=h)
    with Image.open(io.BytesIO(doc.content)) as tif:
        assert [f.getpixel((5, 5)) for f in ImageSequence.Iterator(tif)] == [60, 120, 180]  # page order

    batch = r.json()["id"]
    split = client.post(f"/api/batches/{batch}/items/{grouped['id']}/split", headers=h)
    assert split.status_code == 200 and split.json()["affected"] == 3
    after = client.get(f"/api/batches/{batch}", headers=h).json()["items"]
    assert [it["name"].rsplit("/", 1)[1] for it in after][:3] == ["d1_p1.png", "d1_p2.png", "d1_p3.png"]
    assert [it["position"] for it in after] == list(range(len(after)))

    first_two = [after[0]["id"], after[1]["id"]]
    merged = client.post(f"/api/batches/{batch}/merge", json={"item_ids": first_two}, headers=h)
    assert merged.status_code == 200, merged.text
    final = client.get(f"/api/batches/{batch}", headers=h).json()["items"]
    assert len(final[0]["pages"]) == 2 and len(final) == len(after) - 1
    refused = client.post(f"/api/batches/{batch}/items/{final[-1]['id']}/split", headers=h)
    assert refused.status_code == 409 and "无需拆分" in refused.json()["detail"]
