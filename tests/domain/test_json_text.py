"""`json_text.dumps` writes exactly what `json.dumps(..., ensure_ascii=False, indent=N)` does."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from netpace import json_text

from ..helpers import examples

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.sampled_from(["", "é\u2028\"\\\n\x00"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=2),  # non-string keys: the fallback
    ),
    max_leaves=20,
)


@settings(max_examples=examples(500), deadline=None)
@given(values, st.sampled_from([1, 2, 4]))
def test_same_text_as_json_dumps(value, indent):
    assert json_text.dumps(value, indent=indent) == json.dumps(value, ensure_ascii=False, indent=indent)
