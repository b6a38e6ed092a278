"""Raw bytes -> the text every offset refers to, or a clear input error.

The text is what Python's own text mode gives for the file (`Path.read_text`
with the detected encoding): universal newlines (CRLF and CR become LF) and, for
UTF-8, a byte-order mark kept as U+FEFF at offset 0. So `open(path).read()[start:end]`
is the fact's text for any consumer. UTF-16 with a BOM and legacy single-byte
encodings (cp1252/latin-1) are decoded; `charset-normalizer` guesses the rest.
"""
from __future__ import annotations

import codecs
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

DEFAULT_MAX_CHARS = 5_000_000


class InputError(Exception):
    """An input that cannot be processed; `code` is one of records.ERROR_CODES."""

    def __init__(self, code: str, message: str, sha256: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.sha256 = sha256  # of the raw bytes, when they were read: error records carry it


@dataclass(frozen=True)
class DecodedInput:
    text: str
    sha256: str
    encoding: str
    path: Optional[str] = None


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > max(8, len(sample) // 100)


def _detect_encoding(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(raw):
        raise InputError("binary", "not a text file (binary content)")
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError("decode", "could not detect the text encoding (not UTF-8, UTF-16 or a known legacy encoding)")
    return best.encoding


def decode_bytes(raw: bytes, *, path: Optional[str] = None, max_chars: int = DEFAULT_MAX_CHARS) -> DecodedInput:
    """Decode raw input bytes; raise InputError(empty|binary|decode|too_large) carrying the bytes' sha256."""
    digest = hashlib.sha256(raw).hexdigest()
    try:
        return _decode(raw, digest, path, max_chars)
    except InputError as exc:
        exc.sha256 = digest
        raise


def _decode(raw: bytes, digest: str, path: Optional[str], max_chars: int) -> DecodedInput:
    if not raw.strip():
        raise InputError("empty", "the input is empty or whitespace only")
    is_utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not is_utf16 and b"\x00" in raw[:8192]:
        raise InputError("binary", "not a text file (it contains NUL bytes)")
    encoding = _detect_encoding(raw)
    try:
        with io.TextIOWrapper(io.BytesIO(raw), encoding=encoding, newline=None) as stream:
            text = stream.read()
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError("decode", f"cannot decode the input as {encoding}: {exc}") from exc
    text = _universal_newlines(text)
    if not text.strip("\ufeff \t\n"):
        raise InputError("empty", "the input is empty or whitespace only")
    if _looks_binary(text[:8192].encode("utf-8", "replace")):
        raise InputError("binary", "not a text file (mostly control characters)")
    if len(text) > max_chars:
        raise InputError("too_large", f"the input has {len(text):,} characters, over the limit of {max_chars:,} (--max-chars)")
    return DecodedInput(text=text, sha256=digest, encoding=encoding, path=path)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks (never the whole file in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_path(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> DecodedInput:
    """Read and decode one file; unreadable files raise InputError('unreadable')."""
    try:
        size = path.stat().st_size
        if size > max_chars * 4 + 4:  # more bytes than any encoding needs for max_chars: hash it, never load it
            raise InputError("too_large", f"the file is {size:,} bytes, over the limit of {max_chars:,} "
                             "characters (--max-chars)", sha256=file_sha256(path))
        raw = path.read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError("unreadable", f"{path} is a directory")
    except OSError as exc:
        raise InputError("unreadable", f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode_bytes(raw, path=str(path), max_chars=max_chars)
