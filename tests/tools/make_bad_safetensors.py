#!/usr/bin/env python3
"""Writes the safetensors test corpus used by tests/weights/tst_safetensors (python3 stdlib only).

  tests/data/safetensors/bad/<case>.safetensors   malicious or broken files; every one must be rejected
  tests/data/safetensors/bad/expected.tsv          <case>.safetensors TAB substring [TAB substring ...]:
                                                   words that the rejection message must contain
  tests/data/safetensors/good/<case>.safetensors   valid files (spec test vectors), also fuzz seeds

Usage: python3 tests/tools/make_bad_safetensors.py [output_dir]   (default: tests/data/safetensors)
The files are committed; rerun only when adding a case, and commit the result.
"""
import json
import os
import struct
import sys

U64_MAX = 2**64 - 1


def st(header, data=b"", n=None):
    """A file: u64 LE length (n, default len(header)) + header bytes + data."""
    if isinstance(header, str):
        header = header.encode("utf-8")
    length = len(header) if n is None else n
    return struct.pack("<Q", length) + header + data


def floats(count):
    return struct.pack("<%df" % count, *range(count))


def tensor(dtype="F32", shape=(1, 2, 3), offsets=(0, 24)):
    return {"dtype": dtype, "shape": list(shape), "data_offsets": list(offsets)}


def hdr(obj):
    return json.dumps(obj, separators=(",", ":"))


T = '"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]'  # a valid entry body for 24 data bytes
D24 = floats(6)


