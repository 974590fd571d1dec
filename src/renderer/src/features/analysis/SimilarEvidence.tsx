import { Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core'
import type { CauseGroup, SimilarIncident } from '../../../../shared/analysis'
import { SeverityBadge } from '../../components/SeverityBadge'
import { StatusBadge } from '../../components/StatusBadge'
import { hrefOf } from '../../lib/router'
import { ScoreBar } from '../search/ScoreBar'

function VoteBadge({ group, groups }: { group: number | null; groups: CauseGroup[] }) {
  if (group === null) return null
  const vote = groups[group]
  const share = vote ? `${Math.round(vote.share * 100)}% of the vote` : ''
  return (
    <Tooltip
      label={
        group === 0 ? `Votes for the suggested cause (${share})` : `Votes for cause #${group + 1} (${share})`
      }
    >
      <Badge
        size="xs"
        variant={group === 0 ? 'filled' : 'default'}
        color={group === 0 ? 'indigo' : 'gray'}
        tt="none"
        style={{ flex: 'none' }}
        data-testid="evidence-vote"
      >
        {group === 0 ? 'suggested' : `cause #${group + 1}`}
      </Badge>
    </Tooltip>
  )
}

function EvidenceItem({ item, groups }: { item: SimilarIncident; groups: CauseGroup[] }) {
  return (
    <UnstyledButton
      component="a"
      href={hrefOf({ page: 'incident', id: item.id })}
      className="nm-analysis-evidence-item"
      data-testid={`analysis-similar-${item.id}`}
      data-resolved={item.resolved}
      aria-label={`${item.id}, score ${item.score.toFixed(2)}: ${item.description}`}
    >
      <Group gap={8} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" miw={0}>
          <Text size="xs" fw={700} ff="monospace" style={{ flex: 'none' }}>
            {item.id}
          </Text>
          <SeverityBadge severity={item.severity} size="xs" style={{ flex: 'none' }} />
          <StatusBadge status={item.resolved ? 'resolved' : 'open'} size="xs" style={{ flex: 'none' }} />
          <VoteBadge group={item.cause_group} groups={groups} />
          <Text size="xs" c="dimmed" truncate="end" miw={0}>
            {item.description}
          </Text>
        </Group>
        <ScoreBar score={item.score} />
      </Group>
      {item.resolved && item.root_cause ? (
        <Text size="xs" mt={3} lineClamp={2} data-testid="evidence-root-cause">
          <Text span size="xs" fw={700} c="teal">
            Root cause:
          </Text>{' '}
          {item.root_cause}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" fs="italic" mt={3}>
          {item.resolved ? 'Resolved without a written root cause: no vote' : 'Still open: no root cause yet'}
        </Text>
      )}
    </UnstyledButton>
  )
}

/** The similar incidents behind the suggestion, most similar first; each opens on click. */
export function SimilarEvidence({ similar, groups }: { similar: SimilarIncident[]; groups: CauseGroup[] }) {
  return (
    <div className="nm-analysis-evidence-list" data-testid="analysis-similar">
      {similar.map((item) => (
        <EvidenceItem key={item.id} item={item} groups={groups} />
      ))}
    </div>
  )
}
