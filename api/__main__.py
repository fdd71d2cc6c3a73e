"""`python -m api` is the `readouts` command."""

from api.cli import main

main()
