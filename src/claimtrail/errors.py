"""Errors a user sees: each names the input and the problem in one line."""

from __future__ import annotations


class ClaimtrailError(Exception):
    """Base class; ``str(err)`` is the one line shown to the user."""


class InputError(ClaimtrailError):
    """An input that cannot be analysed (not text, empty, undecodable, bad record)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # picklable, so that worker processes (the local pool, Spark) can hand errors back
        return (InputError, (self.where, self.problem))


class PackError(ClaimtrailError):
    """A language pack or data file that does not validate."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem

    def __reduce__(self) -> tuple[type[PackError], tuple[str, str, str]]:
        return (PackError, (self.file, self.key, self.problem))


class PipelineError(ClaimtrailError):
    """A pipeline whose stages are in an order that cannot work."""


class StoreError(ClaimtrailError):
    """A ledger database that cannot be opened or written."""
