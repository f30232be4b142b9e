/**
 * Every message of the product: per language, one file per area (locales/<language>/<area>.json),
 * each file owning its top-level keys. English is the reference; test/unit/i18n.test.ts fails on
 * any key missing in another language. A new area adds one import per language here.
 */
import type { Language } from './languages'
import enCommon from './locales/en/common.json'
import enCases from './locales/en/cases.json'
import enReview from './locales/en/review.json'
import enSettings from './locales/en/settings.json'
import enErrors from './locales/en/errors.json'
import enOnboarding from './locales/en/onboarding.json'
import enIntake from './locales/en/intake.json'
import enCaseview from './locales/en/caseview.json'
import enEvidence from './locales/en/evidence.json'
import enViewers from './locales/en/viewers.json'
import enInvestigation from './locales/en/investigation.json'
import enBackup from './locales/en/backup.json'
import enFindings from './locales/en/findings.json'
import enCasework from './locales/en/casework.json'
import enClosure from './locales/en/closure.json'
import enResolution from './locales/en/resolution.json'
import enRecord from './locales/en/record.json'
import frCommon from './locales/fr/common.json'
import frCases from './locales/fr/cases.json'
import frReview from './locales/fr/review.json'
import frSettings from './locales/fr/settings.json'
import frErrors from './locales/fr/errors.json'
import frOnboarding from './locales/fr/onboarding.json'
import frIntake from './locales/fr/intake.json'
import frCaseview from './locales/fr/caseview.json'
import frEvidence from './locales/fr/evidence.json'
import frViewers from './locales/fr/viewers.json'
import frInvestigation from './locales/fr/investigation.json'
import frBackup from './locales/fr/backup.json'
import frFindings from './locales/fr/findings.json'
import frCasework from './locales/fr/casework.json'
import frClosure from './locales/fr/closure.json'
import frResolution from './locales/fr/resolution.json'
import frRecord from './locales/fr/record.json'
import viCommon from './locales/vi/common.json'
import viCases from './locales/vi/cases.json'
import viReview from './locales/vi/review.json'
import viSettings from './locales/vi/settings.json'
import viErrors from './locales/vi/errors.json'
import viOnboarding from './locales/vi/onboarding.json'
import viIntake from './locales/vi/intake.json'
import viCaseview from './locales/vi/caseview.json'
import viEvidence from './locales/vi/evidence.json'
import viViewers from './locales/vi/viewers.json'
import viInvestigation from './locales/vi/investigation.json'
import viBackup from './locales/vi/backup.json'
import viFindings from './locales/vi/findings.json'
import viCasework from './locales/vi/casework.json'
import viClosure from './locales/vi/closure.json'
import viResolution from './locales/vi/resolution.json'
import viRecord from './locales/vi/record.json'
import ruCommon from './locales/ru/common.json'
import ruCases from './locales/ru/cases.json'
import ruReview from './locales/ru/review.json'
import ruSettings from './locales/ru/settings.json'
import ruErrors from './locales/ru/errors.json'
import ruOnboarding from './locales/ru/onboarding.json'
import ruIntake from './locales/ru/intake.json'
import ruCaseview from './locales/ru/caseview.json'
import ruEvidence from './locales/ru/evidence.json'
import ruViewers from './locales/ru/viewers.json'
import ruInvestigation from './locales/ru/investigation.json'
import ruBackup from './locales/ru/backup.json'
import ruFindings from './locales/ru/findings.json'
import ruCasework from './locales/ru/casework.json'
import ruClosure from './locales/ru/closure.json'
import ruResolution from './locales/ru/resolution.json'
import ruRecord from './locales/ru/record.json'

export type Catalog = Readonly<Record<string, unknown>>

export const catalogs: Readonly<Record<Language, Catalog>> = {
  en: {
    ...enCommon,
    ...enCases,
    ...enReview,
    ...enSettings,
    ...enErrors,
    ...enOnboarding,
    ...enIntake,
    ...enCaseview,
    ...enEvidence,
    ...enViewers,
    ...enInvestigation,
    ...enBackup,
    ...enFindings,
    ...enCasework,
    ...enClosure,
    ...enResolution,
    ...enRecord,
  },
  fr: {
    ...frCommon,
    ...frCases,
    ...frReview,
    ...frSettings,
    ...frErrors,
    ...frOnboarding,
    ...frIntake,
    ...frCaseview,
    ...frEvidence,
    ...frViewers,
    ...frInvestigation,
    ...frBackup,
    ...frFindings,
    ...frCasework,
    ...frClosure,
    ...frResolution,
    ...frRecord,
  },
  vi: {
    ...viCommon,
    ...viCases,
    ...viReview,
    ...viSettings,
    ...viErrors,
    ...viOnboarding,
    ...viIntake,
    ...viCaseview,
    ...viEvidence,
    ...viViewers,
    ...viInvestigation,
    ...viBackup,
    ...viFindings,
    ...viCasework,
    ...viClosure,
    ...viResolution,
    ...viRecord,
  },
  ru: {
    ...ruCommon,
    ...ruCases,
    ...ruReview,
    ...ruSettings,
    ...ruErrors,
    ...ruOnboarding,
    ...ruIntake,
    ...ruCaseview,
    ...ruEvidence,
    ...ruViewers,
    ...ruInvestigation,
    ...ruBackup,
    ...ruFindings,
    ...ruCasework,
    ...ruClosure,
    ...ruResolution,
    ...ruRecord,
  },
}
