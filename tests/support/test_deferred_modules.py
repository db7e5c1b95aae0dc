"""A deferred module runs once, when a name is first read from it, and is then the module an
ordinary import gives; until then the import machinery and ``inspect`` do not make it run."""

from __future__ import annotations

import importlib
import inspect
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from worksession.support.deferred_modules import defer, has_run

PACKAGE = "deferred_example"
MODULE = f"{PACKAGE}.heavy"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A package whose module counts its runs in ``RUNS`` of the package (slowly, so a second
    thread can ask meanwhile)."""
    folder = tmp_path / PACKAGE
    folder.mkdir()
    (folder / "__init__.py").write_text("RUNS = []\n", encoding="utf-8")
    (folder / "heavy.py").write_text(
        "import time\n"
        "from deferred_example import RUNS\n"
        "RUNS.append(1)\n"
        "time.sleep(0.2)\n"
        "def answer():\n"
        "    return 42\n"
        "VALUE = answer()\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield folder
    for name in (MODULE, PACKAGE):
        sys.modules.pop(name, None)


def _runs() -> int:
    return len(sys.modules[PACKAGE].RUNS)


def test_the_module_runs_when_a_name_is_first_read(package: Path) -> None:
    assert defer(MODULE)
    module = sys.modules[MODULE]
    from deferred_example import heavy  # as reportlab imports PIL.Image

    assert heavy is module
    assert _runs() == 0 and not has_run(module)
    assert heavy.VALUE == 42
    assert _runs() == 1 and has_run(module)
    assert heavy.answer() == 42
    assert importlib.import_module(MODULE) is module  # what an ordinary import gives now
    assert _runs() == 1


def test_imports_and_inspect_do_not_count_as_a_use(package: Path) -> None:
    assert defer(MODULE)
    import deferred_example.heavy

    module = sys.modules[MODULE]
    assert deferred_example.heavy is module
    assert inspect.unwrap(module) is module  # reads __wrapped__: PySide6's import hook does
    assert not hasattr(module, "__wrapped__")
    assert _runs() == 0


def test_a_name_the_module_lacks_is_an_attribute_error_after_it_ran(package: Path) -> None:
    assert defer(MODULE)
    module = sys.modules[MODULE]
    with pytest.raises(AttributeError):
        _ = module.missing
    assert _runs() == 1
    with pytest.raises(AttributeError):
        _ = module.missing
    assert _runs() == 1


def test_two_threads_reading_at_once_run_it_once(package: Path) -> None:
    assert defer(MODULE)
    module = sys.modules[MODULE]
    values: list[int] = []
    threads = [threading.Thread(target=lambda: values.append(module.VALUE)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert values == [42] * 4
    assert _runs() == 1


def test_a_module_imported_already_is_left_alone(package: Path) -> None:
    module = importlib.import_module(MODULE)
    assert not defer(MODULE)
    assert sys.modules[MODULE] is module
    assert not defer("deferred_example.absent")
    assert not defer("no_such_package.module")
