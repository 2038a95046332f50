import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkTask,
  correctOptionIndex,
  countSyllablesNl,
  exerciseTexts,
  fillLessonPlaceholders,
  fillPlaceholders,
  findPlaceholders,
  fleschDouma,
  gradeQuiz,
  lintLearningPath,
  lintLesson,
  lintLessonSets,
  markdownToPlainBlocks,
  MAX_AVG_SENTENCE_LENGTH,
  MAX_MINUTES,
  MIN_FLESCH_DOUMA,
  MIN_MINUTES,
  parseLesson,
  parseLessonModules,
  PLACEHOLDER_KEYS,
  readability,
  SCREEN_IDS,
  splitFrontMatter,
  type Lesson,
  type TaskCheck,
  type TaskEntry,
} from '../../shared/lessons';
import { loadLessonFiles } from '../../shared/lessons/node';

const LESSONS_DIR = join(__dirname, '..', '..', 'renderer', 'lessons');
const files = loadLessonFiles(LESSONS_DIR);
const nl = files.filter((f) => f.lang === 'nl').map((f) => f.lesson).sort((a, b) => a.order - b.order);
const en = files.filter((f) => f.lang === 'en').map((f) => f.lesson).sort((a, b) => a.order - b.order);

/** The curriculum of issue 9, in order. */
const EXPECTED_IDS = [
  'why-keep-books',
  'money-in-out',
  'double-entry',
  'chart-of-accounts',
  'bank-statement',
  'invoice',
  'volunteers',
  'budget-coverage-plan',
  'grant-spending',
  'year-end',
  'anbi-transparency',
  'earning-on-benefit',
];

/** Every text a reader sees in a lesson, for placeholder checks. */
const allText = (l: Lesson) => [l.title, l.summary ?? '', l.body, ...exerciseTexts(l)].join('\n');

describe('lesson files', () => {
  it('has at least 12 lessons per language, in the order of the curriculum', () => {
    expect(nl.length).toBeGreaterThanOrEqual(12);
    expect(en.length).toBe(nl.length);
    expect(nl.map((l) => l.id).slice(0, EXPECTED_IDS.length)).toEqual(EXPECTED_IDS);
  });

  it.each(files.map((f) => [`${f.lang}/${f.file}`, f] as const))('%s is named NN-<id>.md after its front matter', (_name, f) => {
    expect(f.file).toBe(`${String(f.lesson.order).padStart(2, '0')}-${f.lesson.id}.md`);
  });

  it('orders run 1..N without gaps, ids are unique and the floors follow the learning path', () => {
    expect(lintLearningPath(nl)).toEqual([]);
    expect(lintLearningPath(en)).toEqual([]);
    expect(nl[0]?.floor).toBe('kelder');
    expect(nl[nl.length - 1]?.floor).toBe('eerste-verdieping');
  });

  it('the nl and en sets agree on ids, order, floor, screens, figures and exercise', () => {
    expect(lintLessonSets({ nl, en })).toEqual([]);
  });
});

describe.each(nl.map((l) => [l.id, l] as const))('Dutch lesson %s', (_id, lesson) => {
  const stats = readability(lesson.body);

  it(`reads at B1: Flesch–Douma >= ${MIN_FLESCH_DOUMA}, sentences <= ${MAX_AVG_SENTENCE_LENGTH} words on average`, () => {
    expect(stats.fleschDouma).toBeGreaterThanOrEqual(MIN_FLESCH_DOUMA);
    expect(stats.averageSentenceLength).toBeLessThanOrEqual(MAX_AVG_SENTENCE_LENGTH);
  });

  it(`takes ${MIN_MINUTES}–${MAX_MINUTES} minutes to read and says so in its front matter`, () => {
    expect(stats.minutes).toBeGreaterThanOrEqual(MIN_MINUTES);
    expect(stats.minutes).toBeLessThanOrEqual(MAX_MINUTES);
    expect(Math.abs(lesson.minutes - stats.minutes)).toBeLessThanOrEqual(1);
  });
});

