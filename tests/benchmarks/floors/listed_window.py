"""Floor for ready: PySide6 and sqlmodel, a window listing the sessions table with one select.

Run as ``python listed_window.py DATABASE``. Prints ``ready_s=…`` (seconds since
``WORKSESSION_LAUNCHED``) once the rows are in the table and the event loop is free, then quits
and prints ``peak_rss_kb=…``: the memory the required stack needs before the app adds anything.
"""

import datetime as dt
import os
import sys
import time

from peak_memory import peak_rss_kb  # beside this script
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
from sqlmodel import Field, Session, SQLModel, create_engine, select


class WorkSession(SQLModel, table=True):
    __tablename__ = "work_session"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    wijk: str
    date: dt.date | None
    status: str
    updated_at: dt.datetime


def ready() -> None:
    elapsed = time.time() - float(os.environ["WORKSESSION_LAUNCHED"])
    print(f"ready_s={elapsed:.4f}", flush=True)
    QApplication.quit()


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(900, 560)
table = QTableWidget(0, 4)
window.setCentralWidget(table)
window.show()
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with Session(engine) as session:
    query = select(WorkSession).order_by(
        WorkSession.date.is_(None),
        WorkSession.date.desc(),
        WorkSession.id,  # type: ignore[union-attr]
    )
    rows = session.exec(query).all()
table.setRowCount(len(rows))
for row, record in enumerate(rows):
    for column, value in enumerate((record.date, record.wijk, record.title, record.status)):
        table.setItem(row, column, QTableWidgetItem(str(value)))
QTimer.singleShot(0, ready)
status = app.exec()
print(f"peak_rss_kb={peak_rss_kb()}", flush=True)
sys.exit(status)
