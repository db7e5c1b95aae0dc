"""Exports: a session document or plan snapshot → bytes or text. Never opens the database."""
