import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_WORTHY_THRESHOLD, precisionRecall, scoreCheckWorthiness, type CheckWorthiness } from './check-worthiness';
import { LABELLED_SENTENCES } from './check-worthiness.data';

const codes = (sentence: string, locale?: string) => scoreCheckWorthiness(sentence, locale).reasons.map((r) => r.code);
const score = (sentence: string, locale?: string) => scoreCheckWorthiness(sentence, locale).score;

/** What every result must satisfy, whatever the input. */
function expectWellFormed(result: CheckWorthiness) {
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(Math.round(result.score * 100) / 100).toBe(result.score);
  expect(result.reasons.length).toBeGreaterThan(0);
  for (const r of result.reasons) {
    expect(r.label.length).toBeGreaterThan(0);
    expect(Number.isFinite(r.weight)).toBe(true);
  }
  const strengths = result.reasons.map((r) => Math.abs(r.weight));
  expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  expect(new Set(result.reasons.map((r) => r.code)).size).toBe(result.reasons.length);
}

const RAISING: [code: string, sentences: string[]][] = [
  [
    'quantity',
    [
      'The council sold 28 playing fields to developers.',
      'The trial heard from forty-two witnesses over six weeks.',
      'Nearly one in five children in the region lives in poverty.',
    ],
  ],
  ['percentage', ['Turnout in the regional election was 58.3%.', 'Turnout in the regional election was 58 per cent.']],
  [
    'money',
    [
      'The company reported a net loss of $430 million.',
      'A litre of diesel now costs €1.92 in the capital.',
      'The council spent 40,000 euros on the consultants.',
    ],
  ],
  [
    'date',
    [
      'Police arrested the suspect near the border on Friday.',
      'The ward was closed by the trust in 2021.',
      'The minimum wage went up for most workers in April.',
    ],
  ],
  [
    'comparison',
    [
      'Murders in the city are at their lowest level since the 1960s.',
      'The new stadium cost more than the original estimate.',
      'Food prices have doubled since the start of the war.',
      'Measles cases in Europe rose 30-fold in the period.',
    ],
  ],
  [
    'statistical',
    [
      'The average age of a farmer in the country has gone up.',
      'Smoking rates among teenagers fell again.',
      'The unemployment rate in the county is unchanged.',
    ],
  ],
  [
    'causal',
    [
      'The outbreak was caused by contaminated lettuce from one farm.',
      'The closure of the plant led to hundreds of job losses.',
      'Rents went up because the supply of homes shrank.',
    ],
  ],
  [
    'attribution',
    [
      'Police said the suspect was arrested at a petrol station.',
      'According to court records, the defendant had prior convictions.',
      'The agency announced an investigation into the airline.',
    ],
  ],
  [
    'organisation',
    [
      'The Ministry of Defence confirmed that troops are stationed abroad.',
      'Officials at the Federal Reserve held interest rates steady.',
      'She was hired by Acme Corp. as a consultant.',
    ],
  ],
  [
    'named-entity',
    [
      'The midfielder was signed by Borussia Dortmund in the summer.',
      'Judge Helen Park dismissed the case against the treasurer.',
      'The figures were published by the CDC on its website.',
    ],
  ],
  ['proper-noun', ['Troops from Britain are stationed near the border.']],
  ['absolute', ['The candidate has never voted to raise taxes.', 'The vaccine does not contain any live virus.']],
  ['quotation', ['“We have paid every invoice on time,” the treasurer said.']],
];

