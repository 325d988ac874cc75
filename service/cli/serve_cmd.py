"""`lianfa serve`: migrate the database, start the job workers, and serve the HTTP API with uvicorn."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from lianfa.service.config import ServiceSettings
    from lianfa.service.jobs.celery_backend import Dispatcher
    from lianfa.service.jobs.pool import LocalPool


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option(None, help="address to listen on (default LIANFA_HOST, 127.0.0.1)"),
        port: int = typer.Option(None, help="port (default LIANFA_PORT, 8000)"),
        workers: int = typer.Option(None, help="job worker processes (default LIANFA_WORKERS: cores - 1)"),
        log_level: str = typer.Option("info", help="uvicorn log level"),
        no_workers: bool = typer.Option(
            False, "--no-workers", help="the web process alone: with LIANFA_QUEUE=celery jobs go to `lianfa worker`s"
        ),
    ) -> None:
        """Start the lianfa service: the HTTP API (OpenAPI at /api/docs) plus the job workers.

        With LIANFA_QUEUE=local (default) the workers are local processes; with LIANFA_QUEUE=celery
        jobs go to Redis (LIANFA_REDIS_URL) for `lianfa worker`s, here or on other machines. With
        --no-workers (celery only) no worker runs here: the web process only dispatches.
        """
        import logging

        import uvicorn

        from lianfa.service.app import create_app
        from lianfa.service.config import get_service_settings

        settings = get_service_settings()
        updates = {k: v for k, v in {"host": host, "port": port, "workers": workers}.items() if v is not None}
        settings = settings.model_copy(update=updates)
        if no_workers and settings.queue != "celery":
            typer.echo("--no-workers 需要 LIANFA_QUEUE=celery / needs LIANFA_QUEUE=celery: "
                       "otherwise nothing would ever process the uploads", err=True)
            raise typer.Exit(2)
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
        _setup_before_workers(settings)
        app_ = create_app(settings)  # migrates before any worker touches the database
        _ensure_first_admin(settings)

        runners = _job_runners(settings, local_workers=not no_workers)
        for runner in runners:
            runner.start()
        try:
            uvicorn.run(app_, host=settings.host, port=settings.port, log_level=log_level, access_log=False)
        finally:
            for runner in reversed(runners):
                runner.stop()


def _setup_before_workers(settings: ServiceSettings) -> None:
    """Run `lianfa setup` here, in the web process, before any worker starts: a worker that found no
    classifier would fail every job with "run `lianfa setup`" (workers never train)."""
    from lianfa.errors import LianfaError
    from lianfa.service.cli.setup_cmd import run_setup

    typer.echo(f"准备数据目录 / preparing {settings.data_dir} (first start trains the default model: a few minutes)",
               err=True)
    try:
        run_setup(settings, lambda line: typer.echo(line, err=True))
    except LianfaError as e:
        typer.echo(f"lianfa serve 无法启动 / cannot start: {e}\n"
                   "请修正后运行 `lianfa setup`，再启动服务 / fix it, run `lianfa setup`, then start again.", err=True)
        raise typer.Exit(1) from e


def _ensure_first_admin(settings: ServiceSettings) -> None:
    """On a fresh install nobody could log in to create the first account: make an `admin` whose
    password comes from LIANFA_ADMIN_PASSWORD, or is generated and shown once.

    A generated password goes to the terminal only when there is one; when serve runs as a service
    (its output kept in a log) it goes to a file only its owner can read, and the output names the file."""
    import os
    import secrets
    import sys

    from sqlalchemy import func, select

    from lianfa.service import audit
    from lianfa.service.auth import create_user
    from lianfa.service.db.models import User
    from lianfa.service.db.session import Database

    given = os.environ.get("LIANFA_ADMIN_PASSWORD")
    db = Database(settings.db_url)
    try:
        with db.session() as s:
            if s.scalar(select(func.count()).select_from(User)):
                return
            password = given or secrets.token_urlsafe(12)
            user = create_user(s, "admin", password, "admin")
            audit.record(s, None, "user.add", "user", user.id, None, {"name": "admin", "role": "admin", "via": "first-run"})
    finally:
        db.dispose()
    if given:
        shown = "（取自 LIANFA_ADMIN_PASSWORD）/ (from LIANFA_ADMIN_PASSWORD)"
    elif sys.stderr.isatty():
        shown = f"{password}（只显示这一次 / shown once）"
    else:
        secret = settings.data_dir / "first-admin-password.txt"
        secret.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")
        shown = f"见 {secret}（仅本账号可读，登录后请删除并在“用户”页重置）/ in {secret}"
    typer.echo(
        f"首次启动：已创建管理员 admin，密码 {shown}。请登录后在“用户”页为各岗位建立账号。\n"
        f"First run: created user admin. Add accounts on the 用户 page or with `lianfa users add`.",
        err=True,
    )


class _CeleryWorker:
    """A `lianfa worker` beside the web process: celery mode on one machine needs nothing else."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "lianfa.service.cli", "worker", "--concurrency", str(self.settings.workers)]
        self._proc = subprocess.Popen(cmd)

    def stop(self, timeout: float = 30.0) -> None:
        if self._proc is None:
            return
        self._proc.terminate()  # Celery's warm shutdown: running tasks finish, the rest stay queued
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()  # late acknowledgement: its unfinished tasks go to another worker
            self._proc.wait()


def _job_runners(settings: ServiceSettings, *, local_workers: bool) -> list[LocalPool | Dispatcher | _CeleryWorker]:
    if settings.queue == "celery":
        from lianfa.service.jobs.celery_backend import Dispatcher

        return [Dispatcher(settings), *([_CeleryWorker(settings)] if local_workers else [])]
    from lianfa.service.jobs.pool import LocalPool

    return [LocalPool(settings)]
