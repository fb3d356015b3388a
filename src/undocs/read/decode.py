"""Decoding a text source: UTF-8 (a BOM tolerated), LF line ends; anything else is an error
naming the file and line."""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError


def decode(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", path, line) from None
    if not text.strip():
        raise SourceError("the document is empty", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
