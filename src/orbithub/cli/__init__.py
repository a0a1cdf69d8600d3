"""The ``orbithub`` command line and the wiring that builds a running hub."""
