import { assemble } from './header'

export const CONFTEST_FILENAME = 'conftest.py'

const CONFTEST_DOC = `pytest set-up for Netmortem's regression tests in this folder.

It puts this folder on sys.path, so the model tests import netmortem_checks whatever
pytest's import mode, and keeps pytest from collecting the pyATS scripts here (the files
marked "netmortem-kind: pyats"): those run with pyATS, e.g.

    python tests/regression/test_<incident>.py --testbed testbed.yaml

Netmortem writes this file when it exports regression tests; once you edit it, Netmortem
leaves it alone (see the netmortem-hash line below).`

const CONFTEST_BODY = String.raw`import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if HERE not in sys.path:
    sys.path.insert(0, HERE)


def _is_pyats_script(name):
    try:
        with open(os.path.join(HERE, name), encoding="utf-8", errors="replace") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    return "\n# netmortem-kind: pyats\n" in head


collect_ignore = sorted(name for name in os.listdir(HERE) if name.endswith(".py") and _is_pyats_script(name))
`

/** conftest.py as exported: the same bytes on every export of one Netmortem version. */
export function conftestFile(): string {
  return assemble({ kind: 'conftest', doc: CONFTEST_DOC }, CONFTEST_BODY)
}
