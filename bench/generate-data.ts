/**
 * Word lists and templates for the generator (bench/generate.ts): petition themes with their
 * category and the family of windows and units that works them, names of people, companies,
 * residential compounds, villages and streets of Suzhou.
 */

export type Rand = () => number;

/** mulberry32: a small seeded PRNG, so that a seed gives the same hall twice. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰志强海燕俊峰红梅国庆春花小红晓东雪梅立新永生德明秀珍淑华丽娟金凤宝山春生振华建国建军卫东'.split(
    '',
  );
const COMPANY_WORDS = [
  '华鑫',
  '恒达',
  '金辉',
  '宏远',
  '新亚',
  '东方',
  '瑞丰',
  '德盛',
  '永泰',
  '天成',
  '佳信',
  '润泽',
  '锦程',
  '博远',
  '中联',
  '汇通',
  '鼎盛',
  '长江',
  '吴越',
  '姑苏',
];
const INDUSTRIES = [
  '精密机械',
  '电子科技',
  '建设工程',
  '物流',
  '纺织',
  '食品',
  '置业',
  '装饰工程',
  '服装',
  '汽车配件',
  '环保科技',
  '劳务派遣',
  '餐饮管理',
  '印务',
];
const COMPOUNDS = [
  '金色家园',
  '湖畔花园',
  '锦绣苑',
  '阳光新村',
  '东港新村',
  '翠园',
  '星湖湾',
  '枫桥人家',
  '南环新村',
  '清塘花园',
  '玲珑湾',
  '尹山湖花苑',
  '天域花园',
  '碧波苑',
];
const VILLAGES = [
  '东山',
  '西山',
  '临湖',
  '甪直',
  '横泾',
  '越溪',
  '光福',
  '金庭',
  '胥口',
  '木渎',
  '浦庄',
  '渡村',
  '香山',
  '长桥',
];
const STREETS = [
  '人民路',
  '干将路',
  '东吴北路',
  '宝带路',
  '木渎中山路',
  '苏州大道',
  '长江路',
  '塔园路',
  '吴中大道',
  '金鸡湖大道',
  '石湖西路',
  '迎春路',
];
const DISTRICTS = ['吴中区', '姑苏区', '相城区', '虎丘区', '吴江区', '工业园区'];
const FACTORIES = ['化工厂', '电镀厂', '印染厂', '砂石场', '塑料厂', '铸造厂', '养殖场'];

export function personName(r: Rand): string {
  const s = pick(r, [...SURNAMES]);
  return r() < 0.7 ? s + pick(r, GIVEN) + pick(r, GIVEN) : s + pick(r, GIVEN);
}
export const company = (r: Rand) => `苏州${pick(r, COMPANY_WORDS)}${pick(r, INDUSTRIES)}有限公司`;
export const address = (r: Rand) =>
  r() < 0.6
    ? `苏州市${pick(r, DISTRICTS)}${pick(r, COMPOUNDS)}${int(r, 1, 48)}幢${int(r, 1, 6)}0${int(r, 1, 4)}室`
    : `苏州市${pick(r, DISTRICTS)}${pick(r, STREETS)}${int(r, 1, 999)}号`;
export const phone = (r: Rand) =>
  `1${pick(r, ['33', '35', '38', '39', '51', '58', '77', '80', '86', '89'])}${String(int(r, 0, 99_999_999)).padStart(8, '0')}`;
export const OCCUPATIONS = [
  '工人',
  '农民',
  '退休人员',
  '个体经营者',
  '公司职员',
  '无业',
  '教师',
  '司机',
  '保洁员',
  '建筑工人',
];

/** The slots a template may use. */
interface Slots {
  company: string;
  compound: string;
  village: string;
  street: string;
  district: string;
  factory: string;
  amount: string;
  months: number;
  people: number;
  year: number;
  area: number;
}
export function slots(r: Rand, year: number): Slots {
  return {
    company: company(r),
    compound: pick(r, COMPOUNDS),
    village: `${pick(r, VILLAGES)}村`,
    street: pick(r, STREETS),
    district: pick(r, DISTRICTS),
    factory: `${pick(r, COMPANY_WORDS)}${pick(r, FACTORIES)}`,
    amount: (int(r, 3, 480) * 100).toLocaleString('en-US'),
    months: int(r, 2, 14),
    people: int(r, 2, 60),
    year: year - int(r, 0, 6),
    area: int(r, 45, 180),
  };
}

