import { Badge, type BadgeProps } from '@mantine/core'
import type { Status } from '../../../shared/incident'
import { STATUS_COLOR } from '../lib/colors'

export function StatusBadge({ status, ...props }: { status: Status } & BadgeProps) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="dot" tt="none" {...props}>
      {status}
    </Badge>
  )
}
