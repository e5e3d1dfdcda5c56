"""msgpack in pure Python, for the CLI: the wire format without loading the msgpack package.

A CLI call lives for one small request. Importing msgpack (and the datetime and collections
modules it loads for its extension types) was a fifth of that life, paid before a single
byte went out. This module packs and unpacks the values the protocol carries (nil,
booleans, integers, floats, str, bin, arrays and maps) byte for byte as
``msgpack.packb(value, use_bin_type=True)`` and ``msgpack.unpackb(data, raw=False,
strict_map_key=True)`` do; tests/unit/test_minipack.py holds it to that. Extension types
(msgpack's timestamps) are no part of the protocol and are refused.

The daemon and the TUI keep msgpack's C code: their frames are screen updates, where its
speed counts.
"""

from __future__ import annotations

import struct

#: Nesting deeper than this is refused (the protocol nests four levels; each level is two
#: Python frames here, well inside the interpreter's recursion limit).
MAX_DEPTH = 100

_FLOAT64 = struct.Struct(">d")
_FLOAT32 = struct.Struct(">f")
#: Sized integers: (type byte, packer) for unsigned and signed widths, smallest first.
_UNSIGNED = ((0xCC, 0xFF, struct.Struct(">B")), (0xCD, 0xFFFF, struct.Struct(">H")),
             (0xCE, 0xFFFF_FFFF, struct.Struct(">I")), (0xCF, 0xFFFF_FFFF_FFFF_FFFF, struct.Struct(">Q")))
_SIGNED = ((0xD0, 1 << 7, struct.Struct(">b")), (0xD1, 1 << 15, struct.Struct(">h")),
           (0xD2, 1 << 31, struct.Struct(">i")), (0xD3, 1 << 63, struct.Struct(">q")))
#: Lengths after a str, bin, array or map type byte: (8-bit, 16-bit, 32-bit) type bytes.
_LENGTHS = (struct.Struct(">B"), struct.Struct(">H"), struct.Struct(">I"))


class UnpackError(ValueError):
    """Bytes that are not one complete msgpack value of the supported kinds."""


# --- packing ------------------------------------------------------------------


def packb(value: object) -> bytes:
    """The msgpack encoding of ``value``; TypeError for a type msgpack would not pack here."""
    out = bytearray()
    _pack(value, out, 0)
    return bytes(out)


