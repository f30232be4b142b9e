// `npm run verify -- packet.zip`: checks a closure packet with plain Node (no Electron).
// Builds the app first when the built checker is missing or older than the sources, so
// it works from a fresh clone; the build's own output goes to stderr, the report to stdout.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'verify.js')

function newestIn(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs)
  }
  return newest
}

if (!existsSync(built) || statSync(built).mtimeMs < newestIn(join(root, 'src'))) {
  process.stderr.write('Building the checker first (npm run build)…\n')
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) {
    process.stderr.write('The build failed; the packet was not checked.\n')
    process.exit(2)
  }
}
const run = spawnSync(process.execPath, [built, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
