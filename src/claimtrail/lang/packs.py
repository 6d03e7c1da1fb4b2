"""Loading and validating language packs."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from claimtrail.errors import PackError
from claimtrail.lang import sections as sections_pkg

PACK_ROOT = Path(__file__).resolve().parent
FALLBACK = "xx"

S = TypeVar("S", bound=BaseModel)


def section_names() -> list[str]:
    """Every section with a schema module in ``lang/sections``."""
    return sorted(m.name for m in pkgutil.iter_modules(sections_pkg.__path__) if not m.name.startswith("_"))


def section_schema(name: str) -> type[BaseModel]:
    module = importlib.import_module(f"{sections_pkg.__name__}.{name}")
    schema = getattr(module, "Section", None)
    if not (isinstance(schema, type) and issubclass(schema, BaseModel)):
        raise PackError(f"lang/sections/{name}.py", "Section", "no pydantic model named Section")
    return schema


def available_languages() -> list[str]:
    """Language codes with a pack folder, the fallback ``xx`` last."""
    codes = sorted(p.name for p in PACK_ROOT.iterdir() if p.is_dir() and (p / "meta.yaml").is_file())
    return [c for c in codes if c != FALLBACK] + ([FALLBACK] if FALLBACK in codes else [])


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(PACK_ROOT.parent.parent))
    except ValueError:
        return str(path)


def _key(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(top)"


class _UniqueKeys(yaml.SafeLoader):
    """The safe loader, refusing a key given twice in one mapping (YAML would keep the last silently:
    a unit or noun entered twice with two meanings)."""


def _unique_mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[Any, Any]:
    lines: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in lines:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice (first on line {lines[key] + 1})", key_node.start_mark)
        lines[key] = key_node.start_mark.line
    loader.flatten_mapping(node)
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def validate_file(path: Path, schema: type[S]) -> S:
    """Parse and validate one YAML file; any problem is a PackError naming file and key."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)  # a SafeLoader
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(_rel(path), "(file)", str(e)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(yaml)"
        raise PackError(_rel(path), where, f"not valid YAML: {getattr(e, 'problem', e)}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PackError(_rel(path), "(top)", "must be a mapping of keys to values")
    try:
        return schema.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {len(e.errors()) - 1} more)" if len(e.errors()) > 1 else ""
        raise PackError(_rel(path), _key(err["loc"]), err["msg"] + more) from None


class Pack:
    """The sections of one language, loaded lazily and validated on first use."""

    def __init__(self, code: str, root: Path = PACK_ROOT) -> None:
        folder = root / code
        if not (folder / "meta.yaml").is_file():
            raise PackError(_rel(folder), "meta.yaml", f"no language pack for {code!r}")
        self.code = code
        self.root = root
        self._cache: dict[str, BaseModel] = {}

    def path_of(self, name: str) -> Path:
        own = self.root / self.code / f"{name}.yaml"
        return own if own.is_file() else self.root / FALLBACK / f"{name}.yaml"

    def section(self, name: str, schema: type[S]) -> S:
        if name not in self._cache:
            path = self.path_of(name)
            if not path.is_file():
                raise PackError(_rel(path), name, "section file missing in the pack and in the fallback")
            self._cache[name] = validate_file(path, schema)
        value = self._cache[name]
        assert isinstance(value, schema)
        return value

    def get(self, name: str) -> BaseModel:
        return self.section(name, section_schema(name))

    def validate_all(self) -> None:
        for name in section_names():
            self.get(name)


def with_fallback(code: str | None) -> list[Pack]:
    """The pack for ``code`` followed by ``xx``, for sections that add up across packs."""
    pack = load_pack(code)
    return [pack] if pack.code == FALLBACK else [pack, load_pack(FALLBACK)]


@cache
def load_pack(code: str | None) -> Pack:
    """The pack for ``code``; unknown or missing languages get the ``xx`` fallback."""
    if code:
        for lang in available_languages():
            if lang == code:
                return Pack(lang)
        for lang in available_languages():
            from claimtrail.lang.sections.meta import Section as Meta

            if code in Pack(lang).section("meta", Meta).also_for:
                return Pack(lang)
    return Pack(FALLBACK)
