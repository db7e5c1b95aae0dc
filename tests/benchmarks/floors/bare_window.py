"""Floor for first paint and for memory: a bare PySide6 window.

Prints ``first_paint_s=…`` (seconds since ``WORKSESSION_LAUNCHED``, set by the benchmark) and
``peak_rss_kb=…`` (the process's peak resident memory), then quits.
"""

import os
import sys
import time

from peak_memory import peak_rss_kb  # beside this script
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            elapsed = time.time() - float(os.environ["WORKSESSION_LAUNCHED"])
            print(f"first_paint_s={elapsed:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("floor")
window.resize(900, 560)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
status = app.exec()
print(f"peak_rss_kb={peak_rss_kb()}", flush=True)
sys.exit(status)
