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
  const [state, setState] = useState<ApiCallState<MethodOutput<M>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const key = JSON.stringify(input)
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    void api.call(method, JSON.parse(key) as MethodInput<M>).then((result) => {
      if (!live) return
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error })
    })
    return () => {
      live = false
    }
  }, [api, method, key, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
