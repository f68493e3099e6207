/**
 * Messages for error codes and field names, in Simplified Chinese (default) and English.
 * The server translates every error with these; `{name}` placeholders are filled from params.
 */
export const Lang = { zh: 'zh-CN', en: 'en' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];

type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const MESSAGES: Catalog = {
  'internal': { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },
  'validation': { 'zh-CN': '输入有误：{details}', en: 'Invalid input: {details}' },
  'validation.required': { 'zh-CN': '必填', en: 'is required' },
  'validation.invalidType': { 'zh-CN': '格式不正确', en: 'has the wrong type' },
  'validation.tooShort': { 'zh-CN': '至少 {min} 个字符', en: 'must have at least {min} characters' },
  'validation.tooLong': { 'zh-CN': '最多 {max} 个字符', en: 'must have at most {max} characters' },
  'validation.tooSmall': { 'zh-CN': '不能小于 {min}', en: 'must be at least {min}' },
  'validation.tooBig': { 'zh-CN': '不能大于 {max}', en: 'must be at most {max}' },
  'validation.invalidOption': { 'zh-CN': '不是有效的选项', en: 'is not a valid option' },
  'validation.invalidFormat': { 'zh-CN': '格式不正确', en: 'has an invalid format' },
  'validation.unknownField': { 'zh-CN': '不是可识别的字段', en: 'is not a recognised field' },
  'notFound.route': { 'zh-CN': '请求的地址不存在', en: 'No such address' },
  'auth.required': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'auth.badCredentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账号已锁定，请于 {until} 后再试',
    en: 'Too many failed sign-ins: the account is locked until {until}',
  },
  'auth.inactive': { 'zh-CN': '账号已停用', en: 'The account is disabled' },
  'auth.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'auth.notYourWindow': {
    'zh-CN': '该来访人已分派至其他窗口，本窗口无权查看',
    en: 'This visitor is routed to another window; your window cannot open it',
  },
  'auth.wrongPassword': { 'zh-CN': '原密码不正确', en: 'The current password is wrong' },
  'auth.weakPassword': {
    'zh-CN': '新密码至少 8 位，且须包含字母和数字',
    en: 'The new password needs at least 8 characters with letters and digits',
  },
  'id.empty': { 'zh-CN': '证件号码不能为空', en: 'The ID number is empty' },
  'id.badFormat': { 'zh-CN': '证件号码格式不正确', en: 'The ID number has the wrong format' },
  'id.badCheckChar': {
    'zh-CN': '身份证号码校验位错误（GB 11643），请核对',
    en: 'The ID number’s check character is wrong (GB 11643): please check it',
  },
  'id.badBirthDate': { 'zh-CN': '证件号码中的出生日期无效', en: 'The birth date in the ID number is not valid' },
  'id.badDivision': { 'zh-CN': '证件号码中的行政区划代码无效', en: 'The division code in the ID number is not valid' },
  'id.typeMismatch': {
    'zh-CN': '证件号码与所选证件类型不符',
    en: 'The ID number does not match the chosen document type',
  },
  'registration.tooManyRepresentatives': {
    'zh-CN': '多人走访应推选代表，代表人数不得超过 {max} 人（来访须知 R4.4），当前 {count} 人',
    en: 'A group visit elects at most {max} representatives (visitor rules R4.4); {count} given',
  },
  'registration.peopleCount': { 'zh-CN': '来访人数至少为 1', en: 'At least one person must visit' },
  'registration.representativesExceedPeople': {
    'zh-CN': '代表人数不能多于来访人数',
    en: 'There cannot be more representatives than visitors',
  },
  'registration.rulesNotAcknowledged': {
    'zh-CN': '来访人须确认已阅读《信访来访人员须知》（R4.5）',
    en: 'The visitor must acknowledge the visitor rules (R4.5)',
  },
  'registration.securityRefused': {
    'zh-CN': '安检未通过的来访人不能登记（R4.1）',
    en: 'A visitor refused at the security check cannot be registered (R4.1)',
  },
  'registration.windowNotFound': { 'zh-CN': '所选窗口不存在或已停用', en: 'The chosen window does not exist or is closed' },
  'registration.receptionistNotAtWindow': {
    'zh-CN': '所选接谈人不属于该窗口',
    en: 'The chosen receptionist does not work at that window',
  },
  'registration.categoryNotFound': { 'zh-CN': '内容分类不存在', en: 'The content category does not exist' },
  'registration.divisionNotFound': { 'zh-CN': '问题属地（行政区划）不存在', en: 'The locality (division) does not exist' },
  'registration.unitNotFound': { 'zh-CN': '涉及单位不存在', en: 'A unit involved does not exist' },
  'registration.otherDocReasonRequired': {
    'zh-CN': '使用居民身份证以外的证件登记，须注明原因（R1.1）',
    en: 'Registering with a document other than the resident ID requires a reason (R1.1)',
  },
  'registration.idempotencyMismatch': {
    'zh-CN': '该幂等键已用于不同的请求',
    en: 'This idempotency key was used for a different request',
  },
  'matter.notFound': { 'zh-CN': '信访事项不存在', en: 'The matter does not exist' },
  'petitioner.notFound': { 'zh-CN': '信访人不存在', en: 'The petitioner does not exist' },
  'matter.actionNotAllowedInState': {
    'zh-CN': '该事项当前状态下不能执行此操作',
    en: 'This action is not possible in the matter’s current state',
  },
  'matter.reasonRequired': { 'zh-CN': '请填写理由', en: 'A reason is required' },
  'matter.channelRequired': {
    'zh-CN': '不予受理须写明应通过的法定途径或有权处理的机关（R1.5b）',
    en: 'Not accepting requires the legal channel or competent authority to go to (R1.5b)',
  },
  'matter.replyRequired': { 'zh-CN': '请填写答复内容', en: 'The reply is required' },
  'matter.signatureRequired': {
    'zh-CN': '信访人同意息访须签字确认（R1.6）',
    en: 'The petitioner must sign to agree and cease petitioning (R1.6)',
  },
  'matter.notCeased': { 'zh-CN': '信访人未同意息访', en: 'The petitioner did not agree to cease' },
  'matter.ceased': { 'zh-CN': '信访人已同意息访', en: 'The petitioner agreed to cease' },
  'matter.invalidInput': { 'zh-CN': '输入不符合要求', en: 'The input does not meet the rule' },
  'matter.stale': {
    'zh-CN': '该事项已被他人修改，请刷新后重试',
    en: 'Someone else changed this matter: reload and try again',
  },
  'org.notFound': { 'zh-CN': '记录不存在', en: 'The record does not exist' },
  'org.duplicate': { 'zh-CN': '{field} 已存在', en: '{field} already exists' },
  'org.inUse': { 'zh-CN': '该记录仍被使用，不能删除', en: 'The record is still in use and cannot be deleted' },
  'org.parentCycle': { 'zh-CN': '上级不能是自身或其下级', en: 'The parent cannot be the item itself or below it' },
  'org.unitRequiredForDepartmentWindow': {
    'zh-CN': '部门窗口须指定所代表的单位',
    en: 'A department window must name the unit it represents',
  },
};

