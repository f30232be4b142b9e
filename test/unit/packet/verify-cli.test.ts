import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runVerifyCli, type VerifyCliDeps } from '../../../src/main/cli/verify'
import {
  exportSamplePacket,
  makeIdentity,
  opensslVerifyCms,
  rewriteZip,
  standInVerifyPdf,
  trustOwn,
  type TestIdentity,
} from './packet-fixtures'

let work: string
let identity: TestIdentity
let packet: string

function capture(): { output: { write(text: string): void }; text(): string } {
  let text = ''
  return { output: { write: (chunk: string) => void (text += chunk) }, text: () => text }
}

async function cli(args: string[], overrides: Partial<VerifyCliDeps> = {}) {
  const out = capture()
  const err = capture()
  const code = await runVerifyCli(args, {
    verifyCms: opensslVerifyCms(work),
    verifyPdf: standInVerifyPdf(work),
    trustOf: trustOwn(identity),
    stdout: out.output,
    stderr: err.output,
    tmpDir: join(work, 'tmp'),
    ...overrides,
  })
  return { code, stdout: out.text(), stderr: err.text() }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'redress-cli-'))
  await mkdir(join(work, 'tmp'))
  identity = await makeIdentity(work, 'Иван Петров')
  packet = join(work, 'RDR-2026-0007.zip')
  await exportSamplePacket(work, identity, packet)
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('verify command', () => {
  it('passes a sound packet: every check PASS, the signer, and the verdict last; exit 0', async () => {
    const { code, stdout, stderr } = await cli([packet])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.at(-1)).toBe('Packet verified: RDR-2026-0007')
    expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([])
    for (const label of ['ZIP archive', 'BagIt bag', 'Payload manifest', 'Tag manifest', 'Audit log', 'Case data']) {
      expect(lines.some((line) => line.startsWith(`PASS  ${label}`))).toBe(true)
    }
    expect(stdout).toContain('Иван Петров (investigator@example.org, Test Mediation Office)')
    expect(stdout).toContain('signed the tag manifest and the closure record; your own certificate')
    expect(stdout).toContain(identity.fingerprint)
    expect(await readdir(join(work, 'tmp'))).toEqual([])
  })

  it('fails a tampered packet naming the file in plain words; exit 1', async () => {
    const tampered = join(work, 'tampered.zip')
    await rewriteZip(packet, tampered, (name, data) =>
      name.endsWith('data/case.json') ? Buffer.from(data.toString().replace('RDR', 'XDR')) : data,
    )
    const { code, stdout } = await cli([tampered])
    expect(code).toBe(1)
    expect(stdout).toContain(
      "FAIL  Payload manifest: data/case.json: the file's SHA-256 does not match the manifest: it was changed after the packet was made.",
    )
    expect(stdout.trim().split('\n').at(-1)).toBe('Packet NOT verified: 1 problem')
  })

  it('reports a certificate nobody trusts without failing the signature', async () => {
    const { code, stdout } = await cli([packet], { trustOf: async () => 'untrusted' })
    expect(code).toBe(0)
    expect(stdout).toContain('NOT a certificate you trust')
  })

  it('prints the report as JSON on request', async () => {
    const { code, stdout } = await cli(['--json', packet])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, caseRef: 'RDR-2026-0007' })
  })

  it('exits 2 with a usage message for no file, a missing file, a folder or an unknown option', async () => {
    for (const args of [[], [join(work, 'absent.zip')], [work], ['--fast', packet], [packet, packet]]) {
      const { code, stdout, stderr } = await cli(args)
      expect(code, args.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).not.toBe('')
      expect(stderr).not.toMatch(/\n\s+at /)
    }
    expect((await cli([join(work, 'absent.zip')])).stderr).toContain('no such file')
  })

  it('prints the message, never a stack trace, when something unexpected fails; exit 1', async () => {
    const { code, stderr } = await cli([packet], { tmpDir: join(work, 'no-such-folder') })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^Error: .*no-such-folder/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
