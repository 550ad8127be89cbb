"""Link checking: the cited URLs of a run, checked once over HTTP (``--check-links``).

Pieces: :mod:`~citelint.links.collect` (URLs from the index), :mod:`~citelint.links.checker`
(async httpx checker), :mod:`~citelint.links.cache` (SQLite), :mod:`~citelint.links.safety`
(no private addresses), :mod:`~citelint.links.judge` (results → LINK001–LINK005),
:mod:`~citelint.links.phase` (the phase between parsing and the rules).
Importing this package does not import httpx.
"""

from __future__ import annotations

from citelint.links.settings import LinkSettings, settings_from

__all__ = ["LinkSettings", "settings_from"]
