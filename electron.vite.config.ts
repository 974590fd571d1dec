import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import pkg from './package.json'

export default defineConfig({
  main: {
    define: { __NETMORTEM_VERSION__: JSON.stringify(pkg.version) },
    build: {
      rollupOptions: {
        input: {
          // The desktop app's main process and the `netmortem` command line share one core.
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          // The embedding model runs in this worker thread, off the main event loop.
          embedWorker: resolve(__dirname, 'src/main/core/embeddings/embedWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but electron: bundle it whole.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
