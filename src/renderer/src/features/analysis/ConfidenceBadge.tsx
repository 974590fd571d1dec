import { Badge, Tooltip, type BadgeProps } from '@mantine/core'
import type { ConfidenceLevel } from '../../../../shared/analysis'
import { LEVEL_ADVICE, LEVEL_COLOR, formatConfidence } from './confidence'

/** A confidence level and its value in one badge, its meaning on hover. */
export function ConfidenceBadge({
  level,
  confidence,
  ...props
}: { level: ConfidenceLevel; confidence?: number } & BadgeProps) {
  return (
    <Tooltip label={LEVEL_ADVICE[level]}>
      <Badge
        color={LEVEL_COLOR[level]}
        variant="light"
        data-level={level}
        style={{ flex: 'none' }}
        {...props}
      >
        {level}
        {confidence !== undefined && (
          <span className="nm-analysis-badge-value">{formatConfidence(confidence)}</span>
        )}
      </Badge>
    </Tooltip>
  )
}
