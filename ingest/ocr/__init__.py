"""OCR engines behind one interface: `get_engine(name).recognize(image) -> list[Line]`.

Importing this package registers every engine by name but loads no model; see base.py.
"""

from lianfa.ingest.ocr import paddle as _paddle  # noqa: F401  (registers "paddleocr")
from lianfa.ingest.ocr import rapid as _rapid  # noqa: F401  (registers "rapidocr")
from lianfa.ingest.ocr import tesseract as _tesseract  # noqa: F401  (registers "tesseract")
from lianfa.ingest.ocr.base import Engine, engine_names, get_engine, offline_environment

__all__ = ["Engine", "engine_names", "get_engine", "offline_environment"]
