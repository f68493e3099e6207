import { addFeatureTranslations } from '../lib/i18n';

const zh = {
  nav: {
    register: '来访登记',
    reception: '接谈',
    cases: '本单位案件',
    admin: '系统管理',
    audit: '审计日志',
  },
  header: {
    window: '窗口',
    changePassword: '修改密码',
    signOut: '退出登录',
  },
};

const en: typeof zh = {
  nav: {
    register: 'Registration',
    reception: 'Reception',
    cases: 'Our cases',
    admin: 'Administration',
    audit: 'Audit log',
  },
  header: {
    window: 'Window',
    changePassword: 'Change password',
    signOut: 'Sign out',
  },
};

addFeatureTranslations('app', zh, en);
