import { SimpleGrid, Stack } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { AnalysisPanel } from '../analysis/AnalysisPanel'
import { ConfigChangesSection } from './ConfigChangesSection'
import { DescriptionSection } from './DescriptionSection'
import { NamesSection } from './NamesSection'
import { NetworkModelSection } from './NetworkModelSection'
import { OtherFieldsSection } from './OtherFieldsSection'
import { RegressionTestSection } from '../learning/RegressionTestSection'
import { ResolutionSection } from './ResolutionSection'
import { SimilarSection } from './SimilarSection'
import { ValidationErrorsSection } from './ValidationErrorsSection'
import { extraFields } from './extraFields'

/** Every field of an incident, readably: the story on the left, the facts on the right. */
export function IncidentBody({ incident, onResolve }: { incident: Incident; onResolve: () => void }) {
  return (
    <div className="nm-detail-grid">
      <Stack gap="sm" miw={0}>
        <DescriptionSection description={incident.description} />
        <AnalysisPanel incident={incident} />
        <ValidationErrorsSection errors={incident.validation_errors} />
        <ConfigChangesSection changes={incident.config_changes} />
        <NetworkModelSection model={incident.network_model} />
        <RegressionTestSection id={incident.id} />
      </Stack>
      <Stack gap="sm" miw={0}>
        <ResolutionSection incident={incident} onResolve={onResolve} />
        <SimilarSection id={incident.id} />
        <SimpleGrid cols={1} spacing="sm">
          <NamesSection
            title="Affected devices"
            names={incident.affected_devices}
            empty="No devices were recorded."
            testId="affected-devices"
            mono
          />
          <NamesSection title="Tags" names={incident.tags} empty="No tags." testId="tags" />
        </SimpleGrid>
        <OtherFieldsSection fields={extraFields(incident)} />
      </Stack>
    </div>
  )
}
