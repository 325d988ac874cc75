"""Peak memory of the web process while 1 GB of files is uploaded in one batch.

Starts `lianfa serve` in a temporary data directory, measures the web process's peak RSS
(VmHWM) when idle (the baseline), streams a multipart body of N random files (incompressible,
all different, generated on the fly so the client holds nothing either) to POST /api/batches,
and prints the peak RSS after the upload and its ratio to the idle baseline. Target: < 500 MB.

    .venv/bin/python bench/upload_memory.py [--total-mb 1024] [--files 16]
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc status")


def body(boundary: str, files: int, size: int) -> Iterator[bytes]:
    chunk = 1 << 20
    for i in range(files):
        yield (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan-{i:03d}.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        yield b"%PDF-1.4\n"
        left = size - 9
        while left > 0:
            n = min(chunk, left)
            yield os.urandom(n)
            left -= n
        yield b"\r\n"
    yield f"--{boundary}--\r\n".encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--total-mb", type=int, default=1024)
    ap.add_argument("--files", type=int, default=16)
    args = ap.parse_args()
    size = args.total_mb * 1024 * 1024 // args.files

    with tempfile.TemporaryDirectory(prefix="lianfa-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFA_")}
        env.update(LIANFA_DATA_DIR=tmp, LIANFA_WORKERS="1", LIANFA_MAX_UPLOAD_FILE_BYTES=str(size + 1024),
                   PYTHONPATH=str(ROOT))
        password = secrets.token_urlsafe(12)
        subprocess.run([sys.executable, "-m", "lianfa.service.cli", "users", "add", "bench", "--role", "uploader",
                        "--password-stdin"], input=password + "\n", env=env, text=True, check=True, cwd=ROOT,
                       capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "lianfa.service.cli", "serve", "--port", str(port),
                                 "--log-level", "warning"], env=env, cwd=ROOT, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            token = httpx.post(f"{url}/api/auth/token", data={"username": "bench", "password": password}).json()
            headers = {"Authorization": f"Bearer {token['access_token']}"}
            httpx.get(f"{url}/api/batches", headers=headers)  # warm the request path once
            idle = peak_rss_mb(proc.pid)

            boundary = secrets.token_hex(16)
            started = time.perf_counter()
            r = httpx.post(f"{url}/api/batches", content=body(boundary, args.files, size),
                           headers={**headers, "Content-Type": f"multipart/form-data; boundary={boundary}"},
                           timeout=httpx.Timeout(600))
            elapsed = time.perf_counter() - started
            r.raise_for_status()
            peak = peak_rss_mb(proc.pid)
            stored = sum(it["size"] or 0 for it in r.json()["items"])
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)

    mb = stored / 2**20
    print(f"uploaded {args.files} files, {mb:.0f} MiB in {elapsed:.1f} s ({mb / elapsed:.0f} MiB/s)")
    print(f"web process peak RSS: idle (baseline) {idle:.0f} MiB, after upload {peak:.0f} MiB, "
          f"ratio {peak / idle:.2f}x; target < 500 MB: {'OK' if peak < 500 else 'FAIL'}")


if __name__ == "__main__":
    main()
