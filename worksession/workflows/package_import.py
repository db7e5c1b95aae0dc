"""Bring a checked toolkit package into the trainer's own folder (``package import``).

First a plan, which writes nothing: which files are new, which are already there byte for byte
(or shipped with the app), which of the trainer's own files hold an id or a name the package
brings (those are replaced), and which shipped entries the package's files will shadow. A
shipped file is never changed: an own file with the same id shadows it, as any own file does,
and removing that file brings the shipped one back.

Then, only when the caller agreed to what the plan replaces, the install: every file is written
to a temporary folder inside the own folder and synced, the replaced files are moved into
``replaced/<date and time>/`` beside it (kept, never deleted), and the new files are moved in.
Should a move fail, what was moved goes back.

The plan notes which folders it looked at (device and inode, following a link the trainer
made, such as an own folder kept in a synced place). Should the own folder or one of its
folders be another one when the install starts — swapped for a link to somewhere else since
the check — nothing is written (``FolderChanged``). Each file is then moved in relative to the
folder opened and compared (``dst_dir_fd``), so a swap during the install cannot send it
elsewhere either; a folder the install makes itself must not be a link at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from worksession.i18n import _
from worksession.programmes.library import load_library
from worksession.programmes.model import Library
from worksession.programmes.package_reading import CheckedFile, CheckedPackage
from worksession.programmes.parsing import FOLDERS, MAX_TOOLKIT_BYTES, Entry
from worksession.support.bounded_read import read_limited

REPLACED_FOLDER = "replaced"  # the loader reads only programmes/, casus/ and catalogues/


class ReplaceNotAgreed(ValueError):
    """The package would replace or shadow what is there and the caller did not agree."""


class FolderChanged(OSError):
    """The own folder, or a folder in it, is another one than the plan looked at."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.ESTALE,
            _("{path} changed since the package was checked; nothing imported, try again").format(
                path=path
            ),
            str(path),
        )


# Moving a file in relative to an opened folder: POSIX; Windows moves by path after the check.
# (os.replace takes dst_dir_fd wherever os.rename does; supports_dir_fd lists only rename.)
_BY_FOLDER = os.rename in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


@dataclass(frozen=True)
class ImportPlan:
    package: CheckedPackage
    user_folder: Path
    writes: tuple[CheckedFile, ...]
    unchanged: tuple[str, ...]  # package names already there with these bytes
    replaces: tuple[Path, ...]  # the trainer's own files that make way
    shadows: tuple[str, ...]  # shipped entries an own copy will stand in for
    # (folder below the own folder, "" for itself; device; inode) as the plan saw them
    folders: tuple[tuple[str, int, int], ...] = ()

    @property
    def asks(self) -> bool:
        """Whether the import changes what an existing id means: it needs the user's yes."""
        return bool(self.replaces or self.shadows)

    def question_lines(self) -> list[str]:
        """What the import would replace, one line each, for the question the user answers."""
        lines = [
            _("replaces your {path}").format(path=path.relative_to(self.user_folder).as_posix())
            for path in self.replaces
        ]
        lines += [
            _("stands in for the shipped {entry}").format(entry=entry) for entry in self.shadows
        ]
        return lines

    def question(self) -> str:
        return "; ".join(self.question_lines())


@dataclass
class InstallResult:
    written: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, Path]] = field(default_factory=list)  # (replaced file, its copy)


def entry_text(entry: Entry) -> str:
    kind = {
        "Programme": _("programme"),
        "CasusFile": _("casus"),
        "Role": _("role"),
        "ThemeEntry": _("theme"),
        "Obstacle": _("obstacle"),
    }[type(entry).__name__]
    return f"{kind} {entry.id!r}"


def plan_import(package: CheckedPackage, *, user_folder: Path, shipped_folder: Path) -> ImportPlan:
    own = _by_entry(load_library([(user_folder, "user")]))
    shipped = _by_entry(load_library([(shipped_folder, "shipped")]))
    own_names = _existing_names(user_folder)
    writes: list[CheckedFile] = []
    unchanged: list[str] = []
    replaces: dict[Path, None] = {}
    shadows: list[str] = []
    for checked in package.files:
        packed = checked.packed
        keys = [(type(entry).__name__, entry.id) for entry in checked.entries]
        same_name = own_names.get(_folded(packed.name))
        clashes = [own[key] for key in keys if key in own]
        if same_name is not None:
            clashes.append(same_name)
        if _unchanged(checked, clashes, same_name, shipped_folder, all(k in shipped for k in keys)):
            unchanged.append(packed.name)
            continue
        writes.append(checked)
        replaces.update(dict.fromkeys(sorted(set(clashes))))
        shadows += [
            entry_text(entry)
            for entry, key in zip(checked.entries, keys, strict=True)
            if key in shipped and key not in own  # an own file stands in for it already
        ]
    return ImportPlan(
        package,
        user_folder,
        tuple(writes),
        tuple(unchanged),
        tuple(replaces),
        tuple(shadows),
        _identities(user_folder),
    )


def _identities(user_folder: Path) -> tuple[tuple[str, int, int], ...]:
    found = []
    for name in ("", *FOLDERS):
        try:
            status = os.stat(user_folder / name)
        except OSError:
            continue  # not there yet: the install makes it, and then it must be no link
        found.append((name, status.st_dev, status.st_ino))
    return tuple(found)


