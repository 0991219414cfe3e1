"""What the draw engine reports when something is wrong: bad input, broken rules, infeasible draws."""

from collections.abc import Iterable
from dataclasses import dataclass


class InputError(ValueError):
    """A file or a request the engine cannot take; for a file, the message names line and column."""


@dataclass(frozen=True, order=True)
class Violation:
    """One rule of the Procedures and rules that a pairing set (or a planned seat) breaks.

    `rule` is the paragraph, e.g. "P&R 28(a)"; `states` are the ISO 3166 alpha-3 codes
    concerned, in the order the message names them.
    """

    rule: str
    message: str
    states: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


class Infeasible(Exception):
    """The rules cannot all be met: carries every violation that stopped the draw or redraw."""

    def __init__(self, violations: Iterable[Violation]) -> None:
        self.violations: tuple[Violation, ...] = tuple(sorted(set(violations)))
        super().__init__("; ".join(str(violation) for violation in self.violations))

    @property
    def rules(self) -> tuple[str, ...]:
        """The paragraphs named, without repeats, in order."""
        return tuple(sorted({violation.rule for violation in self.violations}))
