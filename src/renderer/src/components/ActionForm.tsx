import type { ReactNode } from 'react'
import { Button, Group, Stack, type ButtonProps } from '@mantine/core'

/**
 * A form whose submit runs `onSubmit` (the browser's own validation off: fields show their
 * errors inline). With `ctrlEnter`, Ctrl+Enter (⌘+Enter) submits from any field, textareas
 * included.
 */
export function ActionForm({
  onSubmit,
  ctrlEnter = false,
  label,
  children
}: {
  onSubmit: () => Promise<void>
  ctrlEnter?: boolean
  label?: string
  children: ReactNode
}) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
      onKeyDown={
        ctrlEnter
          ? (event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void onSubmit()
            }
          : undefined
      }
    >
      <Stack gap="sm">{children}</Stack>
    </form>
  )
}

/**
 * The row under a form: Cancel and the submit button (`children` is its label, `busy` its
 * spinner, `testId` its test id), at the right; `hint` (a shortcut) at the left when there is one.
 */
export function FormActions({
  onCancel,
  busy,
  hint,
  children,
  testId,
  ...submit
}: {
  onCancel: () => void
  busy: boolean
  hint?: ReactNode
  children: ReactNode
  testId?: string
  color?: ButtonProps['color']
  leftSection?: ReactNode
  disabled?: boolean
}) {
  const buttons = (
    <Group justify={hint ? undefined : 'flex-end'} gap={6}>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={busy} data-testid={testId} {...submit}>
        {children}
      </Button>
    </Group>
  )
  if (!hint) return buttons
  return (
    <Group justify="space-between">
      {hint}
      {buttons}
    </Group>
  )
}
