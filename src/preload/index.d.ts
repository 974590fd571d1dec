import type { PreloadApi } from '../shared/api'

declare global {
  interface Window {
    /** The desktop app's API (src/preload/index.ts); absent in the browser workbench. */
    netmortem?: PreloadApi
  }
}

export {}
