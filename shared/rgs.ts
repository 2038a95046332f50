/**
 * RGS (Referentie Grootboekschema) reference codes for the accounts of the default chart, keyed by
 * account code. Data, not code: shared/chart.ts gives each default account its code, migration
 * 0009_accountant fills them into older files, and the XAF export writes them as `leadReference`.
 *
 * Source: the RGS 3.x codes as listed per code on boekhoudplaza.nl ("RGS codes", with the filter
 * "Stichting / vereniging"; pages read December 2026, RGS 3.3+), and the level-2/3 overviews of
 * Visionplanner and Yuki for the group names. Where RGS has a level-4 code that fits a stichting's
 * account (BLimKasKas, BEivOvrCor, WFbeRlmObr, …) that one is used; where the fitting level-4 code
 * could not be confirmed, the confirmed level-3 (or level-2) group is used instead, because RGS
 * allows reporting at group level ("rubrieksniveau") and a coarse right code beats a fine wrong one.
 *
 * The code is editable per account (accounts.update), so an accountant can refine any of these.
 */

/** RGS code of each default-chart account. */
export const DEFAULT_RGS: Readonly<Record<string, string>> = {
  // --- balance sheet -------------------------------------------------------------------------
  '0100': 'BMvaBei', // Bedrijfsinventaris (level 3)
  '0200': 'BFva', // Financiële vaste activa (level 2): waarborgsommen
  '0500': 'BEivOvrCor', // Continuïteitsreserve (level 4, stichting/vereniging, since RGS 3.3)
  '0510': 'BEivBerBer', // Bestemmingsreserves (level 4)
  '0520': 'BEivBefBef', // Bestemmingsfondsen (level 4, stichting/vereniging)
  '0590': 'BEivOvr', // Overige reserves (level 3)
  '0600': 'BVrz', // Voorzieningen (level 2)
  '0700': 'BLas', // Langlopende schulden (level 2)
  '1000': 'BLimKasKas', // Kas (level 4)
  '1100': 'BLimBanRba', // Rekening-courant bank (level 4)
  '1110': 'BLimBanSpa', // (Bedrijfs)spaarrekening (level 4, since RGS 3.2)
  '1300': 'BVorDebHad', // Handelsdebiteuren nominaal (level 4)
  '1310': 'BVorOva', // Overlopende activa (level 3): nog te ontvangen bedragen
  '1400': 'BSchCreHac', // Handelscrediteuren nominaal (level 4)
  '1410': 'BSchOpa', // Overlopende passiva (level 3): vooruitontvangen bedragen
  '1420': 'BSchOpa', // Overlopende passiva (level 3): terug te betalen subsidie
  '1500': 'BSchOpa', // Overlopende passiva (level 3): nog te betalen vergoedingen
  '1600': 'BSchOpaNto', // Nog te ontvangen facturen overlopende passiva (level 4)
  '1700': 'BSchBepBtw', // Te betalen omzetbelasting (level 4)
  '2000': 'BVorTus', // Tussenrekeningen (level 3): vraagposten
  '3000': 'BVrd', // Voorraden (level 2)
  // --- income and expenses -------------------------------------------------------------------
  '4000': 'WBedOvp', // Overige personeelsgerelateerde kosten (level 3): vrijwilligers
  '4010': 'WBedOvp',
  '4100': 'WBedHui', // Huisvestingskosten (level 3)
  '4150': 'WBedHui', // Huisvestingskosten (level 3): dotatie aan de onderhoudsvoorziening
  '4200': 'WBedAlk', // Andere kosten (level 3): activiteiten
  '4300': 'WBedAlk',
  '4400': 'WBedOvp', // Overige personeelsgerelateerde kosten (level 3): inhuur
  '4500': 'WBedVkk', // Verkoopkosten (level 3): werving
  '4600': 'WBedKan', // Kantoorkosten (level 3)
  '4610': 'WBedAdl', // Administratieve lasten (level 3), which RGS says holds bank charges
  '4620': 'WBedAlk',
  '4700': 'WFbe', // Financiële baten en lasten (level 2): rente op leningen
  '4800': 'WAfsAmv', // Afschrijvingen op materiële vaste activa (level 3)
  '4900': 'WBedAlk',
  '8000': 'WOvbBue', // Baten en giften uit fondsenwerving (level 3, stichting/vereniging)
  '8100': 'WOvbBue',
  '8150': 'WOvbBue',
  '8200': 'WOvbOrs', // Subsidiebaten (level 3)
  '8300': 'WOvbOrs', // RJ 640 counts contributions of funds as subsidiebaten, as the chart does
  '8400': 'WOvbLpd', // Baten als tegenprestatie voor de levering van producten en/of diensten (level 3)
  '8500': 'WFbeRlmObr', // Rentebaten bankrekeningen (level 4)
  '8900': 'WOvb', // Overige bedrijfsopbrengsten (level 2)
};

/**
 * A reference code: B (balance sheet) or W (profit and loss), then one to four groups of a capital
 * and two small letters or digits (BLimKasKas, BEivKa2Ond, WOmzGrpGr1), optionally an extension
 * after "." (identification) or ":" (codification) as the RGS field definitions allow.
 */
export const RGS_CODE = /^[BW](?:[A-Z][a-z0-9]{2}){1,4}(?:[.:][0-9A-Za-z]{1,40})?$/;

export const RGS_FORMAT_MESSAGE =
  'Een RGS-code begint met B (balans) of W (winst en verlies), gevolgd door groepjes van een hoofdletter en twee kleine letters, bijvoorbeeld BLimKasKas.';

/** The line on which the trial balance and the XAF show the result of earlier years not yet appropriated. */
export const EARLIER_RESULT = {
  /** Longer than an account code may be (12), so it never clashes with a real account. */
  code: 'RESULTAAT-EERDER',
  name: 'Resultaat eerdere boekjaren (nog niet bestemd)',
  rgs: 'BEivOre', // Onverdeelde winst (level 3, stichting/vereniging)
} as const;