const LOWERING: [code: string, sentences: string[]][] = [
  [
    'opinion',
    ['I think the council has lost touch with residents.', 'In my view, the minister should resign.', 'The government must act now to protect our rivers.'],
  ],
  [
    'evaluative',
    ['The new stadium is a beautiful addition to the skyline.', 'The mayor said the plan is a disaster.', 'She is the best candidate for the job.'],
  ],
  ['question', ['Is the city really broke?', '“Who will pay for it?” she asked.', 'Le gouvernement a-t-il menti sur les chiffres ?']],
  [
    'hedge',
    ['The storm could bring heavy rain to the coast.', 'The merger might face scrutiny from regulators.', 'The drought is likely to worsen over the summer.'],
  ],
  [
    'prediction',
    ['Analysts expect the central bank to cut rates.', 'The company plans to hire more engineers.', 'The new line will open to passengers in the spring.'],
  ],
  ['forecast-number', ['Prices could rise by as much as 20% if the tariffs go ahead.', 'Officials expect the repairs to take about 18 months.']],
  ['vague', ['Many people are worried about the future.', 'Some say the project has been a long time coming.']],
  ['fragment', ['Live updates', 'He was 40.', 'Prime minister resigns']],
  [
    'boilerplate',
    [
      'Read more',
      'Photo: Getty Images',
      'Subscribe to our newsletter for daily updates.',
      'Advertisement',
      'Updated at 14:32 GMT',
      'BY JOHN SMITH AND ANA RUIZ',
      'Reporting by Maria Chen; Editing by Tom Hale',
      'This article was amended on 3 March 2024.',
    ],
  ],
];

describe('scoreCheckWorthiness: signals that raise the score', () => {
  for (const [code, sentences] of RAISING) {
    it.each(sentences)(`${code}: %s`, (sentence) => {
      const reason = scoreCheckWorthiness(sentence).reasons.find((r) => r.code === code);
      expect(reason, `reasons: ${codes(sentence).join(', ')}`).toBeDefined();
      expect(reason!.weight).toBeGreaterThan(0);
    });
  }
});

describe('scoreCheckWorthiness: signals that lower the score', () => {
  for (const [code, sentences] of LOWERING) {
    it.each(sentences)(`${code}: %s`, (sentence) => {
      const reason = scoreCheckWorthiness(sentence).reasons.find((r) => r.code === code);
      expect(reason, `reasons: ${codes(sentence).join(', ')}`).toBeDefined();
      expect(reason!.weight).toBeLessThan(0);
      expect(score(sentence)).toBeLessThan(CHECK_WORTHY_THRESHOLD);
    });
  }
});

describe('scoreCheckWorthiness: cues that must not fire', () => {
  const CASES: [sentence: string, absent: string, why: string][] = [
    ['Unemployment fell to its lowest level in May.', 'hedge', 'May mid-sentence is the month'],
    ['The ward closed in 2021 and never reopened.', 'quantity', 'a year dates, it does not quantify'],
    ['This article was amended on 3 March 2024.', 'quantity', 'a day next to a month is a date'],
    ['The council has lost touch with residents.', 'organisation', 'a lower-case org word names nobody'],
    ['The Prime Minister met union leaders.', 'proper-noun', 'a sentence-initial "The" is not a name'],
    ['The results are at example.org/page?id=3 for everyone.', 'question', 'a question mark inside a URL'],
    ['Ministers met the unions at the weekend.', 'proper-noun', 'the first word is capitalised anyway'],
    ['British troops are stationed in the east.', 'proper-noun', 'a lone first word may be a name or not'],
    ['The party received 34.7% of the vote, its best result since 1998.', 'evaluative', '"best" next to data ranks, it does not praise'],
    ['The new stadium cost less than planned.', 'absolute', 'no absolute word'],
  ];
  it.each(CASES)('%s (no %s: %s)', (sentence, absent) => {
    expect(codes(sentence)).not.toContain(absent);
  });

  it('treats "best" without data as praise and with data as a comparison', () => {
    expect(codes('She is the best candidate for the job.')).toContain('evaluative');
    expect(codes('The party received 34.7% of the vote, its best result since 1998.')).toContain('comparison');
  });
});

