/**
 * Demo organisation loaded on first start (issue 2): a city joint petition reception hall with
 * department windows and a general window, municipal departments and three counties, staff of every
 * role, and the 18 first-level national content categories. All of it is ordinary data that the
 * administrator edits afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type DB, type Repositories, repositories } from '@hall/db';
import { DEFAULT_PRIORITIES, type Role, type ServiceKind } from '@hall/domain';
import { hashPassword } from '../modules/auth/auth.service.ts';

export const DEMO_PASSWORD = 'hall12345';

/** The legacy first level of the national content-category tree (18 classes). */
export const NATIONAL_CATEGORIES: [code: string, name: string, nameEn: string][] = [
  ['01', '政治综合', 'Politics (general)'],
  ['02', '经济综合', 'Economy (general)'],
  ['03', '宣传舆论', 'Publicity and public opinion'],
  ['04', '纪检监察', 'Discipline inspection and supervision'],
  ['05', '政法', 'Politics and law'],
  ['06', '劳动社保', 'Labour and social security'],
  ['07', '教育', 'Education'],
  ['08', '卫生计生', 'Health and family planning'],
  ['09', '科技文体', 'Science, culture and sports'],
  ['10', '组织人事', 'Organisation and personnel'],
  ['11', '交通能源环保', 'Transport, energy and environment'],
  ['12', '民政', 'Civil affairs'],
  ['13', '农村农业', 'Rural affairs and agriculture'],
  ['14', '国土资源水利林业', 'Land, water resources and forestry'],
  ['15', '城乡建设', 'Urban and rural construction'],
  ['16', '信息产业', 'Information industry'],
  ['17', '商贸旅游', 'Commerce and tourism'],
  ['18', '其他', 'Other'],
];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  window: string | null;
  unit?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], window: null },
  { username: 'registrar', displayName: '王芳', roles: ['registrar'], window: '登记台' },
  { username: 'reception1', displayName: '李明', roles: ['receptionist'], window: '市人社局窗口' },
  { username: 'reception2', displayName: '张伟', roles: ['receptionist'], window: '市住建局窗口' },
  { username: 'reception6', displayName: '刘洋', roles: ['receptionist'], window: '综合接待窗口' },
  { username: 'office', displayName: '赵敏', roles: ['office'], window: null },
  { username: 'deputy', displayName: '孙建国', roles: ['deputyDirector'], window: null },
  { username: 'director', displayName: '陈刚', roles: ['director'], window: null },
  { username: 'lead1', displayName: '郑华', roles: ['groupLead'], window: '市人社局窗口' },
  { username: 'handler1', displayName: '孙丽', roles: ['unitHandler'], window: null, unit: '市人力资源和社会保障局' },
  { username: 'head1', displayName: '周强', roles: ['unitHead'], window: null, unit: '市人力资源和社会保障局' },
  { username: 'handler2', displayName: '钱进', roles: ['unitHandler'], window: null, unit: '市住房和城乡建设局' },
  { username: 'countyh', displayName: '冯涛', roles: ['unitHandler'], window: null, unit: '吴中区人民政府' },
  // R1.8: the county petition office that receives the hall's direct transfers to 吴中区 and answers the petitioner.
  { username: 'countyoffice', displayName: '沈洁', roles: ['unitHandler'], window: null, unit: '吴中区信访局' },
  { username: 'inquiry', displayName: '吴刚', roles: ['accountabilityOfficer'], window: null },
  { username: 'guide', displayName: '周婷', roles: ['guide'], window: null },
  { username: 'security', displayName: '何勇', roles: ['security'], window: null },
];

/**
 * The demo hall's queue (issue 4, R2.1): one service per window, the registration desk first. Open
 * 00:00–24:00 so that the demo works at any hour (docs/decisions.md); a real hall sets its hours.
 */
