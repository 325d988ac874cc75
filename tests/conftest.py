from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Tests never touch a developer's real data directory, and never reach a model hub.
os.environ.setdefault("LIANFA_DATA_DIR", tempfile.mkdtemp(prefix="lianfa-test-data-"))
os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The default classifier model trains on first use; a small one keeps pipeline tests quick.
os.environ.setdefault("LIANFA_DEFAULT_MODEL_DOCUMENTS", "300")

FIXTURES = Path(__file__).parent / "fixtures"
