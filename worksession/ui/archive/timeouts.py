"""How long the app waits for a database server that does not answer.

The team archive is reached over the network from a laptop that is often offline or behind a
hotel's wifi. A server that takes the connection but never answers would hold the publish's
worker for psycopg's default of 130 seconds (and the app's quit waits for its workers). The
app sets libpq's own default instead, once at start, before any worker runs; an address's
``connect_timeout=`` and a ``PGCONNECT_TIMEOUT`` set by the user still win.
"""

from __future__ import annotations

import os

CONNECT_TIMEOUT_S = 15
ENVIRONMENT = "PGCONNECT_TIMEOUT"  # libpq's (and psycopg's) default for connect_timeout


def limit_connection_waits() -> None:
    """A server that never answers costs ``CONNECT_TIMEOUT_S`` seconds, unless the user chose."""
    os.environ.setdefault(ENVIRONMENT, str(CONNECT_TIMEOUT_S))
