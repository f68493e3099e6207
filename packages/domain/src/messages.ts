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
  'org.unitRequiredForUnitStaff': {
    'zh-CN': '承办单位经办人或负责人须指定所属单位',
    en: 'Unit handlers and unit heads must belong to a unit',
  },
  'org.cannotLockOutAdmins': {
    'zh-CN': '不能移除最后一位系统管理员，也不能停用自己或移除自己的管理员角色',
    en: 'You cannot remove the last administrator, disable yourself or drop your own administrator role',
  },
  'org.divisionLevel': {
    'zh-CN': '上级区划的层级须高于本区划（省 → 市 → 县区）',
    en: 'The parent division must be a higher level (province → city → county)',
  },
  'org.unitRequiredForDepartmentWindow': {
    'zh-CN': '部门窗口须指定所代表的单位',
    en: 'A department window must name the unit it represents',
  },
  'deadline.extensionNotPositive': {
    'zh-CN': '延期天数须为正整数（当前 {days}）',
    en: 'An extension must be a whole number of days above zero ({days} given)',
  },
  'deadline.extensionTooLong': {
    'zh-CN': '延长办理期限不得超过 {max} 日（R1.19），申请 {days} 日',
    en: 'An extension may not exceed {max} days (R1.19); {days} requested',
  },
  'deadline.extensionAlreadyUsed': {
    'zh-CN': '延期累计不得超过 {max} 日（R1.19）：已延期 {used} 日，最多还可延期 {remaining} 日，申请 {days} 日',
    en: 'Extensions may not total more than {max} days (R1.19): {used} already granted, at most {remaining} left, {days} requested',
  },
  'deadline.extensionCountExceeded': {
    'zh-CN': '办理期限最多延期 {maxCount} 次',
    en: 'The handling period may be extended at most {maxCount} times',
  },
  'deadline.extensionReasonRequired': {
    'zh-CN': '申请延期须说明理由（R1.19）',
    en: 'An extension needs a reason (R1.19)',
  },
  'deadline.amountInvalid': {
    'zh-CN': '期限天数须为 1 至 3650 之间的整数（{rule}：{amount}）',
    en: 'A limit must be a whole number of days from 1 to 3650 ({rule}: {amount})',
  },
  'deadline.provisional': {
    'zh-CN': '{years} 年国务院节假日安排尚未载入，相关期限按法定节假日推算（暂定），请管理员录入当年放假通知',
    en: 'No State Council holiday notice is loaded for {years}: deadlines there use the statutory holidays (provisional). Please load the notice',
  },
  'calendar.yearNotCovered': {
    'zh-CN': '{year} 年没有可用的节假日数据，无法计算工作日',
    en: 'There is no holiday data for {year}: working days cannot be counted',
  },
  'calendar.badYear': { 'zh-CN': '年份无效：{year}', en: 'Not a valid year: {year}' },
  'calendar.badDate': {
    'zh-CN': '日期无效：{date}（应为 YYYY-MM-DD）',
    en: 'Not a valid date: {date} (use YYYY-MM-DD)',
  },
  'calendar.dateOutsideYear': {
    'zh-CN': '{date} 不在 {year} 年内',
    en: '{date} is not in {year}',
  },
  'calendar.workdayNotWeekend': {
    'zh-CN': '{date} 不是周末，不能作为调休上班日',
    en: '{date} is not a weekend day, so it cannot be a make-up working day',
  },
  'calendar.dayBothOffAndWorking': {
    'zh-CN': '{date} 不能同时是放假日和调休上班日',
    en: '{date} cannot be both a day off and a make-up working day',
  },
  'calendar.sourceRequired': {
    'zh-CN': '请注明 {year} 年放假安排的来源（通知文号）',
    en: 'Give the source of the {year} holiday arrangement (the notice number)',
  },
  'auth.notYourUnit': { 'zh-CN': '该案件未交办给本单位，本单位无权查看或办理', en: 'This case is not assigned to your unit' },
  'matter.consentRequired': { 'zh-CN': '须经信访人同意方可转由该途径处理（R1.10、R1.11）', en: 'The petitioner must consent to the transfer (R1.10, R1.11)' },
  'matter.noLongerMediable': { 'zh-CN': '该信访人同一事项已认定无合理诉求或已三级终结，不再重新调处（R1.9）', en: 'The same matter of this petitioner had no reasonable demand or was terminated: it is not mediated again (R1.9)' },
  'matter.summonTimeRequired': { 'zh-CN': '请填写责成办案人到厅的时间', en: 'Give the time the handler is summoned for' },
  'matter.demandRequired': { 'zh-CN': '请填写督办要求', en: 'The supervision demand is required' },
  'matter.progressRequired': { 'zh-CN': '请填写办理进度', en: 'The progress reported is required' },
  'matter.noteRequired': { 'zh-CN': '请填写说明', en: 'A note is required' },
  'matter.reportRequired': { 'zh-CN': '请填写专案汇报内容（R1.22a）', en: 'The special report is required (R1.22a)' },
  'matter.factsRequired': { 'zh-CN': '请填写查明的事实', en: 'The facts are required' },
  'matter.reasonsRequired': { 'zh-CN': '请填写处理理由', en: 'The reasons are required' },
  'matter.basisRequired': { 'zh-CN': '请填写处理依据', en: 'The basis is required' },
  'matter.organRequired': { 'zh-CN': '请填写复查/复核机关', en: 'The reviewing organ is required' },
  'matter.resultRequired': { 'zh-CN': '请填写复查/复核结论', en: 'The result is required' },
  'matter.notLeaderDay': { 'zh-CN': '只有领导接待日案件需要专案汇报', en: 'Only leader-reception-day cases need a special report' },
  'transfer.countyRequired': { 'zh-CN': '请选择负责处理的县区', en: 'Choose the county that handles it' },
  'transfer.notCountyMatter': { 'zh-CN': '问题属地不是县区，不能直转县区（R1.8）', en: 'The matter is not located in a county: it cannot be transferred to one (R1.8)' },
  'transfer.notTheCounty': { 'zh-CN': '只能直转至问题属地所在的县区或其信访部门（R1.8）', en: 'Transfer only to the county of the matter’s locality or its petition office (R1.8)' },
  'mediation.startAtGroup': { 'zh-CN': '厅内调解应先召开分组调解会议（R1.14）', en: 'In-hall mediation starts with a group meeting (R1.14)' },
  'mediation.levelBelowCurrent': { 'zh-CN': '调解会议层级不能低于已召开的会议', en: 'A meeting cannot be at a lower level than one already held' },
  'mediation.skipsLevel': { 'zh-CN': '调解未果应逐级提请：分组会议→分管副主任→大厅主任会议→市联席会议（R1.14、R1.15）', en: 'A failed mediation escalates one level at a time: group → deputy director → director’s meeting → joint conference (R1.14, R1.15)' },
  'mediation.noAgreement': { 'zh-CN': '调解未达成一致', en: 'No agreement was reached' },
  'mediation.agreementReached': { 'zh-CN': '调解已达成一致', en: 'An agreement was reached' },
  'mediation.meetingInFuture': { 'zh-CN': '会议日期不能晚于今天', en: 'The meeting date cannot be later than today' },
  'mediation.promisedBeforeMeeting': { 'zh-CN': '承诺办结日期不能早于会议日期', en: 'The promised date cannot be before the meeting' },
  'assignment.unitRequired': { 'zh-CN': '请选择承办单位', en: 'Choose the responsible unit' },
  'assignment.objectionPeriodOver': { 'zh-CN': '已超过提出异议的期限（交办后 5 个工作日）', en: 'The objection period (5 working days after assignment) is over' },
  'assignment.none': { 'zh-CN': '该案件没有待处理的交办', en: 'The case has no assignment waiting' },
  'assignment.sameUnit': { 'zh-CN': '重新交办须选择其他单位', en: 'Reassign to another unit' },
  'extension.pending': { 'zh-CN': '已有延期申请待审批', en: 'An extension request is already waiting for a decision' },
  'extension.nonePending': { 'zh-CN': '没有待审批的延期申请', en: 'No extension request is waiting' },
  'deadline.noneActive': { 'zh-CN': '该案件没有进行中的办理期限', en: 'The case has no running handling deadline' },
  'opinion.sealRequired': { 'zh-CN': '处理意见书须经承办单位负责人签字并加盖公章（R1.21）', en: 'The opinion needs the unit head’s signature and seal (R1.21)' },
  'opinion.deliveredInFuture': { 'zh-CN': '送达日期不能晚于今天', en: 'The delivery date cannot be later than today' },
  'review.criterionMissing': { 'zh-CN': '五项审核标准须逐项填写（R1.22）', en: 'Each of the five review criteria must be recorded (R1.22)' },
  'review.failed': { 'zh-CN': '审核未通过', en: 'The review did not pass' },
  'review.passed': { 'zh-CN': '审核已通过', en: 'The review passed' },
  'review.failNoteRequired': { 'zh-CN': '未通过的审核项须写明原因', en: 'A failed criterion needs a note' },
  'review.noOpinion': { 'zh-CN': '没有处理意见书，不能申请复查', en: 'There is no handling opinion to review' },
  'review.windowClosed': { 'zh-CN': '已超过申请期限（30 日）', en: 'The request period (30 days) is over' },
  'review.requestedInFuture': { 'zh-CN': '申请日期不能晚于今天', en: 'The request date cannot be later than today' },
  'closing.petitionerDidNotAgree': { 'zh-CN': '信访人未同意处理意见，不能直接结案；可报请视为结案（R1.21）', en: 'The petitioner did not agree: the case cannot be closed, only deemed closed (R1.21)' },
  'closing.petitionerAgreed': { 'zh-CN': '信访人已同意处理意见，应正常结案', en: 'The petitioner agreed: close the case normally' },
  'closing.specialReportMissing': { 'zh-CN': '领导接待日案件须承办单位报送专案汇报材料后方可结案（R1.22a）', en: 'A leader-reception-day case needs the unit’s special report before it closes (R1.22a)' },
};

