"""minipack writes and reads the bytes msgpack's C code does, for every value the protocol carries."""

import math

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmux_py import minipack

INTEGERS = st.integers(min_value=-(1 << 63), max_value=(1 << 64) - 1)
SCALARS = st.none() | st.booleans() | INTEGERS | st.floats(allow_nan=False) | st.text() | st.binary()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=20) | st.dictionaries(st.text() | st.binary(), inner, max_size=20),
    max_leaves=60,
)


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@settings(max_examples=150, deadline=None)
@given(VALUES)
def test_packs_as_msgpack_does_and_reads_it_back(value):
    packed = msgpack.packb(value, use_bin_type=True)
    assert minipack.packb(value) == packed
    assert minipack.unpackb(packed) == value


@pytest.mark.parametrize("length", [0, 31, 32, 255, 256, 65535, 65536])
def test_every_length_form_of_str_bin_array_and_map(length):
    for value in ("x" * length, b"x" * length, [0] * length, {str(n): 0 for n in range(length)}):
        packed = msgpack.packb(value, use_bin_type=True)
        assert minipack.packb(value) == packed
        assert minipack.unpackb(packed) == value


@pytest.mark.parametrize("number", [0, 127, 128, 255, 256, 65535, 65536, (1 << 32) - 1, 1 << 32, (1 << 64) - 1,
                                    -1, -32, -33, -128, -129, -32768, -32769, -(1 << 31), -(1 << 31) - 1, -(1 << 63)])
def test_every_integer_width(number):
    packed = msgpack.packb(number)
    assert minipack.packb(number) == packed
    assert minipack.unpackb(packed) == number


def test_float32_and_tuples_read_as_msgpack_reads_them():
    assert minipack.unpackb(msgpack.packb(1.5, use_single_float=True)) == 1.5
    assert minipack.unpackb(minipack.packb((1, "a"))) == [1, "a"]
    assert math.isnan(minipack.unpackb(msgpack.packb(float("nan"))))


@pytest.mark.parametrize("data, reason", [
    (b"", "truncated"),
    (b"\xa5abc", "truncated"),
    (b"\xdc\xff\xff", "truncated"),  # an array of 65535 items, none there
    (b"\x01\x02", "extra data"),
    (b"\xc1", "unsupported"),  # never used
    (b"\xd4\x01\x00", "unsupported"),  # fixext 1: extension types are no part of the protocol
    (b"\x81\x01\x02", "not allowed for map key"),
    (b"\xa1\xff", "invalid start byte"),
    (b"\x91" * 200 + b"\xc0", "nested too deeply"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_malformed_input_raises_unpack_error(data, reason):
    with pytest.raises(minipack.UnpackError, match=reason):
        minipack.unpackb(data)


def test_values_msgpack_refuses_are_refused():
    with pytest.raises(TypeError):
        minipack.packb(object())
    with pytest.raises(ValueError, match="nested too deeply"):
        minipack.packb(nested(200))
    with pytest.raises(OverflowError):
        minipack.packb(1 << 64)
