"""`lianfa worker`: a Celery worker for the jobs `lianfa serve` (LIANFA_QUEUE=celery) dispatches.

Run it on any number of machines that reach the same database (LIANFA_DATABASE_URL), broker
(LIANFA_REDIS_URL) and store (LIANFA_STORAGE_DIR). Each machine needs its own `lianfa setup` for
the models: workers never train.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from lianfa.service.config import ServiceSettings
    from lianfa.service.jobs.celery_backend import ProcessorFactory


def register(app: typer.Typer) -> None:
    @app.command()
    def worker(
        concurrency: int = typer.Option(None, help="prefork child processes (default LIANFA_WORKERS: cores - 1)"),
        recycle_after: int = typer.Option(None, help="tasks per child before a fresh one (LIANFA_WORKER_RECYCLE_AFTER)"),
        queue: str = typer.Option(None, help="Celery queue to consume (default LIANFA_CELERY_QUEUE, lianfa)"),
        log_level: str = typer.Option("info", help="log level"),
    ) -> None:
        """Start a Celery worker: prefork children with one processor each, late acknowledgement (a
        worker that dies loses no file), time limits per kind of file, retries for transient faults."""
        from lianfa.service.config import get_service_settings

        settings = get_service_settings()
        updates = {"workers": concurrency, "worker_recycle_after": recycle_after, "celery_queue": queue}
        settings = settings.model_copy(update={k: v for k, v in updates.items() if v is not None})
        run_worker(settings, log_level=log_level)


def run_worker(
    settings: ServiceSettings, *, log_level: str = "info", processor_factory: ProcessorFactory | None = None
) -> None:
    """Check this machine can process files, then run the worker until it is stopped."""
    import logging
    import os

    from lianfa.service.db.session import Database
    from lianfa.service.health import classifier_model_problem, pending_migrations
    from lianfa.service.jobs.celery_backend import build_processor, make_celery

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s worker[%(process)d] %(levelname)s %(message)s")
    if problem := classifier_model_problem(settings.data_dir, settings.model_version):
        typer.echo(f"lianfa worker 无法启动 / cannot start: {problem}\n请先在本机运行 `lianfa setup` / run `lianfa setup` "
                   "on this machine first.", err=True)
        raise typer.Exit(1)
    db = Database(settings.db_url)
    try:
        missing = pending_migrations(db.engine)
    finally:
        db.dispose()
    if missing:
        typer.echo("lianfa worker 无法启动 / cannot start: 数据库尚未迁移 / the database is not migrated "
                   f"({', '.join(missing)}): 先启动 `lianfa serve` / start `lianfa serve` first.", err=True)
        raise typer.Exit(1)
    app = make_celery(settings, processor_factory or build_processor)
    app.worker_main([
        "worker",
        "--pool=prefork",
        f"--concurrency={settings.workers}",
        f"--max-tasks-per-child={settings.worker_recycle_after}",
        f"--queues={settings.celery_queue}",
        f"--hostname=lianfa-{os.getpid()}@%h",  # several workers on one machine stay apart
        f"--loglevel={log_level.upper()}",
        "--without-gossip",
        "--without-mingle",
    ])
