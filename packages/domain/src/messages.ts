/**
 * Messages for error codes and field names, in Simplified Chinese (default) and English.
 * The server translates every error with these; `{name}` placeholders are filled from params.
 */
export const Lang = { zh: 'zh-CN', en: 'en' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];

type Catalog = Record<string, { 'zh-CN': string; en: string }>;

export const MESSAGES: Catalog = {
  'internal': { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },
  'db.unavailable': {
    'zh-CN': '数据库暂时无法访问，请稍后重试',
    en: 'The database is unavailable at the moment. Please try again shortly',
  },
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
  'validation.badCharacter': {
    'zh-CN': '含有不能使用的字符（{char}），请删除后重新输入',
    en: 'contains a character that cannot be used ({char}); remove it and try again',
  },
  'validation.invalidDate': { 'zh-CN': '不是有效的日期（格式为 年-月-日，如 2026-01-31）', en: 'is not a valid date (YYYY-MM-DD, e.g. 2026-01-31)' },
  'validation.invalidDateTime': {
    'zh-CN': '不是有效的时间（须含日期、时间和时区）',
    en: 'is not a valid time (a date, a time and an offset are needed)',
  },
  'validation.dateOutOfRange': { 'zh-CN': '须在 {min} 至 {max} 之间', en: 'must be between {min} and {max}' },
  'request.badJson': { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.emptyBody': { 'zh-CN': '请求内容为空', en: 'The request body is empty' },
  'request.tooLarge': { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  'request.unsupportedType': { 'zh-CN': '不支持的请求内容类型，请以 JSON 发送', en: 'Unsupported content type: send JSON' },
  'request.badUrl': { 'zh-CN': '请求地址有误', en: 'The address of the request is not valid' },
  'request.invalid': { 'zh-CN': '请求有误', en: 'The request is not valid' },
  'notFound.route': { 'zh-CN': '请求的地址不存在', en: 'No such address' },
  'auth.required': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'auth.badCredentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账号已锁定，请于 {until} 后再试',
    en: 'Too many failed sign-ins: the account is locked until {until}',
  },
  'auth.inactive': { 'zh-CN': '账号已停用', en: 'The account is disabled' },
  'auth.badOrigin': {
    'zh-CN': '请求来源与本系统不符，已拒绝；请从本系统页面操作',
    en: 'The request did not come from this application and was refused; please use the application itself',
  },
  'auth.tooMany': {
    'zh-CN': '登录尝试过于频繁，请 {seconds} 秒后再试',
    en: 'Too many sign-in attempts: try again in {seconds} seconds',
  },
  'auth.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'auth.notYourWindow': {
    'zh-CN': '该来访人已分派至其他窗口，本窗口无权查看',
    en: 'This visitor is routed to another window; your window cannot open it',
  },
  'auth.wrongPassword': { 'zh-CN': '原密码不正确', en: 'The current password is wrong' },
  'list.badCursor': {
    'zh-CN': '列表的翻页位置无效，请重新打开列表',
    en: 'The position in the list is not valid; open the list again',
  },
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
  'registration.tooManyRepresentatives': { // R4.4 (visitor rules)
    'zh-CN': '多人走访应推选代表，代表人数不得超过 {max} 人，当前 {count} 人',
    en: 'A group visit elects at most {max} representatives; {count} given',
  },
  'registration.peopleCount': { 'zh-CN': '来访人数至少为 1', en: 'At least one person must visit' },
  'registration.representativesExceedPeople': {
    'zh-CN': '代表人数不能多于来访人数',
    en: 'There cannot be more representatives than visitors',
  },
  'registration.rulesNotAcknowledged': { // R4.5
    'zh-CN': '来访人须确认已阅读《信访来访人员须知》',
    en: 'The visitor must acknowledge the visitor rules',
  },
  'registration.securityRefused': { // R4.1
    'zh-CN': '安检未通过的来访人不能登记',
    en: 'A visitor refused at the security check cannot be registered',
  },
  'registration.windowNotFound': { 'zh-CN': '所选窗口不存在或已停用', en: 'The chosen window does not exist or is closed' },
  'registration.receptionistNotAtWindow': {
    'zh-CN': '所选接谈人不属于该窗口',
    en: 'The chosen receptionist does not work at that window',
  },
  'registration.categoryNotFound': { 'zh-CN': '内容分类不存在', en: 'The content category does not exist' },
  'registration.divisionNotFound': { 'zh-CN': '问题属地（行政区划）不存在', en: 'The locality (division) does not exist' },
  'registration.unitNotFound': { 'zh-CN': '涉及单位不存在', en: 'A unit involved does not exist' },
  'registration.otherDocReasonRequired': { // R1.1
    'zh-CN': '使用居民身份证以外的证件登记，须注明原因',
    en: 'Registering with a document other than the resident ID requires a reason',
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
  'matter.channelRequired': { // R1.5b
    'zh-CN': '不予受理须写明应通过的法定途径或有权处理的机关',
    en: 'Not accepting requires the legal channel or competent authority to go to',
  },
  'matter.replyRequired': { 'zh-CN': '请填写答复内容', en: 'The reply is required' },
  'matter.signatureRequired': { // R1.6
    'zh-CN': '信访人同意息访须签字确认',
    en: 'The petitioner must sign to agree and cease petitioning',
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
  'deadline.extensionTooLong': { // R1.19
    'zh-CN': '延长办理期限不得超过 {max} 日，申请 {days} 日',
    en: 'An extension may not exceed {max} days; {days} requested',
  },
  'deadline.extensionAlreadyUsed': { // R1.19
    'zh-CN': '延期累计不得超过 {max} 日：已延期 {used} 日，最多还可延期 {remaining} 日，申请 {days} 日',
    en: 'Extensions may not total more than {max} days: {used} already granted, at most {remaining} left, {days} requested',
  },
  'deadline.extensionCountExceeded': {
    'zh-CN': '办理期限最多延期 {maxCount} 次',
    en: 'The handling period may be extended at most {maxCount} times',
  },
  'deadline.extensionReasonRequired': { // R1.19
    'zh-CN': '申请延期须说明理由',
    en: 'An extension needs a reason',
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
  'auth.notYourUnit': { 'zh-CN': '该案件未交办或转交本单位，本单位无权查看或办理', en: 'This case is not assigned or transferred to your unit' },
  'matter.consentRequired': { 'zh-CN': '须经信访人同意方可转由该途径处理', en: 'The petitioner must consent to the transfer' }, // R1.10, R1.11
  'matter.noLongerMediable': { 'zh-CN': '该信访人同一事项已认定无合理诉求或已三级终结，不再重新调处', en: 'The same matter of this petitioner had no reasonable demand or was terminated: it is not mediated again' }, // R1.9
  'matter.sameMatterTerminated': {
    'zh-CN': '该信访人同一事项此前已三级终结、视为办结或不再受理；如确属新的信访事项，请写明新的事实和理由',
    en: 'The same matter of this petitioner was closed for good before (terminated, deemed closed or no longer accepted): to accept it as a new matter, give its new facts and reasons',
  }, // R1.9
  'matter.summonTimeRequired': { 'zh-CN': '请填写责成办案人到厅的时间', en: 'Give the time the handler is summoned for' },
  'matter.demandRequired': { 'zh-CN': '请填写督办要求', en: 'The supervision demand is required' },
  'matter.progressRequired': { 'zh-CN': '请填写办理进度', en: 'The progress reported is required' },
  'matter.noteRequired': { 'zh-CN': '请填写说明', en: 'A note is required' },
  'matter.reportRequired': { 'zh-CN': '请填写专案汇报内容', en: 'The special report is required' }, // R1.22a
  'matter.factsRequired': { 'zh-CN': '请填写查明的事实', en: 'The facts are required' },
  'matter.reasonsRequired': { 'zh-CN': '请填写处理理由', en: 'The reasons are required' },
  'matter.basisRequired': { 'zh-CN': '请填写处理依据', en: 'The basis is required' },
  'matter.organRequired': { 'zh-CN': '请填写复查/复核机关', en: 'The reviewing organ is required' },
  'matter.resultRequired': { 'zh-CN': '请填写复查/复核结论', en: 'The result is required' },
  'matter.notLeaderDay': { 'zh-CN': '只有领导接待日案件需要专案汇报', en: 'Only leader-reception-day cases need a special report' },
  'transfer.countyRequired': { 'zh-CN': '请选择负责处理的县区', en: 'Choose the county that handles it' },
  'transfer.notCountyMatter': { 'zh-CN': '问题属地不是县区，不能直转县区', en: 'The matter is not located in a county: it cannot be transferred to one' }, // R1.8
  'transfer.notTheCounty': { 'zh-CN': '只能直转至问题属地所在的县区或其信访部门', en: 'Transfer only to the county of the matter’s locality or its petition office' }, // R1.8
  'transfer.notToCounty': { 'zh-CN': '该事项未直转县区', en: 'The matter was not transferred to a county' }, // R1.8
  'transfer.alreadyReceived': { 'zh-CN': '已登记签收，不能重复签收', en: 'Receipt is already recorded' }, // R1.8
  'transfer.notReceived': { 'zh-CN': '请先登记签收，再登记答复情况', en: 'Record the receipt before the answer' }, // R1.8
  'transfer.alreadyAnswered': { 'zh-CN': '已登记答复情况', en: 'The answer is already recorded' }, // R1.8
  'transfer.answerRequired': { 'zh-CN': '请填写答复信访人的内容', en: 'Enter the answer given to the petitioner' }, // R1.8
  'transfer.answeredInFuture': { 'zh-CN': '答复日期不能晚于今天', en: 'The answer date cannot be later than today' }, // R1.8
  'mediation.startAtGroup': { 'zh-CN': '厅内调解应先召开分组调解会议', en: 'In-hall mediation starts with a group meeting' }, // R1.14
  'mediation.levelBelowCurrent': { 'zh-CN': '调解会议层级不能低于已召开的会议', en: 'A meeting cannot be at a lower level than one already held' },
  'mediation.skipsLevel': { 'zh-CN': '调解未果应逐级提请：分组会议→分管副主任→大厅主任会议→市联席会议', en: 'A failed mediation escalates one level at a time: group → deputy director → director’s meeting → joint conference' }, // R1.14, R1.15
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
  'opinion.sealRequired': { 'zh-CN': '处理意见书须经承办单位负责人签字并加盖公章', en: 'The opinion needs the unit head’s signature and seal' }, // R1.21
  'opinion.deliveredInFuture': { 'zh-CN': '送达日期不能晚于今天', en: 'The delivery date cannot be later than today' },
  'review.criterionMissing': { 'zh-CN': '五项审核标准须逐项填写', en: 'Each of the five review criteria must be recorded' }, // R1.22
  'review.failed': { 'zh-CN': '审核未通过', en: 'The review did not pass' },
  'review.passed': { 'zh-CN': '审核已通过', en: 'The review passed' },
  'review.failNoteRequired': { 'zh-CN': '未通过的审核项须写明原因', en: 'A failed criterion needs a note' },
  'review.noOpinion': { 'zh-CN': '没有处理意见书，不能申请复查', en: 'There is no handling opinion to review' },
  'review.windowClosed': { 'zh-CN': '已超过申请期限（30 日）', en: 'The request period (30 days) is over' },
  'review.requestedInFuture': { 'zh-CN': '申请日期不能晚于今天', en: 'The request date cannot be later than today' },
  'closing.petitionerDidNotAgree': { 'zh-CN': '信访人未同意处理意见，不能直接结案；可报请视为结案', en: 'The petitioner did not agree: the case cannot be closed, only deemed closed' }, // R1.21
  'closing.petitionerAgreed': { 'zh-CN': '信访人已同意处理意见，应正常结案', en: 'The petitioner agreed: close the case normally' },
  'closing.specialReportMissing': { 'zh-CN': '领导接待日案件须承办单位报送专案汇报材料后方可结案', en: 'A leader-reception-day case needs the unit’s special report before it closes' }, // R1.22a
  'accountability.notFound': { 'zh-CN': '责任查究不存在', en: 'No such accountability inquiry' },
  'accountability.stale': { 'zh-CN': '该责任查究已被他人更新，请刷新后重试', en: 'Someone else changed this inquiry: reload and try again' },
  'accountability.actionNotAllowedInState': { 'zh-CN': '责任查究当前状态下不能执行此操作', en: 'This step is not possible in the inquiry’s current state' },
  'accountability.reasonRequired': { 'zh-CN': '请写明理由', en: 'Give the reason' },
  'accountability.demandsRequired': { 'zh-CN': '请写明自查整改要求', en: 'Write what the unit must inspect and rectify' },
  'accountability.rectifyDueRequired': { 'zh-CN': '请设定整改期限（天数或日期）', en: 'Set the rectification deadline, in days or as a date' }, // R1.24
  'accountability.rectifyDaysOrDue': { 'zh-CN': '整改期限只能填写天数或日期之一', en: 'Give the rectification deadline either in days or as a date, not both' },
  'accountability.rectifyDaysInvalid': { 'zh-CN': '整改期限须为 {min}–{max} 天的整数', en: 'The rectification period must be a whole number of days from {min} to {max}' },
  'accountability.rectifyDueNotAfterToday': { 'zh-CN': '整改期限须晚于今天', en: 'The rectification deadline must be after today' },
  'accountability.qualityRequired': { 'zh-CN': '请选择整改情况：整改到位或整改不力', en: 'Choose whether the rectification was good or poor' },
  'accountability.rectificationPoor': { 'zh-CN': '整改不力', en: 'The rectification was poor' },
  'accountability.rectificationGood': { 'zh-CN': '整改到位', en: 'The rectification was good' },
  'accountability.rectificationNoteRequired': { 'zh-CN': '请写明整改情况', en: 'Describe the rectification' },
  'accountability.findingsRequired': { 'zh-CN': '请写明调查结论', en: 'Write the findings of the investigation' },
  'accountability.directorOnly': { 'zh-CN': '整改不力的调查须经大厅主任批准', en: 'Only the director approves an investigation after poor rectification' }, // R1.24
  'accountability.manualTriggerOnly': { 'zh-CN': '人工提请仅适用于未按规定调查核实致处理错误、失职渎职造成重大事件两种情形；超期由系统自动发现', en: 'Staff propose an inquiry only for wrong handling or dereliction; overdue cases are found by the system' }, // R1.23
  'accountability.notAssigned': { 'zh-CN': '该案件尚未交办承办单位，不能提请责任查究', en: 'The case was never assigned to a unit: no inquiry can be proposed' },
  'accountability.reason.overdue': { 'zh-CN': '承办单位超过办理期限（含延期）{due} 仍未办结，已超期 {days} 日', en: 'The unit did not finish by the (extended) deadline {due}: overdue by {days} day(s)' }, // R1.23
  'accountability.reason.overdueNoExtension': { 'zh-CN': '承办单位超过办理期限 {due} 且未申请延期，已超期 {days} 日', en: 'The unit is past its deadline {due} without having asked for an extension: overdue by {days} day(s)' }, // R1.23
  'document.notFound': { 'zh-CN': '文书不存在', en: 'No such document' },
  'calendar.noticeInvalid': { 'zh-CN': '{year} 年放假安排有误：{details}', en: 'The {year} holiday arrangement has errors: {details}' },
  'calendar.holidaysRequired': { 'zh-CN': '请填写 {year} 年的放假日期', en: 'Enter the days off of {year}' },
  'calendar.notAdminYear': {
    'zh-CN': '{year} 年没有管理员录入的放假安排（官方数据包内置的年份不能删除）',
    en: 'No holiday arrangement for {year} was entered by an administrator (the package’s built-in years cannot be removed)',
  },
  'calendar.why.workday': { 'zh-CN': '工作日', en: 'Working day' },
  'calendar.why.weekend': { 'zh-CN': '周末休息', en: 'Weekend' },
  'calendar.why.holiday': { 'zh-CN': '放假', en: 'Day off' },
  'calendar.why.holidayNamed': { 'zh-CN': '放假（{name}）', en: 'Day off: {name}' },
  'calendar.why.makeUpWorkday': { 'zh-CN': '调休上班', en: 'Make-up working day' },
  'calendar.why.makeUpWorkdayNamed': { 'zh-CN': '调休上班（{name}）', en: 'Make-up working day: {name}' },
  'calendar.why.provisional': {
    'zh-CN': '；{year} 年的节假日安排尚未录入，按法定节假日推算（暂定）',
    en: '; the {year} holiday notice is not loaded yet: computed from the statutory holidays (provisional)',
  },
  'alert.audit.chainBroken': {
    'zh-CN': '审计记录校验未通过：自第 {seq} 条（记录编号 {id}）起链条断裂，审计记录可能被篡改或删除，请立即核查并保全数据库',
    en: 'The audit trail failed verification: the chain breaks at entry {seq} (record {id}); audit records may have been altered or deleted. Investigate now and preserve the database',
  },
  'audit.verify.ok': {
    'zh-CN': '审计链完整：已校验 {checked} 条记录，末条序号 {seq}',
    en: 'The audit chain is intact: {checked} entries checked, last entry {seq}',
  },
  'audit.verify.broken': {
    'zh-CN': '审计链断裂：第 {seq} 条（记录编号 {id}）{problem}',
    en: 'The audit chain is broken at entry {seq} (record {id}): {problem}',
  },
  'audit.problem.content-hash': { 'zh-CN': '内容与其哈希不符，记录被修改过', en: 'its content does not match its hash; the entry was changed' },
  'audit.problem.prev-hash': { 'zh-CN': '与前一条记录的链接不符，前面的记录被替换过', en: 'its link to the previous entry does not match; an earlier entry was replaced' },
  'audit.problem.seq-gap': { 'zh-CN': '序号不连续，此前的记录被删除', en: 'the sequence has a gap; entries before it were deleted' },
  'audit.problem.unsealed': { 'zh-CN': '记录未入链，是绕过系统写入的', en: 'the entry is not in the chain; it was written around the application' },
  'audit.problem.head': { 'zh-CN': '链头与最后一条记录不符，末尾的记录被删除或替换', en: 'the chain head does not match the last entry; entries at the end were deleted or replaced' },
  'audit.problem.recorded-head': { 'zh-CN': '上次校验记下的末条记录已不存在或已改变，末尾的记录被删除或替换', en: 'the last entry recorded by an earlier verification is gone or changed; entries at the end were deleted or replaced' },
  'audit.problem.unknown': { 'zh-CN': '链条不一致', en: 'the chain is inconsistent' },
  'alert.calendar.provisional': {
    'zh-CN': '{year} 年的节假日安排尚未录入：涉及 {year} 年的期限为暂定（进行中 {deadlines} 个），请录入国务院办公厅当年放假通知',
    en: 'The {year} holiday arrangement is not loaded: deadlines that involve {year} are provisional ({deadlines} running). Please enter the State Council notice for {year}',
  },
  'satisfaction.closed': {
    'zh-CN': '不能评价：已评价过，或已超过评价期限（结案后 30 日）',
    en: 'No rating possible: already rated, or the rating period (30 days after closing) is over',
  },
  'transfer.channelRequired': {
    'zh-CN': '请选择转交的途径（行政复议、仲裁、司法调解或诉讼）',
    en: 'Choose the channel to transfer to (reconsideration, arbitration, judicial mediation or litigation)',
  },
  'kiosk.tooMany': {
    'zh-CN': '取号过于频繁，请 {seconds} 秒后再试；如需帮助请咨询导访台',
    en: 'Too many tickets from this kiosk: try again in {seconds} seconds, or ask at the guide desk',
  },
  'queue.prefixInUseToday': {
    'zh-CN': '今天已按前缀 {prefix} 发号，请明天再修改前缀，以免号码重复',
    en: 'Tickets were issued today with the prefix {prefix}: change it tomorrow, so that no number repeats',
  },
  'queue.recallLimit': {
    'zh-CN': '已重呼 {max} 次，不能再重呼：来访人未到请按“过号”',
    en: 'Already recalled {max} times: mark the ticket a no-show if the visitor has not come',
  },
  'queue.noShowTooEarly': {
    'zh-CN': '还需重呼 {left} 次才能过号（设定为重呼 {max} 次）',
    en: '{left} more recall(s) needed before a no-show (the setting is {max} recalls)',
  },
  'queue.actionNotAllowed': {
    'zh-CN': '该号当前状态为“{status}”，不能执行“{action}”',
    en: 'The ticket is "{status}": "{action}" is not possible now',
  },
  'queue.otherWindow': { 'zh-CN': '该号正由其他窗口办理', en: 'Another window holds this ticket' },
  'queue.closed': {
    'zh-CN': '当前不在取号时间（{opensAt}–{closesAt}）',
    en: 'Tickets are issued only between {opensAt} and {closesAt}',
  },
  'queue.dailyMaxReached': {
    'zh-CN': '今日号源已取完（每日最多 {max} 个）',
    en: "Today's tickets are all taken (at most {max} a day)",
  },
  'hall.unknownCode': {
    'zh-CN': '没有代码为“{code}”的大厅，请检查显示屏或取号机的地址',
    en: 'No hall has the code "{code}": check the address of the display or kiosk',
  },
  'queue.badHours': {
    'zh-CN': '开始时间 {opensAt} 须早于结束时间 {closesAt}（格式 08:30）',
    en: 'The opening time {opensAt} must be before the closing time {closesAt} (format 08:30)',
  },
  // The queue's services, tickets and calling (R2.1).
  'queue.serviceNotFound': { 'zh-CN': '该排队业务不存在', en: 'The queue service does not exist' },
  'queue.serviceInactive': { 'zh-CN': '业务“{name}”已停用，不能取号', en: 'The service "{name}" is not in use: no tickets' },
  'queue.priorityNotFound': { 'zh-CN': '没有“{priority}”这一优先类别', en: 'There is no priority group "{priority}"' },
  'queue.appointmentStaffOnly': {
    'zh-CN': '预约号由工作人员发放，取号机不能选择“预约”',
    en: 'Appointment tickets are issued by staff: the kiosk cannot choose "appointment"',
  },
  'queue.matterNotFound': { 'zh-CN': '关联的信访事项不存在', en: 'The linked matter does not exist' },
  'queue.windowNotFound': { 'zh-CN': '该窗口不存在或已停用', en: 'The window does not exist or is not in use' },
  'queue.visitNotFound': { 'zh-CN': '关联的来访登记不存在', en: 'The linked visit does not exist' },
  'queue.windowNotInHall': { 'zh-CN': '所选窗口不属于本大厅', en: 'A chosen window is not in this hall' },
  'queue.prefixTaken': { 'zh-CN': '号码前缀“{value}”已被其他业务使用', en: 'The prefix "{value}" is used by another service' },
  'queue.codeTaken': { 'zh-CN': '业务代码“{value}”已被其他业务使用', en: 'The code "{value}" is used by another service' },
  'queue.duplicatePriority': { 'zh-CN': '优先类别“{code}”重复', en: 'The priority group "{code}" appears twice' },
  'queue.normalRequired': {
    'zh-CN': '优先类别中须保留“普通”（normal）',
    en: 'The priority groups must include "normal"',
  },
  'queue.noWindow': {
    'zh-CN': '您的账号没有分配窗口，不能叫号：请管理员为账号设置窗口',
    en: 'Your account has no window, so you cannot call tickets: ask the administrator to set one',
  },
  'queue.currentCalled': {
    'zh-CN': '{number} 号已呼叫但尚未办理：请先重呼、按过号或开始办理',
    en: 'Number {number} is called and not yet served: recall it, mark it a no-show or start serving first',
  },
  'queue.windowBusy': {
    'zh-CN': '本窗口已有正在呼叫或办理的号，请先处理该号',
    en: 'This window already holds a called or served ticket: finish it first',
  },
  'queue.stale': {
    'zh-CN': '{number} 号刚被更新（可能在其他终端操作），请刷新后重试',
    en: 'Number {number} was just changed (perhaps on another screen): reload and try again',
  },
  'queue.empty': { 'zh-CN': '当前没有等候的号', en: 'Nobody is waiting' },
  'queue.ticketNotFound': { 'zh-CN': '今天没有 {number} 号', en: 'There is no ticket {number} today' },
  'queue.redirect': {
    'zh-CN': '{number} 号不在本窗口办理，请引导来访人到 {windows} 号窗口',
    en: 'Number {number} is not served at this window: send the visitor to window {windows}',
  },
  'queue.notWaiting': { 'zh-CN': '{number} 号不在等候中，不能呼叫', en: 'Number {number} is not waiting and cannot be called' },
  'queue.transferSame': {
    'zh-CN': '请选择其他业务或窗口进行转移',
    en: 'Choose another service or window to transfer to',
  },
  'queue.statsRange': {
    'zh-CN': '统计起止日期有误：起始日期须不晚于结束日期，且最长 {max} 天',
    en: 'Check the dates: the start must not be after the end, and at most {max} days',
  },
  'disorder.actionNotAllowed': {
    'zh-CN': '该名单记录当前状态为“{status}”，不能执行“{action}”',
    en: 'The entry is "{status}": "{action}" is not possible now',
  },
  'disorder.expiryRequired': { 'zh-CN': '请填写有效期至（日期）', en: 'Enter the expiry date' },
  'disorder.expiryPast': { 'zh-CN': '有效期不能早于今天', en: 'The expiry date cannot be in the past' },
  'disorder.expiryTooFar': {
    'zh-CN': '有效期最长 {days} 天，到期后可再次审批',
    en: 'At most {days} days at a time; the entry can be approved again when it expires',
  },
  'visit.empty': { 'zh-CN': '请填写安检结果或导访情况', en: 'Record the entry check or the guidance' },
  'visit.guideOnly': {
    'zh-CN': '导访情况（来访目的、引导结果）由导访员登记；安检员只登记安检结果',
    en: 'The guidance (purpose, outcome) is recorded by the guide; security staff record the entry check only',
  },
  'visit.entryOnly': { 'zh-CN': '无权登记入口安检结果', en: 'You may not record the entry check' },
  'visit.checkResultRequired': { 'zh-CN': '请选择安检结果', en: 'Choose the result of the entry check' },
  'visit.refusedNotDirected': { // R4.1
    'zh-CN': '安检未通过（拒绝入内）的来访人不能引导取号办理',
    en: 'A visitor refused at the entry check cannot be directed to a service',
  },
  'visit.serviceRequired': { 'zh-CN': '请选择引导办理的业务（将为来访人取号）', en: 'Choose the service to issue a ticket for' },
  'visit.serviceOnlyWhenDirected': {
    'zh-CN': '只有“引导取号办理”时才选择业务',
    en: 'A service is chosen only when the visitor is directed to one',
  },
  'visit.securityNotInformed': { // R2.2
    'zh-CN': '不属于本大厅受理范围的来访人，须告知安保人员后再登记',
    en: 'Inform security about an out-of-scope visitor before recording it',
  },
  'visit.legalQuestionRequired': { 'zh-CN': '请填写来访人咨询的法律问题', en: 'Enter the legal question asked' },
  'visit.legalAnswerRequired': {
    'zh-CN': '请填写所作的程序性解答（只答程序，不答实体）',
    en: 'Enter the procedural answer given (procedure only, never substance)',
  },
  'disorder.personRequired': { 'zh-CN': '请填写当事人姓名', en: "Enter the person's name" },
  'disorder.occurredInFuture': { 'zh-CN': '发生时间不能晚于现在', en: 'The time of the incident cannot be in the future' },
  'disorder.ticketNotFound': { 'zh-CN': '排队号不存在', en: 'The ticket does not exist' },
  'disorder.notFound': { 'zh-CN': '名单记录不存在', en: 'The list entry does not exist' },
  'disorder.alertNotFound': { 'zh-CN': '提醒不存在', en: 'The alert does not exist' },
  'disorder.stale': {
    'zh-CN': '该名单记录已被他人更新，请刷新后重试',
    en: 'Someone else changed this entry: reload and try again',
  },
  'registration.noServiceForWindow': {
    'zh-CN': '分派的窗口 {window} 号没有可取号的业务，无法为来访人取号：请管理员为该窗口设置排队业务，或不勾选“取号”',
    en: 'Window {window} serves no queue service, so no ticket can be issued: ask the administrator to set one, or register without a ticket',
  },
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
  newMatterReason: { 'zh-CN': '新的事实和理由', en: 'New facts and reasons' },
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
  answer: { 'zh-CN': '答复内容', en: 'Answer' },
  answeredOn: { 'zh-CN': '答复日期', en: 'Answered on' },
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
  rectifyDays: { 'zh-CN': '整改期限（天）', en: 'Rectification period (days)' },
  rectifyDue: { 'zh-CN': '整改截止日期', en: 'Rectification due' },
  quality: { 'zh-CN': '整改情况', en: 'Rectification' },
  findings: { 'zh-CN': '调查结论', en: 'Findings' },
  trigger: { 'zh-CN': '查究情形', en: 'Trigger' },
  matterId: { 'zh-CN': '案件', en: 'Case' },
  holidays: { 'zh-CN': '放假日期', en: 'Days off' },
  workdays: { 'zh-CN': '调休上班日期', en: 'Make-up working days' },
  source: { 'zh-CN': '来源', en: 'Source' },
  // The guide desk and the disorder list (R2.2, R2.3).
  personName: { 'zh-CN': '姓名', en: 'Name' },
  securityNote: { 'zh-CN': '安检说明', en: 'Security check note' },
  securityInformed: { 'zh-CN': '已告知安保', en: 'Security informed' },
  legalQuestion: { 'zh-CN': '咨询的法律问题', en: 'Legal question' },
  legalAnswer: { 'zh-CN': '程序性解答', en: 'Procedural answer' },
  occurredAt: { 'zh-CN': '发生时间', en: 'Time of the incident' },
  informed: { 'zh-CN': '已告知', en: 'Informed' },
  expiresOn: { 'zh-CN': '有效期至', en: 'Expires on' },
  description: { 'zh-CN': '情况描述', en: 'Description' },
  ticketId: { 'zh-CN': '排队号', en: 'Ticket' },
  serviceId: { 'zh-CN': '业务', en: 'Service' },
  issueTicket: { 'zh-CN': '同时取号', en: 'Issue a ticket' },
  // The queue (R2.1).
  prefix: { 'zh-CN': '号码前缀', en: 'Prefix' },
  windowIds: { 'zh-CN': '办理窗口', en: 'Windows' },
  priority: { 'zh-CN': '优先类别', en: 'Priority group' },
  targetWindowId: { 'zh-CN': '指定窗口', en: 'Window' },
  visitId: { 'zh-CN': '来访登记', en: 'Visit' },
  opensAt: { 'zh-CN': '开始取号时间', en: 'Opens at' },
  closesAt: { 'zh-CN': '停止取号时间', en: 'Closes at' },
  dailyMax: { 'zh-CN': '每日号源', en: 'Daily maximum' },
  maxRecalls: { 'zh-CN': '重呼次数', en: 'Recalls' },
  from: { 'zh-CN': '起始日期', en: 'From' },
  to: { 'zh-CN': '结束日期', en: 'To' },
  // Query strings, path parameters and headers (issue 8 §5: a 400 names the field, whichever it is).
  date: { 'zh-CN': '日期', en: 'Date' },
  hallCode: { 'zh-CN': '大厅代码', en: 'Hall code' },
  id: { 'zh-CN': '编号', en: 'Id' },
  year: { 'zh-CN': '年份', en: 'Year' },
  q: { 'zh-CN': '搜索内容', en: 'Search' },
  entity: { 'zh-CN': '对象类型', en: 'Entity' },
  entityId: { 'zh-CN': '对象编号', en: 'Entity id' },
  limit: { 'zh-CN': '条数', en: 'Limit' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  all: { 'zh-CN': '全部', en: 'All' },
  status: { 'zh-CN': '状态', en: 'Status' },
  by: { 'zh-CN': '统计维度', en: 'Group by' },
  byHour: { 'zh-CN': '按小时', en: 'By hour' },
  'idempotency-key': { 'zh-CN': '幂等键', en: 'Idempotency key' },
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
