// Style and length of the summary, with what the chosen style does (extractive or with the model).
import { useTranslation } from 'react-i18next';
import type { SummaryLength, SummaryStyle } from '../../pipeline/types';
import { set, useApp } from '../store';

const STYLES: SummaryStyle[] = ['tldr', 'key_points', 'sections', 'lay', 'abstract'];
const LENGTHS: SummaryLength[] = ['short', 'medium', 'long'];

export function SummaryOptions() {
  const { t } = useTranslation();
  const style = useApp((s) => s.style);
  const length = useApp((s) => s.length);
  const kind = useApp((s) => (s.model.status === 'ready' ? 'abstractive' : 'extractive'));
  return (
    <div className="options">
      <label>
        {t('summary.styleLabel')}
        <select data-testid="style" value={style} title={t(`notes.${kind}.${style}`)} onChange={(e) => set({ style: e.target.value as SummaryStyle })}>
          {STYLES.map((s) => (
            <option key={s} value={s}>
              {t(`summary.style.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="length">
        <legend>{t('summary.lengthLabel')}</legend>
        <div className="segmented">
          {LENGTHS.map((l) => (
            <label key={l} className={length === l ? 'on' : ''} data-testid={`length-${l}`}>
              <input type="radio" name="length" value={l} checked={length === l} onChange={() => set({ length: l })} />
              {t(`summary.length.${l}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
