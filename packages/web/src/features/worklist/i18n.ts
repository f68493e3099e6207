import { addFeatureTranslations } from '../../lib/i18n';

const zh = {
  nav: { inbox: '待办', supervision: '督办', alerts: '提醒' },
  badge: { inbox: '{{count}} 项待办', alerts: '{{count}} 条系统提醒' },
  inbox: {
    title: '我的待办',
    today: '今天是 {{date}}',
    total: '共 {{count}} 项',
    empty: '目前没有等待您处理的事项',
    nothing: '无待办',
    more: '列出前 {{shown}} 项，共 {{count}} 项',
    refresh: '刷新',
    alerts: '系统提醒 {{count}} 条',
    alertsOpen: '查看提醒',
    col: {
      petitionNo: '信访件编号',
      summary: '问题摘要',
      state: '状态',
      petitioner: '信访人',
      where: '窗口 / 承办单位',
      since: '等待自',
      due: '期限',
      actions: '可办理',
      supervision: '督办事项',
    },
    dueToday: '今日应做',
    overdue: '已逾期',
  },
  category: {
    approvals: '待审批',
    signOff: '待签批结案',
    accountability: '责任查究待审批',
    signFor: '待签收',
    toHandle: '待办理',
    opinionSignOff: '意见书待签章',
    reception: '待接谈',
    objections: '单位异议待重新交办',
    reviews: '待审核',
    supervision: '今日督办',
    overdue: '超期案件',
  },
  categoryHint: {
    approvals: '立案交办建议待批准，延期申请待决定', // R1.16, R1.19
    signOff: '审核通过的案件待主任或副主任签批', // R1.21
    accountability: '系统发现或窗口提请的责任查究，待主任或副主任审批', // R1.23
    signFor: '交办本单位的案件待签收，异议期内可提出异议', // R1.18
    toHandle: '本单位办理中的案件：出具处理意见书、记录送达', // R1.19, R1.21
    opinionSignOff: '已送达的处理意见书待负责人签字盖章', // R1.21
    reception: '已登记的来访人等待窗口接谈和决定', // R1.5
    objections: '承办单位提出异议的案件，待窗口重新交办', // R1.18
    reviews: '待对照五项标准审核的案件', // R1.22
    supervision: '今日应做或已逾期的跟踪、回访、督查', // R1.20
    overdue: '已超过办理期限的案件', // R1.19, R1.23
  },
  supervision: {
    title: '督办',
    tabDue: '督办日程',
    tabUrges: '催办统计',
    hint: '交办后，交办窗口和分组牵头人每日跟踪、每周回访、每月督查；系统排定日程并显示今日应做事项。', // R1.20
    window: '窗口',
    allWindows: '全部窗口',
    today: '今天 {{date}}',
    totals: { cases: '督办案件', dueToday: '今日应督办', overdue: '逾期未督办', missed: '漏办次数' },
    col: {
      petitionNo: '信访件编号',
      summary: '问题摘要',
      unit: '承办单位',
      window: '交办窗口',
      assignedOn: '交办日期',
      handleDue: '办理期限',
      kinds: '督办情况',
      nextDue: '下次督办',
    },
    kind: {
      done: '已做 {{done}}/{{due}}',
      dueToday: '今日应做',
      overdue: '逾期（自 {{since}}）',
      missed: '漏 {{count}} 次',
      next: '下次 {{date}}',
      last: '最近一次 {{date}}',
    },
    empty: '没有正在督办的案件',
  },
  urges: {
    hint: '每次催办均记录在案，并计入承办单位的记录。', // R1.7
    units: '各单位被催办次数',
    list: '催办记录',
    allUnits: '全部单位',
    col: {
      unit: '承办单位',
      count: '催办次数',
      lastAt: '最近催办',
      petitionNo: '信访件编号',
      text: '催办内容',
      at: '时间',
      by: '催办人',
    },
    empty: '暂无催办记录',
  },
};

const en: typeof zh = {
  nav: { inbox: 'Inbox', supervision: 'Supervision', alerts: 'Alerts' },
  badge: { inbox: '{{count}} items waiting', alerts: '{{count}} system alerts' },
  inbox: {
    title: 'My inbox',
    today: 'Today is {{date}}',
    total: '{{count}} items',
    empty: 'Nothing waits on you right now',
    nothing: 'nothing waiting',
    more: 'The first {{shown}} of {{count}}',
    refresh: 'Refresh',
    alerts: '{{count}} system alerts',
    alertsOpen: 'Open the alerts',
    col: {
      petitionNo: 'Petition no.',
      summary: 'Summary',
      state: 'State',
      petitioner: 'Petitioner',
      where: 'Window / unit',
      since: 'Waiting since',
      due: 'Due',
      actions: 'You can',
      supervision: 'Supervision',
    },
    dueToday: 'Due today',
    overdue: 'Overdue',
  },
  category: {
    approvals: 'Approvals',
    signOff: 'Final sign-off',
    accountability: 'Accountability proposals',
    signFor: 'To sign for',
    toHandle: 'To handle',
    opinionSignOff: 'Opinions to sign and seal',
    reception: 'Visitors waiting',
    objections: 'Objections to reassign',
    reviews: 'To review',
    supervision: 'Supervision due',
    overdue: 'Overdue cases',
  },
  categoryHint: {
    approvals: 'Assignment proposals to approve, extension requests to decide',
    signOff: 'Reviewed cases for the director’s or a deputy’s sign-off',
    accountability: 'Inquiries found by the system or proposed by a window, for the director or a deputy',
    signFor: 'Cases assigned to your unit: sign for them, or object while the objection period runs',
    toHandle: 'Cases your unit handles: issue the opinion, record its delivery',
    opinionSignOff: 'Delivered opinions for the head to sign and seal',
    reception: 'Registered visitors waiting for the window’s decision',
    objections: 'Cases a unit objected to, for the window to reassign',
    reviews: 'Cases to review against the five criteria',
    supervision: 'Tracking, callbacks and inspections due today or overdue',
    overdue: 'Cases past their handling deadline',
  },
  supervision: {
    title: 'Supervision',
    tabDue: 'Schedule',
    tabUrges: 'Urges',
    hint: 'After assignment the assigning window and the group lead track daily, call back weekly and inspect monthly; the system schedules these and shows what is due today.',
    window: 'Window',
    allWindows: 'All windows',
    today: 'Today {{date}}',
    totals: { cases: 'Supervised cases', dueToday: 'Due today', overdue: 'Overdue', missed: 'Missed acts' },
    col: {
      petitionNo: 'Petition no.',
      summary: 'Summary',
      unit: 'Unit',
      window: 'Window',
      assignedOn: 'Assigned',
      handleDue: 'Handling due',
      kinds: 'Supervision',
      nextDue: 'Next due',
    },
    kind: {
      done: 'done {{done}}/{{due}}',
      dueToday: 'due today',
      overdue: 'overdue since {{since}}',
      missed: '{{count}} missed',
      next: 'next {{date}}',
      last: 'last {{date}}',
    },
    empty: 'No case under supervision',
  },
  urges: {
    hint: 'Every urge is logged and counts in the unit’s record.',
    units: 'Urges per unit',
    list: 'Urges',
    allUnits: 'All units',
    col: {
      unit: 'Unit',
      count: 'Urges',
      lastAt: 'Last urged',
      petitionNo: 'Petition no.',
      text: 'Text',
      at: 'At',
      by: 'By',
    },
    empty: 'No urges recorded',
  },
};

addFeatureTranslations('worklist', zh, en);
