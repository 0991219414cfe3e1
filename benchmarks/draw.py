"""Figures for the drawing of lots: speed, rule-keeping over many seeds, and how evenly duties fall.

Run from the repository root: `.venv/bin/python benchmarks/draw.py`. Prints only
`name: value` lines. Targets: one draw of the real parties < 1 s; 1,000 draws with 0 broken
rules and 0 failures; a 2,000-party draw < 10 s.
"""

import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from revmod.lots.engine import Basis, DrawState, Infeasible, Participant, check, draw  # noqa: E402 (after sys.path)
from revmod.lots.engine.parties import load_parties_csv, participants_in_draw  # noqa: E402
from revmod.lots.engine.rng import Stream  # noqa: E402

PARTIES = ROOT / "src" / "revmod" / "reference" / "data" / "parties.csv"
SEEDS = 1000
SYNTHETIC_SIZE = 2000


def main() -> None:
    parties = participants_in_draw(load_parties_csv(PARTIES))
    print(f"parties: {len(parties)}")
    started = time.perf_counter()
    single = draw(parties, "benchmark")
    print(f"full_draw_seconds: {time.perf_counter() - started:.3f}")
    print(f"full_draw_violations: {len(check(parties, single.pairing))}")
    states = _many_draws(parties)
    _fairness(parties, states)
    _synthetic(parties)


def _many_draws(parties: tuple[Participant, ...]) -> list[DrawState]:
    states, broken, failures, drawing, checking = [], 0, 0, 0.0, 0.0
    for number in range(SEEDS):
        started = time.perf_counter()
        try:
            state = draw(parties, f"seed-{number}")
        except Infeasible:
            failures += 1
            continue
        finally:
            drawing += time.perf_counter() - started
        started = time.perf_counter()
        broken += bool(check(parties, state.pairing))
        checking += time.perf_counter() - started
        states.append(state)
    print(f"draws: {SEEDS}")
    print(f"draws_rules_broken: {broken}")
    print(f"draws_failures: {failures}")
    print(f"draws_needing_a_second_attempt: {sum(state.attempts > 1 for state in states)}")
    print(f"draws_total_seconds: {drawing:.2f}")
    print(f"checks_total_seconds: {checking:.2f}")
    return states


def _fairness(parties: tuple[Participant, ...], states: list[DrawState]) -> None:
    """Shares of States by number of duties; seats per review; for each regional group, the
    shares of its members holding 0, 1, 2... same-region seats (one per member on average)."""
    duty_counts: Counter[int] = Counter()
    per_state: dict[str, list[int]] = defaultdict(list)
    same_region: dict[str, list[int]] = defaultdict(list)
    seats: Counter[Basis] = Counter()
    for state in states:
        for participant in parties:
            reviewed = state.pairing.duties.get(participant.iso3, frozenset())
            duty_counts[len(reviewed)] += 1
            per_state[participant.iso3].append(len(reviewed))
        held: Counter[str] = Counter()
        for seats_of in state.pairing.seats.values():
            for seat in seats_of.values():
                seats[seat.basis] += 1
                held[seat.reviewer] += seat.basis is Basis.SAME_REGION
        for participant in parties:
            if participant.regional_group:
                same_region[participant.regional_group].append(held[participant.iso3])
    total = sum(duty_counts.values())
    for duties in sorted(duty_counts):
        print(f"duties_{duties}_share: {duty_counts[duties] / total:.3f}")
    means = [statistics.mean(values) for values in per_state.values()]
    print(f"duties_mean: {statistics.mean(means):.3f}")
    print(f"duties_mean_per_state_min: {min(means):.2f}")
    print(f"duties_mean_per_state_max: {max(means):.2f}")
    print(f"seats_per_review_mean: {sum(seats.values()) / total:.3f}")
    print(f"additional_seats_per_draw_mean: {seats[Basis.ADDITIONAL] / len(states):.2f}")
    for region, values in sorted(same_region.items()):
        shares = Counter(values)
        spread = " ".join(f"{n}={shares[n] / len(values):.3f}" for n in sorted(shares))
        print(f"same_region_seats_held_shares_{_slug(region)}: {spread}")


def _synthetic(parties: tuple[Participant, ...]) -> None:
    """A draw of SYNTHETIC_SIZE parties whose regional groups and instrument adherence follow
    the real ones: each synthetic party copies the group and instruments of a real party
    picked at random (with our own stream, so the figures repeat)."""
    stream = Stream("synthetic", "parties")
    synthetic = []
    for number in range(SYNTHETIC_SIZE):
        model = stream.choice(parties)
        synthetic.append(Participant(
            iso3=_code(number), name=f"Synthetic {number}", regional_group=model.regional_group,
            instruments=model.instruments, uncac=model.uncac))
    started = time.perf_counter()
    state = draw(synthetic, "synthetic")
    print(f"synthetic_parties: {SYNTHETIC_SIZE}")
    print(f"synthetic_draw_seconds: {time.perf_counter() - started:.3f}")
    print(f"synthetic_violations: {len(check(synthetic, state.pairing))}")


def _slug(text: str) -> str:
    return "_".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _code(number: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(letters[number // 26**power % 26] for power in (2, 1, 0))


if __name__ == "__main__":
    main()
