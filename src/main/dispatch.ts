import {
  AppError,
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '@shared/contract'

/** What a handler knows about the call it serves. */
export interface CallContext {
  /** Which transport delivered the call. */
  readonly transport: 'ipc' | 'http'
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>

/** One implementation per method of the contract; the compiler refuses a missing one. */
export type Handlers = { readonly [M in MethodName]: Handler<M> }

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<Result<unknown>>

export interface DispatchLog {
  readonly error: (message: string, detail?: unknown) => void
}

/**
 * The one gate every call passes, whatever the transport: the method must be on the
 * allow-list, the input must parse with its schema, and whatever goes wrong comes
 * back as {code, message} instead of a thrown error.
 */
export function createDispatch(handlers: Handlers, log: DispatchLog = console): Dispatch {
  return async (method, rawInput, context) => {
    if (!isMethodName(method)) {
      return fail(
        'unknown_method',
        `Unknown method ${typeof method === 'string' ? method.slice(0, 100) : typeof method}`,
      )
    }
    const spec = methods[method]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')
      return fail('invalid_input', `Invalid input for ${method}: ${issues}`)
    }
    try {
      const handler = handlers[method] as Handler<MethodName>
      const value = await handler(parsed.data as never, context)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        log.error(`Handler ${method} returned a value outside its contract`, checked.error.issues)
        return fail('internal', `Handler ${method} broke its contract`)
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.subject)
      log.error(`Handler ${method} failed`, error)
      // Internal details (paths, stack traces) stay in main's log.
      return fail('internal', `Handler ${method} failed`)
    }
  }
}

function fail(code: AppError['code'], message: string, subject?: string): Result<never> {
  return { ok: false, error: { code, message, ...(subject !== undefined && { subject }) } }
}
