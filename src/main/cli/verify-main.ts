import type { TrustOf, VerifyCms, VerifyPdf } from '../services/packet/packet-verify'
import { runVerifyCli } from './verify'

/** The signature checks the command uses: the same ones the app uses to import a packet. */
export interface VerifyCliCrypto {
  readonly verifyCms: VerifyCms
  readonly verifyPdf: VerifyPdf
  readonly trustOf: TrustOf
}

/**
 * The body of `node out/main/verify.js packet.zip`: the bundle's entry calls it
 * with the real signature checks; the exit status tells scripts the verdict.
 */
export async function verifyMain(crypto: VerifyCliCrypto): Promise<void> {
  process.exitCode = await runVerifyCli(process.argv.slice(2), {
    ...crypto,
    stdout: process.stdout,
    stderr: process.stderr,
  })
}
