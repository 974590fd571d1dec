import { Badge, type BadgeProps } from '@mantine/core'
import type { Severity } from '../../../shared/incident'
import { SEVERITY_COLOR } from '../lib/colors'

export function SeverityBadge({ severity, ...props }: { severity: Severity } & BadgeProps) {
  return (
    <Badge color={SEVERITY_COLOR[severity] ?? 'gray'} variant="light" {...props}>
      {severity}
    </Badge>
  )
}
