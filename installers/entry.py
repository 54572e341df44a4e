"""Entry point of the frozen bundle: the same ``main`` as ``python -m passerelle``.

A double-click starts the GUI on the user's database; any argument works as on the command line.
"""

import multiprocessing
import sys

from passerelle.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the task runner may use processes on Windows
    sys.exit(main())
