"""``python -m termination`` = the ``termination`` command."""

from termination.cli import main

raise SystemExit(main())
