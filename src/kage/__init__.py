"""Kage: a story-world engine that plays as interactive fiction."""

__version__ = "0.1.0"
