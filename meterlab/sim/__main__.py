"""`python -m meterlab.sim`: the simulated bench without the command tree (see `sim/serve.py`)."""

import sys

from meterlab.sim.serve import main

if __name__ == "__main__":
    sys.exit(main())
