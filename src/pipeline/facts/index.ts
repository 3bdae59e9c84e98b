// The facts card: rule-based extraction, model-based extraction with grounding, and exports.
export type { FactValue, LinkFact, PaperFacts, ResultFact, SentenceRef } from './types';
export { extractFacts, emptyFacts } from './extract';
export { groundFacts, withoutUnsupported } from './ground';
export { extractFactsWithModel, buildFactsPrompt, mergeFacts, type FactsProgress, type ModelFactsOptions } from './model';
export { FACTS_JSON_SCHEMA, parseModelFacts } from './schema';
export { factsToCsv, factsToJson, factsToMarkdown } from './exports';
export { factsToBibtex, citationKey, escapeLatex } from './bibtex';
export { DEFAULT_LABELS, type FactLabels } from './labels';