def _check_folders(plan: ImportPlan) -> None:
    """``FolderChanged`` when a folder the plan looked at is another one now."""
    for name, device, inode in plan.folders:
        path = plan.user_folder / name
        try:
            status = os.stat(path)
        except OSError as error:
            raise FolderChanged(path) from error
        if (status.st_dev, status.st_ino) != (device, inode):
            raise FolderChanged(path)


def _unchanged(
    checked: CheckedFile,
    clashes: list[Path],
    same_name: Path | None,
    shipped_folder: Path,
    all_shipped: bool,
) -> bool:
    """Whether the file is there already with these bytes: shipped, or as the own file of
    the same name that alone holds its ids."""
    packed = checked.packed
    if not clashes:
        return all_shipped and _holds(shipped_folder / packed.name, packed.data)
    return (
        same_name is not None
        and same_name.name == Path(packed.name).name
        and set(clashes) == {same_name}
        and _holds(same_name, packed.data)
    )


def _by_entry(library: Library) -> dict[tuple[str, str], Path]:
    entries: list[Entry] = [
        *library.programmes.values(),
        *library.casus.values(),
        *library.roles.values(),
        *library.themes.values(),
        *library.obstacles.values(),
    ]
    return {(type(entry).__name__, entry.id): entry.source.path for entry in entries}


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _existing_names(user_folder: Path) -> dict[str, Path]:
    """Every file in the own toolkit folders by its name as a case-blind disk sees it."""
    names: dict[str, Path] = {}
    for folder in FOLDERS:
        directory = user_folder / folder
        if directory.is_dir():
            for path in sorted(directory.iterdir()):
                names[_folded(f"{folder}/{path.name}")] = path
    return names


def _holds(path: Path, data: bytes) -> bool:
    try:
        return read_limited(path, MAX_TOOLKIT_BYTES) == data
    except OSError:
        return False


def install(plan: ImportPlan, *, replace: bool) -> InstallResult:
    """Write the plan's files; ``ReplaceNotAgreed`` (nothing written) when it asks and
    ``replace`` is false."""
    if plan.asks and not replace:
        raise ReplaceNotAgreed(plan.question())
    result = InstallResult()
    if not plan.writes:
        return result
    _check_folders(plan)
    plan.user_folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".package-import-", dir=plan.user_folder))
    try:
        for checked in plan.writes:
            _write_synced(staging / checked.packed.name, checked.packed.data)
        _move_in(plan, staging, result)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _write_synced(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _move_in(plan: ImportPlan, staging: Path, result: InstallResult) -> None:
    done: list[tuple[Path, Path]] = []  # (from, to), undone in reverse should a move fail
    kept: Path | None = None
    try:
        if plan.replaces:
            kept = _kept_folder(plan.user_folder)
            for path in plan.replaces:
                copy = kept / path.relative_to(plan.user_folder)
                copy.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, copy)
                done.append((path, copy))
                result.kept.append((path, copy))
        for checked in plan.writes:
            target = plan.user_folder / checked.packed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            with _opened(plan, target.parent) as folder:
                if _exists(target, folder):  # a file that appeared after the plan was made
                    raise FileExistsError(
                        errno.EEXIST,
                        _(
                            "{name} appeared while importing (another import at the same "
                            "time?); nothing imported, try again"
                        ).format(name=checked.packed.name),
                        str(target),
                    )
                source = staging / checked.packed.name
                if folder is None:
                    os.replace(source, target)
                else:
                    os.replace(source, target.name, dst_dir_fd=folder)
            done.append((staging / checked.packed.name, target))
            result.written.append(target)
    except BaseException:
        for source, moved in reversed(done):
            with contextlib.suppress(OSError):
                os.replace(moved, source)
        if kept is not None and not any(path.is_file() for path in kept.rglob("*")):
            shutil.rmtree(kept, ignore_errors=True)
            with contextlib.suppress(OSError):
                kept.parent.rmdir()  # replaced/ itself, when nothing was ever kept there
        raise


@contextlib.contextmanager
def _opened(plan: ImportPlan, folder: Path) -> Iterator[int | None]:
    """``folder`` opened and compared with what the plan saw (``FolderChanged``); a folder the
    plan did not see (made by this install) must be no link. None where a system moves by
    path only (then compared by path)."""
    seen = {name: (device, inode) for name, device, inode in plan.folders}
    expected = seen.get(folder.relative_to(plan.user_folder).as_posix())
    if not _BY_FOLDER:
        _check_folders(plan)
        yield None
        return
    flags = os.O_RDONLY | os.O_DIRECTORY | (0 if expected else os.O_NOFOLLOW)
    try:
        descriptor = os.open(folder, flags)
    except OSError as error:
        raise FolderChanged(folder) from error
    try:
        status = os.fstat(descriptor)
        if expected is not None and (status.st_dev, status.st_ino) != expected:
            raise FolderChanged(folder)
        yield descriptor
    finally:
        os.close(descriptor)


def _exists(target: Path, folder: int | None) -> bool:
    if folder is None:
        return os.path.lexists(target)
    try:
        os.stat(target.name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _kept_folder(user_folder: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    for number in range(1, 1000):
        folder = user_folder / REPLACED_FOLDER / (stamp if number == 1 else f"{stamp}-{number}")
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(user_folder / REPLACED_FOLDER / stamp)
