import { notifications } from '@mantine/notifications'
import { messageOf } from './apiError'

/** A failed call, as one line in a red notification: never a crash, never a stack. */
export function notifyError(err: unknown, title = 'Failed'): void {
  notifications.show({ color: 'red', title, message: messageOf(err), autoClose: 8000 })
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 })
}
