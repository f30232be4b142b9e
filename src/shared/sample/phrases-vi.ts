import type { DeclineReason } from '../domain/case'
import {
  asciiLocal,
  cap,
  compose,
  lastOnly,
  digits,
  datePhrases,
  memo,
  groupDigits,
  scenarioGroup,
  stripAccents,
  type CommonLines,
  pickEscalationNote,
  type ContactVariant,
  type EscalationNotes,
  type Facts,
  type Outcome,
  type Person,
  type PhraseBank,
  type ProductKey,
  type Scenario,
  type ScenarioLines,
  type StaffRole,
  type StoreKey,
} from './bank'
import { chance, int, pick, weighted, type Rng } from './prng'

// Family names by their rough share of the population: Nguyễn alone is about four in ten.
const family = weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4],
  ['Vũ', 3],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 1],
  ['Lý', 1],
])
const menMiddle = ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành', 'Công', 'Gia', 'Xuân', 'Quang']
const womenMiddle = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Thùy', 'Phương', 'Mai']
const menGiven = [
  'Đức',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Quang',
  'Hải',
  'Nam',
  'Sơn',
  'Long',
  'Khánh',
  'Phúc',
  'Huy',
  'Bảo',
  'Trung',
  'Thắng',
  'Cường',
  'Việt',
  'Lâm',
  'Tâm',
]
const womenGiven = [
  'Ngọc',
  'Lan',
  'Hương',
  'Thảo',
  'Linh',
  'Trang',
  'Mai',
  'Huyền',
  'Hạnh',
  'Yến',
  'Nhung',
  'Hà',
  'Vy',
  'Quỳnh',
  'Ánh',
  'Loan',
  'Hằng',
  'Oanh',
  'Phượng',
  'Thư',
  'Bích Ngọc',
  'Thu Hà',
  'Minh Anh',
  'Khánh Linh',
  'Ngọc Ánh',
]

type District = readonly [string, readonly string[], readonly string[]]

const hanoi: readonly District[] = [
  [
    'Đống Đa',
    ['Trung Liệt', 'Quang Trung', 'Láng Thượng', 'Khương Thượng'],
    ['Tây Sơn', 'Chùa Bộc', 'Thái Hà', 'Xã Đàn'],
  ],
  ['Ba Đình', ['Kim Mã', 'Ngọc Khánh', 'Đội Cấn', 'Liễu Giai'], ['Kim Mã', 'Đội Cấn', 'Liễu Giai', 'Nguyễn Chí Thanh']],
  [
    'Cầu Giấy',
    ['Dịch Vọng', 'Nghĩa Đô', 'Quan Hoa', 'Yên Hòa'],
    ['Trần Duy Hưng', 'Cầu Giấy', 'Hoàng Quốc Việt', 'Xuân Thủy'],
  ],
  [
    'Thanh Xuân',
    ['Khương Mai', 'Nhân Chính', 'Thanh Xuân Trung'],
    ['Trường Chinh', 'Nguyễn Trãi', 'Lê Văn Lương', 'Khuất Duy Tiến'],
  ],
  ['Hai Bà Trưng', ['Bạch Mai', 'Minh Khai', 'Lê Đại Hành'], ['Bạch Mai', 'Minh Khai', 'Lò Đúc', 'Đại Cồ Việt']],
]
const saigon: readonly District[] = [
  [
    'Quận 1',
    ['phường Bến Nghé', 'phường Đa Kao', 'phường Bến Thành'],
    ['Lê Lợi', 'Nguyễn Thị Minh Khai', 'Điện Biên Phủ', 'Trần Hưng Đạo'],
  ],
  [
    'Quận 3',
    ['Phường 6', 'phường Võ Thị Sáu', 'Phường 9'],
    ['Võ Văn Tần', 'Cách Mạng Tháng Tám', 'Nguyễn Đình Chiểu', 'Lê Văn Sỹ'],
  ],
  ['quận Bình Thạnh', ['Phường 25', 'Phường 22', 'Phường 15'], ['Điện Biên Phủ', 'Xô Viết Nghệ Tĩnh', 'Nguyễn Xí']],
  ['quận Phú Nhuận', ['Phường 2', 'Phường 7', 'Phường 10'], ['Phan Xích Long', 'Phan Đăng Lưu', 'Hoàng Văn Thụ']],
  ['quận Tân Bình', ['Phường 4', 'Phường 12', 'Phường 2'], ['Cộng Hòa', 'Trường Chinh', 'Hoàng Văn Thụ']],
  [
    'Quận 7',
    ['phường Tân Phong', 'phường Tân Phú', 'phường Tân Hưng'],
    ['Nguyễn Văn Linh', 'Nguyễn Thị Thập', 'Huỳnh Tấn Phát'],
  ],
]
const danang: readonly District[] = [
  ['Hải Châu', ['Hải Châu 1', 'Thạch Thang', 'Nam Dương'], ['Bạch Đằng', 'Lê Duẩn', 'Nguyễn Văn Linh']],
  ['Sơn Trà', ['Phước Mỹ', 'An Hải Bắc'], ['Võ Nguyên Giáp', 'Ngô Quyền']],
  ['Liên Chiểu', ['Hòa Minh', 'Hòa Khánh Bắc'], ['Tôn Đức Thắng', 'Nguyễn Lương Bằng']],
]
const mobilePrefixes = ['90', '91', '93', '94', '96', '97', '98', '86', '88', '83', '35', '38', '70', '77']