/** Field names as shown in messages ("身份证号码：校验位错误"). */
export const FIELD_LABELS: Catalog = {
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  idType: { 'zh-CN': '证件类型', en: 'ID type' },
  name: { 'zh-CN': '名称', en: 'Name' },
  'petitioner.name': { 'zh-CN': '姓名', en: 'Name' },
  'representatives.name': { 'zh-CN': '代表姓名', en: 'Representative’s name' },
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
  consent: { 'zh-CN': '信访人同意', en: 'Consent' },
  level: { 'zh-CN': '会议层级', en: 'Level' },
  heldOn: { 'zh-CN': '会议日期', en: 'Meeting date' },
  chair: { 'zh-CN': '主持人', en: 'Chair' },
  participants: { 'zh-CN': '参加人员', en: 'Participants' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  promisedDate: { 'zh-CN': '承诺办结日期', en: 'Promised date' },
  summonedFor: { 'zh-CN': '到厅时间', en: 'Summoned for' },
  demand: { 'zh-CN': '督办要求', en: 'Demand' },
  progress: { 'zh-CN': '办理进度', en: 'Progress' },
  days: { 'zh-CN': '延期天数', en: 'Days' },
  report: { 'zh-CN': '专案汇报', en: 'Special report' },
  facts: { 'zh-CN': '事实', en: 'Facts' },
  reasons: { 'zh-CN': '理由', en: 'Reasons' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  way: { 'zh-CN': '送达方式', en: 'Delivery' },
  deliveredOn: { 'zh-CN': '送达日期', en: 'Delivered on' },
  view: { 'zh-CN': '信访人意见', en: 'Petitioner’s view' },
  headName: { 'zh-CN': '单位负责人', en: 'Unit head' },
  sealed: { 'zh-CN': '加盖公章', en: 'Sealed' },
  criteria: { 'zh-CN': '审核标准', en: 'Criteria' },
  organ: { 'zh-CN': '复查/复核机关', en: 'Organ' },
  requestedOn: { 'zh-CN': '申请日期', en: 'Requested on' },
  result: { 'zh-CN': '结论', en: 'Result' },
  unitRating: { 'zh-CN': '对承办单位评价', en: 'Rating of the unit' },
  officeRating: { 'zh-CN': '对信访部门评价', en: 'Rating of the office' },
  note: { 'zh-CN': '说明', en: 'Note' },
  limitDays: { 'zh-CN': '办理时限（天）', en: 'Limit (days)' },
  origin: { 'zh-CN': '来源', en: 'Origin' },
  qualifies: { 'zh-CN': '符合法律援助条件', en: 'Qualifies for legal aid' },
  signed: { 'zh-CN': '信访人签收', en: 'Signed' },
  kind: { 'zh-CN': '类别', en: 'Kind' },
  factsClear: { 'zh-CN': '事实清楚', en: 'Facts clear' },
  evidenceConclusive: { 'zh-CN': '证据确凿', en: 'Evidence conclusive' },
  basisSufficient: { 'zh-CN': '依据充分', en: 'Basis sufficient' },
  characterisationAccurate: { 'zh-CN': '定性准确', en: 'Characterisation accurate' },
  handlingAppropriate: { 'zh-CN': '处理恰当', en: 'Handling appropriate' },
  petitionerToldOn: { 'zh-CN': '告知信访人日期', en: 'Petitioner told on' },
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

/** The label of a field path: the whole path first ('petitioner.name'), then its last part ('name'). */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const whole = parts.join('.');
  const last = parts[parts.length - 1] ?? path;
  return FIELD_LABELS[whole]?.[lang] ?? FIELD_LABELS[last]?.[lang] ?? path;
}
