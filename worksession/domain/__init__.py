"""Pure-Python domain: the tables of a work session, its value types and its rules. No Qt."""
