"""One page class per step kind, all on ``StepPage``."""
