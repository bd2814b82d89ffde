"""Game ids and secret tokens. A token is shown once, to the player who made the game;
the database keeps only its SHA-256, so a copy of the database lets no one play."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32  # 256 bits: unguessable
ID_BYTES = 12


def new_id() -> str:
    return secrets.token_urlsafe(ID_BYTES)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def bearer(header: str | None) -> str | None:
    """The token in an ``Authorization: Bearer TOKEN`` header, or None."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
