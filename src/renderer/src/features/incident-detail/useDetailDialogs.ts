import { useState } from 'react'

export type Dialog = 'resolve' | 'edit' | 'delete' | null

/** Which action's dialog is open on the detail screen (one at a time). */
export function useDetailDialogs() {
  const [dialog, setDialog] = useState<Dialog>(null)
  return {
    dialog,
    open: (which: Exclude<Dialog, null>) => () => setDialog(which),
    close: () => setDialog(null)
  }
}
