import type { Said } from './phrase';

/**
 * Error codes are part of the API contract: the UI, the CLI (--json) and tests match on them,
 * so they never change meaning. Messages are Dutch (B1) because that is what the treasurer reads.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_AMOUNT',
  'UNBALANCED',
  'UNKNOWN_ACCOUNT',
  'ACCOUNT_ARCHIVED',
  'ACCOUNT_EXISTS',
  'HAS_POSTINGS',
  'NO_OPEN_YEAR',
  'YEAR_CLOSED',
  'YEAR_EXISTS',
  'POSTED_IMMUTABLE',
  'ALREADY_REVERSED',
  'NOT_FOUND',
  'NOT_A_KASSA_FILE',
  'CORRUPT_FILE',
  'FILE_LOCKED',
  'FILE_EXISTS',
  'FILE_NOT_FOUND',
  'NEWER_VERSION',
  'NO_FILE_OPEN',
  'READ_ONLY',
  'DISK_FULL',
  'WRITE_FAILED',
  'UNKNOWN_METHOD',
  'LIMIT_EXCEEDED',
  'DUPLICATE',
  'CONFLICT',
  'MIGRATION_FAILED',
  'INTERNAL',
  'BAD_BANK_FILE',
  'GRANT_REJECTED', 'GRANT_PERIOD', 'BUDGET_LINE_MISMATCH',
  'YEAR_NOT_READY',
  'PROTECTED_FILE',
  'REVIEW_ACTIVE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface KassaErrorData {
  code: ErrorCode;
  message: string;
  /** Which input field the error is about (dot path), so the UI can show it beside that field. */
  field?: string;
  details?: Record<string, unknown>;
}

export class KassaError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  /**
   * `message` is the Dutch text, or a Said (shared/phrase.ts `said()`): then its phrases travel in
   * `details.says`, so a renderer in another language can show the error in that language.
   */
  constructor(code: ErrorCode, message: string | Said, opts: { field?: string; details?: Record<string, unknown> } = {}) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'KassaError';
    this.code = code;
    if (opts.field !== undefined) this.field = opts.field;
    const says = typeof message === 'string' ? undefined : message.says;
    const details = says && says.length > 0 ? { ...opts.details, says } : opts.details;
    if (details !== undefined) this.details = details;
  }

  /** The error's text with its phrases, to pass on inside another error or message. */
  get said(): Said {
    const says = this.details?.says;
    return Array.isArray(says) ? { message: this.message, says: says as Said['says'] & object } : { message: this.message };
  }

  toJSON(): KassaErrorData {
    const out: KassaErrorData = { code: this.code, message: this.message };
    if (this.field !== undefined) out.field = this.field;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }
}

export function isKassaErrorData(x: unknown): x is KassaErrorData {
  return typeof x === 'object' && x !== null && typeof (x as KassaErrorData).code === 'string' && typeof (x as KassaErrorData).message === 'string';
}
