"""GFM tables as Goldmark reads them: markdown-it's table rule, except that
a row indented by four spaces or more stays on the table."""

from __future__ import annotations

from markdown_it import MarkdownIt, rules_block
from markdown_it.rules_block import StateBlock


def use(md: MarkdownIt) -> None:
    """Turn tables on, with the rule in the place of markdown-it's."""
    md.enable("table")
    md.block.ruler.at("table", _table_with_indented_rows)


def _table_with_indented_rows(
    state: StateBlock, start: int, end: int, silent: bool
) -> bool:
    """markdown-it's table rule, except that a row indented by four spaces or
    more goes on the table, as in Goldmark (GFM: only a blank line or another
    block ends a table); markdown-it ends the table there.

    The rows are looked at only where a table starts: the rule is tried at
    every line of a paragraph, and looking each time as far as the next
    blank line made 20 000 reference definitions take 28 s (quadratic).
    Which rows a table has does not change whether one starts here."""
    starts = rules_block.table(state, start, end, True)
    if silent or not starts:
        return starts
    moved: dict[int, int] = {}
    line = start + 2
    while line < end and not state.isEmpty(line):
        if state.sCount[line] - state.blkIndent >= 4:
            moved[line] = state.sCount[line]
            state.sCount[line] = state.blkIndent + 3
        line += 1
    try:
        return rules_block.table(state, start, end, silent)
    finally:
        for line, indent in moved.items():
            state.sCount[line] = indent
