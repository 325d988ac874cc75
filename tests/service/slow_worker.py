"""`lianfa worker` with a processor that first marks the file as started and waits: the test then
knows which worker holds which file, and can kill it mid-task or restart the broker meanwhile.

The worker itself is the real one (run_worker: prefork, late acknowledgement, retries); only the
per-child processor is wrapped, around the real pipeline.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from lianfa.service.cli.worker_cmd import run_worker
from lianfa.service.config import ServiceSettings, get_service_settings
from lianfa.service.jobs.runner import PipelineProcessor, Processor


def slow_factory(settings: ServiceSettings) -> Processor:
    marks = Path(os.environ["LIANFA_TEST_MARKS"])
    delay = float(os.environ["LIANFA_TEST_DELAY"])
    real = PipelineProcessor(settings)

    def process(path: Path, name: str) -> Any:
        (marks / f"{os.getpid()}-{name}").touch()
        time.sleep(delay)
        return real(path, name)

    return process


if __name__ == "__main__":
    args = argparse.ArgumentParser()
    args.add_argument("--concurrency", type=int, default=1)
    args.add_argument("--log-level", default="info")
    opts = args.parse_args()
    run_worker(get_service_settings().model_copy(update={"workers": opts.concurrency}), log_level=opts.log_level,
               processor_factory=slow_factory)
