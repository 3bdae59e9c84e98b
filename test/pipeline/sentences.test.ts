import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/pipeline/sentences';

const cases: [string, string[]][] = [
  ['Smith et al. proposed a model. It works well.', ['Smith et al. proposed a model.', 'It works well.']],
  ['As shown in Fig. 3, the loss decreases. We then test it.', ['As shown in Fig. 3, the loss decreases.', 'We then test it.']],
  ['Fig. 3 shows the loss. Eq. (2) defines it.', ['Fig. 3 shows the loss.', 'Eq. (2) defines it.']],
  ['We minimize Eq. (2) with SGD. Results follow.', ['We minimize Eq. (2) with SGD.', 'Results follow.']],
  ['Many models, e.g. BERT, are large. Others, i.e. small ones, are not.', ['Many models, e.g. BERT, are large.', 'Others, i.e. small ones, are not.']],
  ['Ours vs. theirs is compared. The value is 3.14 here. Next one.', ['Ours vs. theirs is compared.', 'The value is 3.14 here.', 'Next one.']],
  ['This was shown before [12]. Prior work (Smith et al., 2020) agrees. We go on.', ['This was shown before [12].', 'Prior work (Smith et al., 2020) agrees.', 'We go on.']],
  ['J. R. R. Tolkien wrote books. A. Smith disagreed.', ['J. R. R. Tolkien wrote books.', 'A. Smith disagreed.']],
  ['See https://example.com/a.b.c?x=1 for code. The end.', ['See https://example.com/a.b.c?x=1 for code.', 'The end.']],
  ['Transformers work well (Vaswani et al., 2017). BERT extends them.', ['Transformers work well (Vaswani et al., 2017).', 'BERT extends them.']],
  ['Results are in Sec. 4. Table 2 shows more.', ['Results are in Sec. 4.', 'Table 2 shows more.']],
  ['Accuracy was 92.5% on CIFAR-10. Is it good? Yes!', ['Accuracy was 92.5% on CIFAR-10.', 'Is it good?', 'Yes!']],
  ['Table 1. Accuracy of all models. We then discuss it.', ['Table 1. Accuracy of all models.', 'We then discuss it.']],
  ['Figure S2. Loss curves. The loss falls.', ['Figure S2. Loss curves.', 'The loss falls.']],
];

describe('splitSentences', () => {
  it.each(cases)('%s', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });

  it('ends a sentence at a paragraph break even without punctuation', () => {
    expect(splitSentences('A heading like line\n\nThe body starts here. It goes on.')).toEqual([
      'A heading like line',
      'The body starts here.',
      'It goes on.',
    ]);
  });

  it('joins wrapped lines inside a paragraph', () => {
    expect(splitSentences('The model was\ntrained for 3\ndays. It converged.')).toEqual(['The model was trained for 3 days.', 'It converged.']);
  });
});
