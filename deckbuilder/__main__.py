"""`python -m deckbuilder`: the command line."""

from deckbuilder.cli import entrypoint

entrypoint()
