/** The matter detail page and the case lifecycle (issue 3): header, status bar, records, timeline, action dialogs ("case" namespace). */
import { addFeatureTranslations } from '../../lib/i18n';

const zh = {
  bar: {
    unit: '承办单位',
    noUnit: '未交办',
    proposedUnit: '拟交办待批',
    handleDue: '办理期限',
    otherDue: '期限',
    round: '办理轮次',
    roundN: '第 {{n}} 轮',
    leaderDay: '领导接待日案件',
    specialReportFiled: '专案汇报已报送',
    specialReportMissing: '待报送专案汇报',
    origin: '来源',
    extensionPending: '延期申请待审批',
    mediationLevel: '调解层级',
    noLongerMediable: '不再调处', // R1.9
    proposeNoLongerAccept: '建议不再受理：同一事项已认定无合理诉求或已三级终结', // R1.9
    satisfaction: '满意度',
  },
  groups: { main: '办理', side: '记录与转办', refuse: '退回与否决' },
  done: '{{action}}：已提交',
  tabs: {
    title: '案件办理',
    deadlines: '期限',
    assignments: '交办',
    transfers: '转送',
    meetings: '调解',
    opinions: '处理意见',
    reviews: '审核',
    higher: '复查复核',
    supervision: '督办',
    notes: '催办与记录',
    satisfaction: '满意度',
    accountability: '责任查究',
    documents: '文书',
  },
  deadline: {
    kind: '期限',
    rule: '规则',
    start: '起算日',
    due: '届满日',
    amount: '{{amount}} 个{{unit}}',
    amountCal: '{{amount}} 日（自然日）',
    status: '状态',
    computation: '计算过程',
    extensions: '延期',
    extension: '延期 {{days}} 日：{{reason}}',
    extendedBy: '+ 延期 {{days}} 日',
    approvedBy: '（{{name}} 批准）',
    history: '变更记录',
    requests: '延期申请',
    requestedBy: '申请人',
    decidedBy: '审批人',
    toldOn: '已告知信访人：{{date}}',
  },
  assignment: {
    unit: '承办单位',
    origin: '来源',
    status: '状态',
    limit: '办理时限',
    limitDays: '{{n}} 日',
    limitDefault: '默认',
    proposed: '提出',
    decided: '审批',
    responded: '签收/异议',
    letter: '交办函',
    objection: '异议理由',
    note: '说明',
  },
  transfer: {
    kind: '去向',
    unit: '单位',
    window: '窗口',
    consent: '信访人同意',
    note: '说明',
    at: '时间',
    county: '县区办理',
    awaitingReceipt: '待县区签收',
    received: '已签收',
    answeredOn: '{{date}} 答复信访人',
  },
  meeting: {
    level: '层级',
    heldOn: '日期',
    chair: '主持人',
    participants: '参加人员',
    outcome: '结果',
    summary: '调解情况',
    unit: '责任单位',
    promised: '承诺办结',
    minutes: '会议纪要',
  },
  opinion: {
    round: '第 {{n}} 轮',
    outcome: '处理结果',
    facts: '查明事实',
    reasons: '处理理由',
    basis: '处理依据',
    issuedAt: '出具时间',
    document: '意见书',
    delivery: '送达',
    notDelivered: '尚未送达',
    signed: '信访人签收',
    refused: '信访人拒签',
    view: '信访人意见',
    head: '负责人签章',
    sealed: '已盖章',
    notSigned: '待负责人签章',
  },
  review: { round: '第 {{n}} 轮审核', passed: '通过', failed: '未通过', criterion: '审核标准', result: '结果', note: '说明' },
  higher: { level: '类别', organ: '机关', requestedOn: '申请日期', result: '结论', resultAt: '答复时间', pending: '待答复' },
  supervision: { kind: '方式', onDate: '日期', demand: '督办要求', progress: '办理进度', by: '督办人' },
  note: { kind: '类别', text: '内容', unit: '单位', at: '时间', by: '记录人', summonedFor: '到厅时间：{{at}}', qualifies: '符合法律援助条件', notQualifies: '不符合法律援助条件' },
  satisfaction: { target: '对象', rating: '评价', at: '时间' },
  accountability: { trigger: '事由', state: '状态', createdAt: '提出时间', open: '查看' },
  document: { kind: '文书', number: '文号', issuedAt: '签发时间', issuedBy: '签发人', print: '打印' },
  by: '{{at}} · {{name}}',
  empty: '暂无记录',
  tl: {
    days: '{{days}} 日',
    due: '期限至 {{due}}',
    dueChange: '期限 {{from}} → {{to}}',
    view: '信访人{{view}}',
    passed: '审核通过',
    failed: '审核未通过',
    rating: '承办单位：{{unit}}；信访部门：{{office}}',
  },
  // ---- dialogs ----
  dialog: {
    required: '请填写{{field}}',
    choose: '请选择{{field}}',
    note: '说明（可选）',
    reason: '理由',
    context: '当前情况',
    currentDue: '当前期限',
    noDue: '无进行中的期限',
    allPass: '全部通过',
    confirm: '确认',
  },
  detail: {
    back: '返回列表',
    registeredBy: '登记人',
    registeredAt: '登记时间',
    window: '接待窗口',
    receptionist: '接谈人',
    queryCode: '查询码',
    printNotice: '打印告知单',
    stale: '该事项已被他人修改，已为您刷新，请重新操作',
    unsaved: '接谈记录有未保存的修改',
    none: '当前无可执行的操作',
    decided: '已{{action}}',
  },
  timeline: {
    title: '办理记录',
    empty: '暂无记录',
  },
  a: {
    accept: {
      explain: '受理后该事项进入办理，可直接答复、调处或交办。', // R1.5
      reason: '受理意见（可选）',
      closedForGood: '同一事项已办结', // R1.9
      closedForGoodWarning:
        '该信访人同一事项 {{matters}} 已三级终结、视为办结或不再受理，不再重新受理。确属新的信访事项的，写明新的事实和理由后受理；否则请选择“不再受理”。',
      newMatterReason: '新的事实和理由',
      newMatterHint: '写明本次反映与已办结事项相比有哪些新的事实和理由，将记入案件记录。',
    },
    notAccept: {
      explain: // R1.5b, R4.2
        '属于诉讼、仲裁、行政复议等法定途径解决的，或属于其他机关职权范围的，不予受理，并书面告知应通过的途径或有权机关。',
      reason: '不予受理的理由',
      channel: '应通过的法定途径或有权处理的机关',
      channelPlaceholder: '选择后可补充具体机关，如：仲裁（市劳动人事争议仲裁委员会）',
      channels: { litigation: '诉讼', arbitration: '仲裁', reconsideration: '行政复议', other: '其他有权机关' },
    },
    noLongerAccept: {
      explain: // R1.5b, R1.9
        '已经依法处理终结（处理、复查、复核三级终结）或经认定无合理诉求的，同一信访人就同一事项再次来访，不再受理。',
      reason: '不再受理的理由',
    },
    directReply: {
      explain: // R1.6
        '对咨询类或政策明确的简单问题当场答复。信访人接受答复并同意息访的，须本人签字确认，事项即结案，材料由窗口归档；否则事项仍为已受理，可继续调处。',
      reply: '答复内容',
      agrees: '信访人接受答复',
      ceases: '信访人同意息访（不再就此事项信访）',
      signedName: '信访人签名',
      signedNameHint: '请信访人在答复记录上签字，并录入其签署的姓名',
      willClose: '信访人接受答复并同意息访：提交后事项结案',
      staysOpen: '信访人未同意息访：事项保持已受理状态',
    },
    transferToCounty: {
      explain: '越级访：向信访人讲明逐级信访的规定，将事项直接转送问题属地的县区办理，由县区负责答复信访人。', // R1.8
      unitId: '转送的县区',
      unitHint: '仅列出问题属地（{{locality}}）的县区人民政府及其信访部门',
    },
    transferToChannel: {
      explain: '属于行政复议、仲裁、司法调解或诉讼途径解决的，经信访人同意，转由相应窗口办理。', // R1.10, R1.11
      channel: '转往途径',
      windowId: '接收窗口（可选）',
      consent: '信访人同意转由该途径处理',
      consentRequired: '须经信访人同意',
    },
    countyReceive: {
      explain: '大厅已将该事项直转本县区。请登记签收，由本县区负责处理并答复信访人。', // R1.8
    },
    countyAnswer: {
      explain: '登记本县区答复信访人的情况，大厅可在案件中查看。', // R1.8
      answer: '答复内容',
      answeredOn: '答复日期',
    },
    recordLegalAid: {
      explain: '司法局窗口提供法律咨询；符合法律援助条件的，协助信访人申请法律援助。', // R1.12
      qualifies: '是否符合法律援助条件',
      yes: '符合，已协助申请',
      no: '不符合，已提供法律咨询',
      note: '情况说明',
    },
    startMediation: {
      explain: '直接答复未能解决、或信访人不接受答复的，以及事实清楚无需调查的事项，进入厅内调解。调解先召开分组调解会议。', // R1.13
    },
    recordMeeting: {
      explain: '调解会议逐级进行：分组调解会议 → 分管副主任 → 大厅主任会议（形成会议纪要）→ 市联席会议。未达成一致的提请上一级；达成一致的，由责任单位一周内或按承诺日期办结，并立案交办。', // R1.14, R1.15, R1.17
      level: '会议层级',
      levelHint: '只能在当前层级（{{current}}）或上一级召开',
      levelFirst: '厅内调解从分组调解会议开始',
      heldOn: '会议日期',
      chair: '主持人',
      participants: '参加人员',
      participantsDefault: '信访人{{name}}、{{window}}',
      outcome: '调解结果',
      summary: '调解情况',
      unitId: '责任单位',
      promisedDate: '单位承诺办结日期（可选）',
      promisedHint: '不填则自交办之日起一周内办结', // R1.14
      willPropose: '达成一致：提交后拟立案交办，报主任或副主任审批',
      willEscalate: '未达成一致：提交后可提请上一级会议',
    },
    notifyAcceptance: {
      explain: '当日不能办结的，书面告知信访人已受理及办理期限，并告知其在此期间不要重复来访或越级走访。将生成编号的受理告知书。', // R1.13
    },
    proposeAssignment: {
      explain: '接谈窗口提出立案交办意见，经主任或副主任审批后，以大厅名义交办给责任单位，并发出交办函。', // R1.16–R1.18
      unitId: '承办单位',
      origin: '交办来源',
      limitDays: '办理时限（日，可选）',
      limitHint: '不填则按 60 日办理期限', // R1.19
    },
    approveAssignment: {
      explain: '批准后以大厅名义立案交办，生成编号的交办函，计算办理期限及 5 个工作日的异议期。', // R1.16, R1.18, R1.19
      proposal: '拟交办',
    },
    refuseAssignment: { explain: '不同意交办的，写明理由，事项退回接谈窗口。' }, // R1.16
    signFor: { explain: '签收交办的案件，开始在办理期限内办理。' }, // R1.18, R1.19
    object: { explain: '认为不属于本单位职权范围的，在交办后 5 个工作日内提出异议并说明理由，由大厅重新交办。', objectionDue: '异议期限至' }, // R1.18
    reassign: { explain: '承办单位提出异议的，由大厅以自身名义重新交办给其他单位，并发出新的交办函。', unitId: '新的承办单位', previous: '原承办单位' }, // R1.18
    urge: { explain: '信访人就办理中的案件再次来访的，记录来访原因并向承办单位催办；催办记入该单位的催办次数。', reason: '再次来访原因及催办要求' }, // R1.7
    summonHandler: { explain: '责成承办单位的经办人到大厅，记录要求到厅的时间。', summonedFor: '要求到厅时间' }, // R1.7
    supervise: {
      explain: '交办后，交办窗口和分组牵头人在期限内督办：每日跟踪、每周回访信访人、每月督查；每次记录时间、督办要求和反馈的进度。', // R1.20
      kind: '督办方式',
      demand: '督办要求',
      progress: '单位反馈的办理进度',
    },
    requestExtension: {
      explain: '不能在期限内办结的，说明理由和延长天数申请延期，由主任或副主任审批；延期累计不超过 30 日，批准后告知信访人。', // R1.19
      days: '延长天数',
      daysHint: '1–{{cap}} 日；已延期 {{used}} 日，还可延期 {{left}} 日',
      reason: '延期理由',
      newDue: '延期后约至 {{due}}（以批准时的计算为准）',
    },
    approveExtension: {
      explain: '批准后重新计算办理期限，并记录告知信访人的日期。', // R1.19
      request: '延期申请',
      petitionerToldOn: '告知信访人日期',
    },
    refuseExtension: { explain: '不批准延期的，写明理由；承办单位须在原期限内办结。' }, // R1.19
    fileSpecialReport: { explain: '领导接待日交办的案件，承办单位须向督办窗口报送专案汇报材料后方可结案。', report: '专案汇报内容' }, // R1.22a
    issueOpinion: {
      explain: '承办单位出具信访事项处理意见书：处理结果（支持 / 解释说明 / 不予支持）及查明的事实、理由和依据。将生成编号的处理意见书。', // R1.21
      outcome: '处理结果',
      facts: '查明的事实',
      reasons: '处理理由',
      basis: '处理依据（法律法规、政策条款）',
    },
    recordDelivery: {
      explain: '记录处理意见书的送达方式和日期、信访人签收或拒签，以及信访人对处理意见的态度。送达后起算 30 日复查申请期。', // R1.21
      way: '送达方式',
      deliveredOn: '送达日期',
      signed: '信访人签收',
      signedYes: '已签收',
      signedNo: '拒绝签收',
      view: '信访人意见',
      note: '说明（可选）',
    },
    unitSignOff: {
      explain: '承办单位负责人在处理意见书上签字并加盖单位公章后，报交办窗口审核。', // R1.21
      headName: '负责人签名',
      sealed: '已加盖单位公章',
      sealRequired: '须加盖单位公章',
    },
    reviewCase: {
      explain: '交办窗口按五项标准逐项审核：事实清楚、证据确凿、依据充分、定性准确、处理恰当。任何一项不通过的，须写明原因，案件退回承办单位进一步调查或重新处理（新一轮，记录保留）。', // R1.22
      pass: '通过',
      fail: '不通过',
      note: '说明',
      noteRequired: '不通过的须写明原因',
      willPass: '五项全部通过：提交后报主任或副主任签批',
      willFail: '有不通过项：提交后退回承办单位重新办理（第 {{n}} 轮）',
      opinion: '待审核的处理意见',
    },
    signOff: { explain: '信访人同意处理意见且审核通过的，由主任或副主任签批结案，材料交综合管理办公室归档。' }, // R1.21
    deemClosed: {
      explain: '信访人不同意处理意见，经窗口认定无合理诉求或属无理缠访的，报主任或副主任批准视为结案；承办单位继续做好工作，并告知信访人可申请复查、复核。该事项此后不再重新调处。', // R1.21, R1.9
      reason: '视为结案的理由（无合理诉求的认定）',
    },
    requestReview: {
      explain: '信访人对处理意见不服的，可在收到意见书之日起 30 日内请求原办理机关的上一级机关复查；复查机关 30 日内答复。',
      organ: '复查机关',
      requestedOn: '申请日期',
    },
    recordReviewResult: { explain: '记录复查机关的复查意见；信访人可在 30 日内请求复核。', result: '复查结论' },
    requestReReview: {
      explain: '信访人对复查意见不服的，可在收到复查意见之日起 30 日内请求复查机关的上一级机关复核；复核机关 30 日内答复。',
      organ: '复核机关',
      requestedOn: '申请日期',
    },
    recordReReviewResult: {
      explain: '记录复核结论。复核后该事项三级终结，信访人以同一事实和理由再次提出的，不再受理。', // R1.9
      result: '复核结论',
    },
    rate: {
      explain: '结案后分别记录信访人对承办单位和对信访部门的满意度评价。',
      unitRating: '对承办单位的评价',
      officeRating: '对信访部门的评价',
    },
  },
};

