"""Bytes to text: detect the encoding, decode, and repair mojibake, saying what changed."""

from __future__ import annotations

import unicodedata

import ftfy
from charset_normalizer import from_bytes

from claimtrail.errors import InputError
from claimtrail.model import Repair

#: share of C0/C1 control characters (other than whitespace) above which input is binary
_BINARY_SHARE = 0.02


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    return False


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return bad / len(text)


def decode(data: bytes, where: str) -> tuple[str, str, tuple[Repair, ...]]:
    """Decode ``data`` to text; returns ``(text, encoding, repairs)``.

    UTF-8 (with or without BOM) is taken as is; anything else is detected with
    charset-normalizer. Raises :class:`InputError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(where, "empty input")
    if _looks_binary(data):
        raise InputError(where, "not text (binary data: NUL bytes)")
    repairs: list[Repair] = []
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
        if data.startswith(b"\xef\xbb\xbf"):
            repairs.append(Repair("encoding", "removed a UTF-8 byte-order mark"))
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(where, "undecodable: no text encoding fits these bytes") from None
        encoding = best.encoding
        text = str(best)
        repairs.append(Repair("encoding", f"decoded as {encoding} (not UTF-8)"))
    if _control_share(text) > _BINARY_SHARE:
        raise InputError(where, f"not text (decoded as {encoding}, but full of control characters)")
    text, more = repair_text(text)
    return text, encoding, tuple(repairs) + more


_REPAIR_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)


def repair_text(text: str) -> tuple[str, tuple[Repair, ...]]:
    """Undo mojibake (UTF-8 read as Latin-1 or cp1252, and the like) and nothing else.

    Only encoding repairs are applied: quotes stay curly and widths, ligatures and line
    breaks stay as written, so the text keeps its look and quote boundaries. The repair
    says which re-decoding was applied and gives the first changed passage.
    """
    fixed, steps = ftfy.fix_and_explain(text, config=_REPAIR_ONLY)
    if fixed == text:
        return text, ()
    how = ", then ".join(f"{op} {arg}" for op, arg in steps or [])
    i = next((k for k, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b), 0)
    before, after = text[max(0, i - 10) : i + 20], fixed[max(0, i - 10) : i + 20]
    detail = f"repaired mis-decoded text ({how}): {before!r} -> {after!r}"
    return fixed, (Repair("mojibake", detail),)