function vietnamesePhone(d: string, style: number): string {
  if (style === 0) return `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`
  if (style === 1) return `0${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`
  if (style === 2) return `0${d}`
  if (style === 3) return `+84 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`
  return `0${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`
}

function address(rng: Rng, city: 'hanoi' | 'hcmc' | 'danang'): string {
  if (city === 'hanoi') {
    const [district, wards, streets] = pick(rng, hanoi)
    const lane = chance(rng, 0.6) ? `, ngõ ${int(rng, 2, 180)}` : ''
    return `Số ${int(rng, 1, 120)}${lane} phố ${pick(rng, streets)}, phường ${pick(rng, wards)}, quận ${district}\nHà Nội`
  }
  if (city === 'hcmc') {
    const [district, wards, streets] = pick(rng, saigon)
    // Saigon alleys are written with a slash: 45/12 is house 12 in alley 45.
    const number = chance(rng, 0.5) ? `${int(rng, 2, 300)}/${int(rng, 1, 60)}` : String(int(rng, 1, 400))
    return `${number} đường ${pick(rng, streets)}, ${pick(rng, wards)}, ${district}\nTP. Hồ Chí Minh`
  }
  const [district, wards, streets] = pick(rng, danang)
  return `${int(rng, 1, 300)} ${pick(rng, streets)}, phường ${pick(rng, wards)}, quận ${district}\nĐà Nẵng`
}

type EmailForm = (given: string, family: string, middle: string, rng: Rng) => string

// nguyenvanduc88, duc.nguyen, ducnv (the office style: given name, then initials)…
const emailForms: readonly EmailForm[] = [
  (g, f, m, rng) => `${f}${m}${g}${int(rng, 75, 99)}`,
  (g, f) => `${g}.${f}`,
  (g, f, m) => `${g}${f[0]}${m[0]}`,
  (g, f, _m, rng) => `${f}${g}${int(rng, 1975, 2003)}`,
  (g, f) => `${g}${f}`,
]

function person(rng: Rng): Person {
  const fem = chance(rng, 0.55)
  const fam = family(rng)
  const given = pick(rng, fem ? womenGiven : menGiven)
  let middle = pick(rng, fem ? womenMiddle : menMiddle)
  if (given.includes(' ') || given === middle) middle = fem ? 'Thị' : 'Văn'
  const r = rng()
  const city = r < 0.5 ? 'hanoi' : r < 0.85 ? 'hcmc' : 'danang'
  const phoneDigits = `${pick(rng, mobilePrefixes)}${digits(rng, 7)}`
  const g = asciiLocal(given)
  const f = asciiLocal(fam)
  const m = asciiLocal(middle)
  const local = pick(rng, emailForms)(g, f, m, rng)
  return {
    language: 'vi',
    fem,
    given,
    family: fam,
    patronymic: '',
    name: `${fam} ${middle} ${given}`,
    address: address(rng, city),
    phone: vietnamesePhone(phoneDigits, int(rng, 0, 4)),
    email: `${local}@${pick(rng, ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com.vn', 'outlook.com', 'fpt.vn'])}`,
    phoneDigits,
    region: city,
  }
}

function variant(rng: Rng, p: Person): ContactVariant {
  const r = rng()
  // Names typed on keyboards without a Vietnamese layout lose their diacritics.
  const name = r < 0.5 ? stripAccents(p.name) : r < 0.7 ? p.name.toUpperCase() : p.name
  const email = chance(rng, 0.3) ? p.email.replace(/^./, (ch) => ch.toUpperCase()) : p.email
  return { name, phone: vietnamesePhone(p.phoneDigits, int(rng, 0, 4)), email }
}

interface ViProduct {
  readonly n: string
  /** Classifier: chiếc máy giặt, bộ ghế sofa, tấm nệm. */
  readonly cl: string
}

const products: Readonly<Record<ProductKey, ViProduct>> = {
  washer: { n: 'máy giặt', cl: 'chiếc' },
  fridge: { n: 'tủ lạnh', cl: 'chiếc' },
  laptop: { n: 'máy tính xách tay', cl: 'chiếc' },
  phone: { n: 'điện thoại', cl: 'chiếc' },
  tv: { n: 'tivi', cl: 'chiếc' },
  vacuum: { n: 'máy hút bụi không dây', cl: 'chiếc' },
  microwave: { n: 'lò vi sóng', cl: 'chiếc' },
  coffee: { n: 'máy pha cà phê', cl: 'chiếc' },
  kettle: { n: 'ấm siêu tốc', cl: 'cái' },
  heater: { n: 'máy sưởi dầu', cl: 'chiếc' },
  sofa: { n: 'ghế sofa góc', cl: 'bộ' },
  mattress: { n: 'nệm', cl: 'tấm' },
  printer: { n: 'máy in', cl: 'chiếc' },
  speaker: { n: 'loa bluetooth', cl: 'chiếc' },
  hairdryer: { n: 'máy sấy tóc', cl: 'chiếc' },
  scooter: { n: 'xe đạp điện', cl: 'chiếc' },
}

