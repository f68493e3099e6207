import { Button, Space } from 'antd';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Notice } from '@hall/contracts';
import { formatLongDate } from '../../../lib/format';
import { useCommonT, useLang } from '../../../lib/labels';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useNotice } from '../api';
import { parseChannel } from '../../../lib/notice-channel';
import './notice.css';

/** 告知单 (R1.5, R1.5b): the written notice of the acceptance decision, print-ready on A4, no app chrome. */
export function NoticePage() {
  const { id } = useParams();
  const matterId = Number(id);
  const valid = Number.isInteger(matterId) && matterId > 0;
  const notice = useNotice(valid ? matterId : 0);
  if (!valid) return <NotFound />;
  if (notice.isPending) return <Loading />;
  if (!notice.data) return <LoadFailed error={notice.error} onRetry={() => void notice.refetch()} />;
  return <NoticeSheet notice={notice.data} matterId={matterId} />;
}

/** A reason typed without closing punctuation still ends the sentence on paper. */
function endSentence(text: string, lang: string): string {
  const s = text.trim();
  if (!s || /[。！？.!?；;…」』”"）)]$/.test(s)) return s;
  return s + (lang === 'en' ? '.' : '。');
}

function ChannelSentence({ channel }: { channel: string }) {
  const { t } = useTranslation('reception');
  const parsed = parseChannel(channel);
  const body = parsed.body ?? t(`notice.channel.defaultBody.${parsed.key}`);
  return (
    <p className="indent" data-testid="notice-channel">
      {t(`notice.channel.${parsed.key}`, { body })}
    </p>
  );
}

function NoticeSheet({ notice, matterId }: { notice: Notice; matterId: number }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const lang = useLang();
  const navigate = useNavigate();

  useEffect(() => {
    const prev = document.title;
    document.title = `${t('notice.title')} ${notice.petitionNo}`;
    return () => {
      document.title = prev;
    };
  }, [notice.petitionNo, t]);

  const sep = lang === 'en' ? ' ' : '';
  return (
    <div className="notice-screen">
      <div className="notice-toolbar no-print">
        <Button onClick={() => navigate(`/matters/${matterId}`)}>← {t('notice.back')}</Button>
        <Space>
          <LanguageSwitch />
          <Button type="primary" size="large" onClick={() => window.print()} data-testid="notice-print">
            {t('notice.print')}
          </Button>
        </Space>
      </div>
      <article className={`notice-page notice-${lang === 'en' ? 'en' : 'zh'}`} data-testid="notice" lang={lang}>
        <h1>{t('notice.title')}</h1>
        <div className="notice-no" data-testid="notice-petitionNo">
          {t('notice.number', { no: notice.petitionNo })}
        </div>
        <p>{t('notice.salutation', { name: notice.petitionerName })}</p>
        <p className="indent">
          {t('notice.intro', {
            date: formatLongDate(notice.registeredAt, lang),
            hall: notice.hallName,
            summary: notice.summary,
          })}
        </p>
        <p className="indent notice-decision" data-testid="notice-decision" data-acceptance={notice.acceptance}>
          {t('notice.decisionLabel')}
          {sep}
          {ct('acceptance', notice.acceptance)}
        </p>
        {notice.reason ? (
          <p className="indent" data-testid="notice-reason">
            {t('notice.reasonLabel')}
            {sep}
            {endSentence(notice.reason, lang)}
          </p>
        ) : null}
        {notice.acceptance === 'accepted' ? <p className="indent">{t('notice.accepted')}</p> : null}
        {notice.acceptance === 'notAccepted' && notice.channel ? <ChannelSentence channel={notice.channel} /> : null}
        {notice.acceptance === 'noLongerAccepted' ? <p className="indent">{t('notice.noLongerAccepted')}</p> : null}
        <p className="indent" data-testid="notice-query">
          <Trans
            t={t}
            i18nKey="notice.query"
            values={{ no: notice.petitionNo, code: notice.queryCode, hall: notice.hallName }}
            components={{ code: <span className="notice-code" data-testid="notice-queryCode" /> }}
          />
        </p>
        <div className="notice-sign">
          <div>{notice.hallName}</div>
          <div>{t('notice.window', { window: notice.windowName })}</div>
          <div data-testid="notice-date">{formatLongDate(notice.decidedAt, lang)}</div>
        </div>
        <div className="notice-foot">
          <span>{t('notice.receptionist', { name: notice.receptionistName ?? '' })}</span>
          <span>
            {t('notice.sign')}
            <span className="notice-blank" />
            {'  '}
            {t('notice.signDate')}
            <span className="notice-blank" />
          </span>
        </div>
      </article>
    </div>
  );
}