describe('scoreCheckWorthiness: what an editor sees', () => {
  it.each([
    ['Unemployment fell to 3.9% in May, the lowest since 2001.', true],
    ['According to the health ministry, 312 people died of heatstroke in July.', true],
    ['The mayor said the plan is a disaster.', false],
    ['Is the city really broke?', false],
    ['Read more', false],
  ])('%s → check-worthy: %s', (sentence, worthy) => {
    expect(score(sentence) >= CHECK_WORTHY_THRESHOLD).toBe(worthy);
  });

  it('scores a hedged or forecast version of a claim lower than the claim', () => {
    const claim = score('Prices rose by 20% after the tariffs took effect.');
    expect(score('Prices could rise by 20% after the tariffs take effect.')).toBeLessThan(claim);
    expect(score('Prices will rise by 20% after the tariffs take effect.')).toBeLessThan(claim);
  });

  it('scores a question lower than the same statement', () => {
    expect(score('Did crime in the city double under the mayor?')).toBeLessThan(score('Crime in the city doubled under the mayor.'));
  });

  it('explains a sentence with nothing specific in it', () => {
    const { score: s, reasons } = scoreCheckWorthiness('The suspect entered the country on a student visa.');
    expect(reasons.map((r) => r.code)).toEqual(['no-specifics']);
    expect(s).toBeLessThan(CHECK_WORTHY_THRESHOLD);
    expect(codes('The law was passed in 2019.')).not.toContain('no-specifics');
  });

  it('is the logistic of the listed weights, with nothing hidden', () => {
    for (const { text } of LABELLED_SENTENCES.slice(0, 40)) {
      const { score: s, reasons } = scoreCheckWorthiness(text);
      const sum = reasons.reduce((total, r) => total + r.weight, 0);
      expect(s).toBeCloseTo(1 / (1 + Math.exp(-sum)), 2);
    }
  });

  it('lists negative reasons too, so a low score explains itself', () => {
    const { reasons } = scoreCheckWorthiness('Prices could rise by as much as 20% if the tariffs go ahead.');
    expect(reasons.some((r) => r.weight > 0)).toBe(true);
    expect(reasons.some((r) => r.weight < 0)).toBe(true);
  });

  it('gives the same code the same weight and label everywhere', () => {
    const seen = new Map<string, string>();
    for (const { text } of LABELLED_SENTENCES) {
      for (const r of scoreCheckWorthiness(text).reasons) {
        const key = `${r.label}|${r.weight}`;
        expect(seen.get(r.code) ?? key).toBe(key);
        seen.set(r.code, key);
      }
    }
  });

  it('keeps every labelled sentence well formed', () => {
    for (const { text } of LABELLED_SENTENCES) expectWellFormed(scoreCheckWorthiness(text));
  });
});

describe('scoreCheckWorthiness: other languages', () => {
  it('still sees numbers, money, percentages and years', () => {
    const found = codes('Der Haushalt steigt 2024 um 4,2 % auf 480 Milliarden €.', 'de');
    expect(found).toEqual(expect.arrayContaining(['quantity', 'percentage', 'money', 'date']));
    expect(score('Der Haushalt steigt 2024 um 4,2 % auf 480 Milliarden €.', 'de')).toBeGreaterThanOrEqual(CHECK_WORTHY_THRESHOLD);
  });

  it('does not read German nouns as names', () => {
    expect(codes('Die Regierung hat das Gesetz im Bundestag verabschiedet.', 'de')).not.toContain('named-entity');
    expect(codes('Die Regierung hat das Gesetz im Bundestag verabschiedet.', 'de')).not.toContain('proper-noun');
  });

  it('applies no English word lists', () => {
    expect(codes('Il a dit que le projet will be late, may be never.', 'fr')).not.toContain('hedge');
  });

  it('handles text without spaces', () => {
    expect(codes('政府预算今年增加了12%。', 'zh')).toEqual(expect.arrayContaining(['quantity', 'percentage']));
    expect(codes('政府预算今年增加了12%。', 'zh')).not.toContain('fragment');
    expect(codes('政府は本当に破綻したのか？', 'ja')).toContain('question');
  });

  it('counts non-Latin digits as numbers', () => {
    expect(codes('ارتفع عدد السكان إلى ٤٥ مليون نسمة هذا العام', 'ar')).toContain('quantity');
  });
});

