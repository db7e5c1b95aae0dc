"""The commands for the sheets about people: ``whoiswho`` (who took part and what each can be
called for) and ``factsheet`` (one organisation of the sociale kaart, for the huisarts)."""

from __future__ import annotations

import argparse

from worksession.cli.common import EXIT_OK, UserError, export_target, open_db, toolkit_library


def cmd_whoiswho(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.workflows.people_sheets import write_who_is_who

    export_target(args, args.out)  # refused before the database is opened or anything drawn
    try:
        write_who_is_who(db=open_db(args), session_id=args.id, out=args.out)
    except NotFound as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    return EXIT_OK


def cmd_factsheet(args: argparse.Namespace) -> int:
    from worksession.domain.factsheet import UnknownStakeholder
    from worksession.storage.errors import NotFound
    from worksession.workflows.people_sheets import write_factsheet

    export_target(args, args.out)
    try:
        write_factsheet(
            db=open_db(args),
            session_id=args.id,
            stakeholder=args.stakeholder,
            out=args.out,
            library=toolkit_library(),
        )
    except UnknownStakeholder as error:
        raise UserError(f"--stakeholder: {error}") from error
    except NotFound as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(f"{args.out}: {error.strerror or error}") from error
    return EXIT_OK
