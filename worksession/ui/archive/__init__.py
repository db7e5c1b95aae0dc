"""The team archive in the app: publishing a session from its window, fetching from the start
window, the question when both sides changed, and what waits for an unreachable archive.

The work itself is ``worksession.workflows.team_archive``'s; here it runs in the background so a
window never freezes on a slow or hanging server.
"""
