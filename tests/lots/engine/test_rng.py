"""The draw's random stream: defined byte for byte, so a published seed replays anywhere."""

import hashlib
from collections import Counter

import pytest

from revmod.lots.engine.rng import Stream

pytestmark = pytest.mark.unit


def words(seed: str, label: str, count: int) -> list[int]:
    """The stream's 8-byte words, computed straight from its definition in docs/draw.md."""
    prefix = seed.encode() + b"\x00" + label.encode() + b"\x00"
    data = b"".join(hashlib.sha256(prefix + i.to_bytes(8, "big")).digest()
                    for i in range((count + 3) // 4))
    return [int.from_bytes(data[8 * k: 8 * k + 8], "big") for k in range(count)]


def test_stream_below_follows_the_published_definition() -> None:
    stream = Stream("golden", "test")
    assert [stream.below(1000) for _ in range(9)] == [w % 1000 for w in words("golden", "test", 9)]


def test_stream_below_is_pinned_for_a_fixed_seed() -> None:
    stream = Stream("golden", "test")
    assert [stream.below(1000) for _ in range(6)] == [62, 402, 239, 651, 174, 672]


def test_stream_below_rejects_words_that_would_bias_the_result() -> None:
    n = 3 << 62  # 2**64 mod n = 2**62, so words >= n are thrown away
    expected = [w for w in words("bias", "test", 40) if w < n][:10]
    stream = Stream("bias", "test")
    assert [stream.below(n) for _ in range(10)] == expected


def test_stream_shuffle_is_fisher_yates_from_the_end() -> None:
    items = list("ABCDEFGH")
    expected = list(items)
    reference = Stream("golden", "test")
    for i in range(len(expected) - 1, 0, -1):
        j = reference.below(i + 1)
        expected[i], expected[j] = expected[j], expected[i]
    assert Stream("golden", "test").shuffle(items) == expected == list("AHECBFDG")
    assert items == list("ABCDEFGH")


def test_stream_labels_give_independent_streams() -> None:
    assert [Stream("s", "groups").below(10**6) for _ in range(3)] != [
        Stream("s", "reviewers/0").below(10**6) for _ in range(3)]


def test_stream_choice_lowest_draws_among_the_cheapest_only() -> None:
    stream = Stream("lowest", "test")
    picks = Counter(stream.choice_lowest(["A", "B", "C", "D"], [1, 0, 2, 0]) for _ in range(400))
    assert set(picks) == {"B", "D"}
    assert 150 < picks["B"] < 250


def test_stream_below_is_roughly_uniform() -> None:
    stream = Stream("uniform", "test")
    counts = Counter(stream.below(6) for _ in range(6000))
    assert set(counts) == set(range(6))
    assert all(900 < count < 1100 for count in counts.values())


@pytest.mark.parametrize(("seed", "label"), [("a\x00b", "x"), ("a", "x\x00")])
def test_stream_refuses_nul_characters(seed: str, label: str) -> None:
    with pytest.raises(ValueError, match="NUL"):
        Stream(seed, label)


def test_stream_below_refuses_an_empty_range() -> None:
    with pytest.raises(ValueError, match="n >= 1"):
        Stream("s", "l").below(0)
