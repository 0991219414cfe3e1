"""The draw's command line: `draw`, `draw-check` and `draw-eligible` (run as `revmod draw`, ...).

Exit codes: 0 done / no violation / eligible; 1 rules broken / not eligible / infeasible;
2 unreadable input (the message names file, line and column; no traceback).
"""

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Callable, Sequence

from .check import check
from .csvio import read_pairs, write_groups, write_pairs
from .draw import draw
from .eligibility import NO_PAIRS, eligibility
from .errors import Infeasible, InputError
from .pairs import Basis, Pairing
from .parties import Instrument, Participant, load_parties_csv, participants_in_draw

PROG = "revmod"
EXIT_OK, EXIT_RULES, EXIT_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The `revmod` parser with the three draw subcommands."""
    return _parsers()[0]


def help_text(command: str) -> str:
    """The --help text of one subcommand, for the Django management command wrappers."""
    return _parsers()[1][command].format_help()


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(prog=PROG, description="The drawing of lots (P&R 17, 28-30).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    drawing = commands.add_parser(
        "draw", help="draw groups and reviewing States from a parties file",
        description="Draw the groups (P&R 17) and the reviewing States (P&R 28-29) of every "
        "participant; the same parties file and seed always give the same files.")
    _add_parties(drawing)
    drawing.add_argument("--seed", required=True, help="the published seed of the draw")
    drawing.add_argument("--out", required=True, metavar="PAIRS.csv", help="pairs file to write")
    drawing.add_argument("--groups-out", metavar="GROUPS.csv", help="groups file to write")
    drawing.set_defaults(handler=_draw)
    checking = commands.add_parser(
        "draw-check", help="check a pairs file against every rule of the draw",
        description="List every violation of P&R 17, 26, 28, 28(a)-(c) and 29 in a pairs "
        "file, with its rule; exit 1 if there is any.")
    _add_parties(checking)
    checking.add_argument("pairs", metavar="PAIRS.csv", help="pairs file to check")
    checking.set_defaults(handler=_check)
    eligible = commands.add_parser(
        "draw-eligible", help="say whether one State may review another, and why not",
        description="Exit 0 if REVIEWER may take a new seat in the review of REVIEWED, given "
        "the pairings already made; otherwise print the reasons and exit 1.")
    _add_parties(eligible)
    eligible.add_argument("--pairs", metavar="PAIRS.csv", help="pairings already made")
    eligible.add_argument("--instrument", choices=list(Instrument), help="one instrument only")
    eligible.add_argument("reviewer", metavar="REVIEWER", type=str.upper, help="iso3 code")
    eligible.add_argument("reviewed", metavar="REVIEWED", type=str.upper, help="iso3 code")
    eligible.set_defaults(handler=_eligible)
    return parser, {"draw": drawing, "draw-check": checking, "draw-eligible": eligible}


def _add_parties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parties", required=True, metavar="FILE.csv",
                        help="parties file in the format of data/reference/parties.csv")
    parser.add_argument("--include-joined-after-draw", action="store_true",
                        help="also draw the parties marked joined_after_draw (left out by default)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse already printed
        return stop.code if isinstance(stop.code, int) else EXIT_INPUT
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (InputError, OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
        return EXIT_INPUT


def _participants(args: argparse.Namespace) -> tuple[Participant, ...]:
    return participants_in_draw(load_parties_csv(args.parties),
                                include_joined_after_draw=args.include_joined_after_draw)


def _read_pairs(path: str) -> Pairing:
    with open(path, encoding="utf-8", newline="") as stream:
        return read_pairs(stream, name=path)


def _draw(args: argparse.Namespace) -> int:
    try:
        state = draw(_participants(args), args.seed)
    except Infeasible as infeasible:
        for violation in infeasible.violations:
            print(violation, file=sys.stderr)
        return EXIT_RULES
    with open(args.out, "w", encoding="utf-8", newline="") as stream:
        write_pairs(state.pairing, stream)
    groups = {reviewed: min(numbers) for reviewed, numbers in state.pairing.groups.items()}
    if args.groups_out:
        with open(args.groups_out, "w", encoding="utf-8", newline="") as stream:
            write_groups(groups, stream)
    sizes = Counter(groups.values())
    seats = Counter(seat.basis for seats in state.pairing.seats.values() for seat in seats.values())
    print(f"{len(groups)} States under review in groups of "
          f"{', '.join(str(sizes[n]) for n in sorted(sizes))}; "
          f"{sum(seats.values())} reviewing seats, {seats[Basis.ADDITIONAL]} of them additional; "
          f"seed {args.seed!r}, attempt {state.attempts}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    participants = _participants(args)
    pairing = _read_pairs(args.pairs)
    violations = check(participants, pairing)
    for violation in violations:
        print(f"{violation}  [{' '.join(violation.states)}]")
    if violations:
        print(f"{len(violations)} violation(s)")
        return EXIT_RULES
    print(f"no violation: {len(pairing.pairs)} pairs, {len(pairing.seats)} States under review")
    return EXIT_OK


def _eligible(args: argparse.Namespace) -> int:
    participants = _participants(args)
    pairing = _read_pairs(args.pairs) if args.pairs else NO_PAIRS
    instrument = Instrument(args.instrument) if args.instrument else None
    ok, reasons = eligibility(args.reviewer, args.reviewed, instrument,
                              participants=participants, pairing=pairing)
    on = f" on {instrument}" if instrument else ""
    print(f"{args.reviewer} {'may' if ok else 'may not'} review {args.reviewed}{on}")
    for reason in reasons:
        print(f"  {reason}")
    return EXIT_OK if ok else EXIT_RULES
