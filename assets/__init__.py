"""Bundled fonts, themes, images and the outline schema, installed as deckbuilder/assets."""
