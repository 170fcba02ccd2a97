#!/usr/bin/env python3
"""The reference adapter of the conformance protocol: runs one case with MiniHost.

    minihost conformance --runtime 'Tests/Conformance/adapters/minihost.py'

The runner starts `CMD <case dir>` with MINIHOST_CONFORMANCE_ISOLATION (process | in-process),
MINIHOST_CONFORMANCE_DATA_DIR (a fresh, empty directory) and MINIHOST_BIN in the environment,
standard input at end of file and the case folder as the working directory. The adapter prints
the run's JSON-line events (the shapes of `minihost run --json`) and exits with the run's status.
This one reads the case folder itself (as an adapter for another runtime would): case.json's
`run` (targets, args, dev), world.json and script.minihost. The broken-*.py adapters reuse it to
inject one fault each.
"""
import json, os, subprocess, sys


def minihost_args(case_dir, data_dir, isolation):
    """The `minihost run` arguments for a case (what the runner itself uses)."""
    with open(os.path.join(case_dir, 'case.json'), encoding='utf-8') as f:
        run = json.load(f).get('run', {})
    args = ['run'] + [os.path.normpath(os.path.join(case_dir, t)) for t in run.get('targets', ['.'])]
    if run.get('dev', True):
        args.append('--dev')
    args += ['--json', '--data-dir', data_dir, '--isolation', isolation]
    for name, flag in (('world.json', '--world'), ('script.minihost', '--script')):
        path = os.path.join(case_dir, name)
        if os.path.exists(path):
            args += [flag, path]
    return args + run.get('args', [])


def run_minihost(case_dir, args, filter_line=None):
    """Runs MiniHost in `case_dir`, passing each stdout line through `filter_line`; returns the exit status."""
    binary = os.environ.get('MINIHOST_BIN', 'minihost')
    p = subprocess.Popen([binary] + args, cwd=case_dir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    lines = p.stdout.read().splitlines()
    status = p.wait()
    if filter_line:
        lines = filter_line(lines)
    for line in lines:
        print(line)
    sys.stdout.flush()
    return status


def main():
    case_dir = os.path.abspath(sys.argv[1])
    data_dir = os.environ['MINIHOST_CONFORMANCE_DATA_DIR']
    isolation = os.environ.get('MINIHOST_CONFORMANCE_ISOLATION', 'process')
    sys.exit(run_minihost(case_dir, minihost_args(case_dir, data_dir, isolation)))


if __name__ == '__main__':
    main()
