import { Text } from '@mantine/core'
import { Empty, Section } from '../../components/Section'

export function DescriptionSection({ description }: { description: string }) {
  return (
    <Section title="Description" testId="description">
      {description ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="description-text">
          {description}
        </Text>
      ) : (
        <Empty>No description.</Empty>
      )}
    </Section>
  )
}
