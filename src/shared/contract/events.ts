import { z } from 'zod'

/**
 * Messages main pushes to the renderer without being asked: progress of long work
 * (ingest, export, verify, backup). Each names the task it belongs to, so several
 * can run at once and each can be cancelled.
 */
export const events = {
  'task.progress': z.object({
    /** Id the renderer got when it started the task. */
    taskId: z.string().min(1).max(100),
    /** What kind of work, for the label: "ingest", "export", … */
    kind: z.string().min(1).max(50),
    /** Units done so far (bytes for file work). */
    done: z.number().nonnegative(),
    /** Units in all, or null while unknown. */
    total: z.number().nonnegative().nullable(),
    /** Units per second over the recent past, or null while unknown. */
    rate: z.number().nonnegative().nullable(),
  }),
  'task.finished': z.object({
    taskId: z.string().min(1).max(100),
    kind: z.string().min(1).max(50),
    outcome: z.enum(['done', 'canceled', 'failed']),
    /** Error code when the outcome is failed. */
    code: z.string().nullable(),
  }),
} as const satisfies Record<string, z.ZodType>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

/** The envelope every transport uses to carry one event. */
export interface EventMessage<E extends EventName = EventName> {
  readonly name: E
  readonly payload: EventPayload<E>
}

export const eventNames = Object.freeze(Object.keys(events)) as readonly EventName[]

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value)
}

/** Validates an event on arrival in the renderer: a transport is not trusted to be well-formed. */
export function parseEventMessage(raw: unknown): EventMessage | null {
  if (!raw || typeof raw !== 'object') return null
  const { name, payload } = raw as { name?: unknown; payload?: unknown }
  if (!isEventName(name)) return null
  const parsed = events[name].safeParse(payload)
  return parsed.success ? ({ name, payload: parsed.data } as EventMessage) : null
}
