"""Run the command line as `python -m magazine`."""

from magazine.cli import main

main()
