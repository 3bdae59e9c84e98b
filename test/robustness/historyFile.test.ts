// Export/import of the whole history as one JSON file: round trip, and a clear refusal for every
// kind of bad file.
import { describe, expect, it } from 'vitest';
import { exportHistory, HistoryFileError, parseHistoryFile } from '../../src/app/persistence/historyFile';
import { entryFromRecord } from '../../src/app/persistence/records';
import { sampleRecord } from './support/records';

describe('history file', () => {
  it('round-trips entries with their names, dates and records; imported ids are fresh', () => {
    const a = { ...entryFromRecord(sampleRecord()), name: 'My routing notes' };
    const b = entryFromRecord(sampleRecord({ kind: 'abstractive', modelId: 'distilbart', backend: 'wasm', partial: true, summary: '# Key\n\n- one' }));
    const back = parseHistoryFile(exportHistory([a, b]));
    expect(back.map(({ name, savedAt, record }) => ({ name, savedAt, record }))).toEqual([a, b].map(({ name, savedAt, record }) => ({ name, savedAt, record })));
    expect(back.map((e) => e.id)).not.toContain(a.id);
    expect(new Set(back.map((e) => e.id)).size).toBe(2);
  });

  it('accepts one summary downloaded as .json', () => {
    const r = sampleRecord({ summary: 'Just one.' });
    const [e] = parseHistoryFile(JSON.stringify(r));
    expect(e.record.summary).toBe('Just one.');
    expect(e.name).toBe(r.title);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"format": "paperlens-history", ', /not valid JSON/],
    ['an unrelated JSON object', '{"hello": 1}', /not a PaperLens history/],
    ['a newer format', JSON.stringify({ format: 'paperlens-history', version: 99, entries: [] }), /newer PaperLens.*version 99/],
    ['no entries list', JSON.stringify({ format: 'paperlens-history', version: 1, entries: {} }), /no list of summaries/],
    ['an entry without summary text', JSON.stringify({ format: 'paperlens-history', version: 1, entries: [{ record: sampleRecord({ summary: '  ' }) }] }), /summary 1: the summary text is missing/],
    ['an unknown style', JSON.stringify([{ record: { ...sampleRecord(), style: 'poem' } }]), /style "poem" is unknown/],
    ['a bad date', JSON.stringify([sampleRecord({ date: 'yesterday' })]), /the date is not a date/],
    ['a string entry', JSON.stringify(['<script>alert(1)</script>']), /summary 1: it has no summary record|summary 1: /],
  ];
  it.each(bad)('refuses %s with a message that says why', (_, text, message) => {
    expect(() => parseHistoryFile(text)).toThrow(HistoryFileError);
    expect(() => parseHistoryFile(text)).toThrow(message);
  });

  it('imports nothing when any entry is bad, and counts the rest of the problems', () => {
    const entries = [sampleRecord(), ...Array.from({ length: 5 }, () => ({ ...sampleRecord(), kind: 'poetic' }))];
    expect(() => parseHistoryFile(JSON.stringify(entries))).toThrow(/Nothing was imported: summary 2: .*and 2 more/);
  });
});