/** Field names as shown in messages ("身份证号码：校验位错误"). */
export const FIELD_LABELS: Catalog = {
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  idType: { 'zh-CN': '证件类型', en: 'ID type' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  address: { 'zh-CN': '住址', en: 'Address' },
  localityCode: { 'zh-CN': '问题属地', en: 'Locality' },
  peopleCount: { 'zh-CN': '来访人数', en: 'Number of people' },
  representatives: { 'zh-CN': '代表', en: 'Representatives' },
  categoryId: { 'zh-CN': '内容分类', en: 'Content category' },
  purpose: { 'zh-CN': '信访目的', en: 'Purpose' },
  summary: { 'zh-CN': '问题摘要', en: 'Summary' },
  demands: { 'zh-CN': '诉求', en: 'Demands' },
  windowId: { 'zh-CN': '接待窗口', en: 'Window' },
  receptionistId: { 'zh-CN': '接谈人', en: 'Receptionist' },
  rulesAcknowledged: { 'zh-CN': '来访须知确认', en: 'Rules acknowledgement' },
  securityCheck: { 'zh-CN': '安检', en: 'Security check' },
  reason: { 'zh-CN': '理由', en: 'Reason' },
  channel: { 'zh-CN': '法定途径/有权机关', en: 'Legal channel / authority' },
  reply: { 'zh-CN': '答复内容', en: 'Reply' },
  signedName: { 'zh-CN': '信访人签名', en: 'Petitioner’s signature' },
  otherDocReason: { 'zh-CN': '使用其他证件的原因', en: 'Reason for another document' },
  visitKind: { 'zh-CN': '来访类别', en: 'Visit kind' },
  earlierHandling: { 'zh-CN': '此前处理情况', en: 'Earlier handling' },
  decision: { 'zh-CN': '处理结果', en: 'Decision' },
  version: { 'zh-CN': '版本', en: 'Version' },
  unitIds: { 'zh-CN': '涉及单位', en: 'Units involved' },
  currentPassword: { 'zh-CN': '原密码', en: 'Current password' },
  displayName: { 'zh-CN': '姓名', en: 'Display name' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  hallId: { 'zh-CN': '大厅', en: 'Hall' },
  unitId: { 'zh-CN': '单位', en: 'Unit' },
  parentId: { 'zh-CN': '上级分类', en: 'Parent category' },
  parentCode: { 'zh-CN': '上级区划', en: 'Parent division' },
  number: { 'zh-CN': '窗口号', en: 'Window number' },
  field: { 'zh-CN': '字段', en: 'Field' },
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  newPassword: { 'zh-CN': '新密码', en: 'New password' },
  code: { 'zh-CN': '代码', en: 'Code' },
};

export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[code] ?? MESSAGES[code.split('.')[0]] ?? undefined;
  const text = entry ? entry[lang] : code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function fieldLabel(path: string, lang: Lang): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return FIELD_LABELS[last]?.[lang] ?? path;
}
