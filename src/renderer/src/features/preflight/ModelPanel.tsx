import { useRef, type ReactNode } from 'react'
import { Button, FileButton, Group, Paper, Stack, Switch, Text, ThemeIcon } from '@mantine/core'
import { IconFileCode, IconFolderOpen, IconPlayerPlay, IconUpload } from '@tabler/icons-react'
import { plural } from '../../lib/format'
import { useShortcuts } from '../../lib/useShortcuts'
import type { LoadedModel } from './readModel'
import { setCapture } from './preflightState'

interface Props {
  loaded: LoadedModel | null
  capture: boolean
  busy: boolean
  /** A file is being dragged over the screen. */
  dragging: boolean
  onFile: (file: File) => void
  onRunAgain: () => void
}

function CaptureSwitch({ capture }: { capture: boolean }) {
  return (
    <Switch
      size="xs"
      label="Capture an incident when not ready"
      checked={capture}
      onChange={(event) => setCapture(event.currentTarget.checked)}
      data-testid="preflight-capture"
    />
  )
}

function summaryOf(loaded: LoadedModel): string {
  const parts = [plural(loaded.devices, 'device'), plural(loaded.vlans, 'VLAN'), plural(loaded.links, 'link')]
  return [loaded.name, ...parts].filter(Boolean).join(' · ')
}

/**
 * Where a network model comes in: chosen with the file picker or dropped on the screen, read
 * here in the page. Large while empty, a one-line strip once a model is loaded.
 */
export function ModelPanel({ loaded, capture, busy, dragging, onFile, onRunAgain }: Props) {
  const resetRef = useRef<() => void>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useShortcuts({
    o: () => inputRef.current?.click(),
    r: () => loaded && !busy && onRunAgain()
  })

  const picker = (label: string, variant: 'filled' | 'default'): ReactNode => (
    <FileButton
      ref={inputRef}
      resetRef={resetRef}
      accept=".json,application/json"
      onChange={(file) => {
        resetRef.current?.()
        if (file) onFile(file)
      }}
    >
      {(props) => (
        <Button
          {...props}
          variant={variant}
          leftSection={<IconFolderOpen size={14} />}
          data-testid="preflight-open"
        >
          {label}
        </Button>
      )}
    </FileButton>
  )

  return (
    <Paper
      withBorder
      className="nm-dropzone"
      data-dragging={dragging || undefined}
      data-testid="preflight-dropzone"
    >
      {loaded ? (
        <Group justify="space-between" wrap="nowrap" gap="sm" px="sm" py={8}>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <ThemeIcon variant="light" size="lg">
              <IconFileCode size={18} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} ff="monospace" truncate="end" data-testid="preflight-file">
                {loaded.fileName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {summaryOf(loaded)}
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <CaptureSwitch capture={capture} />
            {picker('Open another…', 'default')}
            <Button
              leftSection={<IconPlayerPlay size={14} />}
              loading={busy}
              onClick={onRunAgain}
              data-testid="preflight-run"
            >
              Run again
            </Button>
          </Group>
        </Group>
      ) : (
        <Stack align="center" gap={8} py={40} px="md">
          <ThemeIcon variant="light" size={44} radius="xl">
            <IconUpload size={22} />
          </ThemeIcon>
          <Text fw={600}>{dragging ? 'Drop to check this model' : 'Drop a network model here'}</Text>
          <Text size="xs" c="dimmed" ta="center" maw={460}>
            A JSON file in the network model format: an object with a devices array, and optionally vlans and
            links. It is read in this page and checked before anything is deployed.
          </Text>
          {picker('Open model…', 'filled')}
          <CaptureSwitch capture={capture} />
        </Stack>
      )}
    </Paper>
  )
}
