"""The collaboration plan as a PDF: rendered from a frozen snapshot, self-verifying."""
