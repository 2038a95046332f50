/**
 * Every fact kind the app knows, registered on import. A service that makes something final adds
 * its kind's module here, so verify and the migration always know all kinds.
 */
import './entryFact';
