import { Group, Progress, Text } from '@mantine/core'

/** A fused score (0..1) as a number and a small bar, so a column of them reads at a glance. */
export function ScoreBar({ score }: { score: number }) {
  const value = Math.max(0, Math.min(1, score))
  return (
    <Group gap={6} wrap="nowrap" data-testid="result-score" aria-label={`Score ${score.toFixed(3)}`}>
      <Text span size="xs" ff="monospace" w={34} ta="right">
        {score.toFixed(2)}
      </Text>
      <Progress value={value * 100} size={5} w={36} radius="xl" aria-hidden />
    </Group>
  )
}