export interface Theme {
  key: string;
  /** The family of prototypes (bench/prototypes.ts FAMILIES) that works it: window, unit, staff. */
  family: string;
  category: string;
  weight: number;
  summaries: ((s: Slots) => string)[];
  demands: ((s: Slots) => string)[];
}

export const THEMES: Theme[] = [
  {
    key: 'wages',
    family: 'hrss',
    category: '06.01',
    weight: 26,
    summaries: [
      (s) =>
        `信访人反映其在${s.company}工作期间，公司自${s.year}年起拖欠其工资${s.months}个月共计${s.amount}元，多次讨要未果。`,
      (s) =>
        `信访人等${s.people}名工人反映${s.company}承建的${s.compound}项目拖欠农民工工资约${s.amount}元，包工头已失联。`,
      (s) => `信访人反映${s.company}以经营困难为由停发工资，并拒绝支付解除劳动合同的经济补偿${s.amount}元。`,
    ],
    demands: [
      (s) => `要求${s.company}立即支付拖欠的工资${s.amount}元。`,
      () => `要求有关部门督促企业支付拖欠的工资并依法追究责任。`,
      (s) => `要求支付经济补偿金${s.amount}元并补缴${s.months}个月社会保险。`,
    ],
  },
  {
    key: 'socialInsurance',
    family: 'hrss',
    category: '06.02',
    weight: 12,
    summaries: [
      (s) => `信访人反映${s.company}未依法为其缴纳社会保险${s.months}个月，导致其无法办理退休手续。`,
      (s) => `信访人反映其养老保险缴费年限认定有误，${s.year}年以前在原${s.factory}的工龄未被计入。`,
      (s) => `信访人反映工伤认定后${s.company}拒不支付一次性伤残补助金${s.amount}元。`,
    ],
    demands: [
      (s) => `要求补缴${s.year}年以来的社会保险费。`,
      () => `要求重新核定视同缴费年限并按规定发放养老金。`,
      (s) => `要求依法支付工伤保险待遇${s.amount}元。`,
    ],
  },
  {
    key: 'demolition',
    family: 'housing',
    category: '15.01',
    weight: 14,
    summaries: [
      (s) => `信访人反映其位于${s.district}${s.street}的住房（${s.area}平方米）被列入征收范围，对评估价格不认可。`,
      (s) => `信访人反映${s.village}旧村改造中其房屋未经协议即被强制拆除，屋内物品未清点。`,
      (s) => `信访人反映征收安置房${s.compound}至今未交付，过渡费自${s.year}年起停发。`,
    ],
    demands: [
      () => `要求重新评估房屋价值并按市场价补偿。`,
      (s) => `要求赔偿房屋及屋内物品损失${s.amount}元。`,
      (s) => `要求尽快交付安置房并补发过渡费${s.amount}元。`,
    ],
  },
  {
    key: 'property',
    family: 'housing',
    category: '15.02',
    weight: 12,
    summaries: [
      (s) => `信访人反映${s.compound}物业公司擅自提高物业费，且小区电梯长期故障无人维修。`,
      (s) => `信访人反映${s.compound}业主委员会选举程序违规，物业公司挪用公共维修资金约${s.amount}元。`,
      (s) => `信访人反映${s.compound}地下车库被物业公司违规出售，侵占业主共有部分。`,
    ],
    demands: [
      () => `要求责令物业公司整改并恢复原收费标准。`,
      () => `要求对公共维修资金使用情况进行审计并公开。`,
      () => `要求依法认定车库权属并退还违规收取的费用。`,
    ],
  },
  {
    key: 'landRequisition',
    family: 'general',
    category: '14',
    weight: 12,
    summaries: [
      (s) => `信访人反映${s.village}集体土地被征收后，土地补偿款${s.amount}元未按规定分配到户。`,
      (s) => `信访人反映${s.village}村委会未经村民代表大会同意，将${s.area}亩承包地流转给${s.company}。`,
      (s) => `信访人反映其户口在${s.village}，被征地后未纳入被征地农民社会保障。`,
    ],
    demands: [
      () => `要求公开征地补偿款分配方案并足额发放。`,
      () => `要求撤销违规流转合同，返还承包地。`,
      () => `要求将其纳入被征地农民社会保障范围。`,
    ],
  },
  {
    key: 'pollution',
    family: 'general',
    category: '11',
    weight: 14,
    summaries: [
      (s) => `信访人反映${s.village}附近的${s.factory}夜间偷排废水，河道发黑发臭，影响${s.people}户村民生活。`,
      (s) => `信访人反映${s.compound}旁${s.company}生产噪声和异味严重超标，多次投诉未解决。`,
      (s) => `信访人反映${s.village}${s.factory}扬尘污染严重，周边农作物受损。`,
    ],
    demands: [
      () => `要求环保部门依法查处并责令停产整改。`,
      (s) => `要求企业赔偿农作物损失${s.amount}元。`,
      () => `要求定期公开监测数据，彻底解决污染问题。`,
    ],
  },
  {
    key: 'rural',
    family: 'general',
    category: '13',
    weight: 10,
    summaries: [
      (s) => `信访人反映${s.village}村务不公开，${s.year}年以来集体资产出租收入去向不明。`,
      (s) => `信访人反映${s.village}宅基地审批不公，其申请${s.months}年未获批准。`,
      (s) => `信访人反映${s.village}惠农补贴被村干部截留，涉及${s.people}户。`,
    ],
    demands: [
      () => `要求对村集体财务进行审计并公开。`,
      () => `要求依法审批其宅基地申请。`,
      () => `要求足额发放补贴并追究相关人员责任。`,
    ],
  },
];

