"""The vote panel of the Prioriteren step: the method, the ballots, the tie break.

Each module has one job: ``settings_bar`` chooses the method, ``ballot_model`` and
``ballot_grid`` type the ballots, ``places`` turns typed rank numbers into a ballot's ranking,
``tie_break`` lets the group order equal themes, and ``actions`` turns every change into an
undoable command through the session controller. The result itself is shown by
``worksession.ui.vote_results``, which the presenter window shows too.
"""
