import { AppError, type MethodName, type MethodOutput, type ParsedInput } from '@shared/contract'

type ClosureMethod = Extract<
  MethodName,
  `identity.${string}` | `letter.${string}` | `closure.${string}` | `packet.${string}`
>

/** Identities, letters, the signed closure record and packets, as the contract sees them. */
export type ClosureService = {
  readonly [M in ClosureMethod]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>
}

// Being assembled from the signing, documents and packet services (issue 6); until then each
// method answers that it is unavailable rather than pretending.
export function createClosureService(): ClosureService {
  const unavailable = async (): Promise<never> => {
    throw new AppError('unavailable', 'Closure services are not assembled yet')
  }
  return {
    'identity.list': unavailable,
    'identity.create': unavailable,
    'identity.importPkcs12': unavailable,
    'identity.remove': unavailable,
    'identity.importTrusted': unavailable,
    'identity.removeTrusted': unavailable,
    'letter.render': unavailable,
    'closure.sign': unavailable,
    'packet.export': unavailable,
    'packet.verify': unavailable,
    'packet.import': unavailable,
    'packet.cancel': unavailable,
  }
}
