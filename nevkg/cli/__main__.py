"""``python -m nevkg.cli``: the ``nevkg`` command."""

from nevkg.cli import main

main()
