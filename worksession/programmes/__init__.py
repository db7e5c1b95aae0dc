"""The toolkit as files: programmes, casus and catalogues in ``sessions/``, read and checked."""
