#!/usr/bin/python3
"""Sums the TRX files that `dotnet test --logger trx` wrote under a directory.

Usage: test_summary.py RESULTS_DIR
Prints each failed test with the head of its message and stack (so a CI log that keeps only its tail still
names what failed), then one line per test assembly, then the line CI reads, last and alone:
    Total: N passed, N failed, N skipped
Failed counts TRX's failed, error, timeout and aborted outcomes, plus one for a run that failed without
a failing test (a test host that crashed or could not start); skipped counts results with outcome
NotExecuted (xunit's Skip). Exit code 0 when nothing failed and at least one TRX file was found, otherwise 1.
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def read(path):
    root = ET.parse(path).getroot()
    counters = root.find("t:ResultSummary/t:Counters", NS)
    c = {k: int(v) for k, v in (counters.attrib.items() if counters is not None else [])}
    failed = sum(c.get(k, 0) for k in ("failed", "error", "timeout", "aborted"))
    # xunit's skipped tests are results with outcome NotExecuted; the notExecuted counter stays 0.
    skipped = sum(1 for r in root.iterfind("t:Results/t:UnitTestResult", NS) if r.get("outcome") == "NotExecuted")
    passed = c.get("passed", 0)
    summary = root.find("t:ResultSummary", NS)
    outcome = summary.get("outcome", "?") if summary is not None else "?"
    if failed == 0 and outcome in ("Failed", "Aborted", "Error"):
        failed = 1  # the run itself failed: counted, so the total can never read as a clean run
        outcome += ", run failed without a failing test"
    return assembly_name(root, path), passed, failed, skipped, outcome


def failures(path):
    """(test name, first lines of message and stack) for every failed result in one TRX file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    found = []
    for result in root.iterfind("t:Results/t:UnitTestResult", NS):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", NS).strip()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", NS).strip()
        lines = message.splitlines()[:12] + [l for l in stack.splitlines() if "/tests/" in l or "/work/" in l][:4]
        found.append((result.get("testName", "?"), lines))
    return found


def assembly_name(root, path):
    unit = root.find("t:TestDefinitions/t:UnitTest", NS)
    if unit is not None and unit.get("storage"):
        return os.path.basename(unit.get("storage"))
    for text in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo/t:Text", NS):
        found = re.search(r"(/\S+\.dll)", text.text or "")
        if found:
            return os.path.basename(found.group(1))
    return os.path.basename(path)


def main():
    files = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True))
    failed_tests = [f for path in files for f in failures(path)]
    if failed_tests:
        print("Failed tests:")
        for name, lines in failed_tests:
            print("  FAILED %s" % name)
            for line in lines:
                print("      %s" % line[:300])
    totals = [0, 0, 0]
    for path in files:
        try:
            name, passed, failed, skipped, outcome = read(path)
        except ET.ParseError as error:  # a test host killed mid-write leaves a broken file
            name, passed, failed, skipped, outcome = os.path.basename(path), 0, 1, 0, "unreadable: %s" % error
        print("  %-40s passed %5d   failed %4d   skipped %4d   (%s)" % (name, passed, failed, skipped, outcome))
        totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
    if not files:
        print("  no TRX results found under %s" % sys.argv[1])
    print("Total: %d passed, %d failed, %d skipped" % tuple(totals))
    return 0 if files and totals[1] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
