/**
 * Readability of Dutch lesson text: Flesch–Douma (Douma 1960, the Dutch adaptation of Flesch's
 * Reading Ease):
 *
 *   206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
 *
 * Higher is easier; 60–70 is plain everyday Dutch, above 70 easy. The score is computed on the
 * lesson body as a reader sees it: no front matter, no fenced code blocks (figures), no Markdown
 * syntax. Headings, list items and table rows count as sentences of their own.
 */

const FENCE_RE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/**
 * Turn a Markdown lesson body into plain sentences: one string per block (paragraph, heading, list
 * item, table row, quote), each ending in sentence punctuation.
 */
export function markdownToPlainBlocks(markdown: string): string[] {
  const withoutFences = markdown.replace(FENCE_RE, '\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const rawLine of withoutFences.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
      continue;
    }
    if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line)) continue; // table separator row
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push(heading[1] ?? '');
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      blocks.push(
        line
          .split('|')
          .map((c) => c.trim())
          .filter((c) => c !== '')
          .join(', '),
      );
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      paragraph.push(item[1] ?? '');
      continue;
    }
    paragraph.push(line.replace(/^>\s?/, ''));
  }
  flush();
  return blocks
    .map(stripInline)
    .map((b) => b.trim())
    .filter((b) => /[\p{L}\p{N}]/u.test(b))
    .map((b) => (/[.!?…]["')\]]*$/.test(b) ? b : `${b}.`));
}

function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: keep alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\{\{\s*[A-Za-z0-9_.-]+\s*\}\}/g, '100') // placeholders read as a short number
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/<[^>]+>/g, '');
}

/** Split plain text into sentences at . ! ? followed by white space or the end. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["')\]]*)\s+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words are white-space separated tokens holding at least one letter or digit ("€" is no word). */
export function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

// Dutch vowel clusters that are one sound, longest first. Anything else in a run of vowels is split
// letter by letter ("idealen" = i-de-a-len, "sociaal" = so-ci-aal).
const VOWEL_UNITS = ['aai', 'ooi', 'oei', 'eeu', 'ieu', 'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'eu', 'ei', 'ui', 'ou', 'au'];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Estimate the number of syllables of one Dutch word: one per vowel sound, where the Dutch digraphs
 * and trigraphs (aa, ee, oo, uu, ie, oe, eu, ei, ij, ui, ou, au, aai, ooi, oei, eeu, ieu) are one
 * sound, and a diaeresis (ë, ï, ö, ü, ä) starts a new syllable (ge-ïn-te-res-seerd, re-ë-le).
 * Words without vowels are spelled out (btw = be-te-we); digits read as two syllables per group.
 * It is an estimate (loanwords like "bureau" come out one too high), good enough for a score.
 */
export function countSyllablesNl(word: string): number {
  const w = word.toLowerCase();
  if (!/\p{L}/u.test(w)) return /\d/.test(w) ? 2 : 0;
  // Mark diaeresis as a break, then drop the other accents: één -> een, café -> cafe.
  const marked = w.replace(/[äëïöü]/g, (c) => `|${c.normalize('NFD').charAt(0)}`);
  const plain = marked.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let count = 0;
  let i = 0;
  while (i < plain.length) {
    const c = plain.charAt(i);
    if (!VOWELS.has(c)) {
      i += 1;
      continue;
    }
    // Take the whole run of vowels (a '|' marks a diaeresis break and ends the run).
    let j = i;
    while (j < plain.length && VOWELS.has(plain.charAt(j))) j += 1;
    // "ij" needs no rule of its own: j is no vowel letter, so "ij" is a run of one vowel.
    count += countVowelUnits(plain.slice(i, j));
    i = j;
  }
  if (count === 0) {
    // No vowels at all: an abbreviation spelled letter by letter (btw, KvK).
    return Math.max(1, w.replace(/[^\p{L}]/gu, '').length);
  }
  return count;
}

function countVowelUnits(run: string): number {
  let n = 0;
  let k = 0;
  while (k < run.length) {
    const unit = VOWEL_UNITS.find((u) => run.startsWith(u, k));
    k += unit ? unit.length : 1;
    n += 1;
  }
  return n;
}

export interface ReadabilityStats {
  words: number;
  sentences: number;
  syllables: number;
  /** words / sentences */
  averageSentenceLength: number;
  /** syllables / words */
  syllablesPerWord: number;
  fleschDouma: number;
  /** reading time in minutes at WORDS_PER_MINUTE */
  minutes: number;
}

/** Reading speed assumed for B1 readers reading to learn. */
export const WORDS_PER_MINUTE = 150;

/** Statistics of a Markdown body (front matter already removed). */
export function readability(markdown: string): ReadabilityStats {
  const sentences = markdownToPlainBlocks(markdown).flatMap(splitSentences);
  const words = sentences.flatMap(splitWords);
  const syllables = words.reduce((sum, w) => sum + countSyllablesNl(w), 0);
  const nSentences = Math.max(1, sentences.length);
  const nWords = Math.max(1, words.length);
  const averageSentenceLength = words.length / nSentences;
  const syllablesPerWord = syllables / nWords;
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    averageSentenceLength,
    syllablesPerWord,
    fleschDouma: fleschDouma(words.length, nSentences, syllables),
    minutes: words.length / WORDS_PER_MINUTE,
  };
}

export function fleschDouma(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words);
}
