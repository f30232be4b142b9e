import { z } from 'zod'

/**
 * The contract's methods for resolution and closure (DESIGN section 4): signing
 * identities, the customer's letter, signing the closure record, and closure
 * packets (export, verify, import). Spread into `methods` in methods.ts.
 */

const fileGrant = z.string().regex(/^grant_[A-Za-z0-9_-]{20,}$/)
const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const taskId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/)
const language = z.enum(['en', 'fr', 'vi', 'ru'])
const identityId = z.string().regex(/^id_[A-Za-z0-9_-]{8,64}$/)
/** SHA-256 fingerprint of a certificate, upper-case hex pairs joined by colons. */
const fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
/** In the harness each identity's key is sealed with a passphrase; in Electron, by the system (safeStorage). */
const passphrase = z.string().max(1024).nullable()

/** Longest case bundle (data/case.json) the renderer may send, in characters. */
export const maxBundleChars = 12_000_000
/** The case bundle as JSON text, exactly as it goes into data/case.json. */
const bundleJson = z.string().min(2).max(maxBundleChars)

const person = z.object({ name: z.string(), email: z.string().nullable(), organisation: z.string().nullable() })

export const identitySummary = z.object({
  id: identityId,
  name: z.string(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  fingerprint,
  algorithm: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Made here, or imported from an organisation's PKCS#12 file. */
  source: z.enum(['created', 'imported']),
  /** Issuer's name: the identity's own for a self-signed certificate. */
  issuer: z.string(),
})

export const trustedCertificate = z.object({
  fingerprint,
  name: z.string(),
  organisation: z.string().nullable(),
  notAfter: z.string(),
})

const signer = person.extend({
  fingerprint,
  certificatePem: z.string(),
})

const checkSchema = z.object({
  check: z.string(),
  /** The file or signer it is about, or null for the packet as a whole. */
  subject: z.string().nullable(),
  ok: z.boolean(),
  /** Stable code of what failed (translated by the renderer), null when ok. */
  problem: z.string().nullable(),
})

export const packetReport = z.object({
  ok: z.boolean(),
  caseRef: z.string().nullable(),
  checks: z.array(checkSchema),
  signers: z.array(
    person.extend({
      fingerprint,
      signingTime: z.string().nullable(),
      /** own: one of this installation's identities; organisation: an imported organisation certificate or issued by one. */
      trust: z.enum(['own', 'organisation', 'untrusted']),
      /** Where the signature was found: the CMS over the tag manifest, the PDF, or both. */
      in: z.enum(['cms', 'pdf', 'both']),
    }),
  ),
})

export const closureMethods = {
  'identity.list': {
    input: z.object({}).strict(),
    output: z.object({
      identities: z.array(identitySummary),
      trusted: z.array(trustedCertificate),
      /** How private keys are kept: sealed by the operating system, or by a passphrase per identity. */
      protection: z.enum(['os', 'passphrase']),
    }),
  },
  'identity.create': {
    input: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().max(200).nullable(),
        organisation: z.string().trim().max(200).nullable(),
        algorithm: z.enum(['ecdsa-p256', 'rsa-3072']),
        passphrase,
      })
      .strict(),
    output: identitySummary,
  },
  'identity.importPkcs12': {
    input: z
      .object({
        /** The .p12/.pfx file picked in dialog.openFile. */
        grant: fileGrant,
        /** The file's own password. */
        password: z.string().max(1024),
        /** Passphrase that will seal the key here (harness), or null (Electron). */
        passphrase,
      })
      .strict(),
    output: identitySummary,
  },
  'identity.remove': {
    input: z.object({ id: identityId }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'identity.importTrusted': {
    input: z.object({ grant: fileGrant }).strict(),
    output: trustedCertificate,
  },
  'identity.removeTrusted': {
    input: z.object({ fingerprint }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  'letter.render': {
    input: z
      .object({
        language,
        organisation: z.string().max(500),
        recipient: z.object({ name: z.string().max(500), address: z.string().max(2000) }).strict(),
        reference: z.string().max(100),
        subject: z.string().max(1000),
        body: z.string().max(100_000),
        signatureName: z.string().max(500),
        /** The letter's date (YYYY-MM-DD). */
        date: z.iso.date(),
      })
      .strict(),
    output: z.object({
      /** The PDF, stored in the vault under this name. */
      sha256,
      size: z.number().int().nonnegative(),
      /** Characters the embedded font cannot draw (shown as "?"), for a warning. */
      unsupportedCharacters: z.array(z.string()),
    }),
  },
  'closure.sign': {
    input: z
      .object({
        /** The case as it stands, for the record's content (rendered on the first signature only). */
        bundleJson,
        /** Language the closure record is written in. */
        language,
        role: z.enum(['handler', 'manager']),
        identityId,
        passphrase,
        /** The record already signed by the handler, to countersign; null to render and sign a new one. */
        recordSha256: sha256.nullable(),
        /** Labels of the resolution codes ticked, in the record's language (custom codes have no built-in label). */
        codeLabels: z.record(z.string().max(100), z.string().max(500)).optional(),
      })
      .strict(),
    output: z.object({
      recordSha256: sha256,
      size: z.number().int().nonnegative(),
      signer,
      signedAt: z.iso.datetime(),
      unsupportedCharacters: z.array(z.string()),
    }),
  },
  'packet.export': {
    input: z
      .object({
        bundleJson,
        /** The case's audit chain, one JSON entry per line (data/audit-log.jsonl). */
        auditJsonl: z.string().max(maxBundleChars),
        /** Target picked in dialog.saveFile. */
        grant: fileGrant,
        /** Names the task (kind "packet-export") for progress events and packet.cancel. */
        taskId,
        /** Identities of this installation that seal the tag manifest (one CMS signer each). */
        seals: z.array(z.object({ identityId, passphrase }).strict()).min(1).max(10),
      })
      .strict(),
    output: z.object({
      name: z.string(),
      bytes: z.number().int().nonnegative(),
      files: z.number().int().nonnegative(),
    }),
  },
  'packet.verify': {
    input: z.object({ grant: fileGrant, taskId }).strict(),
    output: packetReport.extend({ name: z.string() }),
  },
  'packet.import': {
    input: z.object({ grant: fileGrant, taskId }).strict(),
    /** A verified packet's case, with its evidence, letters and record stored in this vault; a failed one has no case. */
    output: z.object({
      report: packetReport.extend({ name: z.string() }),
      bundleJson: z.string().nullable(),
      auditJsonl: z.string().nullable(),
    }),
  },
  'packet.cancel': {
    input: z.object({ taskId }).strict(),
    output: z.object({ canceled: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type PacketReport = z.output<typeof packetReport>
export type IdentitySummary = z.output<typeof identitySummary>
