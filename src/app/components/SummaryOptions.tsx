// Style and length of the summary.
import type { SummaryLength, SummaryStyle } from '../../pipeline/types';
import { set, useApp } from '../store';

const STYLES: { value: SummaryStyle; label: string }[] = [
  { value: 'tldr', label: 'TL;DR' },
  { value: 'key_points', label: 'Key points' },
  { value: 'sections', label: 'Section by section' },
  { value: 'lay', label: 'Lay summary' },
  { value: 'abstract', label: 'Abstract' },
];

const LENGTHS: { value: SummaryLength; label: string }[] = [
  { value: 'short', label: 'Short' },
  { value: 'medium', label: 'Medium' },
  { value: 'long', label: 'Long' },
];

export function SummaryOptions() {
  const style = useApp((s) => s.style);
  const length = useApp((s) => s.length);
  return (
    <div className="options">
      <label>
        Style
        <select data-testid="style" value={style} onChange={(e) => set({ style: e.target.value as SummaryStyle })}>
          {STYLES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="length">
        <legend>Length</legend>
        <div className="segmented">
          {LENGTHS.map((l) => (
            <label key={l.value} className={length === l.value ? 'on' : ''} data-testid={`length-${l.value}`}>
              <input type="radio" name="length" value={l.value} checked={length === l.value} onChange={() => set({ length: l.value })} />
              {l.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