def bad_cases():
    c = {}

    def add(name, content, *words):
        assert name not in c, name
        c[name] = (content, words)

    # Length field and file size.
    add("empty_file", b"", "too small")
    add("seven_bytes", b"\x02\x00\x00\x00\x00\x00\x00", "too small")
    add("len_u64_max", st('{"a":{%s}}' % T, D24, n=U64_MAX), "exceeds the limit")
    add("len_over_100mb", st('{"a":{%s}}' % T, D24, n=100_000_001), "exceeds the limit")
    add("len_100mb_past_file", st("{}", n=100_000_000), "past the end")
    add("len_past_file", st('{"a":{%s}}' % T, D24, n=len('{"a":{%s}}' % T) + 100), "past the end")
    add("len_zero", st(b""), "start with '{'")
    add("len_zero_with_data", st(b"", D24), "start with '{'")
    add("len_short_cuts_json", st('{"a":{%s}}' % T, D24, n=20), "invalid header")
    # Encoding and top-level shape.
    add("non_utf8_latin1_name", st(b'{"caf\xe9":{' + T.encode() + b"}}", D24), "UTF-8")
    add("non_utf8_overlong", st(b'{"a\xc0\xaf":{' + T.encode() + b"}}", D24), "UTF-8")
    add("non_utf8_surrogate", st(b'{"a\xed\xa0\x80":{' + T.encode() + b"}}", D24), "UTF-8")
    add("non_utf8_cut_sequence", st(b"{}   \xe2\x82"), "UTF-8")
    add("non_utf8_above_max", st(b'{"\xf4\x90\x80\x80":{' + T.encode() + b"}}", D24), "UTF-8")
    add("not_object_array", st("[1,2,3] "), "start with '{'")
    add("not_object_number", st("42      "), "start with '{'")
    add("not_object_string", st('"abcdef"'), "start with '{'")
    add("not_object_null", st("null    "), "start with '{'")
    add("leading_space", st(" {}     "), "start with '{'")
    add("utf8_bom_prefix", st(b"\xef\xbb\xbf{}   "), "start with '{'")
    # JSON syntax.
    add("unterminated_object", st('{"a":'), "invalid header", "header ended")
    add("unterminated_string", st('{"abc'), "unterminated string")
    add("trailing_comma_object", st('{"a":{%s},}' % T, D24), "expected a string")
    add("trailing_comma_shape", st('{"a":{"dtype":"F32","shape":[1,2,3,],"data_offsets":[0,24]}}', D24),
        "tensor 'a'", "shape[3]")
    add("single_quoted_key", st("{'a':{%s}}" % T, D24), "expected a string")
    add("missing_colon", st('{"a" {%s}}' % T, D24), "expected ':'")
    add("control_char_in_name", st('{"a\x01b":{%s}}' % T, D24), "control character")
    add("lone_surrogate_escape", st('{"\\ud800":{%s}}' % T, D24), "surrogate")
    add("bad_escape", st('{"a\\x":{%s}}' % T, D24), "invalid escape")
    add("nul_padding", st(b"{}" + b"\x00" * 6), "after the header's closing", "0x00")
    add("trailing_garbage", st("{}x     "), "after the header's closing")
    add("two_objects", st("{}{}    "), "after the header's closing")
    add("deep_nesting", st("{\"a\":" + "[" * 5000 + "]" * 5000 + "}"), "tensor 'a'", "not an object")
    # Keys.
    add("duplicate_tensor_key", st('{"a":{%s},"a":{%s}}' % (T, T), D24), "tensor 'a'", "duplicate key")
    add("duplicate_metadata_key", st('{"__metadata__":{},"__metadata__":{},"a":{%s}}' % T, D24),
        "duplicate key '__metadata__'")
    add("duplicate_dtype_field", st('{"a":{"dtype":"F32",%s}}' % T, D24), "tensor 'a'", "'dtype' appears twice")
    add("metadata_duplicate_inner_key", st('{"__metadata__":{"format":"pt","format":"pt"}}'), "'format' twice")
    add("metadata_int_value", st('{"__metadata__":{"format":1}}'), "'format'", "not a string")
    add("metadata_object_value", st('{"__metadata__":{"nested":{}}}'), "'nested'", "not a string")
    add("metadata_not_object", st('{"__metadata__":"pt"}'), "__metadata__ must be an object")
    add("metadata_null", st('{"__metadata__":null}'), "__metadata__ must be an object")
    add("metadata_holds_tensor", st('{"__metadata__":{%s}}' % T, D24), "'shape'", "not a string")
    # Tensor entries.
    add("tensor_not_object", st('{"a":[1,2]}'), "tensor 'a'", "not an object")
    add("tensor_is_string", st('{"a":"F32"}'), "tensor 'a'", "not an object")
    add("missing_dtype", st('{"a":{"shape":[1,2,3],"data_offsets":[0,24]}}', D24), "missing field 'dtype'")
    add("missing_shape", st('{"a":{"dtype":"F32","data_offsets":[0,24]}}', D24), "missing field 'shape'")
    add("missing_data_offsets", st('{"a":{"dtype":"F32","shape":[1,2,3]}}', D24), "missing field 'data_offsets'")
    add("readme_offsets_key", st('{"a":{"dtype":"F32","shape":[1,2,3],"offsets":[0,24]}}', D24),
        "unexpected field 'offsets'")
    add("extra_field", st('{"a":{%s,"stride":[6,3,1]}}' % T, D24), "unexpected field 'stride'")
    add("unknown_dtype", st(hdr({"a": tensor("F99")}), D24), "tensor 'a'", "unknown dtype 'F99'")
    add("dtype_lowercase", st(hdr({"a": tensor("f32")}), D24), "unknown dtype 'f32'")
    add("dtype_f4_subbyte", st(hdr({"a": tensor("F4")}), D24), "unknown dtype 'F4'")
    add("dtype_not_string", st('{"a":{"dtype":4,"shape":[1,2,3],"data_offsets":[0,24]}}', D24),
        "dtype is not a string")
    add("negative_dim", st(hdr({"a": tensor(shape=(-1, 2, 3))}), D24), "tensor 'a'", "is negative")
    add("negative_zero_dim", st('{"a":{"dtype":"F32","shape":[-0],"data_offsets":[0,0]}}'), "is negative")
    add("fractional_dim", st('{"a":{"dtype":"F32","shape":[1.5,4],"data_offsets":[0,24]}}', D24),
        "not an integer")
    add("float_integral_dim", st('{"a":{"dtype":"F32","shape":[1.0,2,3],"data_offsets":[0,24]}}', D24),
        "not an integer")
    add("exponent_dim", st('{"a":{"dtype":"F32","shape":[6e0],"data_offsets":[0,24]}}', D24), "not an integer")
    add("leading_zero_dim", st('{"a":{"dtype":"F32","shape":[06],"data_offsets":[0,24]}}', D24), "leading zero")
    add("string_dim", st('{"a":{"dtype":"F32","shape":["6"],"data_offsets":[0,24]}}', D24),
        "not a non-negative integer")
    add("huge_dim_2p53_plus_1", st(hdr({"a": tensor(shape=(2**53 + 1,), offsets=(0, 0))})), "too large")
    add("huge_dim_over_u64", st(hdr({"a": tensor(shape=(2**64,), offsets=(0, 0))})), "too large")
    add("shape_not_array", st('{"a":{"dtype":"F32","shape":6,"data_offsets":[0,24]}}', D24),
        "shape is not an array")
    # Products that wrap around 64 bits (to 0 or to a small number).
    add("product_wrap_to_zero", st(hdr({"a": tensor(shape=(2**32, 2**32), offsets=(0, 0))})), "overflows")
    add("product_wrap_three_dims", st(hdr({"a": tensor(shape=(2**21, 2**21, 2**22), offsets=(0, 0))})),
        "overflows")
    add("bytes_wrap_to_zero", st(hdr({"a": tensor(shape=(2**30, 2**32), offsets=(0, 0))})), "overflows")
    add("bytes_wrap_to_8gib", st(hdr({"a": tensor("F64", shape=(2**30, 2**31 + 1), offsets=(0, 2**33))}), D24),
        "byte size", "overflows")
    # Offsets.
    add("offsets_one_value", st(hdr({"a": tensor(offsets=(0,))}), D24), "exactly 2")
    add("offsets_three_values", st(hdr({"a": tensor(offsets=(0, 24, 48))}), D24), "exactly 2")
    add("offsets_empty", st(hdr({"a": tensor(offsets=())}), D24), "exactly 2")
    add("offsets_negative", st(hdr({"a": tensor(offsets=(-24, 0))}), D24), "data_offsets begin is negative")
    add("offsets_float", st('{"a":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24.0]}}', D24),
        "not an integer")
    add("offsets_not_array", st('{"a":{"dtype":"F32","shape":[1,2,3],"data_offsets":"0-24"}}', D24),
        "data_offsets is not an array")
    add("offsets_over_u64", st(hdr({"a": tensor(offsets=(0, 2**64))}), D24), "too large")
    add("begin_greater_than_end", st(hdr({"a": tensor(offsets=(24, 0))}), D24), "tensor 'a'", "end before")
    add("gap_at_start", st(hdr({"a": tensor(offsets=(8, 32))}), floats(8)), "tensor 'a'", "gap")
    add("gap_between", st(hdr({"a": tensor(offsets=(0, 24)), "b": tensor(offsets=(32, 56))}), floats(14)),
        "tensor 'b'", "gap")
    add("overlap", st(hdr({"a": tensor(offsets=(0, 24)), "b": tensor(offsets=(16, 40))}), floats(10)),
        "tensor 'b'", "overlaps")
    add("same_offsets_twice", st(hdr({"a": tensor(offsets=(0, 24)), "b": tensor(offsets=(0, 24))}), D24),
        "tensor 'b'", "overlaps")
    add("offsets_huge_end", st(hdr({"a": tensor("F64", shape=(2**30, 2**31 - 1), offsets=(0, 2**64 - 2**33))}), D24),
        "truncated")
    # Sizes against the data buffer.
    add("trailing_bytes", st(hdr({"a": tensor()}), D24 + b"\0\0\0\0"), "4 trailing bytes")
    add("trailing_bytes_empty_header", st("{}      ", b"\x01"), "1 trailing bytes")
    add("truncated_data", st(hdr({"a": tensor()}), D24[:20]), "truncated")
    add("truncated_second_tensor", st(hdr({"a": tensor(), "b": tensor(offsets=(24, 48))}), floats(8)),
        "truncated")
    add("dtype_shape_mismatch", st(hdr({"a": tensor(offsets=(0, 12))}), D24[:12]), "tensor 'a'", "need 24 bytes")
    add("dtype_shape_mismatch_f16", st(hdr({"a": tensor("F16")}), D24), "need 12 bytes")
    add("dtype_shape_mismatch_i64", st(hdr({"a": tensor("I64")}), D24), "need 48 bytes")
    add("scalar_without_bytes", st(hdr({"a": tensor(shape=(), offsets=(0, 0))})), "need 4 bytes")
    add("zero_dim_with_bytes", st(hdr({"a": tensor(shape=(0, 6), offsets=(0, 24))}), D24), "need 0 bytes")
    add("second_tensor_mismatch",
        st(hdr({"a": tensor(), "b": tensor(shape=(7,), offsets=(24, 48))}), floats(12)), "tensor 'b'", "need 28")
    return c


