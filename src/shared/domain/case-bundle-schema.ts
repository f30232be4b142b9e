/**
 * The identity of `data/case.json` in a closure packet: the verifier refuses a
 * file that names another schema, or a version newer than this build knows.
 */
export const caseSchemaName = 'redress.case'

/** Raised when the shape of case.json changes; older versions stay readable. */
export const caseSchemaVersion = 1
