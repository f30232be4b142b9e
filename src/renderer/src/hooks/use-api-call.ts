import { useCallback, useEffect, useState } from 'react'
import type { ApiErrorShape, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import { useApi } from '../lib/api/api-context'

export type ApiCallState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiErrorShape }

/** Calls a read-only method when the component appears; `retry` calls it again. */
export function useApiCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): ApiCallState<MethodOutput<M>> & { retry: () => void } {
  const api = useApi()
  const [attempt, setAttempt] = useState(0)
  const inputKey = JSON.stringify(input)
  const requestKey = `${method}\n${inputKey}\n${attempt}`
  // The answer remembers which request it answers, so a new request reads as loading.
  const [answer, setAnswer] = useState<{ key: string; state: ApiCallState<MethodOutput<M>> } | null>(null)

  useEffect(() => {
    let live = true
    void api.call(method, JSON.parse(inputKey) as MethodInput<M>).then((result) => {
      if (!live) return
      setAnswer({
        key: requestKey,
        state: result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error },
      })
    })
    return () => {
      live = false
    }
  }, [api, method, inputKey, requestKey])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const state: ApiCallState<MethodOutput<M>> = answer?.key === requestKey ? answer.state : { status: 'loading' }
  return { ...state, retry }
}
