"""Collect a tool's warnings so the build can show (or, when strict, refuse) them."""

import logging
from contextlib import contextmanager
from pathlib import Path

from magazine.errors import RenderError


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        message = record.getMessage().strip()
        if message:
            self.messages.append(message)


@contextmanager
def collected_warnings(logger_name: str):
    """Yield a list that fills with the named logger's warnings, which then do not print."""
    logger = logging.getLogger(logger_name)
    handler, propagate, level = _Collect(), logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = propagate, level


def refuse_warnings(strict: bool, warnings, path: Path) -> None:
    """In a strict build, fail on an output's warnings (naming the first)."""
    if strict and warnings:
        raise RenderError(f"{len(warnings)} warnings in a strict build: {warnings[0]}", path)
