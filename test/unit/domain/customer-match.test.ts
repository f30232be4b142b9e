import { describe, expect, it } from 'vitest'
import { customerKeys, matchReasons } from '../../../src/shared/domain/customer-match'

const who = (name: string, phone = '', email = ''): { name: string; phone: string; email: string } => ({
  name,
  phone,
  email,
})

describe('customerKeys: names', () => {
  it.each([
    // Vietnamese: order and diacritics vary.
    ['Nguyen Van An', 'An Nguyễn Văn'],
    ['Nguyễn Văn Đức', 'NGUYEN VAN DUC'],
    ['Trần Thị Hồng', 'Hồng Trần Thị'],
    // French: accents, hyphens, apostrophes, case.
    ['Jean-Pierre Lefèvre', 'Lefevre Jean Pierre'],
    ["Élodie D'Artagnan", 'elodie dartagnan'],
    ['Élodie D’Artagnan', "Elodie D'Artagnan"],
    ['Marie-Hélène  Dupont ', 'dupont marie helene'],
    // Russian: case, ё, family name first or last.
    ['Иванов Пётр Сергеевич', 'пётр сергеевич иванов'],
    ['Ёлкина Мария', 'Мария Елкина'],
    // English: initials with dots, apostrophes.
    ['J. R. Smith', 'Smith J R'],
    ["Patrick O'Brien", 'OBrien, Patrick'],
  ])('%j and %j give the same name key', (a, b) => {
    expect(customerKeys(who(a)).name).toBe(customerKeys(who(b)).name)
    expect(customerKeys(who(a)).name).not.toBe('')
  })

  it('sorts the tokens and joins them with one space', () => {
    expect(customerKeys(who('  Nguyễn   Văn An ')).name).toBe('an nguyen van')
    expect(customerKeys(who('Jean-Pierre Lefèvre')).name).toBe('jean lefevre pierre')
  })

  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn Anh'],
    ['Marie Dupont', 'Marie Dupond'],
    ['Иванов Пётр', 'Иванова Пётр'],
  ])('tells %j from %j', (a, b) => {
    expect(customerKeys(who(a)).name).not.toBe(customerKeys(who(b)).name)
  })

  it('gives an empty key for a name without letters', () => {
    expect(customerKeys(who(' - . ')).name).toBe('')
  })
})

describe('customerKeys: phones', () => {
  it.each([
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['+33 (0)6 12 34 56 78', '06.12.34.56.78'],
    ['0033 612 345 678', '0612345678'],
    ['+84 90 123 4567', '090 123 4567'],
    ['0084 90 123 4567', '0901234567'],
    ['+84.90.123.45.67', '(090) 123-4567'],
    ['+7 912 345-67-89', '8 (912) 345 67 89'],
    ['+1 (212) 555-0100', '212.555.0100'],
  ])('%j and %j give the same phone key', (a, b) => {
    const ka = customerKeys(who('', a)).phone
    expect(ka).toHaveLength(9)
    expect(ka).toBe(customerKeys(who('', b)).phone)
  })

  it('keeps the last nine digits', () => {
    expect(customerKeys(who('', '+33 6 12 34 56 78')).phone).toBe('612345678')
    expect(customerKeys(who('', '+84 90 123 4567')).phone).toBe('901234567')
  })

  it('keeps shorter numbers whole and ignores fewer than six digits', () => {
    expect(customerKeys(who('', '12 34 56')).phone).toBe('123456')
    expect(customerKeys(who('', '1234 5')).phone).toBe('')
    expect(customerKeys(who('', 'ext. 12')).phone).toBe('')
    expect(customerKeys(who('', '')).phone).toBe('')
  })

  it('tells different numbers apart', () => {
    expect(customerKeys(who('', '06 12 34 56 78')).phone).not.toBe(customerKeys(who('', '06 12 34 56 79')).phone)
  })
})

describe('customerKeys: emails', () => {
  it('trims and lower-cases', () => {
    expect(customerKeys(who('', '', '  Elodie.Martin@Example.FR ')).email).toBe('elodie.martin@example.fr')
    expect(customerKeys(who('', '', 'NGUYEN@mail.VN')).email).toBe(customerKeys(who('', '', 'nguyen@mail.vn')).email)
  })

  it('is empty without an @', () => {
    expect(customerKeys(who('', '', 'not an email')).email).toBe('')
    expect(customerKeys(who('', '', '   ')).email).toBe('')
  })
})

describe('matchReasons', () => {
  const elodie = customerKeys(who('Élodie Martin', '+33 6 12 34 56 78', 'Elodie@Example.fr'))

  it('lists every shared key', () => {
    const same = customerKeys(who('MARTIN Elodie', '06 12 34 56 78', 'elodie@example.fr '))
    expect(matchReasons(elodie, same)).toEqual(['name', 'phone', 'email'])
  })

  it('lists only the shared keys', () => {
    expect(matchReasons(elodie, customerKeys(who('Paul Martin', '0612345678', '')))).toEqual(['phone'])
    expect(matchReasons(elodie, customerKeys(who('Paul Martin', '', 'elodie@example.fr')))).toEqual(['email'])
    expect(matchReasons(elodie, customerKeys(who('Elodie Martin', '', '')))).toEqual(['name'])
    expect(matchReasons(elodie, customerKeys(who('Paul Durand', '0700000000', 'paul@example.fr')))).toEqual([])
  })

  it('never matches on empty keys', () => {
    const blank = customerKeys(who('', '', ''))
    expect(matchReasons(blank, blank)).toEqual([])
    const short = customerKeys(who('', '123', 'none'))
    expect(matchReasons(short, customerKeys(who('', '123', 'none')))).toEqual([])
  })
})
