import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks: without this, the
// first failing test crashes the report instead of printing the failure.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>()
      let index = 0
      for (const item of items) {
        const k = key(item, index++)
        const group = groups.get(k)
        if (group) group.push(item)
        else groups.set(k, [item])
      }
      return groups
    },
  })
}

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
          // A slower CI machine must not fail a test for being slow: speed is the benchmarks' job.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Checks on what `npm run build` produced; run after the build.
        resolve: { alias },
        test: { name: 'build', environment: 'node', include: ['test/build/**/*.test.ts'] },
      },
    ],
  },
})