const roles: Readonly<Record<StaffRole, string>> = {
  sales: 'nhân viên bán hàng',
  cashier: 'nhân viên thu ngân',
  security: 'nhân viên bảo vệ',
  driver: 'nhân viên giao hàng',
  manager: 'cửa hàng trưởng',
  agent: 'nhân viên tổng đài',
  technician: 'kỹ thuật viên',
}

const stores: Readonly<Record<StoreKey, string>> = {
  lyon: 'cửa hàng ở Lyon',
  hanoi: 'chi nhánh Hà Nội',
  hcmc: 'chi nhánh TP. Hồ Chí Minh',
  moscow: 'điểm nhận hàng ở Moskva',
}

interface C {
  readonly p: string
  /** With its classifier: chiếc máy giặt. */
  readonly cp: string
  readonly Cp: string
  readonly price: string
  readonly charged: string
  readonly refund: string
  readonly comp: string
  readonly when: string
  readonly When: string
  readonly Since: string
  readonly role: string
  readonly Role: string
  readonly store: string
  readonly order: string
  readonly days: number
  readonly weeks: number
  readonly months: number
  readonly times: string
}

const formatMoney = memo((key: number): string => {
  const style = key % 4
  const n = groupDigits((key - style) / 4, '.')
  if (style === 0) return `${n} đ`
  if (style === 1) return `${n}đ`
  if (style === 2) return `${n} VNĐ`
  return `${n} đồng`
})

/** "14.790.000 đ", "14.790.000đ", "14.790.000 VNĐ" or "14.790.000 đồng": each customer has a habit. */
function money(amount: number, style: number): string {
  return formatMoney(Math.round(amount) * 4 + style)
}

const dates = datePhrases((e) => {
  if (e.precision === 'day') {
    const date = `ngày ${e.day}/${e.month}${e.yearsAgo === 0 ? '' : `/${e.year}`}`
    return { when: date, since: `từ ${date}` }
  }
  if (e.precision === 'month') {
    const month = `tháng ${e.month}${e.yearsAgo === 0 ? '' : e.yearsAgo === 1 ? ' năm ngoái' : `/${e.year}`}`
    return { when: `vào ${month}`, since: `từ ${month}` }
  }
  if (e.yearsAgo === 0) return { when: 'hồi đầu năm nay', since: 'từ đầu năm nay' }
  if (e.yearsAgo === 1) return { when: 'năm ngoái', since: 'từ năm ngoái' }
  return { when: `năm ${e.year}`, since: `từ năm ${e.year}` }
})

const classified = Object.fromEntries(
  Object.entries(products).map(([key, p]) => [key, { cp: `${p.cl} ${p.n}`, Cp: cap(`${p.cl} ${p.n}`) }]),
) as Record<ProductKey, { readonly cp: string; readonly Cp: string }>
const capitalRoles = Object.fromEntries(Object.entries(roles).map(([key, r]) => [key, cap(r)])) as Record<
  StaffRole,
  string
>
const times = ['hai lần', 'ba lần', 'bốn lần', 'năm lần']

const context = lastOnly((f: Facts): C => {
  const d = dates(f)
  const forms = classified[f.product]
  const s = f.moneyStyle
  const price = money(f.price, s)
  return {
    p: products[f.product].n,
    cp: forms.cp,
    Cp: forms.Cp,
    price,
    charged: f.charged === f.price ? price : money(f.charged, s),
    refund: f.refund === f.price ? price : money(f.refund, s),
    comp: money(f.compensation, s),
    when: d.when,
    When: d.When,
    Since: d.Since,
    role: roles[f.role],
    Role: capitalRoles[f.role],
    store: stores[f.store],
    order: `DH${f.orderNo}`,
    days: f.days,
    weeks: f.weeks,
    months: f.months,
    times: times[f.times % 4] as string,
  }
})

const online: readonly ((c: C) => string)[] = [
  (c) => `Tôi đặt mua một ${c.cp} trên website của quý công ty (mã đơn ${c.order}) với giá ${c.price}.`,
  (c) => `Tôi mua một ${c.cp} qua cửa hàng trực tuyến của quý công ty, giá ${c.price}.`,
  (c) => `Đơn hàng ${c.order} của tôi là một ${c.cp} trị giá ${c.price}, giao tận nhà.`,
]
const inStore: readonly ((c: C) => string)[] = [
  (c) => `Tôi mua một ${c.cp} tại ${c.store} với giá ${c.price}.`,
  (c) => `Tôi viết thư này về ${c.cp} mua tại ${c.store}, giá ${c.price}.`,
  (c) => `Tôi đã trả ${c.price} cho một ${c.cp} ở ${c.store}.`,
]
const bought = [...online, ...inStore]
const visit: readonly ((c: C) => string)[] = [
  (c) => `Tôi đi mua sắm tại ${c.store} cùng con trai.`,
  (c) => `Tôi đến ${c.store} để xem ${c.p}.`,
  (c) => `Tôi là khách hàng quen của ${c.store}.`,
]

