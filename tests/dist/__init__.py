"""The standalone build's smoke test (make dist-test); not collected by pytest."""
