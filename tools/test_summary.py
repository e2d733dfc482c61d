"""Read an Odoo test log and decide, more strictly than odoo-bin's exit code.

Odoo exits 0 when a browser test was skipped (no Chromium, no websocket-client) and
only logs errors raised outside a test. Both count as failures here, and so does a
full run (without --partial) in which no browser was started at all. Prints the
plain closing line "N passed, N failed" that CI reads.
"""

import re
import sys

STATS = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading")
ERROR_LINE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
SKIPPED = re.compile(r" skipped (\S+) : (.*)$")
BROWSER_STARTED = re.compile(r" Chrome pid: \d+")


def main(path, odoo_rc, browser_required):
    with open(path, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    stats = [tuple(map(int, m.groups())) for m in map(STATS.search, lines) if m]
    failed, errored, ran = stats[-1] if stats else (0, 0, 0)
    failed += errored
    errors = [line for line in lines if ERROR_LINE.match(line)]
    skipped = [m.groups() for m in map(SKIPPED.search, lines) if m]

    problems = []
    if odoo_rc != 0:
        problems.append(f"odoo-bin exited with {odoo_rc}")
    if ran == 0:
        problems.append("no gserp_tickets test ran")
    if errors:
        problems.append(f"{len(errors)} ERROR/CRITICAL lines in the log")
    if browser_required and not any(map(BROWSER_STARTED.search, lines)):
        problems.append("no browser test ran: the tours need Chromium")
    for test, reason in skipped:
        problems.append(f"skipped {test}: {reason}")

    if problems:
        failed = max(failed, len(skipped), 1)
    for problem in problems:
        print(f"test: {problem}", file=sys.stderr)
    print(f"{max(ran - failed, 0)} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), "--partial" not in sys.argv[3:]))