describe.each(files.map((f) => [`${f.lang}/${f.lesson.id}`, f.lesson] as const))('lesson %s', (_name, lesson) => {
  it('passes every content rule', () => {
    expect(lintLesson(lesson)).toEqual([]);
  });

  it('ends with a checkable exercise: a quiz of 3–5 questions with exactly one correct option each, or a task', () => {
    const ex = lesson.exercise;
    if (ex.type === 'quiz') {
      expect(ex.questions.length).toBeGreaterThanOrEqual(3);
      expect(ex.questions.length).toBeLessThanOrEqual(5);
      for (const q of ex.questions) {
        expect(q.options.filter((o) => o.correct === true)).toHaveLength(1);
        for (const o of q.options) expect(o.feedback.trim()).not.toBe('');
      }
    } else {
      expect(ex.type).toBe('task');
      expect(ex.instructions.trim()).not.toBe('');
    }
  });

  it('refers only to known screens', () => {
    const allowed: readonly string[] = SCREEN_IDS;
    for (const s of [...lesson.screens, ...lesson.screenLinks]) expect(allowed).toContain(s);
  });

  it('uses only known placeholders, and no volunteer-fee amounts typed in', () => {
    const allowed: readonly string[] = PLACEHOLDER_KEYS;
    for (const key of findPlaceholders(allText(lesson))) expect(allowed).toContain(key);
    if (lesson.id === 'volunteers') {
      expect(findPlaceholders(lesson.body)).toEqual(expect.arrayContaining(['limit.perMonth', 'limit.perYear', 'limit.perHourAdult', 'limit.perHourYoung', 'limit.ageThreshold', 'limit.year']));
      // Dated limits come from shared rules only: no "€ 5,60 per uur" or "€ 2.100" in the text.
      expect(lesson.body).not.toMatch(/€\s?\d+,\d{2}\s+per uur|€\s?\d+,\d{2} an hour|€\s?\d\.\d{3}\b|€\s?\d,\d{3}\b/);
    }
  });
});

describe('practice tasks in the lessons', () => {
  const taskLessons = nl.filter((l) => l.exercise.type === 'task');

  it('lesson 2 and 5 carry the checks from the issue', () => {
    const check = (id: string) => {
      const ex = nl.find((l) => l.id === id)?.exercise;
      return ex?.type === 'task' ? ex.check : undefined;
    };
    expect(check('money-in-out')).toEqual({ kind: 'entryExists', account: '4300', amount: '23.95', side: 'debit', counterAccount: '1000' });
    expect(check('bank-statement')).toEqual({ kind: 'entryExists', account: '4610', amount: '3.50', side: 'debit', counterAccount: '1100' });
  });

  it.each(taskLessons.map((l) => [l.id, l] as const))('%s: the intended entry passes, an empty administration does not', (_id, lesson) => {
    if (lesson.exercise.type !== 'task') throw new Error('not a task');
    const c = lesson.exercise.check;
    const other = c.side === 'debit' ? 'credit' : 'debit';
    const entry: TaskEntry = {
      date: '2025-05-01',
      description: 'oefening',
      lines: [
        { account: c.account, [c.side]: c.amount },
        { account: c.counterAccount ?? '2000', [other]: c.amount },
      ],
    };
    expect(checkTask(c, [entry]).ok).toBe(true);
    expect(checkTask(c, []).ok).toBe(false);
  });
});

// ---- checkTask ----

const bankCosts: TaskCheck = { kind: 'entryExists', account: '4610', amount: '3.50', side: 'debit', counterAccount: '1100' };
const entry = (lines: TaskEntry['lines'], description = 'Kosten betaalrekening'): TaskEntry => ({ date: '2025-03-31', description, lines });

