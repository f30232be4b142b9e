import { createReadStream } from 'node:fs'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { mediaHttpPrefix, type ErrorCode, type Result } from '@shared/contract'
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
  /** Answers GET /media/<sha256> (Range included); without it the route is a 404. */
  readonly media?: (
    sha256: string,
    request: { readonly method: string; readonly range: string | null },
  ) => Promise<Response>
  readonly log?: { readonly error: (message: string, detail?: unknown) => void }
}

export interface RunningHttpServer {
  readonly origin: string
  readonly port: number
  close(): Promise<void>
}

/** Largest JSON body a call may carry; files never travel through calls. */
export const maxBodyBytes = 16 * 1024 * 1024

const statusOf: Readonly<Record<ErrorCode, number>> = {
  unknown_method: 404,
  forbidden: 403,
  unauthorized: 401,
  invalid_input: 400,
  not_found: 404,
  canceled: 409,
  unavailable: 503,
  internal: 500,
  disk_full: 507,
  source_missing: 422,
  source_unreadable: 422,
  source_changed: 409,
  backup_corrupt: 422,
  backup_truncated: 422,
  backup_tampered: 422,
  backup_unsupported: 422,
  vault_damaged: 500,
  pkcs12_wrong_password: 422,
  pkcs12_unreadable: 422,
  pkcs12_no_key: 422,
  pkcs12_key_mismatch: 422,
  identity_wrong_passphrase: 422,
  identity_passphrase_too_short: 400,
  identity_protection_unavailable: 503,
  identity_unreadable: 500,
  certificate_unreadable: 422,
  packet_evidence_changed: 500,
}

/**
 * Media elements cannot send an Authorization header, so /media/ also accepts
 * this cookie. It holds a secret of its own, not the API token: cookies ignore
 * ports, so any other server on 127.0.0.1 receives it too, and it must not open
 * the API there. HttpOnly keeps it from scripts, SameSite=Strict and the
 * Sec-Fetch-Site check keep other sites from using it.
 */
export const mediaCookieName = 'redress_media'

/**
 * The contract over loopback HTTP, for running the real renderer in a plain
 * browser (end-to-end tests, trying the UI without Electron). Binds 127.0.0.1
 * only, checks the Host header against DNS rebinding, and wants the run's token
 * on every API request. The Electron app never starts it.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { dispatch, bus, rendererDir, token, extraRoutes, media, log = console } = options
  const mediaSecret = randomBytes(32).toString('base64url')
  let port = 0
  const streams = new Set<ServerResponse>()

  const isAuthorized = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization ?? ''
    return sameSecret(header.startsWith('Bearer ') ? header.slice(7) : '', token)
  }
  const hasMediaCookie = (request: IncomingMessage): boolean =>
    (request.headers.cookie ?? '')
      .split(';')
      .map((pair) => pair.trim())
      .some(
        (pair) =>
          pair.startsWith(`${mediaCookieName}=`) && sameSecret(pair.slice(mediaCookieName.length + 1), mediaSecret),
      )

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

    if (url.pathname.startsWith(mediaHttpPrefix)) {
      await serveMediaRoute(request, response, url, origin)
      return
    }

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
    const contentType = contentTypeFor(file)
    // The page opened with the printed address (?token=…) gets the media cookie its <video> elements will need.
    const grantsMedia = contentType.startsWith('text/html') && sameSecret(url.searchParams.get('token') ?? '', token)
    response.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      ...(grantsMedia && {
        'Set-Cookie': `${mediaCookieName}=${mediaSecret}; Path=${mediaHttpPrefix.slice(0, -1)}; HttpOnly; SameSite=Strict`,
      }),
    })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  }

  /**
   * GET /media/<sha256> for <video>, <img> and pdf.js. Same-origin only (CSP
   * media-src 'self'), authorised by the media cookie or, for other clients, the
   * bearer token; the token is never accepted in the URL.
   */
  async function serveMediaRoute(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    origin: string,
  ): Promise<void> {
    const refuse = (status: number, text: string): void => {
      response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end(text)
    }
    const site = request.headers['sec-fetch-site']
    const requestOrigin = request.headers.origin
    // Other ports of 127.0.0.1 are "same-site" and get our cookies: only our own origin may use them.
    if (
      (site !== undefined && site !== 'same-origin' && site !== 'none') ||
      (requestOrigin !== undefined && requestOrigin !== origin)
    ) {
      refuse(403, 'Cross-origin request refused')
      return
    }
    if (!isAuthorized(request) && !hasMediaCookie(request)) {
      refuse(401, 'Missing or wrong token')
      return
    }
    if (!media) {
      refuse(404, 'Not found')
      return
    }
    const answer = await media(url.pathname.slice(mediaHttpPrefix.length), {
      method: request.method ?? 'GET',
      range: typeof request.headers.range === 'string' ? request.headers.range : null,
    })
    response.writeHead(answer.status, Object.fromEntries(answer.headers))
    if (!answer.body) {
      response.end()
      return
    }
    // A seek aborts the request mid-body: that ends the pipeline, which cancels the file read.
    await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), response).catch(() => {
      response.destroy()
    })
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

/** Constant-time comparison, so the time taken says nothing about how much of a secret was right. */
function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
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