def _pack(value: object, out: bytearray, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError("nested too deeply")
    if value is None:
        out.append(0xC0)
    elif value is True:
        out.append(0xC3)
    elif value is False:
        out.append(0xC2)
    elif isinstance(value, int):
        _pack_int(value, out)
    elif isinstance(value, float):
        out.append(0xCB)
        out += _FLOAT64.pack(value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        _header(len(data), 0xA0, 32, (0xD9, 0xDA, 0xDB), out)
        out += data
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        _header(len(data), None, 0, (0xC4, 0xC5, 0xC6), out)
        out += data
    elif isinstance(value, (list, tuple)):
        _header(len(value), 0x90, 16, (None, 0xDC, 0xDD), out)
        for item in value:
            _pack(item, out, depth + 1)
    elif isinstance(value, dict):
        _header(len(value), 0x80, 16, (None, 0xDE, 0xDF), out)
        for key, item in value.items():
            _pack(key, out, depth + 1)
            _pack(item, out, depth + 1)
    else:
        raise TypeError(f"can not serialize {type(value).__name__!r} object")


def _pack_int(value: int, out: bytearray) -> None:
    """The smallest form, as msgpack picks it: fixint, else the narrowest width of its sign."""
    if -32 <= value <= 127:
        out += value.to_bytes(1, "big", signed=True)
        return
    if value > 0:
        for type_byte, limit, packer in _UNSIGNED:
            if value <= limit:
                out.append(type_byte)
                out += packer.pack(value)
                return
    else:
        for type_byte, limit, packer in _SIGNED:
            if value >= -limit:
                out.append(type_byte)
                out += packer.pack(value)
                return
    raise OverflowError("Integer value out of range")


def _header(length: int, fix: int | None, fix_limit: int, sized: tuple, out: bytearray) -> None:
    """A length-prefixed value's type byte and length: its fix form while ``length`` fits."""
    if fix is not None and length < fix_limit:
        out.append(fix | length)
        return
    for type_byte, packer in zip(sized, _LENGTHS):
        if type_byte is not None and length < 1 << (8 * packer.size):
            out.append(type_byte)
            out += packer.pack(length)
            return
    raise ValueError("too long to pack")


# --- unpacking ----------------------------------------------------------------


def unpackb(data: bytes) -> object:
    """The one value ``data`` holds; UnpackError if it holds less, more, or something else."""
    value, end = _Reader(data).value(0, 0)
    if end != len(data):
        raise UnpackError("extra data")
    return value


class _Reader:
    """A cursor over one buffer; each method returns (value, offset after it)."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)

    def take(self, offset: int, size: int) -> memoryview:
        end = offset + size
        if end > len(self.data):
            raise UnpackError("truncated data")
        return self.data[offset:end]

    def length(self, offset: int, width: int) -> tuple[int, int]:
        packer = _LENGTHS[width]
        return packer.unpack(self.take(offset, packer.size))[0], offset + packer.size

    def value(self, offset: int, depth: int) -> tuple[object, int]:
        if depth > MAX_DEPTH:
            raise UnpackError("nested too deeply")
        head = self.take(offset, 1)[0]
        offset += 1
        if head <= 0x7F:
            return head, offset
        if head >= 0xE0:
            return head - 0x100, offset
        if 0xA0 <= head <= 0xBF:
            return self.text(offset, head & 0x1F)
        if 0x90 <= head <= 0x9F:
            return self.array(offset, head & 0x0F, depth)
        if 0x80 <= head <= 0x8F:
            return self.map(offset, head & 0x0F, depth)
        if head in _SIMPLE:
            return _SIMPLE[head], offset
        if head in _NUMBERS:
            packer = _NUMBERS[head]
            return packer.unpack(self.take(offset, packer.size))[0], offset + packer.size
        if head in _SIZED:
            kind, width = _SIZED[head]
            length, offset = self.length(offset, width)
            if kind == "str":
                return self.text(offset, length)
            if kind == "bin":
                return bytes(self.take(offset, length)), offset + length
            if kind == "array":
                return self.array(offset, length, depth)
            return self.map(offset, length, depth)
        raise UnpackError(f"unsupported type byte 0x{head:02x}")

    def text(self, offset: int, length: int) -> tuple[str, int]:
        try:
            return str(self.take(offset, length), "utf-8"), offset + length
        except UnicodeDecodeError as error:
            raise UnpackError(str(error)) from None

    def array(self, offset: int, length: int, depth: int) -> tuple[list, int]:
        items = []
        for _ in range(length):
            item, offset = self.value(offset, depth + 1)
            items.append(item)
        return items, offset

    def map(self, offset: int, length: int, depth: int) -> tuple[dict, int]:
        result = {}
        for _ in range(length):
            key, offset = self.value(offset, depth + 1)
            if not isinstance(key, (str, bytes)):
                raise UnpackError(f"{type(key).__name__} is not allowed for map key")
            result[key], offset = self.value(offset, depth + 1)
        return result, offset


_SIMPLE = {0xC0: None, 0xC2: False, 0xC3: True}
_NUMBERS = {
    0xCA: _FLOAT32, 0xCB: _FLOAT64,
    **{type_byte: packer for type_byte, _, packer in _UNSIGNED},
    **{type_byte: packer for type_byte, _, packer in _SIGNED},
}
_SIZED = {
    0xD9: ("str", 0), 0xDA: ("str", 1), 0xDB: ("str", 2),
    0xC4: ("bin", 0), 0xC5: ("bin", 1), 0xC6: ("bin", 2),
    0xDC: ("array", 1), 0xDD: ("array", 2),
    0xDE: ("map", 1), 0xDF: ("map", 2),
}