describe('checkTask', () => {
  it('accepts the correct entry', () => {
    const r = checkTask(bankCosts, [entry([{ account: '4610', debit: '3.50' }, { account: '1100', credit: '3.50' }])]);
    expect(r.ok).toBe(true);
    expect(r.feedback).toMatch(/Goed gedaan/);
  });

  it('accepts the same amount written differently and a split over two lines of the same account', () => {
    expect(checkTask(bankCosts, [entry([{ account: '4610', debit: '3.5' }, { account: '1100', credit: '3.50' }])]).ok).toBe(true);
    const split = entry([
      { account: '4610', debit: '2.00' },
      { account: '4610', debit: '1.50' },
      { account: '1100', credit: '3.50' },
    ]);
    expect(checkTask(bankCosts, [split]).ok).toBe(true);
  });

  it('compares money as integer cents (0.10 + 0.20 is exactly 0.30)', () => {
    const check: TaskCheck = { kind: 'entryExists', account: '4610', amount: '0.30', side: 'debit', counterAccount: '1100' };
    const e = entry([
      { account: '4610', debit: '0.10' },
      { account: '4610', debit: '0.20' },
      { account: '1100', credit: '0.30' },
    ]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(checkTask(check, [e]).ok).toBe(true);
  });

  it('finds the right entry among others', () => {
    const r = checkTask(bankCosts, [
      entry([{ account: '4100', debit: '35.00' }, { account: '1100', credit: '35.00' }], 'Huur'),
      entry([{ account: '4610', debit: '3.50' }, { account: '1100', credit: '3.50' }]),
    ]);
    expect(r.ok).toBe(true);
  });

  it('rejects the wrong account and names the account used', () => {
    const r = checkTask(bankCosts, [entry([{ account: '4600', debit: '3.50' }, { account: '1100', credit: '3.50' }])], {
      accountNames: { '4610': 'Bankkosten', '4600': 'Kantoor en administratie' },
    });
    expect(r.ok).toBe(false);
    expect(r.feedback).toContain('4600 (Kantoor en administratie)');
    expect(r.feedback).toContain('4610 (Bankkosten)');
  });

  it('rejects the wrong amount and says what it should be', () => {
    const r = checkTask(bankCosts, [entry([{ account: '4610', debit: '35.00' }, { account: '1100', credit: '35.00' }])]);
    expect(r.ok).toBe(false);
    expect(r.feedback).toContain('€ 35,00');
    expect(r.feedback).toContain('€ 3,50');
  });

  it('rejects the wrong side', () => {
    const r = checkTask(bankCosts, [entry([{ account: '1100', debit: '3.50' }, { account: '4610', credit: '3.50' }])]);
    expect(r.ok).toBe(false);
    expect(r.feedback).toMatch(/creditkant/);
    expect(r.feedback).toMatch(/debetkant/);
  });

  it('rejects the wrong counter account (cash instead of bank)', () => {
    const r = checkTask(bankCosts, [entry([{ account: '4610', debit: '3.50' }, { account: '1000', credit: '3.50' }])]);
    expect(r.ok).toBe(false);
    expect(r.feedback).toContain('1000');
    expect(r.feedback).toContain('1100');
  });

  it('says so when there is no entry at all, or none on the account', () => {
    expect(checkTask(bankCosts, []).feedback).toMatch(/nog geen boeking/);
    const r = checkTask(bankCosts, [entry([{ account: '4100', debit: '35.00' }, { account: '1100', credit: '35.00' }])]);
    expect(r.ok).toBe(false);
    expect(r.feedback).toContain('4610');
  });

  it('checks a credit-side task (a grant received)', () => {
    const grant: TaskCheck = { kind: 'entryExists', account: '8300', amount: '2500.00', side: 'credit', counterAccount: '1100' };
    expect(checkTask(grant, [entry([{ account: '1100', debit: '2500.00' }, { account: '8300', credit: '2500.00' }])]).ok).toBe(true);
    expect(checkTask(grant, [entry([{ account: '8300', debit: '2500.00' }, { account: '1100', credit: '2500.00' }])]).ok).toBe(false);
    expect(checkTask(grant, [entry([{ account: '1100', debit: '2500.00' }, { account: '8200', credit: '2500.00' }])]).ok).toBe(false);
  });

  it('gives English feedback on request', () => {
    const r = checkTask(bankCosts, [entry([{ account: '4610', debit: '3.00' }, { account: '1100', credit: '3.00' }])], { lang: 'en' });
    expect(r.ok).toBe(false);
    expect(r.feedback).toContain('should be € 3.50');
  });

  it('ignores lines with unreadable amounts instead of guessing', () => {
    expect(checkTask(bankCosts, [entry([{ account: '4610', debit: '3,50' }, { account: '1100', credit: '3,50' }])]).ok).toBe(false);
  });
});

// ---- quiz ----

describe('gradeQuiz', () => {
  const quizLesson = nl.find((l) => l.id === 'why-keep-books');
  if (!quizLesson || quizLesson.exercise.type !== 'quiz') throw new Error('lesson 1 should have a quiz');
  const quiz = quizLesson.exercise;

  it('passes when every answer is correct, with the feedback of each chosen option', () => {
    const answers = quiz.questions.map(correctOptionIndex);
    const r = gradeQuiz(quiz, answers);
    expect(r).toMatchObject({ score: quiz.questions.length, total: quiz.questions.length, passed: true });
    r.answers.forEach((a, i) => expect(a.feedback).toBe(quiz.questions[i]?.options[answers[i] ?? -1]?.feedback));
  });

  it('fails on a wrong or missing answer and explains the wrong one', () => {
    const answers: Array<number | null> = quiz.questions.map(correctOptionIndex);
    const q0 = quiz.questions[0];
    if (!q0) throw new Error('no question');
    const wrong = q0.options.findIndex((o) => o.correct !== true);
    answers[0] = wrong;
    answers[1] = null;
    const r = gradeQuiz(quiz, answers);
    expect(r.passed).toBe(false);
    expect(r.score).toBe(quiz.questions.length - 2);
    expect(r.answers[0]).toMatchObject({ correct: false, feedback: q0.options[wrong]?.feedback });
    expect(r.answers[1]).toMatchObject({ chosen: null, correct: false, feedback: '' });
  });
});

// ---- parsing and linting ----

const minimalBody = (sentences: number) => Array.from({ length: sentences }, () => 'We tellen het geld in de kas.').join(' ');

function lessonSource(front: string, body: string): string {
  return `---\n${front}\n---\n${body}\n`;
}

/** Front matter of a synthetic quiz lesson with `questions` questions of which `correct` options are right. */
function quizFront(questions = 3, correct = 1): string {
  const qs = Array.from({ length: questions }, (_, i) => {
    const options = [0, 1, 2].map((k) => `        - { text: Optie ${k}, ${k < correct ? 'correct: true, ' : ''}feedback: Uitleg ${k}. }`);
    return [`    - id: q${i + 1}`, `      question: Vraag ${i + 1}?`, '      options:', ...options].join('\n');
  });
  return ['id: test-les', 'title: Test', 'order: 1', 'minutes: 4', 'floor: kelder', 'screens: [dashboard]', 'exercise:', '  type: quiz', '  questions:', ...qs].join('\n');
}
const goodFront = quizFront();

describe('parseLesson and lintLesson', () => {
  it('parses a well-formed lesson that passes the lint', () => {
    const l = parseLesson(lessonSource(goodFront, minimalBody(85)), 'nl');
    expect(l.id).toBe('test-les');
    expect(lintLesson(l)).toEqual([]);
  });

  it('rejects a file without front matter, an unknown screen and an unknown floor', () => {
    expect(() => parseLesson('# Geen front matter', 'nl')).toThrow(/front matter/);
    expect(() => parseLesson(lessonSource(goodFront.replace('[dashboard]', '[kassa-scherm]'), 'Tekst.'), 'nl')).toThrow(/screens/);
    expect(() => parseLesson(lessonSource(goodFront.replace('floor: kelder', 'floor: zolder'), 'Tekst.'), 'nl')).toThrow(/floor/);
  });

  it('reports a quiz without exactly one correct option, or with too few or too many questions', () => {
    const problems = (front: string) => lintLesson(parseLesson(lessonSource(front, minimalBody(85)), 'nl')).join('\n');
    expect(problems(quizFront(3, 2))).toMatch(/2 correct options/);
    expect(problems(quizFront(3, 0))).toMatch(/0 correct options/);
    expect(problems(quizFront(2))).toMatch(/2 questions/);
    expect(problems(quizFront(6))).toMatch(/6 questions/);
    expect(problems(quizFront(5))).toBe('');
  });

  it('reports unknown placeholders and unknown screen links', () => {
    const l = parseLesson(lessonSource(goodFront, `${minimalBody(85)} Het maximum is {{limit.perWeek}}. Zie [hier](screen:kas).`), 'nl');
    const problems = lintLesson(l).join('\n');
    expect(problems).toMatch(/unknown placeholder \{\{limit\.perWeek\}\}/);
    expect(problems).toMatch(/unknown screen id "kas"/);
  });

  it('reports hard Dutch, long sentences and a wrong reading time', () => {
    const hard = Array.from(
      { length: 30 },
      () => 'De vrijwilligersvergoedingenadministratie van de belastingplichtige stichtingsorganisatie veronderstelt continuïteitsreserveringsverantwoordelijkheid en subsidieverantwoordingsverplichtingen die bestuursaansprakelijkheidsvraagstukken opleveren.',
    ).join(' ');
    const hardProblems = lintLesson(parseLesson(lessonSource(goodFront, hard), 'nl')).join('\n');
    expect(hardProblems).toMatch(/Flesch–Douma/);
    const long = Array.from({ length: 25 }, () => 'We tellen het geld in de kas en we schrijven het op en we leggen het in de la en dan gaan we naar huis.').join(' ');
    const longProblems = lintLesson(parseLesson(lessonSource(goodFront, long), 'nl')).join('\n');
    expect(longProblems).toMatch(/average sentence length/);
    expect(longProblems).not.toMatch(/Flesch–Douma/);
    const short = lintLesson(parseLesson(lessonSource(goodFront, minimalBody(10)), 'nl')).join('\n');
    expect(short).toMatch(/reading time/);
  });

  it('parses figure blocks and refuses a malformed one', () => {
    const body = `Tekst.\n\n\`\`\`t-account\naccount: '1100'\nname: Bank\ndebit:\n  - { text: Gift, amount: '50.00' }\n\`\`\`\n\nMeer tekst.\n\n\`\`\`entry\ndescription: Huur\nlines:\n  - { account: '4100', debit: '35.00' }\n  - { account: '1100', credit: '30.00' }\n\`\`\`\n`;
    const l = parseLesson(lessonSource(goodFront, body), 'nl');
    expect(l.blocks.map((b) => b.type)).toEqual(['markdown', 't-account', 'markdown', 'entry']);
    const t = l.blocks[1];
    expect(t?.type === 't-account' && t.figure.credit).toEqual([]);
    expect(lintLesson(l).join('\n')).toMatch(/does not balance/);
    const bad = body.replace("amount: '50.00'", 'amount: 50,00');
    expect(() => parseLesson(lessonSource(goodFront, bad), 'nl')).toThrow(/t-account/);
  });

  it('reads the figures of lesson 3 as app components', () => {
    const l = nl.find((x) => x.id === 'double-entry');
    expect(l?.blocks.filter((b) => b.type !== 'markdown').map((b) => b.type)).toEqual(['entry', 'entry', 't-account']);
  });

  it('parses the output of import.meta.glob per language', () => {
    const raw = readFileSync(join(LESSONS_DIR, 'nl', '01-why-keep-books.md'), 'utf8');
    const rawEn = readFileSync(join(LESSONS_DIR, 'en', '01-why-keep-books.md'), 'utf8');
    const out = parseLessonModules({ '../lessons/nl/01-why-keep-books.md': raw, '../lessons/en/01-why-keep-books.md': { default: rawEn } });
    expect(out.nl.map((l) => l.id)).toEqual(['why-keep-books']);
    expect(out.en[0]?.lang).toBe('en');
  });

  it('lintLessonSets notices a missing translation and a different exercise', () => {
    const a = parseLesson(lessonSource(goodFront, minimalBody(85)), 'nl');
    const b = parseLesson(lessonSource(quizFront(4), minimalBody(85)), 'en');
    expect(lintLessonSets({ nl: [a], en: [] }).join('\n')).toMatch(/missing/);
    expect(lintLessonSets({ nl: [a], en: [b] }).join('\n')).toMatch(/exercise differs/);
  });
});

// ---- readability and placeholders ----

describe('readability', () => {
  it('counts Dutch syllables with diphthongs, long vowels and the diaeresis', () => {
    const cases: Array<[string, number]> = [
      ['boek', 1],
      ['boekhouding', 3],
      ['penningmeester', 4],
      ['vrijwilligersvergoeding', 7],
      ['kascommissie', 4],
      ['nieuwe', 2],
      ['draaien', 2],
      ['mooie', 2],
      ['uitkering', 3],
      ['één', 1],
      ['geïnteresseerd', 5],
      ['continuïteitsreserve', 8],
      ['sociaal', 3],
      ['btw', 3],
      ['2.500,00', 2],
    ];
    for (const [word, n] of cases) expect([word, countSyllablesNl(word)]).toEqual([word, n]);
  });

  it('implements the Flesch–Douma formula', () => {
    expect(fleschDouma(100, 10, 150)).toBeCloseTo(206.835 - 0.93 * 10 - 77 * 1.5, 10);
  });

  it('scores the text as read: no front matter, no code blocks, no Markdown syntax', () => {
    const { body } = splitFrontMatter('---\nid: x\n---\n# Kop\n\nDit is **vet** en [een link](screen:dashboard).\n\n```entry\ndescription: niet meetellen\n```\n\n- punt een\n- punt twee\n');
    expect(markdownToPlainBlocks(body)).toEqual(['Kop.', 'Dit is vet en een link.', 'punt een.', 'punt twee.']);
    const r = readability(body);
    expect(r.sentences).toBe(4);
    expect(r.words).toBe(11);
  });
});

describe('placeholders', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    const text = 'Per maand {{limit.perMonth}}, per jaar {{ limit.perYear }}, en {{limit.unknown}}.';
    expect(findPlaceholders(text)).toEqual(['limit.perMonth', 'limit.perYear', 'limit.unknown']);
    expect(fillPlaceholders(text, { 'limit.perMonth': '€ 220', 'limit.perYear': '€ 2.200' })).toBe('Per maand € 220, per jaar € 2.200, en {{limit.unknown}}.');
  });

  it('fills a whole lesson, quiz texts included', () => {
    const lesson = nl.find((l) => l.id === 'volunteers');
    if (!lesson) throw new Error('no volunteers lesson');
    const values = Object.fromEntries(PLACEHOLDER_KEYS.map((k) => [k, `<${k}>`]));
    const filled = fillLessonPlaceholders(lesson, values);
    expect(findPlaceholders(allText(filled))).toEqual([]);
    expect(filled.body).toContain('<limit.perMonth>');
    expect(exerciseTexts(filled).join(' ')).toContain('<limit.perMonth>');
    expect(findPlaceholders(lesson.body).length).toBeGreaterThan(0); // the original is untouched
  });

  it('lists the keys the renderer must provide', () => {
    expect([...PLACEHOLDER_KEYS].sort()).toEqual(['limit.ageThreshold', 'limit.perHourAdult', 'limit.perHourYoung', 'limit.perMonth', 'limit.perYear', 'limit.year']);
  });
});
