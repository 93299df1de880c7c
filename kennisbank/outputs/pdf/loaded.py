"""Imported for its effect: WeasyPrint loaded (:func:`.weasy.load`). The fork server of :mod:`.parts` preloads it."""

from .weasy import load

load()