export const DEMO_SERVICES: [
  prefix: string,
  code: string,
  name: string,
  nameEn: string,
  kind: ServiceKind,
  window: string,
][] = [
  ['A', 'registration', '信访登记', 'Petition registration', 'petitionRegistration', '登记台'],
  ['B', 'hrss', '人社业务', 'Human resources and social security', 'departmentWindow', '市人社局窗口'],
  ['C', 'housing', '住建业务', 'Housing and construction', 'departmentWindow', '市住建局窗口'],
  ['D', 'land', '自然资源业务', 'Natural resources and planning', 'departmentWindow', '市自然资源和规划局窗口'],
  ['E', 'police', '公安业务', 'Public security', 'departmentWindow', '市公安局窗口'],
  ['F', 'justice', '司法业务', 'Justice', 'departmentWindow', '市司法局窗口'],
  ['G', 'general', '综合咨询', 'General enquiries', 'other', '综合接待窗口'],
];

/** Set in app_setting when the demo data is loaded: the web app then shows a 演示环境 banner. */
export const DEMO_SETTING = 'demo';

/** Reference data every hall needs, demo or not: the priority groups and the national content categories. */
async function insertReference(r: Repositories, hallId: number): Promise<Record<string, number>> {
  await r.queue.replacePriorities(
    hallId,
    DEFAULT_PRIORITIES.map((p) => ({ code: p.code, name: p.name, name_en: p.nameEn, weight: p.weight })),
  );
  const categoryIds: Record<string, number> = {};
  for (const [i, [code, name, nameEn]] of NATIONAL_CATEGORIES.entries()) {
    const c = await r.org.insertCategory({ code, name, name_en: nameEn, parent_id: null, sort: i + 1, active: 1 });
    categoryIds[code] = c.id;
  }
  return categoryIds;
}

/** A password for the first administrator: 16 random characters with letters and digits. */
export function generateAdminPassword(): string {
  for (;;) {
    const p = randomBytes(12).toString('base64url');
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

/**
 * First start without demo data (the default on PostgreSQL, issue 8 §4): one hall to be renamed, the
 * reference data, and an administrator `admin` whose password is given (HALL_ADMIN_PASSWORD) or
 * generated here. Returns null when the database already has a hall (nothing is done), else the
 * password and whether it was generated (then it is printed once, by the caller).
 */
export async function seedFirstRun(
  db: Kysely<DB>,
  now: Date,
  opts: { adminPassword: string | null },
): Promise<{ username: string; password: string; generated: boolean } | null> {
  const password = opts.adminPassword ?? generateAdminPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const r = repositories(trx);
    if ((await r.org.listHalls()).length > 0) return null;
    const hall = await r.org.insertHall({ code: 'HALL', name: '信访接待大厅', kind: 'petition', active: 1 });
    await insertReference(r, hall.id);
    const admin = await r.staff.insert({
      username: 'admin',
      display_name: '系统管理员',
      password_hash: passwordHash,
      hall_id: hall.id,
      window_id: null,
      unit_id: null,
      active: 1,
      created_at: now.toISOString(),
    });
    await r.staff.setRoles(admin.id, ['admin']);
    return { username: 'admin', password, generated: opts.adminPassword === null };
  });
}

