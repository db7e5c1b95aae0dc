"""The commands on the collaboration plan: freeze, signoff, pdf, verify, sign."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from worksession.cli.common import (
    EXIT_OK,
    UserError,
    export_target,
    open_db,
    read_input,
    unwritable,
    write_out,
)
from worksession.i18n import _
from worksession.support.line_output import one_line, text_lines

if TYPE_CHECKING:
    from worksession.storage.database import Database


def cmd_freeze(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.plan import freeze

    try:
        version = freeze(db=open_db(args), session_id=args.id)
    except NotFound as error:
        raise UserError(_("there is no session with id {id}").format(id=args.id)) from error
    print(f"version {version.number} sha256:{version.sha256}")
    return EXIT_OK


def cmd_signoff(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.storage.operations.plan import record_decision

    try:
        record_decision(
            db=open_db(args),
            session_id=args.id,
            version=args.number,
            participant=args.participant,
            decision=args.decision,
            comment=args.comment,
            method=args.method,
        )
    except NotFound as error:
        raise UserError(str(error)) from error
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    from worksession.storage.errors import NotFound
    from worksession.workflows.plan_export import write_plan_pdf

    export_target(args, args.out)
    try:
        write_plan_pdf(db=open_db(args), session_id=args.id, out=args.out, number=args.number)
    except NotFound as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise unwritable(args.out, error) from error
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from worksession.workflows.certificates import CertificateError, trusted_certificates
    from worksession.workflows.plan_archive import check_plan_file

    data = read_input(args.file)
    try:
        trust = trusted_certificates(args.trust)
    except CertificateError as error:
        raise UserError(str(error)) from error
    database = _open_existing(args) if args.db is not None else None
    check = check_plan_file(data, database, trust=trust)
    for line in check.lines:
        print(one_line(line))
    if check.verdict.reason:
        print(one_line(f"{args.file}: {check.verdict.reason}"), file=sys.stderr)
    return check.exit_code


def _open_existing(args: argparse.Namespace) -> Database:
    """The database of ``--db`` for reading: a missing file is an error, not a new archive."""
    from worksession.storage.engine import sqlite_path, to_url
    from worksession.user.locations import database_location

    path = sqlite_path(to_url(database_location(args.db)))
    if path is not None and not path.is_file():
        raise UserError(_("{path}: there is no database here").format(path=path))
    return open_db(args)


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign a plan that verifies as signed off; the passphrase from a prompt or the environment."""
    from worksession.export.pdf.verify import verify_plan
    from worksession.workflows.certificates import CertificateError
    from worksession.workflows.plan_signing import sign_plan_bytes

    export_target(args, args.out)
    data = read_input(args.file)
    verdict = verify_plan(data)
    if not verdict.ok:
        raise UserError(f"{args.file}: {verdict.message}")
    if not verdict.signed_off:
        raise UserError(
            _("{path}: this plan is not signed off yet; only a signed-off plan is signed").format(
                path=args.file
            )
        )
    try:
        signed = sign_plan_bytes(
            data,
            certificate=args.cert,
            passphrase=_passphrase,
            name=args.name,
            email=args.email,
        )
    except CertificateError as error:
        raise UserError(str(error)) from error
    write_out(args, args.out, signed.data)
    print(one_line(_("Signed by {name}: {path}").format(name=signed.signer, path=args.out)))
    if signed.self_made:
        print(text_lines(signed.trust_advice))
    return EXIT_OK


def _passphrase(confirm: bool) -> str:
    """$WORKSESSION_CERT_PASSPHRASE when set (scripts, tests), else asked without echo."""
    import getpass
    import os

    from worksession.workflows.certificates import PASSPHRASE_ENV

    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    try:
        first = getpass.getpass(_("Passphrase of the certificate: "))
        if confirm and getpass.getpass(_("The same passphrase again: ")) != first:
            raise UserError(_("the two passphrases differ; nothing was made"))
    except (EOFError, KeyboardInterrupt) as error:
        raise UserError(_("no passphrase given")) from error
    return first
