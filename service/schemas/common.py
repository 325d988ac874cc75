"""Types shared by the API schemas: text and JSON whose 身份证号 are masked on the way in and out,
so records stored before a masking rule existed never leave whole either."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator

from extractors.masking import mask_text, mask_value

MaskedStr = Annotated[str, AfterValidator(mask_text)]
MaskedJson = Annotated[dict[str, Any], AfterValidator(mask_value)]