export async function seedDemo(db: Kysely<DB>, now: Date): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const r = repositories(trx);
    if ((await r.org.listHalls()).length > 0) return false;
    await r.settings.set(DEMO_SETTING, 'true', now.toISOString());

    const divisions: [string, string, string, string | null][] = [
      ['320000', '江苏省', 'province', null],
      ['320500', '苏州市', 'city', '320000'],
      ['320506', '吴中区', 'county', '320500'],
      ['320508', '姑苏区', 'county', '320500'],
      ['320583', '昆山市', 'county', '320500'],
    ];
    for (const [code, name, level, parent] of divisions) {
      await r.org.insertDivision({ code, name, level, parent_code: parent });
    }
    const unit = async (name: string, kind: string, division: string | null) =>
      (await r.org.insertUnit({ name, kind, division_code: division, active: 1 })).id;
    const hrss = await unit('市人力资源和社会保障局', 'department', '320500');
    const housing = await unit('市住房和城乡建设局', 'department', '320500');
    const land = await unit('市自然资源和规划局', 'department', '320500');
    const police = await unit('市公安局', 'department', '320500');
    const justice = await unit('市司法局', 'department', '320500');
    await unit('市教育局', 'department', '320500');
    await unit('市卫生健康委员会', 'department', '320500');
    await unit('吴中区人民政府', 'county', '320506');
    await unit('吴中区信访局', 'countyOffice', '320506');
    await unit('姑苏区人民政府', 'county', '320508');
    await unit('姑苏区信访局', 'countyOffice', '320508');
    await unit('昆山市人民政府', 'county', '320583');
    await unit('昆山市信访局', 'countyOffice', '320583');

    const hall = await r.org.insertHall({ code: 'SZ', name: '苏州市联合接访大厅', kind: 'petition', active: 1 });
    const win = async (number: number, name: string, kind: string, unitId: number | null) =>
      (await r.org.insertWindow({ hall_id: hall.id, number, name, kind, unit_id: unitId, active: 1 })).id;
    const windows: Record<string, number> = {
      市人社局窗口: await win(1, '市人社局窗口', 'department', hrss),
      市住建局窗口: await win(2, '市住建局窗口', 'department', housing),
      市自然资源和规划局窗口: await win(3, '市自然资源和规划局窗口', 'department', land),
      市公安局窗口: await win(4, '市公安局窗口', 'department', police),
      市司法局窗口: await win(5, '市司法局窗口', 'department', justice),
      综合接待窗口: await win(6, '综合接待窗口', 'general', null),
      登记台: await win(7, '登记台', 'registration', null),
    };

    const categoryIds = await insertReference(r, hall.id);
    for (const [i, [prefix, code, name, nameEn, kind, window]] of DEMO_SERVICES.entries()) {
      const service = await r.queue.insertService({
        hall_id: hall.id,
        code,
        prefix,
        name,
        name_en: nameEn,
        kind,
        opens_at: '00:00',
        closes_at: '24:00',
        daily_max: 300,
        max_recalls: 2,
        sort: i + 1,
        active: 1,
      });
      await r.queue.setServiceWindows(service.id, [windows[window]]);
    }

    // A few second-level examples so the tree is a tree.
    await r.org.insertCategory({
      code: '06.01',
      name: '拖欠工资',
      name_en: 'Unpaid wages',
      parent_id: categoryIds['06'],
      sort: 1,
      active: 1,
    });
    await r.org.insertCategory({
      code: '06.02',
      name: '社会保险',
      name_en: 'Social insurance',
      parent_id: categoryIds['06'],
      sort: 2,
      active: 1,
    });
    await r.org.insertCategory({
      code: '15.01',
      name: '房屋征收',
      name_en: 'Housing expropriation',
      parent_id: categoryIds['15'],
      sort: 1,
      active: 1,
    });
    await r.org.insertCategory({
      code: '15.02',
      name: '物业管理',
      name_en: 'Property management',
      parent_id: categoryIds['15'],
      sort: 2,
      active: 1,
    });
    const routes: [string, string][] = [
      ['06', '市人社局窗口'],
      ['15', '市住建局窗口'],
      ['14', '市自然资源和规划局窗口'],
      ['05', '市公安局窗口'],
    ];
    for (const [code, window] of routes) {
      await r.org.setRoute(hall.id, categoryIds[code], windows[window]);
    }
    for (const c of await r.org.listCategories()) {
      const parent = c.parent_id
        ? (await r.org.listRoutes(hall.id)).find((x) => x.category_id === c.parent_id)
        : undefined;
      if (parent) await r.org.setRoute(hall.id, c.id, parent.window_id);
    }

    for (const a of DEMO_ACCOUNTS) {
      const s = await r.staff.insert({
        username: a.username,
        display_name: a.displayName,
        password_hash: passwordHash,
        hall_id: hall.id,
        window_id: a.window ? windows[a.window] : null,
        unit_id: a.unit ? ((await r.org.listUnits()).find((u) => u.name === a.unit)?.id ?? null) : null,
        active: 1,
        created_at: now.toISOString(),
      });
      await r.staff.setRoles(s.id, a.roles);
    }
    return true;
  });
}
