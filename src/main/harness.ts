import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { composeMain } from './compose'
import { createRecordingOpenPathAdapter } from './services/open-externally/open-externally'
import { createScriptedDialogAdapter } from './services/dialogs/scripted-dialog-adapter'
import { serveMedia } from './services/media/serve-media'
import { readJsonBody, refuseBody, startHttpServer } from './transport/http-server'
import { version } from '../../package.json'

/**
 * `npm run harness`: the real main services behind the loopback HTTP transport,
 * serving the built renderer to any browser. For end-to-end tests and for trying
 * the UI where no Electron binary exists. Never started by the Electron app.
 */

const scriptedAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), paths: z.array(z.string().min(1)).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('save'), path: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('folder'), path: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('cancel') }).strict(),
])

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, data: { type: 'string' } },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`)
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'redress-harness-'))
  mkdirSync(dataDir, { recursive: true })

  const dialogs = createScriptedDialogAdapter()
  // No desktop to open files on: the harness records what would have been opened.
  const openPath = createRecordingOpenPathAdapter()
  const main = composeMain({
    appInfo: {
      name: 'Redress',
      version,
      transport: 'http',
      platform: process.platform,
      dataDir,
      versions: { node: process.versions.node, electron: null, chrome: null },
    },
    dialogs,
    openPath,
  })
  const token = randomBytes(24).toString('base64url')
  const server = await startHttpServer({
    dispatch: main.dispatch,
    bus: main.bus,
    rendererDir: join(__dirname, '../renderer'),
    token,
    port,
    media: (sha256, { method, range }) => serveMedia(main.vault, sha256, range, { method }),
    // Test controls: what the user "picks" in the next native dialog.
    extraRoutes: async (request, response, url) => {
      if (url.pathname === '/__harness/opened' && request.method === 'GET') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ opened: openPath.opened }))
        return true
      }
      if (url.pathname !== '/__harness/dialog' || request.method !== 'POST') return false
      const body = await readJsonBody(request)
      if (!body.ok) {
        refuseBody(request, response, body)
        return true
      }
      const answer = scriptedAnswer.safeParse(body.value)
      if (!answer.success) {
        refuseBody(request, response, { ok: false, error: { code: 'invalid_input', message: answer.error.message } })
        return true
      }
      dialogs.enqueue(answer.data)
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
      return true
    },
  })

  console.log(`Redress harness: ${server.origin}/?token=${token}`)
  // stdout carries exactly one line, the address; the rest goes to stderr.
  console.error(`Data folder: ${dataDir}`)

  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
