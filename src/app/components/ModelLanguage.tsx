// Languages in the model card: which model to pick for a Chinese paper, and (for instruction
// models) the language the summary is written in.
import { useTranslation } from 'react-i18next';
import { chooseModel } from '../actions';
import { useCatalogue, type ModelChoice } from '../catalogueView';
import { t as translate } from '../i18n';
import { formatList } from '../i18n/format';
import { set, useApp, type OutputLanguage as Output } from '../store';

/** "English, Chinese and 11 more" is too long for a line: the two the interface knows, then "many". */
export function languageList(codes: string[]): string {
  const named = codes.filter((c) => c === 'en' || c === 'zh').map((c) => translate(`languageName.${c}`));
  if (codes.length > named.length + 1) named.push(translate('languageName.multi'));
  return formatList(named.length ? named : codes);
}

/** The multilingual instruction model to suggest for a Chinese paper: the smallest that lists Chinese. */
export function chineseModel(choices: readonly ModelChoice[]): ModelChoice | undefined {
  return choices.find((c) => c.instruct && c.languages.includes('zh'));
}

export function Recommendation({ current }: { current: ModelChoice | undefined }) {
  const { t } = useTranslation();
  const chinese = useApp((s) => s.paper?.language === 'zh');
  const choices = useCatalogue((s) => s.choices);
  const pick = chineseModel(choices);
  if (!chinese || !pick || current?.languages.includes('zh')) return null;
  return (
    <p className="meta" data-testid="model-recommendation" data-id={pick.id}>
      {t('model.recommendChinese', { label: pick.label })}{' '}
      <button type="button" className="link" onClick={() => chooseModel(pick)}>
        {pick.label}
      </button>
    </p>
  );
}

export function OutputLanguage({ current }: { current: ModelChoice | undefined }) {
  const { t } = useTranslation();
  const value = useApp((s) => s.outputLanguage);
  const causal = useApp((s) => s.model.status === 'ready' && s.runtime?.modelKind === 'causal');
  // Seq2seq summarizers take no instruction, so they cannot be asked for a language.
  if (!causal && !current?.instruct) return null;
  return (
    <label className="dtype-row">
      {t('model.outputLanguage')}
      <select data-testid="output-language" value={value} onChange={(e) => set({ outputLanguage: e.target.value as Output })}>
        <option value="auto">{t('model.outputSame')}</option>
        <option value="en">{t('model.outputEn')}</option>
        <option value="zh">{t('model.outputZh')}</option>
      </select>
    </label>
  );
}
