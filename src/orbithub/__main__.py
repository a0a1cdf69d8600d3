"""``python -m orbithub`` runs the command line."""

from orbithub.cli.main import main

main()
