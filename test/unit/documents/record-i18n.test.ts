import { expect, it } from 'vitest'
import { documentTranslator } from '../../../src/main/services/documents/record-i18n'

it('translates in the language asked for, whatever another document asked before', () => {
  expect(documentTranslator('ru')('record.sections.facts')).toBe('Реестр фактов')
  expect(documentTranslator('vi')('record.tellingCount', { count: 3 })).toBe('3 lần trình bày')
  expect(documentTranslator('ru')('record.tellingCount', { count: 3 })).toBe('3 версии')
  expect(documentTranslator('ru')('record.tellingCount', { count: 5 })).toBe('5 версий')
  expect(documentTranslator('fr')('record.labelValue', { label: 'Motif', value: '<b>&' })).toBe('Motif : <b>&')
})

it('reports a key the catalogs lack, so the record tests would fail on a raw key', () => {
  const missing: string[] = []
  const t = documentTranslator('fr', (key) => missing.push(key))
  t('record.noSuchLabel')
  expect(missing).toEqual(['record.noSuchLabel'])
})
