"""Start `lianfa serve` as a real process (its own process group) for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lianfa(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lianfa.service.cli", *args], input=stdin, env=env, cwd=ROOT, text=True,
        capture_output=True, check=True, timeout=120,
    )


def service_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFA_")}
    # `lianfa serve` runs setup first, which trains the default classifier: the small one tests/conftest.py chose
    model_docs = os.environ.get("LIANFA_DEFAULT_MODEL_DOCUMENTS", "300")
    env.update(LIANFA_DATA_DIR=str(data_dir), LIANFA_DEFAULT_MODEL_DOCUMENTS=model_docs, PYTHONPATH=str(ROOT), **extra)
    return env


class Server:
    def __init__(self, env: dict[str, str], port: int, log: Path, args: tuple[str, ...] = ()) -> None:
        self.env, self.port, self.log, self.args = env, port, log, args
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 300.0) -> None:  # a first start trains the default model
        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "lianfa.service.cli", "serve", "--port", str(self.port), "--log-level", "warning",
                 *self.args],
                env=self.env, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server did not come up:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole process group: the web process and every worker, no clean-up."""
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


def login(url: str, name: str, password: str) -> dict[str, str]:
    r = httpx.post(f"{url}/api/auth/token", data={"username": name, "password": password}, timeout=30)
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}
