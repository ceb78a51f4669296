"""One layout function per slide kind, each returning the output slides of one outline slide."""
