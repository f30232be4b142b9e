import type { MethodOutput } from '@shared/contract'
import type { CmsVerification } from '../signing/cms'
import type { IdentitySummary, Trust, TrustedCertificateSummary } from '../signing/identity-store'
import type { PdfSignatureReport } from '../signing/pdf-signature'
import type { PacketReport, TrustOf, VerifyCms, VerifyPdf } from '../packet/packet-verify'

type ContractIdentity = MethodOutput<'identity.create'>
type ContractTrusted = MethodOutput<'identity.importTrusted'>
type ContractReport = Omit<MethodOutput<'packet.verify'>, 'name'>

/** A stored identity as the renderer sees it: who, which certificate, never the key. */
export function describeIdentity(identity: IdentitySummary): ContractIdentity {
  return {
    id: identity.id,
    name: identity.subject.name,
    email: identity.subject.email || null,
    organisation: identity.subject.organisation || null,
    fingerprint: identity.fingerprint,
    algorithm: identity.keyAlgorithm,
    notBefore: identity.notBefore,
    notAfter: identity.notAfter,
    source: identity.source,
    issuer: identity.issuerName,
  }
}

export function describeTrusted(certificate: TrustedCertificateSummary): ContractTrusted {
  return {
    fingerprint: certificate.fingerprint,
    name: certificate.subject.name,
    organisation: certificate.subject.organisation || null,
    notAfter: certificate.notAfter,
  }
}

/** The signing services in the shape the packet verifier takes them (it is written against functions, not modules). */
export function packetCrypto(services: {
  verifyDetached: (der: Uint8Array, content: Uint8Array) => CmsVerification
  verifyPdfSignatures: (pdf: Uint8Array) => PdfSignatureReport[]
  trustOf: (certificateDer: Uint8Array) => Promise<Trust>
}): { verifyCms: VerifyCms; verifyPdf: VerifyPdf; trustOf: TrustOf } {
  const subject = (s: { name: string; email: string | null; organisation: string | null }) => ({
    name: s.name,
    email: s.email || null,
    organisation: s.organisation || null,
  })
  return {
    verifyCms: async (der, content) => ({
      signers: services.verifyDetached(der, content).signers.map((s) => ({
        subject: subject(s.subject),
        fingerprint: s.fingerprint,
        signingTime: s.signingTime,
        certificateDer: s.certificateDer,
        valid: s.valid,
        problem: s.problem,
      })),
    }),
    verifyPdf: async (pdf) =>
      services.verifyPdfSignatures(pdf).map((s) => ({
        index: s.index,
        signerName: s.signerName || null,
        subject: subject(s.subject),
        fingerprint: s.fingerprint,
        signingTime: s.signingTime,
        certificateDer: s.certificateDer,
        valid: s.valid,
        coversWholeDocument: s.coversWholeDocument,
        problem: s.problem,
      })),
    trustOf: services.trustOf,
  }
}

/** The verifier's report without the local folder it may have extracted to. */
export function toContractReport(report: PacketReport): ContractReport {
  return {
    ok: report.ok,
    caseRef: report.caseRef,
    checks: report.checks.map((c) => ({ check: c.check, subject: c.subject, ok: c.ok, problem: c.problem })),
    signers: report.signers
      .filter((s) => /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(s.fingerprint))
      .map((s) => ({
        name: s.name,
        email: s.email,
        organisation: s.organisation,
        fingerprint: s.fingerprint,
        signingTime: s.signingTime,
        trust: s.trust,
        in: s.in,
      })),
  }
}
