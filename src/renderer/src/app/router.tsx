import { createHashRouter, Navigate } from 'react-router'
import { CasePage, type CaseSections } from '../features/case-view/case-page'
import { ChronologyPanel } from '../features/chronology/chronology-panel'
import { EvidencePanel } from '../features/evidence/evidence-panel'
import { CasesPage } from '../features/cases/cases-page'
import { IntakePage, NewIntakeRedirect } from '../features/intake/intake-page'
import { CaseReviewPanel } from '../features/review/case-review-panel'
import { LessonsPage } from '../features/review/lessons-page'
import { ReviewPage } from '../features/review/review-page'
import { SettingsPage } from '../features/settings/settings-page'
import { Layout } from './layout'

/** Evidence, chronology and the review's survey and lessons join the case page here, so no feature imports another. */
const caseSections: CaseSections = ({ record, profile }) => (
  <>
    <EvidencePanel record={record} profile={profile} />
    <ChronologyPanel record={record} />
    <CaseReviewPanel record={record} profile={profile} />
  </>
)

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
        { path: 'intake/new', element: <NewIntakeRedirect /> },
        { path: 'intake/:draftId', element: <IntakePage /> },
        { path: 'review', element: <ReviewPage /> },
        { path: 'lessons', element: <LessonsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/cases" replace /> },
      ],
    },
  ])
}
