"""The built-in rules, one module per rule, discovered like plugin rules.

This folder is installed as the package ``citelint.rules`` (see pyproject.toml).
"""
