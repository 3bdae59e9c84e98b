// Page layout and the global keyboard shortcuts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { stop, summarize } from '../actions';
import { stopAsking } from '../askActions';
import { HistoryPanel } from '../history/HistoryPanel';
import { PersistenceNotices } from '../history/PersistenceNotices';
import { MemoryWarning } from '../recovery/MemoryWarning';
import { RecoveryNotice } from '../recovery/RecoveryNotice';
import { DownloadBar } from './DownloadBar';
import { LanguageSelect } from './LanguageSelect';
import { AskPanel } from './AskPanel';
import { FactsCard } from './FactsCard';
import { ModelPicker } from './ModelPicker';
import { PaperView } from './PaperView';
import { PaperInput } from './PaperInput';
import { RunControls } from './RunControls';
import { SettingsPanel } from './SettingsPanel';
import { StatusBar } from './StatusBar';
import { StoragePanel } from './StoragePanel';
import { StructurePanel } from './StructurePanel';
import { SummaryBanner } from './SummaryBanner';
import { SummaryOptions } from './SummaryOptions';
import { SummaryView } from './SummaryView';

function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void summarize();
      } else if (e.key === 'Escape') {
        stop();
        stopAsking();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useShortcuts();
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="top">
        <h1>
          PaperLens <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <LanguageSelect />
        <StatusBar />
      </header>
      <RecoveryNotice />
      <MemoryWarning />
      <PersistenceNotices />
      <main className="layout">
        <div className="column">
          <PaperInput />
          <StructurePanel />
          <PaperView />
        </div>
        <div className="column">
          <ModelPicker />
          <section className="card" aria-labelledby="summary-heading">
            <div className="card-head">
              <h2 id="summary-heading">{t('app.summaryHeading')}</h2>
            </div>
            <SummaryOptions />
            <RunControls />
            <SummaryBanner />
            <SummaryView />
            <DownloadBar />
          </section>
          <AskPanel />
          <FactsCard />
          <SettingsPanel />
          <StoragePanel />
          <HistoryPanel />
        </div>
      </main>
      <footer className="meta">{t('app.footer')}</footer>
    </div>
  );
}
