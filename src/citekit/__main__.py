"""``python -m citekit``: the ``citekit`` command, for when its script is not on the PATH.

>>> import subprocess, sys
>>> subprocess.run([sys.executable, "-m", "citekit", "--version"], capture_output=True, text=True).stdout.startswith("citekit ")
True
"""

import sys

from citekit.cli import main

if __name__ == "__main__":
    sys.exit(main())
