"""Errors the storage layer raises for the user to read: each says what is wrong and where."""

from __future__ import annotations


class StorageError(Exception):
    """Something about the database the user must be told in plain words."""


class DatabaseRefused(StorageError):
    """The file cannot be opened as a worksession database; it was left untouched."""


class NotFound(StorageError):
    """A record named by the user does not exist."""