const lines: Readonly<Record<Scenario, ScenarioLines<C>>> = {
  delivery_late: {
    openings: online,
    problems: [
      (c) => `Đơn hàng hẹn giao ${c.when} nhưng không ai đến, cũng không gọi điện hay nhắn tin.`,
      (c) => `${c.When}, tôi ở nhà chờ cả ngày nhưng hàng không được giao.`,
      (c) => `Hàng hẹn giao ${c.when} nhưng trễ ${c.days} ngày tôi mới nhận được.`,
      (c) => `Đã ${c.days} ngày trôi qua kể từ ngày hẹn mà tôi vẫn chưa nhận được hàng.`,
      (c) => `Website báo giao hàng ${c.when}, nhưng từ đó đến nay trạng thái đơn vẫn là "đang xử lý".`,
    ],
    details: [
      () => 'Tôi đã phải xin nghỉ làm một ngày để chờ, rốt cuộc chẳng được gì.',
      (c) => `Lần nào gọi lên cũng được trả lời là ${c.p} "đang trên đường giao".`,
      () => 'Không ai báo cho tôi về việc chậm trễ, tôi phải tự tra cứu mới biết.',
      () => 'Tôi còn trả thêm phí giao hàng nhanh.',
    ],
  },
  delivery_damaged: {
    openings: online,
    problems: [
      (c) => `Khi nhận hàng ${c.when}, thùng carton bị bẹp và ${c.p} bên trong bị móp.`,
      (c) =>
        `${c.When}, nhân viên giao hàng để thùng hàng trước cửa nhà tôi dưới trời mưa, ${c.p} bên trong đã bị hỏng.`,
      (c) => `${c.Cp} giao ${c.when} bị trầy xước nặng và gãy một chi tiết, rõ ràng không phải hàng mới.`,
      (c) => `Tôi mở hộp ngay trước mặt nhân viên giao hàng ${c.when} và ${c.p} đã bị hỏng.`,
    ],
    details: [
      () => 'Nhân viên giao hàng không chịu chờ để tôi kiểm tra hàng.',
      () => 'Tôi đã ghi "thùng hàng bị hư hại" vào phiếu giao hàng và chụp ảnh lại.',
      () => 'Tôi vẫn giữ nguyên thùng và bao bì nếu quý công ty cần kiểm tra.',
    ],
  },
  billing_double: {
    openings: bought,
    problems: [
      (c) => `Tôi bị trừ tiền hai lần cho cùng một đơn hàng: hai khoản ${c.price} ${c.when}.`,
      (c) => `Sao kê ngân hàng cho thấy ${c.p} bị thanh toán hai lần, mỗi lần ${c.price}.`,
      (c) =>
        `${c.When}, máy POS báo thanh toán không thành công nên tôi quẹt thẻ lần nữa, kết quả là cả hai lần ${c.price} đều bị trừ.`,
    ],
    details: [
      () => 'Ngân hàng nói khoản hoàn tiền phải do cửa hàng thực hiện.',
      () => 'Số tiền này tôi để dành đóng tiền nhà tháng này.',
      () => 'Tôi đã gửi bản sao kê cho quý công ty.',
    ],
  },
  billing_wrong: {
    openings: inStore,
    problems: [
      (c) => `Tôi bị tính ${c.charged} thay vì ${c.price} như giá niêm yết trên kệ.`,
      (c) => `Hóa đơn tôi nhận ${c.when} ghi ${c.charged}, trong khi giá đã thỏa thuận là ${c.price}.`,
      (c) =>
        `Đơn hàng của tôi bị cộng thêm gói bảo hành mở rộng mà tôi không hề yêu cầu, nên tôi phải trả ${c.charged} thay vì ${c.price}.`,
      (c) =>
        `Chương trình khuyến mãi cho ${c.p} không được áp dụng khi thanh toán: tôi trả ${c.charged} thay vì ${c.price}.`,
    ],
    details: [
      (c) => `${c.Role} nói rằng "hệ thống không thể sai".`,
      () => 'Tôi vẫn giữ hóa đơn và ảnh chụp bảng giá.',
      () => 'Không ai giải thích được cho tôi khoản chênh lệch này.',
    ],
  },
  staff_rude: {
    openings: visit,
    problems: [
      (c) => `${c.When}, ${c.role} tại ${c.store} đã nói chuyện với tôi rất thô lỗ trước mặt các khách hàng khác.`,
      (c) => `${c.When}, khi tôi nhờ ${c.role} tư vấn, tôi chỉ nhận được câu "tự lên mạng mà xem" rồi bị bỏ mặc.`,
      (c) => `${c.When}, ${c.role} đã lớn tiếng quát tôi chỉ vì tôi muốn đổi hàng.`,
      (c) => `${c.When}, tôi gọi lên tổng đài và nhân viên trả lời cộc lốc, ngắt lời tôi rồi cúp máy.`,
    ],
    details: [
      () => 'Các khách hàng khác đều chứng kiến, một người còn xin lỗi thay cho nhân viên của cửa hàng.',
      () => 'Tôi hỏi tên người quản lý ca nhưng bị từ chối.',
      () => 'Tôi cảm thấy bị xúc phạm.',
      () => 'Tôi đã lớn tuổi mà chưa bao giờ bị đối xử như vậy.',
    ],
  },
  defect: {
    openings: bought,
    problems: [
      (c) => `${c.Cp} đã bị hỏng chỉ sau ${c.weeks} tuần sử dụng.`,
      (c) => `${c.Since}, ${c.p} cứ tự tắt và phát ra tiếng kêu lạch cạch.`,
      (c) => `${c.Cp} bị lỗi ngay từ đầu: bật lên lúc được lúc không.`,
      (c) => `${c.When}, ${c.p} hỏng hẳn và hiện mã lỗi mà sách hướng dẫn không hề giải thích.`,
    ],
    details: [
      () => 'Tôi đã làm đúng theo sách hướng dẫn.',
      () => 'Tôi đã thử khôi phục cài đặt gốc theo hướng dẫn của tổng đài nhưng không được.',
      () => 'Máy gần như chưa dùng đến.',
      () => 'Tôi có quay video lại lỗi này.',
    ],
  },
  refund_refused: {
    openings: online,
    problems: [
      (c) =>
        `Tôi mang ${c.p} đến trả trong vòng 7 ngày, còn nguyên hộp, nhưng ${c.role} từ chối hoàn tiền và chỉ đưa phiếu mua hàng.`,
      (c) => `${c.When}, tôi mang ${c.p} kèm hóa đơn đến trả thì được trả lời là mặt hàng này "không được hoàn tiền".`,
      (c) =>
        `${c.When}, quý công ty đã xác nhận qua email sẽ hoàn ${c.refund} cho tôi, nhưng đến nay tôi vẫn chưa nhận được tiền.`,
      (c) => `Tôi đã hủy đơn ${c.when}, trước khi hàng được gửi đi, mà đến giờ vẫn chưa được hoàn ${c.refund}.`,
    ],
    details: [
      () => 'Chính sách đổi trả trên website của quý công ty ghi rõ được trả hàng trong 7 ngày.',
      () => 'Sản phẩm còn nguyên hộp, đầy đủ phụ kiện.',
      () => 'Ba tuần liền tôi đều được hẹn "tuần sau".',
    ],
  },
  safety_fall: {
    openings: visit,
    problems: [
      (c) => `${c.When}, tôi bị trượt ngã trên sàn ướt gần lối vào ${c.store} mà không hề có biển cảnh báo.`,
      (c) => `${c.When}, một thùng hàng nặng từ kệ cao ở ${c.store} rơi trúng vai tôi.`,
      (c) => `${c.When}, tôi vấp phải một pallet để giữa lối đi ở ${c.store} và bị ngã.`,
    ],
    details: [
      () => 'Tôi phải vào phòng cấp cứu và bị bong gân cổ tay.',
      () => 'Bác sĩ cho tôi nghỉ làm mười ngày.',
      () => 'Không có nhân viên nào đến giúp hay ghi nhận sự việc.',
      () => 'Con trai nhỏ của tôi đi cùng và rất hoảng sợ.',
    ],
  },
  safety_overheat: {
    openings: bought,
    problems: [
      (c) => `${c.When}, ${c.p} bị quá nhiệt và bốc khói dù tôi sử dụng bình thường.`,
      (c) => `${c.When}, ${c.p} bốc mùi nhựa cháy nồng nặc và phần vỏ bị chảy.`,
      (c) => `${c.When}, ${c.p} nóng đến mức tôi bị bỏng tay khi chạm vào.`,
      (c) => `${c.When}, ${c.p} tóe lửa và làm nhảy aptomat cả căn hộ.`,
    ],
    details: [
      () => 'Suýt nữa thì cháy nhà, trong khi các con tôi đang ngủ ở phòng bên cạnh.',
      () => 'Tôi đã rút điện và giữ nguyên hiện trạng để quý công ty kiểm tra.',
      () => 'Tôi có chụp ảnh các vết cháy.',
    ],
  },
  privacy: {
    openings: online,
    problems: [
      (c) =>
        `${c.When}, tôi nhận được email của quý công ty có tên, địa chỉ và chi tiết đơn hàng của một khách hàng khác.`,
      (c) => `Từ khi mua ${c.p}, tôi liên tục nhận được cuộc gọi và tin nhắn quảng cáo dù chưa bao giờ đồng ý.`,
      (c) => `${c.When}, ${c.role} dùng điện thoại cá nhân chụp căn cước công dân của tôi khi tôi nhận hàng.`,
      (c) => `${c.When}, tôi đã yêu cầu xóa dữ liệu cá nhân của mình nhưng đến nay vẫn chưa nhận được xác nhận.`,
    ],
    details: [
      () => 'Tôi muốn biết ai có quyền truy cập dữ liệu của tôi và để làm gì.',
      () => 'Như vậy thông tin của tôi cũng có thể đã bị gửi cho người khác.',
      () => 'Tôi chưa bao giờ đánh dấu đồng ý nhận quảng cáo.',
    ],
  },
  warranty: {
    openings: bought,
    problems: [
      (c) =>
        `${c.Cp} hỏng sau ${c.months} tháng sử dụng, vẫn còn bảo hành, nhưng trung tâm bảo hành nói lỗi này "không thuộc diện bảo hành".`,
      (c) => `${c.When}, tôi gửi ${c.p} đi bảo hành và đã ${c.days} ngày nay không có tin tức gì.`,
      (c) => `${c.When}, kỹ thuật viên nói lỗi do tôi sử dụng sai cách, điều này không đúng, và đòi tôi trả tiền sửa.`,
      (c) => `Đây là lần thứ ba ${c.p} phải mang đi bảo hành vì cùng một lỗi.`,
    ],
    details: [
      () => 'Tôi có đầy đủ hóa đơn và phiếu bảo hành.',
      (c) => `Mỗi tuần không có ${c.p} là tôi lại tốn thêm tiền.`,
      (c) => `Không ai trả lời được hiện giờ ${c.p} của tôi đang ở đâu.`,
    ],
  },
}

