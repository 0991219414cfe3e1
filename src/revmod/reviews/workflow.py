"""The steps of a phase as a table in code: who drafts, who clears, what must hold to move on.

The UI asks this table which actions a person has; `domain.move_to_step` is its only user
that changes state (STYLE 3-4).
"""

from dataclasses import dataclass

from revmod.reviews.enums import STEP_ORDER, Side, StepKind

FINALIZED = "finalized"


@dataclass(frozen=True)
class StepRule:
    kind: str
    drafted_by: frozenset[str]
    cleared_by: frozenset[str]
    guards: tuple[str, ...]
    audit_action: str
    citation: str


def _rule(kind, drafted_by, cleared_by, guards, citation) -> StepRule:
    return StepRule(kind, frozenset(drafted_by), frozenset(cleared_by), tuple(guards),
                    f"reviews.step.{kind}.completed", citation)


STEP_RULES: dict[str, StepRule] = {
    r.kind: r for r in (
        _rule(StepKind.CONSULTATION, [Side.SECRETARIAT, Side.REVIEWED], [Side.REVIEWED],
              ["languages_agreed", "schedule_agreed"], "P&R 31, 50"),
        _rule(StepKind.SAQ, [Side.REVIEWED], [Side.REVIEWED],
              ["questionnaires_submitted", "every_instrument_written"], "P&R 34"),
        _rule(StepKind.FEEDBACK, [Side.REVIEWERS], [Side.REVIEWERS],
              ["every_instrument_written"], "P&R 35"),
        _rule(StepKind.DIALOGUE, [Side.REVIEWED, Side.REVIEWERS], [Side.REVIEWED, Side.REVIEWERS],
              [], "P&R 35-36"),
        _rule(StepKind.OBSERVATIONS, [Side.REVIEWERS, Side.SECRETARIAT], [Side.REVIEWED, Side.REVIEWERS],
              ["every_instrument_written"], "P&R 38"),
        _rule(StepKind.SUMMARY, [Side.REVIEWERS, Side.SECRETARIAT], [Side.REVIEWED, Side.REVIEWERS],
              ["every_instrument_written", "summary_within_word_limit"], "P&R 38-39"),
    )
}

# The only moves there are: each step, once cleared by every side that must clear it, opens
# the next; clearing the summary finalizes the phase (P&R 39). Nothing moves backwards.
MOVES: frozenset[tuple[str, str]] = frozenset(
    zip(STEP_ORDER, STEP_ORDER[1:] + (FINALIZED,), strict=True)
)


def next_step(kind: str) -> str:
    return STEP_ORDER[STEP_ORDER.index(kind) + 1] if kind != STEP_ORDER[-1] else FINALIZED


def is_allowed_move(from_kind: str, to_kind: str) -> bool:
    return (from_kind, to_kind) in MOVES

