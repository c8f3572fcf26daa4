"""Bytes to text, the way a browser would: BOM, then the HTTP/WARC header, then <meta charset>,
then detection. Latin-1 and ASCII labels mean windows-1252 on the web (WHATWG Encoding)."""
from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

# WHATWG maps these labels to a superset; decoding with the label itself gives mojibake
# for the bytes 0x80-0x9F that real pages use for quotes, dashes and the euro sign.
WEB_SUPERSETS = {
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin-1": "windows-1252",
    "latin1": "windows-1252", "l1": "windows-1252", "ascii": "windows-1252",
    "us-ascii": "windows-1252", "iso-8859-9": "windows-1254", "latin5": "windows-1254",
    "iso-8859-11": "windows-874", "tis-620": "windows-874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
    "utf8": "utf-8", "unicode": "utf-8", "utf-16": "utf-8",  # a page cannot declare utf-16 in itself
}
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
SNIFF_BYTES = 4096


def normalise_label(label: str | None) -> str | None:
    """A known codec name for a declared label, or None if Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = WEB_SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):   # unknown name, or junk such as a NUL inside the label
        return None


def declared_encoding(body: bytes, headers: dict[str, str] | None) -> tuple[str | None, str]:
    """The encoding a page declares and where it was declared: 'bom', 'header', 'meta' or ''."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name, "bom"
    content_type = (headers or {}).get("content-type", "")
    match = HEADER_CHARSET.search(content_type)
    if match and (name := normalise_label(match.group(1))):
        return name, "header"
    meta = EncodingDetector.find_declared_encoding(body[:SNIFF_BYTES], is_html=True)
    if meta and (name := normalise_label(meta)):
        return name, "meta"
    return None, ""


def decode_html(body: bytes, headers: dict[str, str] | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding used)."""
    encoding, where = declared_encoding(body, headers)
    if where == "bom":
        return body[_bom_len(body):].decode(encoding, "replace"), encoding
    if encoding:
        try:
            return body.decode(encoding), encoding
        except UnicodeDecodeError:
            # A declared UTF-8 page with stray bytes is far more often really UTF-8 with a few bad
            # bytes than another charset, so keep UTF-8 when most of it decodes.
            if encoding == "utf-8" and _mostly_utf8(body):
                return body.decode("utf-8", "replace"), "utf-8"
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    detected = normalise_label(best.encoding) if best else None
    detected = detected or encoding or "windows-1252"
    return body.decode(detected, "replace"), detected


def _bom_len(body: bytes) -> int:
    return 3 if body.startswith(codecs.BOM_UTF8) else 2


def _mostly_utf8(body: bytes) -> bool:
    text = body.decode("utf-8", "replace")
    return text.count("\ufffd") < max(3, len(text) // 2000)
