"""The user's own: where their files live (``locations``) and their preferences (``settings``).

Nothing below ``ui`` and ``workflows`` reads the settings (the import contracts check it): there
the caller passes a setting in. Where the files live is asked by every layer.
"""
