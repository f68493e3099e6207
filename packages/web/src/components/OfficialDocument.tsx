/**
 * A numbered official document (公文) printed from its frozen content (R1.13 受理告知书, R1.18 交办函,
 * R1.15 会议纪要, R1.21 处理意见书, R1.24 自查通知): the hall's red header, the number top right, the
 * title by kind, the body, the issuer, the date in words and a seal placeholder. A4 on screen and
 * paper; the toolbar is not printed. The content is what was issued: nothing here reads live data.
 */
import { useEffect, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '@hall/contracts';
import { formatLongDate } from '../lib/format';
import { addFeatureTranslations, type AppLang } from '../lib/i18n';
import { useCommonT, useLang } from '../lib/labels';
import { LanguageSwitch } from './LanguageSwitch';
import './official-document.css';

const zh = {
  print: '打印',
  back: '返回',
  seal: '（印章）',
  petitionNo: '信访件编号：{{no}}',
  issuedBy: '经办：{{name}}',
  acceptanceNotice: {
    salutation: '{{name}}：',
    body: '你于{{date}}到{{hall}}反映的“{{summary}}”问题（信访件编号 {{no}}），经审查，已依法受理。',
    due: '我厅将于{{due}}前依法办理完毕，并将办理结果告知你。',
    computation: '期限计算：{{text}}。',
    advice: '办理期间，请勿就同一事项重复来访或越级走访。你可凭信访件编号和查询码 {{code}} 查询办理进度。',
  },
  assignmentLetter: {
    salutation: '{{unit}}：',
    origin: {
      window: '经审批，',
      regularMeeting: '经大厅例会研究决定，',
      mediation: '根据调解会议达成的一致意见，',
      directorMeeting: '根据大厅主任会议纪要，',
      leaderDay: '根据领导接待日的交办意见，',
    },
    body: '{{origin}}现将信访件编号 {{no}} 的信访事项以{{hall}}名义交由你单位办理。',
    summary: '反映问题：',
    demands: '信访诉求：',
    due: '请你单位于{{due}}前办结，出具信访事项处理意见书，并将办理情况报送我厅。',
    computation: '期限计算：{{text}}。',
    objection:
      '如认为该事项不属于你单位职权范围，请于{{due}}前（交办后 5 个工作日内）书面提出异议并说明理由。确需延期的，请在期限届满前提出申请。',
  },
  minutes: {
    intro: '{{date}}，{{hall}}召开大厅主任会议，协调处理信访件编号 {{no}} 的信访事项。现将会议议定事项纪要如下：',
    chair: '主持人：',
    participants: '参加人员：',
    summary: '议定事项：',
    outcome: '会议结果：',
    unit: '责任单位：{{unit}}',
    promised: '，承诺于{{date}}前办结',
    carry: '请责任单位按照会议议定事项抓好落实，并将落实情况报送大厅。',
  },
  handlingOpinion: {
    salutation: '{{name}}：',
    body: '你反映的“{{summary}}”问题（信访件编号 {{no}}），本单位已依法受理并进行了调查核实。现将处理意见告知如下：',
    demands: '你的诉求：',
    facts: '一、查明的事实：',
    reasons: '二、处理理由：',
    basis: '三、处理依据：',
    outcome: '四、处理意见：',
    outcomeText: {
      support: '对你的诉求予以支持。',
      explain: '对你的诉求作出解释说明。',
      notSupport: '对你的诉求不予支持。',
    },
    review:
      '如对本处理意见不服，可以自收到本意见书之日起 30 日内，向本单位的上一级行政机关请求复查。',
  },
  selfInspectionNotice: {
    salutation: '{{unit}}：',
    body: '信访件编号 {{no}}{{summary}}的信访事项，{{trigger}}。根据大厅来访接待与调处工作细则有关责任查究的规定，请你单位对该事项的办理情况开展自查。',
    reason: '查究事由：',
    demands: '整改要求：',
    computation: '期限计算：{{text}}。',
    rectify: '请于{{due}}前完成整改，并将自查整改情况书面报送{{hall}}。',
    rectifyNoDue: '请按期完成整改，并将自查整改情况书面报送{{hall}}。',
  },
  other: '其他事项',
};

const en: typeof zh = {
  print: 'Print',
  back: 'Back',
  seal: '(seal)',
  petitionNo: 'Petition no. {{no}}',
  issuedBy: 'Issued by: {{name}}',
  acceptanceNotice: {
    salutation: 'To {{name}}:',
    body: 'The matter “{{summary}}” (petition no. {{no}}) that you raised at the {{hall}} on {{date}} has been examined and accepted according to law.',
    due: 'The hall will handle it by {{due}} and tell you the outcome.',
    computation: 'How the deadline is counted: {{text}}.',
    advice:
      'Meanwhile please do not visit again or skip levels on the same matter. You can follow the progress with the petition number and the query code {{code}}.',
  },
  assignmentLetter: {
    salutation: 'To {{unit}}:',
    origin: {
      window: 'As approved, ',
      regularMeeting: 'As decided by the hall’s regular meeting, ',
      mediation: 'Following the agreement of the mediation meeting, ',
      directorMeeting: 'Following the minutes of the director’s meeting, ',
      leaderDay: 'As decided on the leader reception day, ',
    },
    body: '{{origin}}the petition matter no. {{no}} is assigned to your unit in the name of the {{hall}}.',
    summary: 'The matter: ',
    demands: 'Demands: ',
    due: 'Please finish it by {{due}}, issue a handling opinion and report to the hall.',
    computation: 'How the deadline is counted: {{text}}.',
    objection:
      'If your unit considers the matter outside its competence, object in writing with reasons by {{due}} (5 working days after assignment). If more time is needed, apply for an extension before the deadline.',
  },
  minutes: {
    intro: 'On {{date}} the {{hall}} held a director’s meeting on petition matter no. {{no}}. The meeting decided as follows:',
    chair: 'Chair: ',
    participants: 'Participants: ',
    summary: 'Decided: ',
    outcome: 'Outcome: ',
    unit: 'Responsible unit: {{unit}}',
    promised: ', promised to finish by {{date}}',
    carry: 'The responsible unit carries out the decision and reports to the hall.',
  },
  handlingOpinion: {
    salutation: 'To {{name}}:',
    body: 'The matter “{{summary}}” (petition no. {{no}}) you raised was accepted and investigated by this unit. Our handling opinion is as follows:',
    demands: 'Your demands: ',
    facts: '1. Facts found: ',
    reasons: '2. Reasons: ',
    basis: '3. Basis: ',
    outcome: '4. Opinion: ',
    outcomeText: {
      support: 'Your demands are supported.',
      explain: 'Your demands are answered with an explanation.',
      notSupport: 'Your demands are not supported.',
    },
    review:
      'If you disagree with this opinion, you may request a review (复查) by the next higher administrative organ within 30 days of receiving it.',
  },
  selfInspectionNotice: {
    salutation: 'To {{unit}}:',
    body: 'Petition matter no. {{no}}{{summary}}: {{trigger}}. Under the hall’s rules on accountability, your unit is asked to inspect how the matter was handled.',
    reason: 'Grounds: ',
    demands: 'Rectification required: ',
    computation: 'How the deadline is counted: {{text}}.',
    rectify: 'Please rectify by {{due}} and report the inspection and rectification to the {{hall}} in writing.',
    rectifyNoDue: 'Please rectify in time and report the inspection and rectification to the {{hall}} in writing.',
  },
  other: 'Further details',
};

addFeatureTranslations('document', zh, en);

type Content = Record<string, unknown>;
const str = (c: Content, k: string): string => {
  const v = c[k];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};
const bilingual = (c: Content, k: string, lang: AppLang): string => {
  const v = c[k];
  if (v && typeof v === 'object' && lang in v) return String((v as Record<string, unknown>)[lang] ?? '');
  return typeof v === 'string' ? v : '';
};

/** Keys each kind prints in its body; anything else the issuer froze is printed after it. */
const KNOWN: Record<string, string[]> = {
  acceptanceNotice: ['petitionNo', 'queryCode', 'petitionerName', 'summary', 'acceptedOn', 'due', 'dueComputation', 'note'],
  assignmentLetter: ['petitionNo', 'unitName', 'summary', 'demands', 'origin', 'assignedOn', 'due', 'dueComputation', 'objectionDue'],
  minutes: ['petitionNo', 'heldOn', 'chair', 'participants', 'summary', 'outcome', 'unitName', 'promisedDate'],
  handlingOpinion: ['petitionNo', 'petitionerName', 'unitName', 'summary', 'demands', 'outcome', 'facts', 'reasons', 'basis', 'issuedOn'],
  selfInspectionNotice: [
    'petitionNo',
    'matterSummary',
    'unitName',
    'trigger',
    'reason',
    'demands',
    'rectifyDue',
    'rectifyComputation',
    'issuedOn',
    'matterId',
    'accountabilityId',
  ],
};

function Body({ doc, lang }: { doc: DocumentView; lang: AppLang }): ReactNode {
  const { t } = useTranslation('document');
  const ct = useCommonT();
  const c = doc.content;
  const hall = str(c, 'hallName');
  const no = str(c, 'petitionNo');
  const long = (k: string) => formatLongDate(str(c, k), lang);
  const P = ({ children, testId }: { children: ReactNode; testId?: string }) => (
    <p className="indent" data-testid={testId}>
      {children}
    </p>
  );
  const Labelled = ({ label, text }: { label: string; text: string }) =>
    text ? (
      <P>
        <span className="doc-label">{label}</span>
        {text}
      </P>
    ) : null;

  switch (doc.kind) {
    case 'acceptanceNotice':
      return (
        <>
          <p>{t('acceptanceNotice.salutation', { name: str(c, 'petitionerName') })}</p>
          <P>{t('acceptanceNotice.body', { date: long('acceptedOn'), hall, summary: str(c, 'summary'), no })}</P>
          {str(c, 'due') ? (
            <P testId="doc-due">
              {t('acceptanceNotice.due', { due: long('due') })}
              {bilingual(c, 'dueComputation', lang)
                ? t('acceptanceNotice.computation', { text: bilingual(c, 'dueComputation', lang) })
                : ''}
            </P>
          ) : null}
          <P>{t('acceptanceNotice.advice', { code: str(c, 'queryCode') })}</P>
          {str(c, 'note') ? <P>{str(c, 'note')}</P> : null}
        </>
      );
    case 'assignmentLetter': {
      const origin = str(c, 'origin');
      return (
        <>
          <p>{t('assignmentLetter.salutation', { unit: str(c, 'unitName') })}</p>
          <P>
            {t('assignmentLetter.body', {
              origin: t(`assignmentLetter.origin.${origin}`, { defaultValue: '' }),
              no,
              hall,
            })}
          </P>
          <Labelled label={t('assignmentLetter.summary')} text={str(c, 'summary')} />
          <Labelled label={t('assignmentLetter.demands')} text={str(c, 'demands')} />
          <P testId="doc-due">
            {t('assignmentLetter.due', { due: long('due') })}
            {bilingual(c, 'dueComputation', lang)
              ? t('assignmentLetter.computation', { text: bilingual(c, 'dueComputation', lang) })
              : ''}
          </P>
          {str(c, 'objectionDue') ? <P>{t('assignmentLetter.objection', { due: long('objectionDue') })}</P> : null}
        </>
      );
    }
    case 'minutes':
      return (
        <>
          <P>{t('minutes.intro', { date: long('heldOn'), hall, no })}</P>
          <Labelled label={t('minutes.chair')} text={str(c, 'chair')} />
          <Labelled label={t('minutes.participants')} text={str(c, 'participants')} />
          <Labelled label={t('minutes.summary')} text={str(c, 'summary')} />
          <Labelled label={t('minutes.outcome')} text={ct('meetingOutcome', str(c, 'outcome'))} />
          {str(c, 'unitName') ? (
            <P>
              {t('minutes.unit', { unit: str(c, 'unitName') })}
              {str(c, 'promisedDate') ? t('minutes.promised', { date: long('promisedDate') }) : ''}
              {lang === 'en' ? '.' : '。'}
            </P>
          ) : null}
          {str(c, 'outcome') === 'agreement' ? <P>{t('minutes.carry')}</P> : null}
        </>
      );
    case 'handlingOpinion': {
      const outcome = str(c, 'outcome');
      return (
        <>
          <p>{t('handlingOpinion.salutation', { name: str(c, 'petitionerName') })}</p>
          <P>{t('handlingOpinion.body', { summary: str(c, 'summary'), no })}</P>
          <Labelled label={t('handlingOpinion.demands')} text={str(c, 'demands')} />
          <Labelled label={t('handlingOpinion.facts')} text={str(c, 'facts')} />
          <Labelled label={t('handlingOpinion.reasons')} text={str(c, 'reasons')} />
          <Labelled label={t('handlingOpinion.basis')} text={str(c, 'basis')} />
          <Labelled
            label={t('handlingOpinion.outcome')}
            text={t(`handlingOpinion.outcomeText.${outcome}`, { defaultValue: ct('opinionOutcome', outcome) })}
          />
          <P>{t('handlingOpinion.review')}</P>
        </>
      );
    }
    case 'selfInspectionNotice': {
      const trigger = str(c, 'trigger');
      return (
        <>
          <p>{t('selfInspectionNotice.salutation', { unit: str(c, 'unitName') })}</p>
          <P>
            {t('selfInspectionNotice.body', {
              no,
              summary: str(c, 'matterSummary') ? (lang === 'en' ? ` (“${str(c, 'matterSummary')}”)` : `（“${str(c, 'matterSummary')}”）`) : '',
              trigger: ct('accountabilityTrigger', trigger),
            })}
          </P>
          <Labelled label={t('selfInspectionNotice.reason')} text={str(c, 'reason')} />
          <Labelled label={t('selfInspectionNotice.demands')} text={str(c, 'demands')} />
          <P testId="doc-due">
            {str(c, 'rectifyDue')
              ? t('selfInspectionNotice.rectify', { due: long('rectifyDue'), hall })
              : t('selfInspectionNotice.rectifyNoDue', { hall })}
            {bilingual(c, 'rectifyComputation', lang)
              ? t('selfInspectionNotice.computation', { text: bilingual(c, 'rectifyComputation', lang) })
              : ''}
          </P>
        </>
      );
    }
    default:
      return null;
  }
}

/** Other values the issuer froze into the content (a kind this page does not know, or new keys). */
function Extra({ doc }: { doc: DocumentView }) {
  const known = new Set(['hallName', ...(KNOWN[doc.kind] ?? [])]);
  const rest = Object.entries(doc.content).filter(
    ([k, v]) => !known.has(k) && (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '',
  );
  if (rest.length === 0) return null;
  return (
    <>
      {rest.map(([k, v]) => (
        <p className="indent" key={k}>
          <span className="doc-label">{k}：</span>
          {String(v)}
        </p>
      ))}
    </>
  );
}

/** Who the document is issued by: the unit for its handling opinion, the hall otherwise. */
function issuer(doc: DocumentView): string {
  const c = doc.content;
  if (doc.kind === 'handlingOpinion' && str(c, 'unitName')) return str(c, 'unitName');
  return str(c, 'hallName');
}

/** The date printed: the day the content names, else the day of issue. */
function documentDate(doc: DocumentView): string {
  const c = doc.content;
  const byKind: Record<string, string> = {
    assignmentLetter: 'assignedOn',
    minutes: 'heldOn',
    handlingOpinion: 'issuedOn',
    selfInspectionNotice: 'issuedOn',
  };
  const k = byKind[doc.kind];
  return (k && str(c, k)) || doc.issuedAt;
}

export function OfficialDocumentSheet({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation('document');
  const ct = useCommonT();
  const lang = useLang();
  const title = ct('documentKind', doc.kind);
  const by = issuer(doc);
  return (
    <article
      className={`doc-page doc-${lang === 'en' ? 'en' : 'zh'}`}
      lang={lang}
      data-testid="document"
      data-kind={doc.kind}
    >
      <div className="doc-org">{str(doc.content, 'hallName')}</div>
      <hr className="doc-redline" />
      <div className="doc-no" data-testid="document-number">
        {doc.number}
      </div>
      <h1 data-testid="document-title">{title}</h1>
      <Body doc={doc} lang={lang} />
      <Extra doc={doc} />
      <div className="doc-sign">
        <div>{by}</div>
        <div data-testid="document-date">{formatLongDate(documentDate(doc), lang)}</div>
        <div className="doc-seal" aria-hidden>
          {t('seal')}
        </div>
      </div>
      <div className="doc-foot">
        {str(doc.content, 'petitionNo') ? <div>{t('petitionNo', { no: str(doc.content, 'petitionNo') })}</div> : null}
        {doc.issuedByName ? <div>{t('issuedBy', { name: doc.issuedByName })}</div> : null}
      </div>
    </article>
  );
}

/** The print page around a sheet: back, language, print (not printed). */
export function OfficialDocumentPage({ doc, onBack }: { doc: DocumentView; onBack: () => void }) {
  const { t } = useTranslation('document');
  const ct = useCommonT();
  const title = `${ct('documentKind', doc.kind)} ${doc.number}`;
  useEffect(() => {
    const prev = document.title;
    document.title = title;
    return () => {
      document.title = prev;
    };
  }, [title]);
  return (
    <div className="doc-screen">
      <div className="doc-toolbar no-print">
        <Button onClick={onBack} data-testid="document-back">
          ← {t('back')}
        </Button>
        <Space>
          <LanguageSwitch />
          <Button type="primary" size="large" onClick={() => window.print()} data-testid="document-print">
            {t('print')}
          </Button>
        </Space>
      </div>
      <OfficialDocumentSheet doc={doc} />
    </div>
  );
}