def good_cases():
    g = {}
    # Spec test vectors: N = 64 (F32 [1,2,3], floats 0..5), N = 72 (7 spaces), the empty file.
    h64 = b'{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}'
    assert len(h64) == 64
    g["spec_n64"] = st(h64, D24)
    h72 = b'{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}'
    g["spec_n72_padded"] = st(h72 + b" " * (72 - len(h72)), D24)
    g["spec_empty"] = st(b"{}      ")
    g["scalar_and_i64"] = st(hdr({"__metadata__": {"format": "pt"},
                                  "logit_scale": tensor(shape=(), offsets=(8, 12)),
                                  "ids": tensor("I64", shape=(1,), offsets=(0, 8))}),
                             struct.pack("<qf", 7, 4.605170249938965))
    return g


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "safetensors")
    bad_dir = os.path.join(root, "bad")
    good_dir = os.path.join(root, "good")
    os.makedirs(bad_dir, exist_ok=True)
    os.makedirs(good_dir, exist_ok=True)
    bad = bad_cases()
    lines = []
    for name, (content, words) in sorted(bad.items()):
        with open(os.path.join(bad_dir, name + ".safetensors"), "wb") as f:
            f.write(content)
        lines.append("\t".join((name + ".safetensors",) + words))
    with open(os.path.join(bad_dir, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    for name, content in sorted(good_cases().items()):
        with open(os.path.join(good_dir, name + ".safetensors"), "wb") as f:
            f.write(content)
    print("wrote %d bad and %d good files under %s" % (len(bad), len(good_cases()), root))


if __name__ == "__main__":
    main()
