import type { Incident } from '../../../shared/incident'
import type { GeneratedTest } from '../../../shared/testgen'
import { CONFTEST_FILENAME } from './conftest'
import { recordedFindings, testedCodes } from './facts'
import { readMark } from './header'
import { HELPER_FILENAME } from './netmortemChecks'
import { planLiveChecks, pyatsFile } from './pyatsGenerator'
import { pytestFile, skeletonFile } from './pytestGenerator'
import { testFileName } from './safeName'

/** Categories whose faults are in the live network, not in a model file: a pyATS script checks them. */
export const LIVE_CATEGORIES: readonly string[] = ['routing_issue', 'network_outage']

/**
 * The regression test of an incident (docs/regression-tests.md), chosen by what the incident is:
 *  1. its validation_errors carry finding codes of the network model contract: a pytest file
 *     checking the whole model for those kinds of fault (one test function per code);
 *  2. else a routing_issue or network_outage: a pyATS aetest script checking the live network;
 *  3. else a pytest skeleton that fails, naming the incident, until an engineer writes the check.
 * A model check comes first even for a routing issue: it runs anywhere, before deployment.
 */
export function generateTest(
  incident: Incident,
  generatedAt: string,
  filename = testFileName(incident.id)
): GeneratedTest {
  const findings = recordedFindings(incident)
  const { tested, notTested } = testedCodes(findings)
  const base = { incident_id: incident.id, filename }
  if (tested.length) {
    return {
      ...base,
      kind: 'pytest',
      code: pytestFile(incident, generatedAt, tested, findings, notTested),
      checks: tested,
      skeleton: false,
      reason: `Its pre-flight findings (${tested.join(', ')}) are faults a check of the network model finds.`,
      needs: [HELPER_FILENAME, CONFTEST_FILENAME]
    }
  }
  if (LIVE_CATEGORIES.includes(incident.category)) {
    const plan = planLiveChecks(incident)
    return {
      ...base,
      kind: 'pyats',
      code: pyatsFile(incident, generatedAt, plan, filename),
      checks: plan.checks,
      skeleton: false,
      reason: `A live-network fault (${plan.why}): a pyATS script checks ${plan.checks.join(', ')}.`,
      needs: [CONFTEST_FILENAME]
    }
  }
  const why =
    `it has no pre-flight finding codes, and its category (${incident.category}) is not ` +
    `${LIVE_CATEGORIES.join(' or ')}.`
  return {
    ...base,
    kind: 'pytest',
    code: skeletonFile(incident, generatedAt, why, foreignTest(incident)),
    checks: [],
    skeleton: true,
    reason: `No automatic check fits: ${why} The test fails until an engineer writes the check.`,
    needs: []
  }
}

/** A stored regression_test that Netmortem did not generate (imported): kept for reference only. */
function foreignTest(incident: Incident): string | undefined {
  const stored = incident.regression_test
  if (!stored || !stored.trim()) return undefined
  const mark = readMark(stored)
  return mark.ours && mark.intact ? undefined : stored
}

/** Whether an export without ids takes the incident: a test fits it, or it already has one. */
export function wantsTest(incident: Incident): boolean {
  return (
    testedCodes(recordedFindings(incident)).tested.length > 0 ||
    LIVE_CATEGORIES.includes(incident.category) ||
    Boolean(incident.regression_test?.trim())
  )
}
