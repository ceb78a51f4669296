"""The window's widgets, each owning one part of it."""
