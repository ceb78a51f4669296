"""The Deckbuilder desktop app: edit an outline with a live preview of every slide."""
