// Constrained JSON decoding: a JsonSchema (subset) compiled to a character automaton, masked
// token by token over the vocabulary. See constraint.ts for the token level, automaton.ts for
// the accepted formatting.
export { JsonConstraint, JsonGrammar } from './constraint';
export { TokenVocabulary, type VocabTokenizer } from './vocab';
export { validateJson } from './validate';
export { compileSchema } from './schema';
