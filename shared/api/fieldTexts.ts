import { said, type Phrase, type Said } from '../phrase';

/**
 * The schemas' texts that name a field ("Vul de naam van het fonds in."), said with their phrases
 * (shared/phrase.ts): the Dutch text goes into the zod message as before, and its phrases are kept
 * here by that text, so the dispatcher's zod error (electron/apiErrors.ts fromZod) can send them
 * along and an English screen shows "Fill in the name of the fund.". A zod message is only a
 * string, so the text is the link; the same Dutch text always comes from the same phrases.
 */
const phrasesByText = new Map<string, Phrase[]>();

function kept(s: Said): string {
  if (s.says) phrasesByText.set(s.message, s.says);
  return s.message;
}

/** The phrases of a schema text made here, or undefined for any other text. */
export function schemaPhrases(message: string): Phrase[] | undefined {
  return phrasesByText.get(message);
}

/** Every text made here so far with its phrases (for the test that each has English). */
export function allSchemaPhrases(): [string, Phrase[]][] {
  return [...phrasesByText];
}

/** The names of the fields, as the texts below say them (lower case; a text starting with one capitalises it). */
export const field = {
  name: said('err.form.field.name', 'de naam'),
  aName: said('err.form.field.aName', 'een naam'),
  description: said('err.form.field.description', 'een omschrijving'),
  aFileName: said('err.form.field.aFileName', 'een bestandsnaam'),
  fileName: said('err.form.field.fileName', 'de naam van het bestand'),
  foundationName: said('err.form.field.foundationName', 'de naam van de stichting'),
  objectiveName: said('err.form.field.objectiveName', 'de naam van de doelstelling'),
  fundName: said('err.form.field.fundName', 'de naam van het fonds'),
  projectName: said('err.form.field.projectName', 'de naam van het project'),
  budgetLineName: said('err.form.field.budgetLineName', 'de naam van de begrotingsregel'),
  costItemName: said('err.form.field.costItemName', 'de naam van de kostenpost'),
  sourceName: said('err.form.field.sourceName', 'de naam van de bron'),
  supplierInvoiceNumber: said('err.form.field.supplierInvoiceNumber', 'het factuurnummer van de leverancier'),
  attention: said('err.form.field.attention', 'de naam bij "t.a.v."'),
  street: said('err.form.field.street', 'de straat'),
  postcode: said('err.form.field.postcode', 'de postcode'),
  city: said('err.form.field.city', 'de plaats'),
  phone: said('err.form.field.phone', 'het telefoonnummer'),
  orderNumber: said('err.form.field.orderNumber', 'het inkoopordernummer'),
  note: said('err.form.field.note', 'de notitie'),
  customerReference: said('err.form.field.customerReference', 'de referentie van de klant'),
  extraText: said('err.form.field.extraText', 'de extra tekst'),
  benefitNote: said('err.form.field.benefitNote', 'de notitie over de uitkering'),
  question: said('err.form.field.question', 'de vraag'),
  answer: said('err.form.field.answer', 'het antwoord'),
  stopReason: said('err.form.field.stopReason', 'waarom de controle stopt'),
} satisfies Record<string, Said>;

/** "Vul de naam van het fonds in." */
export const fillIn = (what: Said): string => kept(said('err.form.fill', 'Vul {{what}} in.', { what }));

/** "De naam van het fonds is te lang (maximaal 200 tekens)." */
export const tooLong = (what: Said, max: number): string => kept(said('err.form.tooLong', '{{what, capital}} is te lang (maximaal {{max}} tekens).', { what, max }));

/** "De straat moet tekst zijn." */
export const notText = (what: Said): string => kept(said('err.form.notText', '{{what, capital}} moet tekst zijn.', { what }));

/** "Deze tekst is te lang (maximaal 2000 tekens)." */
export const textTooLong = (max: number): string => kept(said('err.form.textTooLong', 'Deze tekst is te lang (maximaal {{max}} tekens).', { max }));

/** "Voeg hoogstens 10 bonnetjes tegelijk toe." */
export const tooManyReceipts = (max: number): string => kept(said('err.form.tooManyReceipts', 'Voeg hoogstens {{max}} bonnetjes tegelijk toe.', { max }));
