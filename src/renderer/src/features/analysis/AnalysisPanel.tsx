import { useState, type ReactNode } from 'react'
import { Badge, Button, Group, Kbd, Loader, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconBulb, IconCircleCheck, IconZoomQuestion } from '@tabler/icons-react'
import type { Analysis } from '../../../../shared/analysis'
import type { Incident } from '../../../../shared/incident'
import { Count, Empty, Section } from '../../components/Section'
import { plural } from '../../lib/format'
import { useCall } from '../../lib/useCall'
import { useShortcuts } from '../../lib/useShortcuts'
import { ResolveModal } from '../incident-detail/ResolveModal'
import { ConfidenceBadge } from './ConfidenceBadge'
import { ConfidenceGauge } from './ConfidenceGauge'
import { FactorTable } from './FactorTable'
import { PatternList } from './PatternList'
import { SimilarEvidence } from './SimilarEvidence'
import { LEVEL_ADVICE } from './confidence'
import './analysis.css'

function SubTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Group gap={6} mb={4} wrap="nowrap">
      <Text size="11px" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
        {children}
      </Text>
      {aside}
    </Group>
  )
}

/** The cause alone, and what `suggested_root_cause` adds to it (the strongest pattern). */
function splitSuggestion(analysis: Analysis): { cause: string | null; rest: string } {
  const cause = analysis.suggested_cause
  if (!cause) return { cause: null, rest: '' }
  const full = analysis.suggested_root_cause
  return { cause, rest: full.startsWith(cause) ? full.slice(cause.length).trim() : '' }
}

function Suggestion({
  analysis,
  incident,
  onAccept
}: {
  analysis: Analysis
  incident: Incident
  onAccept: () => void
}) {
  const { cause, rest } = splitSuggestion(analysis)
  if (!cause) {
    return (
      <Group gap="sm" wrap="nowrap" align="flex-start" className="nm-analysis-suggestion">
        <ThemeIcon variant="light" color="gray" size="lg" style={{ flex: 'none' }}>
          <IconZoomQuestion size={18} />
        </ThemeIcon>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            No root cause can be suggested
          </Text>
          <Text size="xs" c="dimmed" data-testid="analysis-no-suggestion">
            {analysis.suggested_root_cause}
          </Text>
        </Stack>
      </Group>
    )
  }
  const winner = analysis.cause_groups[0]
  const open = !incident.resolved_at
  const accepted = !open && incident.root_cause?.trim() === cause.trim()
  return (
    <Stack gap={6} className="nm-analysis-suggestion">
      <Group gap={6} wrap="nowrap">
        <IconBulb size={14} className="nm-analysis-bulb" aria-hidden />
        <Text size="xs" c="dimmed" fw={600}>
          Suggested root cause
        </Text>
      </Group>
      <Text size="sm" fw={500} lh={1.45} data-testid="analysis-suggestion">
        {cause}
      </Text>
      {rest && (
        <Text size="xs" c="dimmed" data-testid="analysis-suggestion-pattern">
          {rest}
        </Text>
      )}
      <Group gap="xs" justify="space-between" wrap="nowrap" mt={2}>
        {winner && (
          <Text size="xs" c="dimmed">
            Backed by {plural(winner.incidents.length, 'similar resolved incident')} with{' '}
            {Math.round(winner.share * 100)}% of the vote
          </Text>
        )}
        {open ? (
          <Button
            color="teal"
            variant={analysis.confidence_level === 'high' ? 'filled' : 'light'}
            leftSection={<IconCircleCheck size={14} />}
            rightSection={<Kbd size="xs">a</Kbd>}
            onClick={onAccept}
            data-testid="analysis-accept"
            style={{ flex: 'none' }}
          >
            Accept as root cause
          </Button>
        ) : accepted ? (
          <Badge color="teal" variant="light" tt="none" data-testid="analysis-accepted">
            Recorded as the root cause
          </Badge>
        ) : null}
      </Group>
    </Stack>
  )
}

function AnalysisBody({
  analysis,
  incident,
  onAccept
}: {
  analysis: Analysis
  incident: Incident
  onAccept: () => void
}) {
  return (
    <Stack gap="sm">
      <div className="nm-analysis-top">
        <ConfidenceGauge confidence={analysis.confidence} level={analysis.confidence_level} />
        <Suggestion analysis={analysis} incident={incident} onAccept={onAccept} />
      </div>
      <div className="nm-analysis-columns">
        <div>
          <SubTitle>How the confidence adds up</SubTitle>
          <FactorTable
            factors={analysis.confidence_factors}
            confidence={analysis.confidence}
            level={analysis.confidence_level}
          />
        </div>
        <div>
          <SubTitle aside={<Count value={analysis.patterns.length} />}>Patterns</SubTitle>
          {analysis.patterns.length > 0 ? (
            <PatternList patterns={analysis.patterns} />
          ) : (
            <Empty>No shared pattern singles out a cause.</Empty>
          )}
        </div>
      </div>
      <div>
        <SubTitle aside={<Count value={analysis.similar.length} />}>
          Similar incidents · score ≥ {analysis.similarity_threshold.toFixed(2)}
        </SubTitle>
        {analysis.similar.length > 0 ? (
          <SimilarEvidence similar={analysis.similar} groups={analysis.cause_groups} />
        ) : (
          <Empty>No incident scored {analysis.similarity_threshold} or more against this one.</Empty>
        )}
      </div>
    </Stack>
  )
}

/** Above the form that accepts the suggestion: how sure it is, and what accepting does. */
function AcceptIntro({ analysis }: { analysis: Analysis }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ConfidenceBadge level={analysis.confidence_level} confidence={analysis.confidence} />
      <Text size="xs" c="dimmed">
        {LEVEL_ADVICE[analysis.confidence_level]} The incident is resolved with this root cause; edit it first
        if it needs to say more.
      </Text>
    </Group>
  )
}

/**
 * Root-cause analysis of the incident: the suggested cause from similar resolved incidents, how
 * sure it is and why, and the evidence. Loads again when the incident (or any data) changes;
 * an open incident with a suggestion can be resolved with it (`a`).
 */
export function AnalysisPanel({ incident }: { incident: Incident }) {
  const { data, error, loading } = useCall('analysis.analyze', { id: incident.id })
  const [accepting, setAccepting] = useState(false)
  const analysis = data?.incident_id === incident.id ? data : undefined
  const canAccept = analysis?.suggested_cause != null && !incident.resolved_at
  useShortcuts({ a: () => setAccepting(true) }, canAccept)

  return (
    <Section
      title="Root-cause analysis"
      testId="analysis-panel"
      aside={
        <Group gap={6} wrap="nowrap">
          {loading && <Loader size={12} />}
          {analysis && (
            <ConfidenceBadge
              level={analysis.confidence_level}
              confidence={analysis.confidence}
              size="xs"
              data-testid="analysis-badge"
            />
          )}
        </Group>
      }
    >
      {error ? (
        <Empty>The analysis could not be loaded.</Empty>
      ) : !analysis ? (
        <Group gap="xs" py={4}>
          <Loader size={14} />
          <Empty>Looking for similar resolved incidents…</Empty>
        </Group>
      ) : (
        <AnalysisBody analysis={analysis} incident={incident} onAccept={() => setAccepting(true)} />
      )}
      {analysis && canAccept && (
        <ResolveModal
          key={analysis.suggested_cause}
          incident={incident}
          opened={accepting}
          onClose={() => setAccepting(false)}
          suggestion={{
            rootCause: analysis.suggested_cause ?? '',
            intro: <AcceptIntro analysis={analysis} />
          }}
        />
      )}
    </Section>
  )
}
