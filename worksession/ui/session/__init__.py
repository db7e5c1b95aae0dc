"""The session window: one page per programme step, with undo, autosave and the lesson checks."""
