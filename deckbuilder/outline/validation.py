"""Turn the issues found reading an outline into located, plain-language problems."""

from __future__ import annotations

from deckbuilder.errors import Problem
from deckbuilder.outline.yaml_source import KeyPath, Mark, SourceTree, deepest_path
from deckbuilder.records import Issue


def field_name(path: KeyPath) -> str:
    """How to name the node at path in a message: 'title', or item 2 of 'points'."""
    if not path:
        return "the deck"
    if isinstance(path[-1], int):
        owner = next((part for part in reversed(path) if isinstance(part, str)), "list")
        return f"item {path[-1] + 1} of '{owner}'"
    return f"'{path[-1]}'"


def issue_message(issue: Issue) -> str:
    """The whole message for one issue, naming the field it is about."""
    if issue.code in ("missing", "unknown", "tag"):
        return issue.message
    name = field_name(issue.path)
    if issue.code == "rule":
        return f"{name}: {issue.message}" if issue.path else issue.message
    return f"{name} {issue.message}"


def located_problems(issues: list[Issue], tree: SourceTree, file: str) -> list[Problem]:
    """Every issue as a Problem at the node that caused it, in file order."""
    problems: dict[tuple[int, int, str], Problem] = {}
    for issue in issues:
        node = deepest_path(tree, issue.path)
        marks = tree.key_marks if issue.code == "unknown" and node in tree.key_marks else tree.value_marks
        mark = marks.get(node, Mark(1, 1))
        message = issue_message(issue)
        problems.setdefault((mark.line, mark.column, message), Problem(file, message, mark.line, mark.column))
    return [problems[key] for key in sorted(problems)]


def located_links(refused: list[tuple[KeyPath, str]], tree: SourceTree, file: str) -> list[Problem]:
    """Every refused link as a Problem at its text value, in file order."""
    problems = []
    for path, message in refused:
        mark = tree.value_marks.get(path, Mark(1, 1))
        problems.append(Problem(file, f"{field_name(path)}: {message}", mark.line, mark.column))
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.column or 0))
