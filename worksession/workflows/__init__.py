"""Workflows that join storage and export, shared by the window and the command line.

A new session from the toolkit, the example session, a plan PDF from the database, checking a
plan against the archive, signing it with the coach's certificate, and where an export may be
written. No Qt: the window and the command line call the same functions.
"""