/** Visits per petitioner: most come once, a few come again and again (mean about 2). */
export const VISITS_PER_PERSON: [count: number, weight: number][] = [
  [1, 52],
  [2, 20],
  [3, 11],
  [4, 8],
  [5, 5],
  [6, 4],
];

/**
 * How often each prototype path ends a matter, and for open states how many days a matter may stay
 * there after its last step (beyond that it has moved on). Final paths stay for good.
 */
export const PATHS: Record<string, { weight: number; openDays?: number }> = {
  registered: { weight: 12, openDays: 0 },
  accepted: { weight: 6, openDays: 12 },
  'accepted-legalAid': { weight: 1, openDays: 12 },
  notAccepted: { weight: 7 },
  noLongerAccepted: { weight: 2 },
  'closed-directReply': { weight: 30 },
  'transferred-channel': { weight: 5 },
  'transferred-county': { weight: 6 },
  mediating: { weight: 3, openDays: 10 },
  'mediating-notice': { weight: 1, openDays: 12 },
  assignmentProposed: { weight: 2, openDays: 4 },
  'assignmentProposed-mediation': { weight: 1, openDays: 4 },
  assigned: { weight: 2, openDays: 4 },
  objected: { weight: 0.5, openDays: 5 },
  handling: { weight: 8, openDays: 45 },
  'handling-extended': { weight: 2, openDays: 30 },
  opinionIssued: { weight: 1.5, openDays: 5 },
  opinionDelivered: { weight: 1.5, openDays: 5 },
  underReview: { weight: 1, openDays: 4 },
  awaitingSignOff: { weight: 1, openDays: 4 },
  'closed-signOff': { weight: 18 },
  'closed-secondRound': { weight: 3 },
  closedDeemed: { weight: 4 },
  inReview: { weight: 1, openDays: 30 },
  reviewed: { weight: 3 },
  inReReview: { weight: 0.5, openDays: 30 },
  terminated: { weight: 2 },
};

/** Region codes of Suzhou for generated resident ID numbers. */
export const REGIONS = [
  '320505',
  '320506',
  '320507',
  '320508',
  '320509',
  '320571',
  '320581',
  '320582',
  '320583',
  '320585',
];
