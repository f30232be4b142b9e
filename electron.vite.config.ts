import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './src/main/security/csp'

/**
 * index.html carries the CSP literally (so static checkers see it); this fails
 * the build if it ever differs from the one policy in src/main/security/csp.ts.
 */
function cspMetaTagCheck(): Plugin {
  return {
    name: 'redress-csp-meta-check',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
        const expected = contentSecurityPolicy({ forMetaTag: true })
        if (match?.[1] !== expected) {
          throw new Error(
            `index.html CSP differs from src/main/security/csp.ts.\nExpected: ${expected}\nFound: ${match?.[1]}`,
          )
        }
        return html
      },
    },
  }
}

const alias = {
  '@shared': resolve(__dirname, 'src/shared'),
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        // The harness is the same main services behind the loopback HTTP transport,
        // runnable with plain Node where no Electron binary exists.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          harness: resolve(__dirname, 'src/main/harness.ts'),
          // `npm run verify`: checks a closure packet with plain Node.
          verify: resolve(__dirname, 'src/main/verify.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { ...alias, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react(), cspMetaTagCheck()],
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
})
