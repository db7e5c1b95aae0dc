"""A scripted coach session for the crash test: every operation it finishes is acknowledged.

Run as ``python -m tests.crash.worker DB SEED``. The script is fixed by the seed
(``planned_steps``), so the test can tell which states are allowed after a kill: the worker may
have finished more steps than it had acknowledged, but never fewer.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator

STEPS = 400


def planned_steps(seed: int) -> Iterator[tuple[str, str, int]]:
    """(operation, name, index of the person it concerns) for every step of the script."""
    rng = random.Random(seed)
    people: list[str] = []
    for step in range(STEPS):
        choice = rng.random()
        if choice < 0.45 or not people:
            people.append(f"s{seed}-p{step}")
            yield "add", people[-1], len(people) - 1
        elif choice < 0.6:
            index = rng.randrange(len(people))
            yield "remove", people.pop(index), index
        elif choice < 0.75:
            yield "theme", f"s{seed}-t{step}", -1
        elif choice < 0.9:
            index = rng.randrange(len(people))
            yield "agreement", f"s{seed}-a{step}", index
        else:
            yield "ambition", f"ambition {step}", -1


def main(path: str, seed: int) -> None:
    from worksession.storage.opening import open_database
    from worksession.storage.operations._rows import PersonRef
    from worksession.storage.operations.agreements import add_agreement
    from worksession.storage.operations.people import add_participant, remove_participant
    from worksession.storage.operations.sessions import create_session, update_session
    from worksession.storage.operations.themes import add_theme, update_theme

    db = open_database(path)
    session = create_session(db=db, title=f"Crash {seed}", wijk="Kaalheide")
    assert session.id is not None
    print(f"ack session {session.id}", flush=True)
    people: list[int] = []
    for op, name, index in planned_steps(seed):
        if op == "add":
            person = add_participant(db=db, session_id=session.id, name=name, role="huisarts")
            assert person.id is not None
            people.append(person.id)
        elif op == "remove":
            remove_participant(db=db, participant_id=people.pop(index))
        elif op == "theme":
            theme = add_theme(db=db, session_id=session.id, title=name, votes=len(name))
            assert theme.id is not None
            update_theme(db=db, theme_id=theme.id, priority=True)
        elif op == "agreement":
            lead = PersonRef("participant", people[index])
            add_agreement(db=db, session_id=session.id, what=name, lead=lead, due="2026-06-01")
        else:
            update_session(db=db, session_id=session.id, ambition=name)
        print(f"ack {op} {name}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
