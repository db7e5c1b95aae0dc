"""Memory freed by the app goes back to the system when a window asks for it."""

from __future__ import annotations

import threading

from worksession.ui.freed_memory import give_back_freed_memory, trim_freed_memory


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_freed_memory_goes_back_to_the_system() -> None:
    give_back_freed_memory()
    # Blocks below the size malloc maps on their own, then one that stays: what is freed
    # below it cannot simply be cut off the end of the heap.
    blocks = [bytearray(100_000) for _ in range(400)]  # 40 MB, every page touched
    staying = bytearray(100_000)
    held = _rss_kb()
    del blocks
    assert _rss_kb() > held - 10_000  # freed, but still the process's
    assert give_back_freed_memory()
    assert _rss_kb() < held - 30_000
    del staying


def test_memory_a_worker_thread_freed_goes_back_without_collecting_garbage() -> None:
    # As a plan drawn in a background job: the thread's own malloc arena keeps what it freed.
    trim_freed_memory()
    held: list[int] = []

    def work() -> None:
        blocks = [bytearray(100_000) for _ in range(400)]  # 40 MB in this thread's arena
        staying.append(bytearray(100_000))
        held.append(_rss_kb())
        del blocks

    staying: list[bytearray] = []
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert _rss_kb() > held[0] - 10_000  # freed, but still the process's
    assert trim_freed_memory()
    assert _rss_kb() < held[0] - 30_000
