"""What was read in a chart: the request, the facts and their evidence. The stages hand it on; none returns."""

from __future__ import annotations

from dataclasses import dataclass

from abstractor.core.document import Evidence
from abstractor.core.record import Facts, Request


@dataclass(frozen=True)
class Abstraction:
    """The request and the facts read in a chart, the evidence for each (keyed by fact name), and the version
    of the rules that read them."""

    request: Request
    facts: Facts
    fact_evidence: dict[str, list[Evidence]]
    rules_version: str
