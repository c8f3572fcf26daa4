"""The `scrape` command: a thin argparse layer over the library."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from .dumps import InputError, check_inputs, iter_pages

EXIT_USAGE = 2


def cmd_clean(args: argparse.Namespace) -> int:
    from .clean_run import run_clean
    from .jsonl import AtomicJsonlWriter, default_output
    from .workers import parallel_results

    if args.dask:
        return cmd_clean_dask(args)
    try:
        check_inputs(args.inputs)
    except InputError as err:
        print(f"scrape clean: {err}", file=sys.stderr)
        return EXIT_USAGE
    output = args.output or default_output()
    if output != "-":
        folder = os.path.dirname(os.path.abspath(output)) or "."
        if os.path.isdir(output) or (os.path.exists(folder) and not os.access(folder, os.W_OK)):
            print(f"scrape clean: cannot write output {output}", file=sys.stderr)
            return EXIT_USAGE
    pages = iter_pages(args.inputs)
    stream = parallel_results(pages, args.workers, args.timeout)   # one worker still gets the time cap
    try:
        with AtomicJsonlWriter(output) as writer:
            summary = run_clean(stream, writer, progress=False if args.no_progress else None)
    except OSError as err:
        print(f"scrape clean: cannot write output {output}: {err}", file=sys.stderr)
        return EXIT_USAGE
    print(summary.line(), file=sys.stderr)
    if output != "-":
        print(f"scrape clean: wrote {output}", file=sys.stderr)
    return 0


def cmd_clean_dask(args: argparse.Namespace) -> int:
    from .dask_run import is_url, run_on_dask

    try:
        check_inputs([p for p in args.inputs if not is_url(p)])
    except InputError as err:
        print(f"scrape clean: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not args.output or args.output == "-" or os.path.isfile(args.output):
        print("scrape clean: --dask needs -o OUTDIR, a directory the Dask workers can write", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = run_on_dask(args.dask, args.inputs, args.output, timeout=args.timeout)
    except ImportError as err:
        print(f"scrape clean: --dask needs the dask extra (pip install '.[dask]'): {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        print(f"scrape clean: --dask {args.dask}: {err}", file=sys.stderr)
        return EXIT_USAGE
    print(summary.line(), file=sys.stderr)
    print(summary.partitions_line(), file=sys.stderr)
    print(f"scrape clean: wrote parts into {args.output}", file=sys.stderr)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain
    return explain(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrape", description="News scraping and cleaning: saved pages and scheduled crawls in, "
                                   "clean article records (JSONL) out.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each page (and request) on stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser(
        "clean", help="clean saved pages (HTML files, folders, WARC files) into article records",
        description="Clean saved pages into article records, one JSON object per line. INPUT may be any mix of "
                    "HTML files (.html, .htm, gzipped as .gz), folders (walked recursively for those and for WARC "
                    "files) and WARC files (.warc, .warc.gz; only HTML response records are pages, others are "
                    "skipped and counted). On a terminal a progress bar shows pages done, articles written and "
                    "pages/s. The run ends with one summary line on stderr: pages read, articles written, pages "
                    "skipped by reason, seconds, pages/s. Exit code 0 when the run finished (skipped pages are not "
                    "failures); 2 when it could not run (no such input, output not writable).")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="HTML file, folder or WARC file")
    clean.add_argument("-o", "--output", metavar="FILE",
                       help="JSONL output; '-' streams to stdout. Default: data/clean/clean-DATE-TIME.jsonl. "
                            "The file appears complete or not at all (temporary name, fsync, rename).")
    clean.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="worker processes (default: all cores); records keep input order")
    clean.add_argument("--timeout", type=float, default=30.0,
                       help="seconds one page may take before it is skipped as 'timeout' (default 30)")
    clean.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    clean.add_argument("--dask", metavar="ADDRESS",
                       help="run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); -o is then "
                            "a directory of JSONL parts, one per WARC file or batch of HTML files, and a rerun "
                            "skips the parts already written. INPUT may be an fsspec URL (s3://, gs://). "
                            "Needs pip install '.[dask]'")
    clean.set_defaults(func=cmd_clean)

    explain = sub.add_parser(
        "explain", help="show what the cleaner kept and removed on one page, and why",
        description="Clean one page and show its records and, block by block, what was removed and the rule or "
                    "signal that removed it. Plain text on the terminal; --html writes a side-by-side report.")
    explain.add_argument("page", metavar="PAGE", help="an HTML file (or .html.gz)")
    explain.add_argument("--url", help="the URL the page was served at, if known")
    explain.add_argument("--html", metavar="REPORT", help="write a side-by-side HTML report here")
    explain.set_defaults(func=cmd_explain)

    try:
        from .crawl_cli import add_crawl_commands
    except ImportError:
        add_crawl_commands = None
    if add_crawl_commands is not None:
        add_crawl_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        return args.func(args)
    except BrokenPipeError:
        # the reader went away (`scrape explain PAGE | head`): stop quietly, as other Unix tools do; stdout
        # goes to /dev/null so the interpreter's last flush of it does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
