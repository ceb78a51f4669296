"""The small starter outline that `deckbuilder new` and the desktop app's New begin from."""

from __future__ import annotations

from deckbuilder.outline.loader import schema_header

STARTER_BODY = """\
title: "My briefing"
subtitle: "What this deck is about, in one line"
author: "Your name"
date: "2026-01-01"
theme: briefing
footer: "My briefing"
sources:
  - title: "The article this briefing draws on"
sections:
  - title: "Overview"
    divider: false
    slides:
      - kind: title
      - kind: takeaways
        points:
          - "The first thing to remember"
          - "The second thing to remember"
          - "The third thing to remember"
        notes: |
          Say why these three points matter.
  - title: "The story"
    slides:
      - kind: bullets
        title: "What happened"
        points:
          - "A first point"
          - text: "A second point"
            points: ["with a detail under it"]
        notes: |
          Speaker notes go here.
      - kind: sources
"""


def starter_text() -> str:
    """The starter outline's text, starting with the schema line."""
    return schema_header() + STARTER_BODY
