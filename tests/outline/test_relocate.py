"""Moving an outline to another folder keeps its pictures found, and never widens what it may read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deckbuilder.outline.relocate import relocate_images


def _deck(*images: str) -> dict[str, Any]:
    slides = [{"kind": "image", "title": "T", "image": image, "alt": "A"} for image in images]
    return {"title": "T", "sections": [{"title": "S", "slides": slides}]}


def _images(data: dict[str, Any]) -> list[str]:
    return [slide["image"] for slide in data["sections"][0]["slides"]]


def test_pictures_out_of_the_new_folders_reach_are_copied_apart_from_other_files(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "project" / "decks", tmp_path / "elsewhere"
    (tmp_path / "project" / "assets").mkdir(parents=True)
    old.mkdir()
    new.mkdir()
    (tmp_path / "project" / "assets" / "map.png").write_bytes(b"first map")
    (old / "map.png").write_bytes(b"second map")
    (new / "images").mkdir()
    (new / "images" / "map.png").write_bytes(b"something else")
    data = _deck("../assets/map.png", "map.png", "../assets/map.png")
    copies = relocate_images(data, old, new)
    assert _images(data) == ["images/map-2.png", "images/map-3.png", "images/map-2.png"]
    assert [copy.read_bytes() for copy in copies] == [b"first map", b"second map", b"first map"]
    assert (new / "images" / "map.png").read_bytes() == b"something else"


def test_pictures_the_deck_could_not_use_before_are_never_copied(tmp_path: Path) -> None:
    old, new = tmp_path / "a" / "decks", tmp_path / "b"
    old.mkdir(parents=True)
    new.mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for decks")
    data = _deck(str(secret), "../../secret.png")
    assert relocate_images(data, old, new) == []
    assert _images(data) == [str(secret), "../secret.png"]  # absolute kept; relative rebased to the same file
    assert not (new / "images").exists()
