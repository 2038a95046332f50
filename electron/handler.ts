import type { ApiOutput, Contract, MethodName } from '../shared/api';
import type { ParsedInputOf } from '../shared/api/define';
import type { Books } from './db/books';
import type { Session } from './session';

/**
 * A service behind one contract method: what every domain's handler table holds. Its own module so
 * the handler tables and the dispatcher that loads them do not import each other.
 */
export type Handler<M extends MethodName> = (
  ctx: { session: Session; books: Books },
  input: ParsedInputOf<Contract[M]>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;
