"""Live wikis: fetch wikitext through the MediaWiki Action API (``citelint page``).

:mod:`citelint.wiki.api` holds the client (:class:`~citelint.wiki.api.WikiClient`),
:mod:`citelint.wiki.command` the ``page`` command; httpx is imported only by the client.
"""
