import { createHashRouter, Navigate } from 'react-router'
import { AccountPage } from '../features/accounts/account-page'
import { AccountsSection } from '../features/accounts/accounts-section'
import { BackupPage } from '../features/backup/backup-page'
import { CasePage, type CaseSections } from '../features/case-view/case-page'
import { ClosureSection } from '../features/closure/closure-section'
import { IdentitiesSettings } from '../features/closure/identities-settings'
import { PacketsPage } from '../features/closure/packets-page'
import { ResolutionCodesSettings } from '../features/closure/resolution-codes-settings'
import { ChronologyPanel } from '../features/chronology/chronology-panel'
import { EvidencePanel } from '../features/evidence/evidence-panel'
import { CasesPage } from '../features/cases/cases-page'
import { ComparePage } from '../features/compare/compare-page'
import { FindingsSection } from '../features/findings/findings-section'
import { InterviewPage } from '../features/interviews/interview-page'
import { InterviewsSection } from '../features/interviews/interviews-section'
import { QuestionGuideSettings } from '../features/interviews/question-guide-settings'
import { PartiesSection } from '../features/parties/parties-section'
import { ResolutionSection } from '../features/resolution/resolution-section'
import { IntakePage, NewIntakeRedirect } from '../features/intake/intake-page'
import { CaseReviewPanel } from '../features/review/case-review-panel'
import { LessonsPage } from '../features/review/lessons-page'
import { ReviewPage } from '../features/review/review-page'
import { SettingsPage } from '../features/settings/settings-page'
import { Layout } from './layout'

/** The investigation, the resolution, evidence, chronology and the review's survey and lessons join the case page here, so no feature imports another. */
const caseSections: CaseSections = ({ record, profile }) => {
  // Parties, interviews, accounts and findings begin once triage sends the case to investigation.
  const investigated = record.status === 'investigation' || record.status === 'resolution' || record.status === 'closed'
  return (
    <>
      {investigated ? <PartiesSection record={record} profile={profile} /> : null}
      <EvidencePanel record={record} profile={profile} />
      {investigated ? (
        <>
          <InterviewsSection record={record} profile={profile} />
          <AccountsSection record={record} profile={profile} />
          <FindingsSection record={record} profile={profile} />
          <ResolutionSection record={record} profile={profile} />
        </>
      ) : null}
      <ClosureSection record={record} profile={profile} />
      <ChronologyPanel record={record} />
      <CaseReviewPanel record={record} profile={profile} />
    </>
  )
}

/**
 * Hash routes: the window never navigates (main refuses it), and the same build
 * works from app://redress/ and from the harness without server-side fallbacks.
 */
export function createAppRouter(): ReturnType<typeof createHashRouter> {
  return createHashRouter([
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <Navigate to="/cases" replace /> },
        { path: 'cases', element: <CasesPage /> },
        { path: 'cases/:caseId', element: <CasePage sections={caseSections} /> },
        { path: 'cases/:caseId/interviews/:interviewId', element: <InterviewPage /> },
        { path: 'cases/:caseId/accounts/:accountId', element: <AccountPage /> },
        { path: 'cases/:caseId/compare', element: <ComparePage /> },
        { path: 'intake/new', element: <NewIntakeRedirect /> },
        { path: 'intake/:draftId', element: <IntakePage /> },
        { path: 'review', element: <ReviewPage /> },
        { path: 'lessons', element: <LessonsPage /> },
        {
          path: 'settings',
          element: (
            <SettingsPage
              sections={
                <>
                  <QuestionGuideSettings />
                  <ResolutionCodesSettings />
                  <IdentitiesSettings />
                </>
              }
            />
          ),
        },
        { path: 'packets', element: <PacketsPage /> },
        { path: 'backup', element: <BackupPage /> },
        { path: '*', element: <Navigate to="/cases" replace /> },
      ],
    },
  ])
}