const en: typeof zh = {
  bar: {
    unit: 'Handling unit',
    noUnit: 'Not assigned',
    proposedUnit: 'proposed, awaiting approval',
    handleDue: 'Handling deadline',
    otherDue: 'Deadlines',
    round: 'Round',
    roundN: 'Round {{n}}',
    leaderDay: 'Leader reception day',
    specialReportFiled: 'Special report filed',
    specialReportMissing: 'Special report missing',
    origin: 'Origin',
    extensionPending: 'Extension request pending',
    mediationLevel: 'Mediation level',
    noLongerMediable: 'Not mediated again',
    proposeNoLongerAccept: 'Proposed: no longer accept — the same matter had no reasonable demand or was terminated',
    satisfaction: 'Satisfaction',
  },
  groups: { main: 'Handle', side: 'Records and transfers', refuse: 'Refuse / send back' },
  done: '{{action}}: submitted',
  tabs: {
    title: 'Case handling',
    deadlines: 'Deadlines',
    assignments: 'Assignment',
    transfers: 'Transfers',
    meetings: 'Mediation',
    opinions: 'Opinions',
    reviews: 'Review',
    higher: 'Review / re-review',
    supervision: 'Supervision',
    notes: 'Urges and notes',
    satisfaction: 'Satisfaction',
    accountability: 'Accountability',
    documents: 'Documents',
  },
  deadline: {
    kind: 'Deadline',
    rule: 'Rule',
    start: 'Start',
    due: 'Due',
    amount: '{{amount}} {{unit}}',
    amountCal: '{{amount}} calendar days',
    status: 'Status',
    computation: 'Computation',
    extensions: 'Extensions',
    extension: 'Extended by {{days}} days: {{reason}}',
    extendedBy: '+ {{days}} days extended',
    approvedBy: ' (approved by {{name}})',
    history: 'History',
    requests: 'Extension requests',
    requestedBy: 'Requested by',
    decidedBy: 'Decided by',
    toldOn: 'Petitioner told on {{date}}',
  },
  assignment: {
    unit: 'Unit',
    origin: 'Origin',
    status: 'Status',
    limit: 'Limit',
    limitDays: '{{n}} days',
    limitDefault: 'Default',
    proposed: 'Proposed',
    decided: 'Decided',
    responded: 'Signed for / objected',
    letter: 'Assignment letter',
    objection: 'Objection',
    note: 'Note',
  },
  transfer: {
    kind: 'To',
    unit: 'Unit',
    window: 'Window',
    consent: 'Petitioner consents',
    note: 'Note',
    at: 'When',
    county: 'At the county',
    awaitingReceipt: 'Not yet received by the county',
    received: 'Received',
    answeredOn: 'Petitioner answered on {{date}}',
  },
  meeting: {
    level: 'Level',
    heldOn: 'Date',
    chair: 'Chair',
    participants: 'Participants',
    outcome: 'Outcome',
    summary: 'Summary',
    unit: 'Responsible unit',
    promised: 'Promised by',
    minutes: 'Minutes',
  },
  opinion: {
    round: 'Round {{n}}',
    outcome: 'Outcome',
    facts: 'Facts',
    reasons: 'Reasons',
    basis: 'Basis',
    issuedAt: 'Issued',
    document: 'Opinion',
    delivery: 'Delivery',
    notDelivered: 'Not delivered yet',
    signed: 'Signed by the petitioner',
    refused: 'Petitioner refused to sign',
    view: 'Petitioner’s view',
    head: 'Head sign-off',
    sealed: 'Sealed',
    notSigned: 'Waiting for the head',
  },
  review: {
    round: 'Review, round {{n}}',
    passed: 'Passed',
    failed: 'Failed',
    criterion: 'Criterion',
    result: 'Result',
    note: 'Note',
  },
  higher: { level: 'Kind', organ: 'Organ', requestedOn: 'Requested', result: 'Result', resultAt: 'Answered', pending: 'Waiting' },
  supervision: { kind: 'Kind', onDate: 'Date', demand: 'Demand', progress: 'Progress', by: 'By' },
  note: {
    kind: 'Kind',
    text: 'Text',
    unit: 'Unit',
    at: 'When',
    by: 'By',
    summonedFor: 'Summoned for {{at}}',
    qualifies: 'Qualifies for legal aid',
    notQualifies: 'Does not qualify for legal aid',
  },
  satisfaction: { target: 'Rated', rating: 'Rating', at: 'When' },
  accountability: { trigger: 'Trigger', state: 'State', createdAt: 'Opened', open: 'Open' },
  document: { kind: 'Document', number: 'Number', issuedAt: 'Issued', issuedBy: 'Issued by', print: 'Print' },
  by: '{{at}} · {{name}}',
  empty: 'No records',
  tl: {
    days: '{{days}} days',
    due: 'due {{due}}',
    dueChange: 'due {{from}} → {{to}}',
    view: 'petitioner: {{view}}',
    passed: 'review passed',
    failed: 'review failed',
    rating: 'unit: {{unit}}; office: {{office}}',
  },
  dialog: {
    required: 'Enter the {{field}}',
    choose: 'Choose the {{field}}',
    note: 'Note (optional)',
    reason: 'Reason',
    context: 'Now',
    currentDue: 'Current deadline',
    noDue: 'No running deadline',
    allPass: 'All pass',
    confirm: 'Confirm',
  },
  detail: {
    back: 'Back to the list',
    registeredBy: 'Registered by',
    registeredAt: 'Registered',
    window: 'Window',
    receptionist: 'Receptionist',
    queryCode: 'Query code',
    printNotice: 'Print the notice',
    stale: 'Someone else changed this matter; it has been reloaded, please try again',
    unsaved: 'The reception record has unsaved changes',
    none: 'No action is available now',
    decided: '{{action}}: done',
  },
  timeline: {
    title: 'History',
    empty: 'No entries',
  },
  a: {
    accept: {
      explain: 'An accepted matter is handled: direct reply, mediation or assignment.',
      reason: 'Note (optional)',
      closedForGood: 'Same matter closed',
      closedForGoodWarning:
        'The same matter of this petitioner, {{matters}}, was terminated, deemed closed or no longer accepted: it is not accepted again. If this is a new matter, give its new facts and reasons and accept it; otherwise choose "No longer accept".',
      newMatterReason: 'New facts and reasons',
      newMatterHint: 'What is new compared with the closed matter: the facts and the reasons. It is kept on the case record.',
    },
    notAccept: {
      explain:
        'Matters for litigation, arbitration, administrative reconsideration or another legal channel, or for another authority, are not accepted; the notice names the channel or the competent authority.',
      reason: 'Reason',
      channel: 'Legal channel or competent authority',
      channelPlaceholder: 'Choose, then add the body, e.g. Arbitration (city labour arbitration committee)',
      channels: {
        litigation: 'Litigation',
        arbitration: 'Arbitration',
        reconsideration: 'Administrative reconsideration',
        other: 'Other competent authority',
      },
    },
    noLongerAccept: {
      explain:
        'A matter handled to the end (handling, review, re-review) or found to have no reasonable demand is not taken up again when the same person comes back on it.',
      reason: 'Reason',
    },
    directReply: {
      explain:
        'A consultation or simple matter with a clear policy is answered on the spot. If the petitioner accepts and agrees to stop petitioning, he or she signs and the matter is closed and archived; otherwise it stays accepted for further handling.',
      reply: 'Reply',
      agrees: 'The petitioner accepts the reply',
      ceases: 'The petitioner agrees to stop petitioning on this matter',
      signedName: 'Petitioner’s signature',
      signedNameHint: 'Have the petitioner sign the reply record and enter the name signed',
      willClose: 'Accepted and ceased: the matter closes on submit',
      staysOpen: 'Not ceased: the matter stays accepted',
    },
    transferToCounty: {
      explain:
        'Skip-level visit: explain the rule of petitioning level by level and transfer the matter directly to the county of its locality, which answers the petitioner.',
      unitId: 'County',
      unitHint: 'Only the county government and its petition office of the locality ({{locality}})',
    },
    transferToChannel: {
      explain:
        'A matter for administrative reconsideration, arbitration, judicial mediation or litigation goes, with the petitioner’s consent, to that window.',
      channel: 'Channel',
      windowId: 'Receiving window (optional)',
      consent: 'The petitioner consents to this channel',
      consentRequired: 'The petitioner must consent',
    },
    countyReceive: {
      explain: 'The hall transferred this matter directly to your county. Record the receipt: your county handles it and answers the petitioner.',
    },
    countyAnswer: {
      explain: 'Record the answer your county gave the petitioner; the hall sees it on the case.',
      answer: 'Answer',
      answeredOn: 'Answered on',
    },
    recordLegalAid: {
      explain:
        'The justice bureau’s window gives legal advice; a petitioner who qualifies for legal aid is helped with the application.',
      qualifies: 'Qualifies for legal aid?',
      yes: 'Qualifies: application helped',
      no: 'Does not qualify: legal advice given',
      note: 'Note',
    },
    startMediation: {
      explain:
        'Matters a direct reply did not settle, or whose reply the petitioner rejected, and clear matters that need no investigation, go to in-hall mediation. It starts with a group meeting.',
    },
    recordMeeting: {
      explain:
        'Meetings escalate one level at a time: group → deputy director → director’s meeting (minutes) → city joint conference. Without agreement, the next level; with agreement, the unit finishes within a week or by its promised date, and the case is filed and assigned.',
      level: 'Level',
      levelHint: 'At the current level ({{current}}) or one up only',
      levelFirst: 'Mediation starts with a group meeting',
      heldOn: 'Date',
      chair: 'Chair',
      participants: 'Participants',
      participantsDefault: 'Petitioner {{name}}, {{window}}',
      outcome: 'Outcome',
      summary: 'Summary',
      unitId: 'Responsible unit',
      promisedDate: 'Date the unit promised (optional)',
      promisedHint: 'Empty: one week from the assignment',
      willPropose: 'Agreement: the case is proposed for assignment, for the director or a deputy to approve',
      willEscalate: 'No agreement: the next level can be convened',
    },
    notifyAcceptance: {
      explain:
        'A matter not finished the same day: the petitioner is told in writing that it is accepted and its deadline, and asked not to visit again or skip levels meanwhile. A numbered notice is issued.',
    },
    proposeAssignment: {
      explain:
        'The receiving window proposes filing and assignment; once the director or a deputy approves, it is assigned in the hall’s name with an assignment letter.',
      unitId: 'Responsible unit',
      origin: 'Origin',
      limitDays: 'Limit in days (optional)',
      limitHint: 'Empty: the 60-day handling limit',
    },
    approveAssignment: {
      explain:
        'On approval the case is filed and assigned in the hall’s name: a numbered assignment letter, the handling deadline and the 5-working-day objection period.',
      proposal: 'Proposed',
    },
    refuseAssignment: { explain: 'A refusal gives the reason; the matter goes back to the window.' },
    signFor: { explain: 'Sign for the assigned case and handle it within the deadline.' },
    object: {
      explain:
        'A unit that is not competent objects, with reasons, within 5 working days of the assignment; the hall reassigns.',
      objectionDue: 'Objections until',
    },
    reassign: {
      explain: 'After an objection the hall reassigns in its own name to another unit with a new letter.',
      unitId: 'New unit',
      previous: 'Previous unit',
    },
    urge: {
      explain:
        'A petitioner back about a case in progress: record why and urge the unit; urges count in the unit’s record.',
      reason: 'Why the petitioner came again, and the urge',
    },
    summonHandler: { explain: 'Summon the unit’s handler to the hall at a recorded time.', summonedFor: 'To the hall at' },
    supervise: {
      explain:
        'Within the deadline the assigning window and the group lead supervise: daily tracking, weekly callback, monthly inspection; each act records time, demand and progress.',
      kind: 'Kind',
      demand: 'Demand',
      progress: 'Progress reported by the unit',
    },
    requestExtension: {
      explain:
        'A unit that cannot finish in time applies with a reason and a length; the director or a deputy decides; extensions total at most 30 days, and the petitioner is told.',
      days: 'Days',
      daysHint: '1–{{cap}}; {{used}} days used, {{left}} left',
      reason: 'Reason',
      newDue: 'About {{due}} after the extension (computed on approval)',
    },
    approveExtension: {
      explain: 'Approval recomputes the handling deadline and records when the petitioner was told.',
      request: 'Request',
      petitionerToldOn: 'Petitioner told on',
    },
    refuseExtension: { explain: 'A refusal gives the reason; the unit finishes within the current deadline.' },
    fileSpecialReport: {
      explain: 'A leader-reception-day case needs the unit’s special report, filed with the supervising window, before it closes.',
      report: 'Special report',
    },
    issueOpinion: {
      explain:
        'The unit issues its handling opinion: the outcome (support / explain / not support) with the facts, reasons and basis. A numbered opinion is issued.',
      outcome: 'Outcome',
      facts: 'Facts found',
      reasons: 'Reasons',
      basis: 'Basis (laws, regulations, policy)',
    },
    recordDelivery: {
      explain:
        'Record how and when the opinion was delivered, whether the petitioner signed or refused, and his or her view. The 30-day review period starts.',
      way: 'Way',
      deliveredOn: 'Delivered on',
      signed: 'Petitioner’s signature',
      signedYes: 'Signed',
      signedNo: 'Refused to sign',
      view: 'Petitioner’s view',
      note: 'Note (optional)',
    },
    unitSignOff: {
      explain: 'The unit head signs the opinion and the unit seals it; then the assigning window reviews it.',
      headName: 'Head’s signature',
      sealed: 'Sealed with the unit’s seal',
      sealRequired: 'The seal is required',
    },
    reviewCase: {
      explain:
        'The assigning window reviews against the five criteria: facts clear, evidence conclusive, basis sufficient, characterisation accurate, handling appropriate. Any failure needs a note and sends the case back for further investigation or re-handling (a new round; history kept).',
      pass: 'Pass',
      fail: 'Fail',
      note: 'Note',
      noteRequired: 'A failed criterion needs a note',
      willPass: 'All five pass: the case goes to the director or a deputy for sign-off',
      willFail: 'A criterion fails: the case goes back to the unit (round {{n}})',
      opinion: 'Opinion under review',
    },
    signOff: {
      explain:
        'The petitioner agreed and the review passed: the director or a deputy signs and the case closes; the office archives it.',
    },
    deemClosed: {
      explain:
        'The petitioner disagrees and the window finds no reasonable demand: the director or a deputy may deem the case closed; the unit keeps working with the petitioner, who is pointed to review and re-review. The matter is not mediated again.',
      reason: 'Reason (no reasonable demand)',
    },
    requestReview: {
      explain:
        'A petitioner who disagrees may request review by the next higher organ within 30 days of the opinion; it answers within 30 days.',
      organ: 'Reviewing organ',
      requestedOn: 'Requested on',
    },
    recordReviewResult: { explain: 'Record the review’s answer; the petitioner may request re-review within 30 days.', result: 'Result' },
    requestReReview: {
      explain:
        'A petitioner who disagrees with the review may request re-review by the next higher organ within 30 days; it answers within 30 days.',
      organ: 'Re-reviewing organ',
      requestedOn: 'Requested on',
    },
    recordReReviewResult: {
      explain:
        'Record the re-review result. The matter is then terminated after three levels; the same facts and reasons are no longer accepted.',
      result: 'Result',
    },
    rate: {
      explain: 'After closing, record the petitioner’s rating of the handling unit and of the petition office separately.',
      unitRating: 'Handling unit',
      officeRating: 'Petition office',
    },
  },
};

addFeatureTranslations('case', zh, en);
