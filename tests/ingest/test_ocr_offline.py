"""A fresh install OCRs with no network: the default engine and PaddleOCR, in a process whose sockets fail.

A child process is used so that nothing loaded earlier in the test session (models, folders,
caches) helps: it starts with an empty data directory, an empty HOME and an empty working
directory, blocks every socket before importing anything, builds the PaddleOCR model folders on
first use, OCRs a page with each engine, and must leave HOME and the working directory empty.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ocr, pytest.mark.network_blocked]

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, socket, sys

attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[:2]))
    raise OSError("network blocked by test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse

from ocr_pages import draw_page
from lianfa.ingest.ocr import get_engine

page = draw_page(["罚款人民币259,200元", "某市监处罚〔2024〕318号"], width=900, height=300, margin=60)
out = {}
for name in (None, "paddleocr"):
    engine = get_engine(name)
    out[engine.name] = [line.text for line in engine.recognize(page.image)]
out["attempts"] = attempts
print("RESULT" + json.dumps(out, ensure_ascii=False))
"""


def test_default_engine_and_paddle_read_a_page_with_the_network_blocked(tmp_path: Path) -> None:
    home, data, cwd = tmp_path / "home", tmp_path / "data", tmp_path / "cwd"
    for d in (home, cwd):
        d.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LIANFA_", "PADDLE_", "HF_", "MODELSCOPE", "ORT_", "XDG_"))}
    env.update(HOME=str(home), LIANFA_DATA_DIR=str(data),
               PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests" / "ingest")]))
    proc = subprocess.run([sys.executable, "-c", CHILD], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.split("RESULT", 1)[1])
    assert result["attempts"] == []
    for name in ("rapidocr", "paddleocr"):
        assert result[name] == ["罚款人民币259,200元", "某市监处罚〔2024〕318号"], name
    assert list(home.iterdir()) == [], "OCR wrote into HOME"
    assert list(cwd.iterdir()) == [], "OCR wrote into the working directory"
    assert (data / "models" / "paddleocr").is_dir()
