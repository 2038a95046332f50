/**
 * Usage errors of `kassa` in Dutch. Node's parseArgs explains a mistyped option in English
 * ("Unknown option '--acount'. To specify a positional argument starting with a '-' …"); the
 * treasurer gets what went wrong, a guess at what was meant, and how the command is used.
 */

/** Edit distance, for "Bedoelt u --account?". Options are short, so the simple table is fine. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: { option: string; d: number } | undefined;
  for (const option of known) {
    const d = distance(name, option);
    if (d <= 2 && (best === undefined || d < best.d)) best = { option, d };
  }
  return best?.option;
}

/** The Dutch sentence for one of Node's ERR_PARSE_ARGS_* errors. */
export function dutchArgsMessage(err: { code?: string; message: string }, knownOptions: readonly string[]): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const option = quoted.split(/\s/)[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const guess = closest(option.replace(/^-+/, ''), knownOptions);
      return `De optie "${option}" bestaat niet.${guess !== undefined ? ` Bedoelt u --${guess}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/i.test(err.message)
        ? `Achter de optie "${option}" hoort geen waarde.`
        : `Achter de optie "${option}" hoort een waarde. Zet die er direct achter, bijvoorbeeld ${option} 1100.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Er staat een woord te veel: "${option}".`;
    default:
      return 'De opdracht is niet goed geschreven.';
  }
}

/** The usage lines of one command ("kassa import …"), or all of them when the command is unknown. */
export function usageFor(usage: string, command: string | undefined): string {
  const lines = usage.split('\n');
  const own = command === undefined ? [] : lines.filter((l) => l.trimStart().startsWith(`kassa ${command} `));
  if (own.length === 0) return usage;
  const options = lines.filter((l) => l.startsWith('Options:'));
  return ['Gebruik:', ...own, ...options].join('\n');
}
