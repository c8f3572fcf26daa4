"""Is this body binary rather than text? Shared by the cleaner and the fetcher, so kept free of
heavy imports (the fetcher should not load the cleaner to ask)."""
from __future__ import annotations

BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF",
                b"ID3", b"OggS", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"wOF2")
CONTROL_BYTES = bytes(b for b in range(256) if b < 9 or 13 < b < 32)


def looks_binary(body: bytes) -> bool:
    """A known file signature, or more than 5% control bytes in the first 4 KiB (text never holds
    many NULs or control bytes; UTF-16 without a BOM is not worth guessing at)."""
    if body[:1024].lstrip().startswith(BINARY_MAGIC):
        return True
    sample = body[:4096]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > len(sample) * 0.05
