import { addFeatureTranslations } from '../../lib/i18n';

const zh = {
  login: {
    title: '联合接访大厅',
    subtitle: '工作人员登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    failed: '登录失败',
  },
  password: {
    title: '修改密码',
    current: '原密码',
    next: '新密码',
    confirm: '确认新密码',
    currentRequired: '请输入原密码',
    nextRequired: '请输入新密码',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    sameAsCurrent: '新密码不能与原密码相同',
    rule: '至少 8 位，须包含字母和数字',
    weak: '新密码至少 8 位，且须包含字母和数字',
    submit: '修改密码',
    done: '密码已修改',
  },
};

const en: typeof zh = {
  login: {
    title: 'Joint Petition Reception Hall',
    subtitle: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    failed: 'Sign-in failed',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Repeat the new password',
    currentRequired: 'Enter the current password',
    nextRequired: 'Enter a new password',
    confirmRequired: 'Repeat the new password',
    mismatch: 'The two new passwords differ',
    sameAsCurrent: 'The new password must differ from the current one',
    rule: 'At least 8 characters with letters and digits',
    weak: 'The new password needs at least 8 characters with letters and digits',
    submit: 'Change password',
    done: 'Your password has been changed',
  },
};

addFeatureTranslations('auth', zh, en);
