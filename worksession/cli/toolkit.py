"""The commands on the toolkit files: programmes, casus, check, overview."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from worksession.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    UserError,
    export_target,
    toolkit_library,
    write_out,
)
from worksession.i18n import _
from worksession.support.line_output import one_line, record, text_lines

if TYPE_CHECKING:
    from worksession.programmes.model import Source


def _origin(source: Source) -> str:
    return _("shipped") if source.origin == "shipped" else _("own folder")


def cmd_programmes(args: argparse.Namespace) -> int:
    for programme in sorted(toolkit_library().programmes.values(), key=lambda p: p.id):
        source = programme.source
        print(
            record(
                programme.id,
                programme.title,
                f"{_origin(source)} ({source.path})",
                programme.total_minutes,
            )
        )
    return EXIT_OK


def cmd_casus(args: argparse.Namespace) -> int:
    for casus in sorted(toolkit_library().casus.values(), key=lambda c: c.id):
        print(record(casus.id, casus.title, f"{_origin(casus.source)} ({casus.source.path})"))
    return EXIT_OK


def cmd_offers(args: argparse.Namespace) -> int:
    """The catalogue of existing offers in its order, one tab-separated line each: id, name,
    kind, domain, themes (comma-separated ids), where the entry comes from, and the file."""
    for offer in toolkit_library().offers.values():
        print(
            record(
                offer.id,
                offer.name,
                offer.kind,
                offer.domain,
                ",".join(offer.themes),
                offer.reference,
                f"{_origin(offer.source)} ({offer.source.path})",
            )
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from worksession.programmes.parsing import kind_of, read_toolkit_file

    failed = False
    for path in args.files:
        entries, problems = read_toolkit_file(path, kind_of(path))
        for problem in problems:
            print(one_line(problem), file=sys.stderr)
        failed = failed or bool(problems)
        if not problems:
            print(one_line(_("{path}: OK ({count} entries)").format(path=path, count=len(entries))))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def cmd_overview(args: argparse.Namespace) -> int:
    from worksession.export.programme_overview import overview_text, parse_clock
    from worksession.workflows.starting import find_programme

    if args.out is not None:
        export_target(args, args.out)
    programme = find_programme(toolkit_library(), args.programme)
    start = None
    if args.start:
        start = parse_clock(args.start)
        if start is None:
            raise UserError(_("--start: {value!r} is not a time (HH:MM)").format(value=args.start))
    if args.out is not None and args.out.suffix.lower() == ".pdf":
        # The attachment an accreditation request asks for: times, learning goals, coach.
        from worksession.workflows.programme_sheet import programme_pdf_bytes, programme_sheet

        sheet = programme_sheet(programme, start=start, coach=args.coach or "")
        data = programme_pdf_bytes(sheet)
    else:
        text = overview_text(programme, start=start)
        if args.out is None:
            sys.stdout.write(text_lines(text))
            return EXIT_OK
        data = text.encode("utf-8")
    write_out(args, args.out, data)
    return EXIT_OK
