"""A scripted coach session for the crash test: every operation it finishes is acknowledged.

Run as ``python -m tests.crash.worker DB SEED``. After each committed operation it prints
``ack <op> <name>`` and flushes, so the parent knows what the app had acknowledged when it was
killed.
"""

from __future__ import annotations

import random
import sys

from worksession.storage.opening import open_database
from worksession.storage.operations._rows import PersonRef
from worksession.storage.operations.agreements import add_agreement
from worksession.storage.operations.people import add_participant, remove_participant
from worksession.storage.operations.sessions import create_session, update_session
from worksession.storage.operations.themes import add_theme, update_theme


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    db = open_database(path)
    session = create_session(db=db, title=f"Crash {seed}", wijk="Kaalheide")
    assert session.id is not None
    print(f"ack session {session.id}", flush=True)
    people: list[tuple[int, str]] = []
    for step in range(400):
        choice = rng.random()
        if choice < 0.45 or not people:
            name = f"s{seed}-p{step}"
            person = add_participant(db=db, session_id=session.id, name=name, role="huisarts")
            assert person.id is not None
            people.append((person.id, name))
            print(f"ack add {name}", flush=True)
        elif choice < 0.6:
            person_id, name = people.pop(rng.randrange(len(people)))
            remove_participant(db=db, participant_id=person_id)
            print(f"ack remove {name}", flush=True)
        elif choice < 0.75:
            theme = add_theme(db=db, session_id=session.id, title=f"s{seed}-t{step}", votes=step)
            assert theme.id is not None
            update_theme(db=db, theme_id=theme.id, priority=True)
            print(f"ack theme s{seed}-t{step}", flush=True)
        elif choice < 0.9:
            person_id, _name = rng.choice(people)
            add_agreement(
                db=db,
                session_id=session.id,
                what=f"s{seed}-a{step}",
                lead=PersonRef("participant", person_id),
                due="2026-06-01",
            )
            print(f"ack agreement s{seed}-a{step}", flush=True)
        else:
            update_session(db=db, session_id=session.id, ambition=f"ambition {step}")
            print(f"ack ambition ambition {step}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
