"""The `zangraph` command: one verb per pipeline stage, plus `run` for the main job.

Heavy libraries (pyoxigraph, rdflib, pyvis, networkx) are imported inside the
verbs that need them, so `zangraph extract` starts fast.
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .read import UnreadableFile, iter_paths

EXIT_SKIPPED = 3  # the run finished, but at least one input was reported and skipped

app = typer.Typer(
    name="zangraph",
    help=(
        "A knowledge graph of the legal references in Kazakhstan's legislation.\n\n"
        "Pipeline: read -> repair -> extract -> resolve -> RDF -> store -> query / viz / export.\n\n"
        "Start with:  zangraph run data/ --out out/"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _skip(path: str, reason: str) -> None:
    _err(f"zangraph: skipped {path}: {reason}")


def _store_option() -> typer.Option:
    return typer.Option(None, "--store", help="Store directory (default: $ZANGRAPH_STORE or ./.zangraph/store).")


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Text files (or directories of .txt files) to read."),
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: one GOLD_SPEC mention a line, with start_char/end_char; table: for people."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Skip the repair stage (to measure its effect)."),
) -> None:
    """Find the legal references in FILES and print them, one mention a line.

    Example: zangraph extract data/000_952bf01caa31bc66.txt --format jsonl > mentions.jsonl

    Offsets (start_char, end_char, end exclusive) and line (1-based) point into
    the original, unrepaired file.
    """
    from .pipeline import process_file

    skipped = 0
    out = sys.stdout
    for path in iter_paths(files):
        try:
            result = process_file(path, do_repair=not no_repair)
        except UnreadableFile as exc:
            _skip(exc.path, exc.reason)
            skipped += 1
            continue
        if format is ExtractFormat.jsonl:
            for m in result.mentions:
                out.write(json.dumps(m.to_json(), ensure_ascii=False) + "\n")
        else:
            _print_mention_table(result)
    out.flush()
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _print_mention_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result.doc}: {len(result.mentions)} mentions", show_lines=False)
    for col in ("line", "type", "what", "text"):
        table.add_column(col, overflow="fold")
    for m in result.mentions:
        what = "; ".join(f"{k}={_short(v)}" for k, v in m.fields.items())
        table.add_row(str(m.line), m.type, what, m.text)
    Console(width=max(120, Console().width)).print(table)


def _short(value, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command()
def repair(file: Path = typer.Argument(..., help="A text file exported from the legal database.")) -> None:
    """Print FILE with its PDF-export damage repaired (letter-spacing, displaced
    link anchors, page breaks, look-alike letters).

    Example: zangraph repair data/000_952bf01caa31bc66.txt | less
    """
    from .read import read_source
    from .repair import repair as do_repair

    try:
        src = read_source(file)
    except UnreadableFile as exc:
        _skip(exc.path, exc.reason)
        raise typer.Exit(EXIT_SKIPPED)
    sys.stdout.write(do_repair(src.text).text)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