const common: CommonLines<C> = {
  followUps: [
    (c) => `Tôi đã gọi tổng đài ${c.times}, lần nào cũng được hứa sẽ gọi lại nhưng không ai gọi.`,
    () => 'Tôi đã gửi hai email nhưng chỉ nhận được thư trả lời tự động.',
    (c) => `Tôi đã phản ánh với ${c.role} nhưng chỉ được bảo viết thư cho quý công ty.`,
    () => 'Tôi vẫn giữ hóa đơn và ảnh chụp đầy đủ.',
    () => 'Chatbot trên website cứ dẫn tôi về cùng một trang hướng dẫn.',
  ],
  feelings: [
    () => 'Tôi là khách hàng lâu năm và thực sự rất thất vọng.',
    () => 'Cách làm việc như vậy là không thể chấp nhận được.',
    () => 'Tôi đã nghỉ hưu, số tiền này với tôi không nhỏ.',
    () => 'Thật lòng tôi đã kỳ vọng nhiều hơn ở một công ty như quý công ty.',
    () => 'Việc này làm tôi mất rất nhiều thời gian và bực mình.',
  ],
  closings: [
    () => 'Đề nghị quý công ty giải quyết sớm cho tôi.',
    () => 'Nếu trong hai tuần không nhận được phản hồi, tôi sẽ gửi đơn đến Hội Bảo vệ quyền lợi người tiêu dùng.',
    () => 'Mong quý công ty phản hồi bằng văn bản.',
    () => 'Rất mong sớm nhận được phản hồi.',
  ],
}

