"""The MinHash and bands claims.reprints computes with numpy are datasketch's, value for value,
so signatures stored by earlier versions still compare with new ones."""

from __future__ import annotations

import random

import numpy as np
import pytest

from claims import reprints

datasketch = pytest.importorskip("datasketch")

TEXT = (
    "Government forces shelled the northern districts of the city on Monday, killing at least "
    "twelve people, among them four children, and wounding dozens more, a monitoring group "
    "said. The shelling hit a market and two schools, residents told reporters by telephone, "
    "and rescue workers were still pulling people from the rubble late in the evening. "
)


def theirs(hashed: list[int]) -> np.ndarray:
    """datasketch's MinHash of the hashes, as claims.reprints stores a signature."""
    found = datasketch.MinHash(num_perm=reprints.PERMUTATIONS, seed=reprints.SEED,
                               hashfunc=int)
    found.update_batch(hashed)
    return found.hashvalues.astype(np.uint64)


def test_a_text_has_datasketchs_signature():
    hashed = reprints.shingles(TEXT * 3)
    assert np.array_equal(reprints.signature(hashed), theirs(hashed))


@pytest.mark.parametrize("seed", range(20))
def test_any_hashes_have_datasketchs_signature(seed):
    draw = random.Random(seed)
    hashed = [draw.randrange(1 << 32) for _ in range(draw.randint(1, 600))]
    hashed += [0, (1 << 32) - 1]
    assert np.array_equal(reprints.signature(hashed), theirs(hashed))


def test_the_bands_are_datasketchs_choice():
    lsh = datasketch.MinHashLSH(threshold=reprints.REPRINT - reprints.LSH_MARGIN,
                                num_perm=reprints.PERMUTATIONS)
    assert reprints._band_ranges() == tuple(lsh.hashranges)
