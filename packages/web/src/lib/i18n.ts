/**
 * i18next set-up: Simplified Chinese by default, English switchable (stored in localStorage).
 * Each feature adds its own namespace with `addFeatureTranslations` (no feature imports another).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export type AppLang = 'zh-CN' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('hall.lang') : null;
const initial: AppLang = stored === 'en' ? 'en' : 'zh-CN';

void i18n.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  resources: { 'zh-CN': {}, en: {} },
});

const syncDocumentLang = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
};
syncDocumentLang(initial);
i18n.on('languageChanged', syncDocumentLang);

export type Translations = Record<string, unknown>;

export function addFeatureTranslations(ns: string, zh: Translations, en: Translations) {
  i18n.addResourceBundle('zh-CN', ns, zh, true, true);
  i18n.addResourceBundle('en', ns, en, true, true);
}

export function setLanguage(lang: AppLang) {
  localStorage.setItem('hall.lang', lang);
  void i18n.changeLanguage(lang);
}

/** The current UI language, as the domain's message catalogue names it. */
export function currentLanguage(): AppLang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