function remedy(rng: Rng, f: Facts): string {
  const c = context(f)
  switch (f.remedy) {
    case 'refund':
      return pick(rng, [
        `Hoàn lại toàn bộ ${c.refund}.`,
        `Hoàn ${c.refund} vào thẻ của tôi.`,
        `Tôi muốn được trả lại tiền: ${c.refund}.`,
      ])
    case 'replacement':
      return pick(rng, [`Đổi ${c.cp} mới, giao miễn phí.`, 'Đổi sản phẩm mới hoặc hoàn tiền.'])
    case 'apology':
      if (f.scenario === 'privacy')
        return pick(rng, [
          'Xóa toàn bộ dữ liệu cá nhân của tôi và xác nhận bằng văn bản.',
          'Giải thích dữ liệu của tôi đã được sử dụng thế nào và xin lỗi.',
        ])
      return pick(rng, [
        'Một lời xin lỗi bằng văn bản.',
        'Cửa hàng trưởng xin lỗi và cam kết không để việc này lặp lại.',
        'Tôi muốn được xin lỗi và nhân viên đó phải bị nhắc nhở.',
      ])
    case 'compensation':
      if (f.scenario === 'safety_fall') return `Chi trả chi phí khám chữa bệnh và bồi thường ${c.comp}.`
      return pick(rng, [
        `Bồi thường ${c.comp} cho những phiền toái đã gây ra.`,
        `Bồi thường ${c.comp} để bù chi phí và thời gian tôi bị mất.`,
      ])
    case 'repair':
      return pick(rng, [
        'Sửa chữa miễn phí theo bảo hành trong vòng một tuần.',
        `Sửa ${c.p} miễn phí đúng như chế độ bảo hành.`,
      ])
  }
}

function salutation(p: Person): string {
  return `Kính gửi Quý khách ${p.name}`
}

