import { Segmented } from 'antd';
import { setLanguage, type AppLang } from '../lib/i18n';
import { useLang } from '../lib/labels';

/** 中文 / English: every screen and server message follows it. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const lang = useLang();
  return (
    <Segmented<AppLang>
      size={size}
      value={lang}
      onChange={(v) => setLanguage(v)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}
