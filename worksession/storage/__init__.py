"""Storage: the SQLite engine, migrations, opening checks and the operations the UI calls. No Qt."""
