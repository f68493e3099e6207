import { useCallback, useState, type ReactNode } from 'react';
import { Button, ConfigProvider, Popover, Segmented, Slider, Space, Switch, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BoardCall, BoardSnapshot } from '@hall/contracts';
import { useLang } from '../../../lib/labels';
import { speakable } from '../board-model';
import {
  browserStore,
  loadVoiceSettings,
  saveVoiceSettings,
  speak,
  speechAvailable,
  unlockSpeech,
  type VoiceSettings,
} from '../speech';
import { useClock } from './clock';
import { useBoardStream } from './useBoardStream';
import './board.css';

/** How long a freshly called row flashes. */
const FLASH_MS = 8_000;

/** The hall's display board (public, for a TV): who goes to which window, live, with a Mandarin voice. */
export function BoardPage() {
  const { hallCode = '' } = useParams();
  const { t } = useTranslation('queue');
  const [voice, setVoice] = useState<VoiceSettings>(() => loadVoiceSettings(browserStore()));
  const [unlocked, setUnlocked] = useState(false);
  const [flash, setFlash] = useState<Record<number, string>>({});
  const canSpeak = speechAvailable();

  const onCall = useCallback(
    (call: BoardCall) => {
      const key = `${call.ticketId}-${call.at}`;
      setFlash((f) => ({ ...f, [call.windowNumber]: key }));
      setTimeout(
        () =>
          setFlash((f) => {
            if (f[call.windowNumber] !== key) return f;
            const next = { ...f };
            delete next[call.windowNumber];
            return next;
          }),
        FLASH_MS,
      );
      if (voice.enabled && unlocked) speak(speakable(call.announcement, call.number), voice);
    },
    [voice, unlocked],
  );
  const { board, status, unknownHall } = useBoardStream(hallCode, onCall);

  const changeVoice = (v: VoiceSettings) => {
    setVoice(v);
    saveVoiceSettings(browserStore(), v);
  };

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div className="board" data-testid="board" data-status={status}>
        <BoardHeader
          hallName={board?.hall.name ?? ''}
          settings={<VoiceSettingsPanel value={voice} onChange={changeVoice} canSpeak={canSpeak} />}
        />
        {status === 'lost' ? (
          <div className="board-banner" role="alert" data-testid="board-disconnected">
            {t('board.disconnected')}
          </div>
        ) : null}
        {unknownHall ? (
          <div className="board-banner" role="alert">
            {t('board.unknownHall', { code: hallCode })}
          </div>
        ) : null}
        {voice.enabled && canSpeak && !unlocked ? (
          <button
            type="button"
            className="board-unlock"
            onClick={() => setUnlocked(unlockSpeech())}
            data-testid="board-enable-voice"
          >
            {t('board.enableVoice')}
          </button>
        ) : null}
        {board ? <BoardBody board={board} flash={flash} /> : <div className="board-empty">{t('board.connecting')}</div>}
      </div>
    </ConfigProvider>
  );
}

function BoardHeader({ hallName, settings }: { hallName: string; settings: ReactNode }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const clock = useClock({ withDate: true, lang });
  return (
    <header className="board-header">
      <div className="board-hall" data-testid="board-hall">
        {hallName}
      </div>
      <div className="board-header-right">
        <span className="board-clock" data-testid="board-clock">
          {clock}
        </span>
        <Popover trigger="click" title={t('board.settings')} content={settings} placement="bottomRight">
          <Button type="text" className="board-settings" aria-label={t('board.settings')} data-testid="board-settings">
            ⚙
          </Button>
        </Popover>
      </div>
    </header>
  );
}

function VoiceSettingsPanel({
  value,
  onChange,
  canSpeak,
}: {
  value: VoiceSettings;
  onChange: (v: VoiceSettings) => void;
  canSpeak: boolean;
}) {
  const { t } = useTranslation('queue');
  if (!canSpeak) return <span>{t('board.noSpeech')}</span>;
  return (
    <Space orientation="vertical" style={{ width: 260 }}>
      <Space>
        <span>{t('board.voice')}</span>
        <Switch
          checked={value.enabled}
          onChange={(enabled) => onChange({ ...value, enabled })}
          data-testid="board-voice-toggle"
        />
      </Space>
      <Space>
        <span>{t('board.repeat')}</span>
        <Segmented<number>
          value={value.repeat}
          options={[1, 2, 3]}
          onChange={(repeat) => onChange({ ...value, repeat })}
        />
      </Space>
      <div>
        <span>
          {t('board.rate')} {value.rate.toFixed(1)}
        </span>
        <Slider min={0.5} max={1.5} step={0.1} value={value.rate} onChange={(rate) => onChange({ ...value, rate })} />
      </div>
    </Space>
  );
}

function BoardBody({ board, flash }: { board: BoardSnapshot; flash: Record<number, string> }) {
  const { t } = useTranslation('queue');
  const current = [...board.current].sort((a, b) => a.windowNumber - b.windowNumber);
  return (
    <main className="board-main">
      <section className="board-current">
        <div className="board-current-head">
          <span>{t('board.number')}</span>
          <span>{t('board.window')}</span>
        </div>
        {current.length === 0 ? <div className="board-empty">{t('board.none')}</div> : null}
        {current.map((e) => (
          <div
            // A new key restarts the flash animation when the same window calls again.
            key={`${e.windowNumber}-${flash[e.windowNumber] ?? 'still'}`}
            className={`board-row${flash[e.windowNumber] ? ' flash' : ''}${e.status === 'serving' ? ' serving' : ''}`}
            data-testid={`board-row-${e.windowNumber}`}
            data-number={e.number}
          >
            <span className="board-row-number">{e.number}</span>
            <span className="board-row-arrow">→</span>
            <span className="board-row-window">
              <span className="board-row-window-no">{t('kiosk.goWindow', { number: e.windowNumber })}</span>
              <span className="board-row-window-name">{e.windowName}</span>
            </span>
          </div>
        ))}
      </section>
      <aside className="board-side">
        <section>
          <h2>{t('board.lastCalled')}</h2>
          <ol className="board-last" data-testid="board-last">
            {board.lastCalled.map((e) => (
              <li key={`${e.ticketId}-${e.calledAt}`}>
                <span className="board-last-number">{e.number}</span>
                <span>{t('window.presentWindow', { number: e.windowNumber })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h2>{t('board.waiting')}</h2>
          <ul className="board-waiting" data-testid="board-waiting">
            {board.waiting.map((w) => (
              <li key={w.serviceId}>
                <span>
                  <span className="board-prefix">{w.prefix}</span> {w.name}
                </span>
                <span className="board-waiting-count">{t('board.people', { count: w.count })}</span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </main>
  );
}
