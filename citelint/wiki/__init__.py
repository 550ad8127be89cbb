"""Live wikis: fetch wikitext through the MediaWiki Action API (``citelint page``)."""

from citelint.wiki.api import Page, Revision, WikiClient, WikiError

__all__ = ["Page", "Revision", "WikiClient", "WikiError"]
