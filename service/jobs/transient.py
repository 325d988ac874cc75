"""Which faults are worth a retry: the database, the broker or the store being briefly away.

A bad input file never is: reading it again gives the same answer, so it becomes the file's own
result (status error or partial), exactly as without Celery.
"""

from __future__ import annotations

from lianfa.errors import LianfaError


class StoreUnreachable(OSError):
    """The store of originals could not be reached (a shared path not mounted, a bucket away)."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, LianfaError):
        return False
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError | BrokerError | RedisConnectionError | RedisTimeoutError | StoreUnreachable):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, TimeoutError | ConnectionError)


def backoff(retries: int, ceiling: float) -> float:
    """Seconds before retry number `retries + 1`: 2, 4, 8 ... up to `ceiling`."""
    return float(min(ceiling, 2 ** (retries + 1)))
