"""Many literal forms as one regular expression, written as a tree of their common beginnings.

An alternation of hundreds of forms (``form1|form2|...``) makes the regex engine try every one of them at
every place of a text; written as a tree ("Nieder" then "lande|sachsen"), a place where no form starts is
left after a letter or two. The state and weapon names of the gazetteer, the cue words and the needles of
the page-chrome table are matched this way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def alternatives(forms: Iterable[str], atom: Callable[[str], str] = re.escape) -> str:
    """A pattern that matches any of ``forms``, the longest that lets the rest of the pattern match first, as
    ``longest|...|shortest`` would. ``atom`` writes one character of a form as a pattern (by default the
    character itself; a cue's space is any whitespace)."""
    tree: dict[str, dict] = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(atom(char), {})
        node[""] = {}  # a form ends here
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """The pattern of the forms' rests after ``node`` (an atom -> the node after it; "" where a form ends).
    At most one branch goes on in a text, so where a form ends, a longer one is tried first."""
    longer = [atom + _branches(child) for atom, child in sorted(node.items()) if atom]
    if not longer:
        return ""
    either = longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"
    return f"(?:{either})?" if "" in node else either  # greedy: the longer first, then this form
