"""The ``kennisbank`` command (:mod:`.commands`) and the scaffolding behind ``kennisbank nieuw`` (:mod:`.scaffold`)."""

from .commands import main

__all__ = ["main"]
