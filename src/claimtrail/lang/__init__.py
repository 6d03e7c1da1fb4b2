"""Language packs: per-language knowledge kept as validated YAML data.

Each folder ``lang/<code>/`` holds one YAML file per section; each section's schema is a
pydantic model in ``lang/sections/<section>.py``. A language that lacks a section's file
falls back to ``lang/xx/``. The supported languages are the folders.
"""

from claimtrail.lang.packs import Pack, available_languages, load_pack, section_names, with_fallback

__all__ = ["Pack", "available_languages", "load_pack", "section_names", "with_fallback"]
