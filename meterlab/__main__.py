"""Let `python -m meterlab` behave exactly like the `meterlab` command."""

from meterlab.cli import main

if __name__ == "__main__":
    main()
