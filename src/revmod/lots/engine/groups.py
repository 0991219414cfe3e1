"""Splitting the participants into review groups 1-3 by lot (P&R 17)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from .parties import Participant
from .rng import Stream

GROUP_COUNT = 3
NO_REGIONAL_GROUP = ""  # participants outside the five groups are dealt as one more block


def draw_groups(participants: Iterable[Participant], seed: str) -> Mapping[str, int]:
    """Deal the participants into groups 1, 2 and 3 (P&R 17).

    With the stream labelled "groups": the regional groups, sorted by name (the block of
    participants outside any group first), are shuffled; in that order, the members of each,
    sorted by iso3, are shuffled and laid end to end; then an offset k = below(3) is drawn and
    the participant at position p goes to group ((k + p) mod 3) + 1.
    Dealing round the three groups in one pass gives each regional group's members to the
    three groups in turn, so per regional group, and overall, group sizes differ by at most
    one: a third of the parties each year, each regional group's share in proportion to its
    size (P&R 17).
    """
    stream = Stream(seed, "groups")
    blocks: dict[str, list[str]] = defaultdict(list)
    for participant in sorted(participants, key=lambda p: p.iso3):
        blocks[participant.regional_group or NO_REGIONAL_GROUP].append(participant.iso3)
    sequence = [
        iso3
        for region in stream.shuffle(sorted(blocks))
        for iso3 in stream.shuffle(blocks[region])
    ]
    offset = stream.below(GROUP_COUNT)
    return {iso3: (offset + position) % GROUP_COUNT + 1 for position, iso3 in enumerate(sequence)}
