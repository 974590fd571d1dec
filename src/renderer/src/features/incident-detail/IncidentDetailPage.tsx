import { useState } from 'react'
import { Alert, Box, Button, Center, Loader } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { messageOf } from '../../lib/apiError'
import { LIST_PAGE_LABEL, useBackPage } from '../../lib/backRoute'
import { navigate } from '../../lib/router'
import { useCall } from '../../lib/useCall'
import { useShortcuts } from '../../lib/useShortcuts'
import { DeleteModal } from './DeleteModal'
import { DetailHeader } from './DetailHeader'
import { EditModal } from './EditModal'
import { IncidentBody } from './IncidentBody'
import { MetaStrip } from './MetaStrip'
import { RawJsonSection } from './RawJsonSection'
import { ResolveModal } from './ResolveModal'
import { useDetailDialogs } from './useDetailDialogs'

function Missing({ error }: { error: unknown }) {
  const back = () => navigate({ page: 'incidents' })
  return (
    <div className="nm-page">
      <PageHeader title="Incident" />
      <Box p="md">
        <Alert color="red" title="Cannot show this incident" data-testid="detail-error">
          {messageOf(error)}
          <Box mt="sm">
            <Button variant="light" leftSection={<IconArrowLeft size={14} />} onClick={back}>
              Back to incidents
            </Button>
          </Box>
        </Alert>
      </Box>
    </div>
  )
}

export function IncidentDetailPage({ id }: { id: string }) {
  const { data: incident, error } = useCall('incidents.get', { id })
  const backPage = useBackPage()
  const back = () => navigate({ page: backPage })
  const [raw, setRaw] = useState(false)
  const { dialog, open, close } = useDetailDialogs()
  const resolvable = incident !== undefined && !incident.resolved_at

  useShortcuts(
    {
      Escape: back,
      Backspace: back,
      v: () => setRaw((r) => !r),
      e: open('edit'),
      r: () => resolvable && open('resolve')(),
      Delete: open('delete')
    },
    incident !== undefined
  )

  if (error) return <Missing error={error} />
  if (!incident || incident.id !== id) {
    return (
      <Center h="100dvh">
        <Loader size="sm" />
      </Center>
    )
  }

  return (
    <div className="nm-page" data-testid="incident-detail">
      <DetailHeader
        incident={incident}
        raw={raw}
        onBack={back}
        backLabel={`Back to ${LIST_PAGE_LABEL[backPage]}`}
        onToggleRaw={() => setRaw((r) => !r)}
        onResolve={open('resolve')}
        onEdit={open('edit')}
        onDelete={open('delete')}
      />
      <MetaStrip incident={incident} />
      <div className="nm-scroll-body">
        {raw ? (
          <RawJsonSection incident={incident} />
        ) : (
          <IncidentBody incident={incident} onResolve={open('resolve')} />
        )}
      </div>
      <ResolveModal incident={incident} opened={dialog === 'resolve'} onClose={close} />
      <EditModal incident={incident} opened={dialog === 'edit'} onClose={close} />
      <DeleteModal
        incident={incident}
        opened={dialog === 'delete'}
        onClose={close}
        onDeleted={() => navigate({ page: backPage }, { replace: true })}
      />
    </div>
  )
}
