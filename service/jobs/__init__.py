"""Durable jobs: state lives in the database (queue.py), the work itself in runner.run_job, and the
processes that run it in pool.py (local worker processes) or celery_backend.py (Celery + Redis)."""
