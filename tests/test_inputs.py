"""Decoding: the text every offset refers to, and a clear error code for what cannot be read."""
from __future__ import annotations

import codecs
import hashlib

import pytest

from karabakh_extract.inputs import InputError, decode_bytes, read_path

TEXT = "Azerbaijan’s café – “Shusha” fell on Nov. 8, officials said.\nMore fighting followed.\n"


def test_plain_utf8_is_unchanged():
    decoded = decode_bytes(TEXT.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8"
    assert decoded.sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def test_utf8_bom_is_kept_as_first_character():
    decoded = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded.text == "\ufeff" + TEXT
    assert decoded.text == (codecs.BOM_UTF8 + TEXT.encode("utf-8")).decode("utf-8")  # what open(..., 'utf-8') gives


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    decoded = decode_bytes(bom + TEXT.encode(codec))
    assert decoded.text == TEXT


def test_cp1252_is_decoded():
    text = ("The ceasefire – brokered by Russia – was “violated” again, officials said; "
            "the café in Stepanakert was shelled. ") * 5
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text


@pytest.mark.parametrize("raw", [b"line one\r\nline two\r\n", b"line one\rline two\r", b"line one\nline two\n"])
def test_newlines_are_universal(raw):
    assert decode_bytes(raw).text == "line one\nline two\n"


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n",
                                 codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty(raw):
    with pytest.raises(InputError) as error:
        decode_bytes(raw)
    assert error.value.code == "empty"
    assert error.value.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
                                 b"\x7fELF\x02\x01\x01" + bytes(range(32)) * 10,
                                 bytes(range(1, 9)) * 200])
def test_binary(raw):
    with pytest.raises(InputError) as error:
        decode_bytes(raw)
    assert error.value.code == "binary"


def test_undecodable_bytes():
    raw = bytes(range(128, 256)) * 4  # no control characters, but no encoding makes sense of it
    with pytest.raises(InputError) as error:
        decode_bytes(raw)
    assert error.value.code == "decode"
    assert error.value.sha256 == hashlib.sha256(raw).hexdigest()


def test_too_large():
    with pytest.raises(InputError) as error:
        decode_bytes(b"word " * 100, max_chars=100)
    assert error.value.code == "too_large"


def test_too_large_by_size_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(InputError) as error:
        read_path(path, max_chars=10)
    assert error.value.code == "too_large"
    assert error.value.sha256 == hashlib.sha256(b"x" * 1000).hexdigest()  # resume matches it by content


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(InputError) as error:
        read_path(tmp_path / "vanished.txt")
    assert error.value.code == "unreadable"
    assert error.value.sha256 is None


def test_directory_is_unreadable(tmp_path):
    with pytest.raises(InputError) as error:
        read_path(tmp_path)
    assert error.value.code == "unreadable"


def test_read_path_matches_python_text_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"))
    decoded = read_path(path)
    assert decoded.text == path.open(encoding="utf-8").read()
    assert decoded.path == str(path)
