import { createIdentityStore } from './services/signing/identity-store'
import { createPassphraseProtector } from './services/signing/key-protection'
import { verifyDetached } from './services/signing/cms'
import { verifyPdfSignatures } from './services/signing/pdf-signature'
import { packetCrypto } from './services/closure/closure-mapping'
import { runVerifyCli } from './cli/verify'

/**
 * `npm run verify -- [--data <folder>] packet.zip`: plain Node, no Electron. With
 * --data (a Redress data folder), signers are told apart as this installation's
 * own identities or its trusted organisation certificates; without it, every
 * signer is reported as not known here, as a third party would see them.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const at = args.indexOf('--data')
  let dataDir: string | null = null
  if (at !== -1) {
    dataDir = args[at + 1] ?? null
    args.splice(at, 2)
    if (!dataDir) {
      process.stderr.write('Usage: verify [--json] [--data <Redress data folder>] <packet.zip>\n')
      process.exitCode = 2
      return
    }
  }
  // Reading certificates needs no key: the passphrase protector is never asked to open one here.
  const store = dataDir ? createIdentityStore({ dir: dataDir, protector: createPassphraseProtector() }) : null
  const crypto = packetCrypto({
    verifyDetached,
    verifyPdfSignatures,
    trustOf: async (der) => (store ? store.trustOf(der) : 'untrusted'),
  })
  process.exitCode = await runVerifyCli(args, { ...crypto, stdout: process.stdout, stderr: process.stderr })
}

main().catch((error: unknown) => {
  process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
