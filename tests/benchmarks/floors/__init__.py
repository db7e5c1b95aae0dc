"""Floor scripts for the start-up benchmark: the least any app could do, timed like the app."""
