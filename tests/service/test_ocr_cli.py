from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lianfa.service.cli import app

BAD = Path(__file__).parent.parent / "fixtures" / "bad"
runner = CliRunner()


def _text_file(tmp_path):
    path = tmp_path / "决定书.txt"
    path.write_text("某某市市场监督管理局\n行政处罚决定书\n当事人：某某有限公司\n", encoding="gb18030")
    return path


def test_text_output_and_success(tmp_path) -> None:
    result = runner.invoke(app, ["ocr", str(_text_file(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"== {tmp_path}/决定书.txt  [ok] text · text · 1 pages · sections:")
    assert "行政处罚决定书" in lines


def test_jsonl_and_a_bad_file_does_not_stop_the_batch(tmp_path) -> None:
    good = _text_file(tmp_path)
    result = runner.invoke(
        app, ["ocr", "--format", "jsonl", str(BAD / "html.png"), str(good), str(BAD / "traversal.zip")]
    )
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["status"], r["kind"]) for r in records] == [("error", None), ("ok", "text"), ("error", None)]
    assert records[0]["error"].startswith(f"{BAD / 'html.png'}: ")
    assert records[1]["text_source"] == "text" and "行政处罚决定书" in records[1]["text"]
    assert records[2]["file"].endswith("traversal.zip/../../outside.txt")


def test_unknown_format_is_a_usage_error(tmp_path) -> None:
    result = runner.invoke(app, ["ocr", "--format", "xml", str(_text_file(tmp_path))])
    assert result.exit_code == 2
