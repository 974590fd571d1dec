import { SemiCircleProgress, Stack, Text } from '@mantine/core'
import type { ConfidenceLevel } from '../../../../shared/analysis'
import { LEVEL_COLOR, LEVEL_MEANING, formatConfidence } from './confidence'

/** The confidence as a half-circle gauge coloured by its level, with what the level means. */
export function ConfidenceGauge({ confidence, level }: { confidence: number; level: ConfidenceLevel }) {
  const color = LEVEL_COLOR[level]
  return (
    <Stack
      gap={2}
      align="center"
      className="nm-analysis-gauge"
      data-testid="analysis-gauge"
      data-level={level}
      role="meter"
      aria-label="Confidence"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={confidence}
      aria-valuetext={`${formatConfidence(confidence)}, ${level}: ${LEVEL_MEANING[level]}`}
    >
      <SemiCircleProgress
        value={Math.max(0, Math.min(1, confidence)) * 100}
        size={132}
        thickness={11}
        filledSegmentColor={color}
        labelPosition="bottom"
        label={
          <Text span fz={22} fw={700} ff="monospace" lh={1} data-testid="analysis-confidence">
            {formatConfidence(confidence)}
          </Text>
        }
      />
      <Text
        size="xs"
        fw={800}
        tt="uppercase"
        lts={0.6}
        c={`${color}.${level === 'medium' ? 8 : 7}`}
        mt={4}
        data-testid="analysis-level"
      >
        {level} confidence
      </Text>
      <Text size="xs" c="dimmed" ta="center" lh={1.3} data-testid="analysis-level-meaning">
        {LEVEL_MEANING[level]}
      </Text>
    </Stack>
  )
}
