"""The commands on toolkit packages: ``package export`` and ``package import``."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from worksession.cli.common import (
    EXIT_OK,
    UserError,
    export_target,
    read_input,
    toolkit_library,
    unwritable,
    write_out,
)
from worksession.i18n import _
from worksession.support.line_output import one_line, record


def cmd_package_export(args: argparse.Namespace) -> int:
    from worksession.workflows.package_export import UnpackableToolkit, export_package

    export_target(args, args.out)
    try:
        exported = export_package(toolkit_library(), args.programme, args.casus)
    except UnpackableToolkit as error:
        raise UserError(str(error)) from error
    for casus_id, theme_id in exported.missing_themes:
        message = _(
            "worksession: casus {casus!r} names the theme {theme!r}, which no catalogue has"
        )
        print(one_line(message.format(casus=casus_id, theme=theme_id)), file=sys.stderr)
    write_out(args, args.out, exported.data)
    for packed in exported.files:
        print(record(packed.name, packed.kind, ", ".join(packed.ids), packed.sha256))
    print(record(args.out, _("package"), "", hashlib.sha256(exported.data).hexdigest()))
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    from worksession.programmes.library import user_sessions_dir
    from worksession.programmes.package_entries import RefusedPackage
    from worksession.programmes.package_format import MAX_PACKAGE_BYTES
    from worksession.programmes.package_reading import read_package
    from worksession.support.paths import sessions_dir
    from worksession.workflows.package_import import install, plan_import

    data = read_input(args.file, MAX_PACKAGE_BYTES)
    try:
        package = read_package(data)
    except RefusedPackage as error:
        raise UserError(f"{args.file}: {error}") from error
    folder = user_sessions_dir()
    plan = plan_import(package, user_folder=folder, shipped_folder=sessions_dir())
    if plan.asks and not args.replace:
        raise UserError(
            _("{path}: {what}; add --replace to import it anyway").format(
                path=args.file, what=plan.question()
            )
        )
    try:
        result = install(plan, replace=args.replace)
    except OSError as error:
        raise unwritable(folder, error) from error
    for path in result.written:
        print(record(_("written"), path))
    for path, copy in result.kept:
        print(record(_("replaced"), path, _("kept as {copy}").format(copy=copy)))
    for entry in plan.shadows:
        print(record(_("stands in for the shipped"), entry))
    for name in plan.unchanged:
        print(record(_("already there"), name))
    return EXIT_OK


def add_package_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    """``worksession package export|import``, added to the command line's subcommands;
    ``common`` holds the options every command takes (``--db``)."""
    package = commands.add_parser(
        "package",
        help=_("share a programme with its casus as a package, or import one"),
        description=_("share a programme with its casus as a package, or import one"),
        parents=[common],
    )
    actions = package.add_subparsers(dest="package_command", metavar="export|import", required=True)
    export = actions.add_parser(
        "export",
        help=_("write a programme, its casus and your catalogues they use as a zip"),
        description=_("write a programme, its casus and your catalogues they use as a zip"),
        parents=[common],
    )
    export.add_argument("--programme", required=True, metavar="ID")
    export.add_argument("--casus", nargs="+", action="extend", default=[], metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.zip")
    export.set_defaults(handler=cmd_package_export)
    imp = actions.add_parser(
        "import",
        help=_("check a package and put its files in your own toolkit folder"),
        description=_("check a package and put its files in your own toolkit folder"),
        parents=[common],
    )
    imp.add_argument("file", type=Path, metavar="FILE.zip")
    imp.add_argument(
        "--replace",
        action="store_true",
        help=_("replace your own files with the same id (a copy is kept in replaced/)"),
    )
    imp.set_defaults(handler=cmd_package_import)
