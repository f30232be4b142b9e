import { createReadStream } from 'node:fs'
import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ErrorCode, Result } from '@shared/contract'
import type { Dispatch } from '../dispatch'
import type { EventBus } from '../services/events'
import { securityHeaders } from '../security/csp'
import { contentTypeFor, resolveStaticFile } from '../security/static-files'

export interface HttpServerOptions {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  /** Folder of the built renderer (out/renderer). */
  readonly rendererDir: string
  /** Secret of this run; every API request must present it. */
  readonly token: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Extra authenticated routes (the harness's test controls); return true when handled. */
  readonly extraRoutes?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>
  readonly log?: { readonly error: (message: string, detail?: unknown) => void }
}

export interface RunningHttpServer {
  readonly origin: string
  readonly port: number
  close(): Promise<void>
}

/** Largest JSON body a call may carry; files never travel through calls. */
export const maxBodyBytes = 1024 * 1024

const statusOf: Readonly<Record<ErrorCode, number>> = {
  unknown_method: 404,
  forbidden: 403,
  unauthorized: 401,
  invalid_input: 400,
  not_found: 404,
  canceled: 409,
  unavailable: 503,
  internal: 500,
}

/**
 * The contract over loopback HTTP, for running the real renderer in a plain
 * browser (end-to-end tests, trying the UI without Electron). Binds 127.0.0.1
 * only, checks the Host header against DNS rebinding, and wants the run's token
 * on every API request. The Electron app never starts it.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { dispatch, bus, rendererDir, token, extraRoutes, log = console } = options
  const expectedToken = Buffer.from(token)
  let port = 0
  const streams = new Set<ServerResponse>()

  const isAuthorized = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization ?? ''
    const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
    return presented.length === expectedToken.length && timingSafeEqual(presented, expectedToken)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('HTTP transport failed', error)
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'Transport failure'))
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    const origin = `http://${host}`
    const url = new URL(request.url ?? '/', origin)

    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/__harness/')) {
      // Browsers send Origin on cross-origin and on POST requests: it must be us.
      const requestOrigin = request.headers.origin
      if (requestOrigin !== undefined && requestOrigin !== origin) {
        sendJson(response, 403, failure('forbidden', 'Cross-origin request refused'))
        return
      }
      if (!isAuthorized(request)) {
        sendJson(response, 401, failure('unauthorized', 'Missing or wrong token'))
        return
      }
      if (url.pathname === '/api/events' && request.method === 'GET') {
        openEventStream(request, response)
        return
      }
      if (url.pathname.startsWith('/api/call/')) {
        if (request.method !== 'POST') {
          sendJson(response, 405, failure('invalid_input', 'Calls are POST requests'))
          return
        }
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
          sendJson(response, 415, failure('invalid_input', 'Calls carry application/json'))
          return
        }
        const method = decodeURIComponent(url.pathname.slice('/api/call/'.length))
        const body = await readJsonBody(request)
        if (!body.ok) {
          refuseBody(request, response, body)
          return
        }
        const result = await dispatch(method, body.value, { transport: 'http' })
        sendJson(response, result.ok ? 200 : statusOf[result.error.code], result)
        return
      }
      if (extraRoutes && (await extraRoutes(request, response, url))) return
      sendJson(response, 404, failure('unknown_method', 'No such route'))
      return
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, securityHeaders()).end()
      return
    }
    const file = await resolveStaticFile(rendererDir, url.pathname)
    if (!file) {
      response.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    response.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-store',
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    streams.add(response)
    const disconnect = bus.connect((message) => {
      response.write(`data: ${JSON.stringify(message)}\n\n`)
    })
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000)
    const close = (): void => {
      clearInterval(heartbeat)
      disconnect()
      streams.delete(response)
    }
    request.on('close', close)
    response.on('close', close)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}

/** Answers a bad body and drops the connection, so an oversized upload stops at once. */
export function refuseBody(request: IncomingMessage, response: ServerResponse, result: Result<unknown>): void {
  response.setHeader('Connection', 'close')
  sendJson(response, 400, result)
  response.on('finish', () => request.destroy())
}

export async function readJsonBody(request: IncomingMessage): Promise<Result<unknown>> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > maxBodyBytes) return failure('invalid_input', 'Request body too large')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) return failure('invalid_input', 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return failure('invalid_input', 'Body is not valid JSON')
  }
}
