"""Qt item models over the open deck."""
