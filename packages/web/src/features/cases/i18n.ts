import { addFeatureTranslations } from '../../lib/i18n';

const zh = {
  unit: {
    title: '本单位案件',
    unit: '承办单位：{{unit}}',
    scope: { open: '办理中', all: '全部' },
    search: '编号、完整姓名或摘要',
    count: '共 {{count}} 件',
    hint: '交办给本单位的案件：签收或提出异议、申请延期、出具处理意见、送达、负责人签章。',
  },
};

const en: typeof zh = {
  unit: {
    title: 'Our unit’s cases',
    unit: 'Unit: {{unit}}',
    scope: { open: 'In progress', all: 'All' },
    search: 'Number, full name or summary',
    count: '{{count}} cases in all',
    hint: 'Cases assigned to your unit: sign for or object, request an extension, issue the opinion, deliver it, the head signs.',
  },
};

addFeatureTranslations('cases', zh, en);
