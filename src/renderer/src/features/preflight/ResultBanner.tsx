import { Alert, Anchor, Group, Text } from '@mantine/core'
import { IconAlertOctagon, IconCircleCheck, IconRepeat, IconFilePlus } from '@tabler/icons-react'
import type { PreflightResult } from '../../../../shared/networkModel'
import { formatTime, plural } from '../../lib/format'
import { hrefOf } from '../../lib/router'

const counts = (result: PreflightResult): string =>
  `${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`

/** The incident this failure was recorded as: captured now, or the open one seen again. */
function IncidentLine({ result, captured }: { result: PreflightResult; captured: boolean }) {
  const id = result.incident_id
  if (!id) {
    return (
      <Text size="xs" c="dimmed" data-testid="preflight-not-captured">
        {captured ? 'No incident was recorded.' : 'Not captured: capturing is off for this run.'}
      </Text>
    )
  }
  const occurrence = result.occurrence
  const again = occurrence !== undefined && occurrence.count > 1
  const link = (
    <Anchor
      href={hrefOf({ page: 'incident', id })}
      className="nm-mono"
      fw={600}
      data-testid="preflight-incident-link"
    >
      {id}
    </Anchor>
  )
  return (
    <Group gap={6} wrap="nowrap" data-testid="preflight-incident">
      {again ? <IconRepeat size={14} aria-hidden /> : <IconFilePlus size={14} aria-hidden />}
      <Text size="sm">
        {again ? (
          <>
            Seen again: occurrence {occurrence.count} of {link}
          </>
        ) : (
          <>Captured {link}</>
        )}
      </Text>
      {again && (
        <Text size="xs" c="dimmed">
          first seen {formatTime(occurrence.first_seen)} UTC
        </Text>
      )}
    </Group>
  )
}

/** Ready or not, in one glance, and where the failure was recorded. */
export function ResultBanner({ result, captured }: { result: PreflightResult; captured: boolean }) {
  if (result.ready_to_deploy) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        title="Ready to deploy"
        data-testid="preflight-banner"
        data-ready="true"
      >
        <Text size="sm">
          {result.warnings.length === 0
            ? 'No errors and no warnings: every check passed.'
            : `No errors; ${plural(result.warnings.length, 'warning')} to read below.`}
        </Text>
      </Alert>
    )
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertOctagon size={18} />}
      title={`Not ready: ${counts(result)}`}
      data-testid="preflight-banner"
      data-ready="false"
    >
      <IncidentLine result={result} captured={captured} />
    </Alert>
  )
}
