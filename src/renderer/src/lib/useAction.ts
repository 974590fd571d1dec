import { useState } from 'react'
import { notifyError } from './notify'

/**
 * Runs a user's action (a save, a delete, an import): `busy` while it runs, a failure shown
 * as a notification. `run` resolves to the action's value, or undefined when it failed.
 */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  failureTitle: string
): { run: (...args: A) => Promise<R | undefined>; busy: boolean } {
  const [busy, setBusy] = useState(false)
  const run = async (...args: A): Promise<R | undefined> => {
    setBusy(true)
    try {
      return await action(...args)
    } catch (err) {
      notifyError(err, failureTitle)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { run, busy }
}