const progress: Readonly<Record<string, readonly ((c: C) => string)[]>> = {
  delivery: [
    () => 'Chúng tôi đã yêu cầu đơn vị vận chuyển gửi báo cáo giao hàng và hình ảnh; sẽ thông báo ngay khi nhận được.',
  ],
  billing: [
    () => 'Bộ phận kế toán đang kiểm tra các giao dịch trên thẻ của Quý khách và sẽ xác nhận số tiền hoàn lại.',
  ],
  staff: [() => 'Chúng tôi đã làm việc với nhân viên ca hôm đó và đang xem lại camera.'],
  product: [(c) => `${c.Cp} đang được kỹ thuật viên kiểm tra; dự kiến có kết quả trong một tuần.`],
  safety: [() => 'Dữ liệu camera và sổ ghi sự cố đã được lưu giữ, bộ phận an toàn đang xem xét.'],
  privacy: [() => 'Cán bộ phụ trách bảo vệ dữ liệu đang xác minh việc sử dụng thông tin của Quý khách.'],
  any: [
    () => 'Hồ sơ của Quý khách đang được xử lý; chúng tôi sẽ cập nhật trong vòng một tuần.',
    () => 'Để tiếp tục, chúng tôi cần bản sao hóa đơn hoặc sao kê ngân hàng của Quý khách.',
  ],
}

const triageNotes: Readonly<Record<Scenario, string>> = {
  delivery_late: 'Đơn vị vận chuyển xác nhận giao trễ; kiểm tra khung giờ giao và chính sách bồi thường.',
  delivery_damaged: 'Phiếu giao hàng có ghi chú hư hỏng; yêu cầu đơn vị vận chuyển gửi ảnh.',
  billing_double: 'Nhật ký thanh toán có hai lần cấp phép cho cùng một đơn; kiểm tra với ngân hàng.',
  billing_wrong: 'Đối chiếu hóa đơn, bảng giá và chương trình khuyến mãi hôm đó.',
  staff_rude: 'Lời kể cụ thể (ngày, nơi, nhân viên); làm việc với nhân viên và xem camera.',
  defect: 'Đã xác nhận giao dịch mua, sản phẩm còn bảo hành; lấy biên bản của kỹ thuật viên.',
  refund_refused: 'Trả hàng trong thời hạn theo ngày đặt hàng; cần kiểm tra lý do từ chối.',
  safety_fall: 'Khách bị thương tại cửa hàng: sự cố an toàn, lưu giữ camera và sổ ghi sự cố.',
  safety_overheat: 'Có thể là lỗi an toàn sản phẩm; kiểm tra các phản ánh khác cùng model và báo nhà cung cấp.',
  privacy: 'Có thể lộ lọt dữ liệu cá nhân: đánh giá và báo cơ quan chức năng trong 72 giờ nếu xác nhận.',
  warranty: 'Sản phẩm còn bảo hành; yêu cầu báo cáo của trung tâm bảo hành.',
}

/** What an investigator writes when escalating, by target and kind of stakes. */
const escalationNotes: EscalationNotes = {
  managerIncident: 'Vụ việc nghiêm trọng: đã báo cửa hàng trưởng, yêu cầu trích xuất camera.',
  managerOther: 'Vụ việc nghiêm trọng: đã báo trưởng bộ phận.',
  managerDelegation: 'Mức bồi thường có thể vượt thẩm quyền của tôi: chờ quản lý quyết định.',
  legalSafety: 'Có thể phát sinh trách nhiệm pháp lý: cần ý kiến pháp chế trước khi trả lời khách.',
  legalPrivacy: 'Có dấu hiệu vi phạm quy định bảo vệ dữ liệu cá nhân: pháp chế đánh giá nghĩa vụ thông báo.',
  legalOther: 'Tranh chấp có thể đưa ra tòa: đã xin ý kiến pháp chế.',
  policeSafety: 'Khách đã trình báo công an; công an yêu cầu cung cấp dữ liệu camera.',
  policeOther: 'Nghi có bên thứ ba gian lận: đã trình báo công an.',
}

const declineNotes: Readonly<Record<Exclude<DeclineReason, 'duplicate'>, readonly string[]>> = {
  frivolous: [
    'Không có sai sót từ phía chúng tôi: sự việc mô tả là hoạt động bình thường của dịch vụ.',
    'Sau khi xác minh với khách hàng, khiếu nại không có cơ sở.',
  ],
  scam: [
    'Số hóa đơn không khớp với giao dịch nào; hóa đơn có dấu hiệu bị sửa.',
    'Cùng một khiếu nại gửi đến nhiều chi nhánh dưới các tên khác nhau; nghi gian lận.',
  ],
  out_of_scope: [
    'Sản phẩm mua từ nhà bán hàng trên sàn, không phải của chúng tôi; đã hướng dẫn khách liên hệ người bán.',
    'Liên quan đến hợp đồng giữa khách và đơn vị vận chuyển, không phải dịch vụ giao hàng của chúng tôi.',
  ],
}