describe('scoreCheckWorthiness: input it must survive', () => {
  const EMPTY = ['', '   \n\t ', '...!?', '— – -', '\u200B\u200C\u200D\u2060\uFEFF', '\u00AD', '"“”"'];
  it.each(EMPTY)('scores %j as empty', (input) => {
    const result = scoreCheckWorthiness(input);
    expect(result.score).toBe(0);
    expect(result.reasons.map((r) => r.code)).toEqual(['empty']);
    expect(result.reasons[0].label.length).toBeGreaterThan(0);
  });

  it.each([
    ['a 100,000-character word', 'x'.repeat(100_000)],
    ['a 100,000-character sentence', 'The budget rose by 5% last year. '.repeat(3_000)],
    ['zero-width characters inside words', 'Un\u200Bemploy\u200Dment fell to 3.9% in May.'],
    ['a lone surrogate', '\uD800 fell 5%'],
    ['emoji', '📈📉 🔥🔥🔥'],
    ['control characters', '\u0000\u0001\u0007 2024 \u001b[31m'],
    ['right-to-left text', 'قال الوزير إن العجز انخفض بنسبة 3٪'],
  ])('never throws on %s', (_name, input) => {
    expectWellFormed(scoreCheckWorthiness(input));
  });

  it('ignores zero-width characters inside words', () => {
    expect(scoreCheckWorthiness('Un\u200Bemploy\u200Dment fell to 3.9% in May.')).toEqual(scoreCheckWorthiness('Unemployment fell to 3.9% in May.'));
  });

  it('survives what a careless caller may pass', () => {
    for (const bad of [undefined, null, 42, {}]) {
      expect(scoreCheckWorthiness(bad as unknown as string)).toEqual({ score: 0, reasons: [expect.objectContaining({ code: 'empty' })] });
    }
  });

  it('never throws and stays well formed on arbitrary text and locales', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.option(fc.constantFrom('en', 'de', 'fr', 'zh', 'ar', 'xx-YY', '')), (text, locale) => {
        expectWellFormed(scoreCheckWorthiness(text, locale ?? undefined));
      }),
      { numRuns: 500 },
    );
  });
});

describe('precisionRecall', () => {
  it('counts each kind of hit and miss', () => {
    const result = precisionRecall([
      { text: 'Unemployment fell to 3.9% in May, the lowest since 2001.', checkWorthy: true },
      { text: 'Is the city really broke?', checkWorthy: true },
      { text: 'The company reported a net loss of $430 million.', checkWorthy: false },
      { text: 'Read more', checkWorthy: false },
    ]);
    expect(result).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, fp: 1, fn: 1, tn: 1 });
  });

  it('moves with the threshold', () => {
    expect(precisionRecall([{ text: 'Read more', checkWorthy: false }], 0).fp).toBe(1);
    expect(precisionRecall([{ text: 'Unemployment fell to 3.9%.', checkWorthy: true }], 1.01).fn).toBe(1);
  });

  it('reports 0 rather than NaN when nothing is predicted', () => {
    expect(precisionRecall([])).toEqual({ precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 0, tn: 0 });
  });
});

describe('LABELLED_SENTENCES', () => {
  it('is a usable evaluation set', () => {
    expect(LABELLED_SENTENCES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(LABELLED_SENTENCES.map((s) => s.text)).size).toBe(LABELLED_SENTENCES.length);
    const share = LABELLED_SENTENCES.filter((s) => s.checkWorthy).length / LABELLED_SENTENCES.length;
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.65);
  });

  it('is scored with precision and recall of at least 0.8', () => {
    const result = precisionRecall(LABELLED_SENTENCES);
    const misses = LABELLED_SENTENCES.filter((s) => score(s.text) >= CHECK_WORTHY_THRESHOLD !== s.checkWorthy);
    console.log(
      `check-worthiness on ${LABELLED_SENTENCES.length} labelled sentences: precision ${result.precision.toFixed(3)}, ` +
        `recall ${result.recall.toFixed(3)}, F1 ${result.f1.toFixed(3)} (tp ${result.tp}, fp ${result.fp}, fn ${result.fn}, tn ${result.tn})\n` +
        misses.map((s) => `  ${s.checkWorthy ? 'missed' : 'false alarm'} (${score(s.text)}): ${s.text}`).join('\n'),
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });
});
