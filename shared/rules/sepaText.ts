/**
 * Text in SEPA credit transfer files (EPC "SEPA Credit Transfer Rulebook" and the Dutch banks'
 * implementation guidelines): only the basic Latin character set is safe, i.e.
 *   a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
 * Anything else is transliterated (é -> e, ß -> ss, & -> en) or dropped, so a name like
 * "Zoë Öztürk & Co" still reaches the bank as "Zoe Ozturk en Co". Pure; no I/O.
 */

const ALLOWED = /[A-Za-z0-9/\-?:().,'+ ]/;

const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ĳ: 'ij', Ĳ: 'IJ', '&': ' en ', '@': ' at ', '‘': "'", '’': "'", '`': "'", '´': "'", '"': "'",
  '“': "'", '”': "'", '–': '-', '—': '-', _: '-', '€': 'EUR', '#': ' ', '*': ' ', ';': ',', '!': '.', '\u00a0': ' ',
};

/** Make text SEPA-safe and at most `max` characters (whitespace collapsed, trimmed). */
export function sepaText(value: string, max: number): string {
  let out = '';
  for (const ch of value) {
    if (ALLOWED.test(ch)) {
      out += ch;
      continue;
    }
    const special = SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...plain].every((c) => ALLOWED.test(c)) && plain !== '' ? plain : ' ';
  }
  // A leading or trailing slash and a double slash are not allowed in SEPA identifiers; harmless in text.
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/**
 * An identifier (MsgId, PmtInfId, EndToEndId): at most 35 characters of the same set, without
 * spaces, not starting or ending with "/" and without "//".
 */
export function sepaId(value: string): string {
  const s = sepaText(value, 35).replace(/ /g, '-').replace(/\/{2,}/g, '/').replace(/^\/+|\/+$/g, '');
  return s === '' ? 'NOTPROVIDED' : s;
}