export const vietnameseBank: PhraseBank = {
  language: 'vi',
  person,
  variant,
  // Shelf prices end in 90.000 (14.790.000 đ); compensations are round multiples of 50.000.
  localPrice: (_p, eur) => Math.max(1, Math.round((eur * 27000) / 100000)) * 100000 - 10000,
  localRound: (_p, eur) => Math.max(50000, Math.round((eur * 27000) / 50000) * 50000),
  complaint: (rng, f) => compose(rng, lines[f.scenario], common, context(f)),
  remedy,
  acknowledgement(rng, f, ref, handler, via) {
    if (via === 'phone') return `Đã gọi cho khách: thông báo mã hồ sơ ${ref} và thời hạn phản hồi 30 ngày.`
    if (via === 'in_person')
      return `Đã trao đổi trực tiếp với khách: đưa biên nhận mã hồ sơ ${ref}, hẹn phản hồi trong 30 ngày.`
    const sal = salutation(f.customer)
    return pick(rng, [
      `${sal}, chúng tôi đã nhận được khiếu nại của Quý khách, mã hồ sơ ${ref}. Chúng tôi sẽ phản hồi chậm nhất trong vòng 30 ngày.`,
      `${sal}, cảm ơn Quý khách đã phản ánh (mã ${ref}). Hồ sơ do ${handler} phụ trách.`,
    ])
  },
  progress(rng, f) {
    const c = context(f)
    const group = progress[scenarioGroup[f.scenario]] ?? []
    return pick(rng, chance(rng, 0.6) && group.length > 0 ? group : (progress.any ?? []))(c)
  },
  decision(rng, f, outcome: Outcome) {
    const c = context(f)
    const sal = `${salutation(f.customer)}, `
    if (outcome === 'granted') {
      switch (f.remedy) {
        case 'refund':
          return `${sal}chúng tôi đã hoàn ${c.refund} vào thẻ của Quý khách; tiền sẽ về trong vòng 5 ngày làm việc.`
        case 'replacement':
          return `${sal}chúng tôi sẽ giao miễn phí một ${c.cp} mới; nhân viên sẽ gọi để hẹn ngày giao.`
        case 'apology':
          return f.scenario === 'privacy'
            ? `${sal}dữ liệu của Quý khách đã được xóa khỏi danh sách gửi quảng cáo; chúng tôi xin lỗi về sai sót này.`
            : `${sal}chúng tôi thành thật xin lỗi Quý khách. Nhân viên liên quan đã bị nhắc nhở và cửa hàng đã phổ biến lại quy định phục vụ.`
        case 'compensation':
          return `${sal}chúng tôi sẽ chuyển cho Quý khách ${c.comp} tiền bồi thường cho những phiền toái đã gây ra.`
        case 'repair':
          return `${sal}${c.cp} của Quý khách sẽ được sửa miễn phí theo bảo hành; nhân viên sẽ đến nhận máy vào tuần sau.`
      }
    }
    if (outcome === 'partial')
      return scenarioGroup[f.scenario] === 'delivery' && chance(rng, 0.5)
        ? `${sal}chúng tôi hoàn lại phí giao hàng và tặng Quý khách ưu đãi ${c.comp} cho lần mua sau.`
        : `${sal}chúng tôi không thể đáp ứng toàn bộ yêu cầu, nhưng xin gửi Quý khách phiếu mua hàng trị giá ${c.comp}.`
    return scenarioGroup[f.scenario] === 'product' && chance(rng, 0.5)
      ? `${sal}theo biên bản của kỹ thuật viên, hư hỏng không thuộc diện bảo hành nên chúng tôi không thể đáp ứng yêu cầu.`
      : `${sal}sau khi xem xét, chúng tôi không phát hiện sai sót từ phía cửa hàng nên không thể đáp ứng yêu cầu. Quý khách có thể liên hệ Hội Bảo vệ quyền lợi người tiêu dùng.`
  },
  declined(_rng, f, reason, previousRef) {
    const sal = `${salutation(f.customer)}, `
    switch (reason) {
      case 'frivolous':
        return `${sal}sau khi xem xét, chúng tôi không thấy sai sót từ phía cửa hàng. Nếu có thông tin mới, Quý khách vui lòng liên hệ lại.`
      case 'scam':
        return `${sal}hóa đơn Quý khách gửi không khớp với giao dịch nào trong hệ thống nên chúng tôi không thể xử lý yêu cầu.`
      case 'out_of_scope':
        return `${sal}sản phẩm được mua từ nhà bán hàng đối tác trên sàn; Quý khách vui lòng liên hệ trực tiếp người bán.`
      case 'duplicate':
        return `${sal}khiếu nại này đang được xử lý trong hồ sơ ${previousRef ?? ''}; chúng tôi sẽ trả lời Quý khách trong hồ sơ đó.`
    }
  },
  triageNote(rng, f) {
    return chance(rng, 0.8)
      ? triageNotes[f.scenario]
      : 'Lời kể hợp lý, đã tìm thấy giao dịch mua trên hệ thống; cần xác minh.'
  },
  declineNote(rng, _f, reason, previousRef) {
    if (reason === 'duplicate') return `Trùng với hồ sơ ${previousRef ?? 'khác'} đang được xử lý.`
    return pick(rng, declineNotes[reason])
  },
  escalationNote: (rng, f, to) => pickEscalationNote(escalationNotes, rng, f, to),
}
