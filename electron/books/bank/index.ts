/** Bank-statement parsing (issue 8): pure Node, no database, no Electron. */
export * from './types';
export { parseStatement, parseStatementFile, type ParseOptions } from './parse';
export { detectFormat } from './detect';
export { assertSizeWithinLimit, decodeBankBytes, readBankFile, DEFAULT_MAX_BYTES } from './decode';
export type { BankErrorReason, BankErrorDetails } from './errors';
