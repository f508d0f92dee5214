"""Run the command line as `python -m magazine`."""

from .cli import main

main()
