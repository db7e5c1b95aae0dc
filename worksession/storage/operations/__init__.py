"""One keyword-only function per user action; each runs in one transaction and commits.

There is no save step: when an operation returns, the change is on disk. Operations validate
their input first (``domain.validation``) so a rejected change writes nothing.
"""
