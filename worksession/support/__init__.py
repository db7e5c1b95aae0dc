"""Small helpers every layer may use, none of them knowing another layer.

Files written atomically (``files``) and read within limits (``bounded_read``), text for
line-oriented output (``line_output``), where the shipped files are (``paths``) and when the
process was launched (``startup_clock``). No Qt, no database.
"""
