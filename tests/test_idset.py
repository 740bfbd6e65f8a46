"""claims.idset: the Parquet ingest's set of version ids, compact and exact."""

from hypothesis import given
from hypothesis import strategies as st

from claims.ids import stable_id
from claims.idset import IdSet

HEX_IDS = st.integers(0, 40).map(stable_id)
ANY_IDS = st.one_of(HEX_IDS, st.text(max_size=20), st.sampled_from(["ffffffffffffffff",
                                                                   "0000000000000000"]))


@given(st.lists(st.tuples(st.booleans(), ANY_IDS), max_size=200), st.integers(1, 8))
def test_an_id_set_answers_as_a_set_of_strings_does(steps, pending):
    """Adds and look-ups in any order, across merges of the waiting ids, give what a set
    of strings gives."""
    held, expected = IdSet(pending=pending), set()
    for adding, id_ in steps:
        assert (id_ in held) == (id_ in expected)
        if adding:
            held.add(id_)
            expected.add(id_)
        assert len(held) == len(expected)
    assert all(id_ in held for id_ in expected)


def test_an_id_set_starts_from_the_ids_it_is_given():
    ids = [stable_id(n) for n in range(100)]
    held = IdSet(ids, pending=16)
    assert all(id_ in held for id_ in ids) and len(held) == 100
    assert stable_id(100) not in held
