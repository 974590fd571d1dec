import { useCallback, useEffect, useState } from 'react'
import type { InputOf, OperationName, OutputOf } from '../../../shared/api'
import { call } from './api'
import { useDataVersion } from './dataVersion'
import { notifyError } from './notify'

export interface CallState<T> {
  data: T | undefined
  error: unknown
  /** True until the answer for the current input (and data version) has arrived. */
  loading: boolean
  reload: () => void
}

/**
 * Loads one operation's output and keeps it fresh: again when the input changes, when any
 * mutation changed the data, or on reload(). The previous data stays while loading, so
 * tables do not flash. A failure is shown as a notification and kept in `error`.
 */
export function useCall<K extends OperationName>(
  name: K,
  input: InputOf<K>,
  enabled = true
): CallState<OutputOf<K>> {
  const version = useDataVersion()
  const [nonce, setNonce] = useState(0)
  const key = `${name}\n${JSON.stringify(input)}\n${version}\n${nonce}`
  const [answer, setAnswer] = useState<{ key: string; data?: OutputOf<K>; error?: unknown }>()

  useEffect(() => {
    if (!enabled) return
    let live = true
    const request = JSON.parse(key.split('\n')[1] ?? '{}') as InputOf<K>
    call(name, request).then(
      (data) => live && setAnswer({ key, data }),
      (error: unknown) => {
        if (!live) return
        notifyError(error, 'Could not load')
        setAnswer({ key, error })
      }
    )
    return () => {
      live = false
    }
  }, [name, key, enabled])

  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return {
    data: answer?.data,
    error: answer?.key === key ? answer.error : undefined,
    loading: enabled && answer?.key !== key,
    reload
  }
}
