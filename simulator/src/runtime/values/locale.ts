/**
 * Locale data for the conversions and formatting VBScript does "according to the system
 * locale" (CStr of numbers and dates, CDbl/CDate of strings, Format*, MonthName …).
 * Windows takes these from the user's regional settings; we carry the defaults of the
 * locales admins most commonly run hMailServer under, keyed by LCID.
 *
 * The current locale is process-wide state (VBScript's is per thread): the engine sets it
 * when it starts running a script (`setCurrentLocale`), and `SetLocale` changes it.
 */

export interface LocaleInfo {
  readonly lcid: number;
  readonly tag: string;
  readonly decimal: string;
  readonly thousands: string;
  /** Order of day, month and year in a short date (for parsing ambiguous numeric dates). */
  readonly dateOrder: 'MDY' | 'DMY' | 'YMD';
  /** Windows short date pattern (M, MM, d, dd, yyyy). */
  readonly shortDate: string;
  /** Windows long date pattern (dddd, MMMM, d, yyyy, quoted literals). */
  readonly longDate: string;
  /** Windows long time pattern (h/H, mm, ss, tt). */
  readonly longTime: string;
  /** Windows short time pattern (used by FormatDateTime vbShortTime, always 24-hour there). */
  readonly shortTime: string;
  readonly am: string;
  readonly pm: string;
  readonly months: readonly string[];
  readonly monthsShort: readonly string[];
  readonly days: readonly string[]; // Sunday first
  readonly daysShort: readonly string[];
  readonly currencySymbol: string;
  /** Windows LOCALE_ICURRENCY: 0 "$1", 1 "1$", 2 "$ 1", 3 "1 $". */
  readonly currencyPositive: 0 | 1 | 2 | 3;
  /** Windows LOCALE_INEGCURR, the patterns FormatCurrency uses for negatives. */
  readonly currencyNegative: number;
  /** Windows LOCALE_INEGNUMBER: 0 "(1.1)", 1 "-1.1", 2 "- 1.1", 3 "1.1-", 4 "1.1 -". */
  readonly numberNegative: 0 | 1 | 2 | 3 | 4;
  /** LOCALE_ILZERO: leading zero before the decimal point. */
  readonly leadingZero: boolean;
  readonly trueName: string;
  readonly falseName: string;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const short3 = (names: string[]): string[] => names.map((n) => n.slice(0, 3));

const EN_US: LocaleInfo = {
  lcid: 1033,
  tag: 'en-US',
  decimal: '.',
  thousands: ',',
  dateOrder: 'MDY',
  shortDate: 'M/d/yyyy',
  longDate: 'dddd, MMMM d, yyyy',
  longTime: 'h:mm:ss tt',
  shortTime: 'HH:mm',
  am: 'AM',
  pm: 'PM',
  months: EN_MONTHS,
  monthsShort: short3(EN_MONTHS),
  days: EN_DAYS,
  daysShort: short3(EN_DAYS),
  currencySymbol: '$',
  currencyPositive: 0,
  currencyNegative: 0,
  numberNegative: 1,
  leadingZero: true,
  trueName: 'True',
  falseName: 'False',
};

const EN_GB: LocaleInfo = {
  ...EN_US,
  lcid: 2057,
  tag: 'en-GB',
  dateOrder: 'DMY',
  shortDate: 'dd/MM/yyyy',
  longDate: 'dd MMMM yyyy',
  longTime: 'HH:mm:ss',
  shortTime: 'HH:mm',
  am: 'AM',
  pm: 'PM',
  currencySymbol: '£',
  currencyNegative: 1,
};

const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const DE_DAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const DE_DE: LocaleInfo = {
  lcid: 1031,
  tag: 'de-DE',
  decimal: ',',
  thousands: '.',
  dateOrder: 'DMY',
  shortDate: 'dd.MM.yyyy',
  longDate: "dddd, d. MMMM yyyy",
  longTime: 'HH:mm:ss',
  shortTime: 'HH:mm',
  am: '',
  pm: '',
  months: DE_MONTHS,
  monthsShort: ['Jan', 'Feb', 'Mrz', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  days: DE_DAYS,
  daysShort: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  currencySymbol: '€',
  currencyPositive: 3,
  currencyNegative: 8,
  numberNegative: 1,
  leadingZero: true,
  trueName: 'Wahr',
  falseName: 'Falsch',
};

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const FR_DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const FR_FR: LocaleInfo = {
  lcid: 1036,
  tag: 'fr-FR',
  decimal: ',',
  thousands: '\u00a0',
  dateOrder: 'DMY',
  shortDate: 'dd/MM/yyyy',
  longDate: 'dddd d MMMM yyyy',
  longTime: 'HH:mm:ss',
  shortTime: 'HH:mm',
  am: '',
  pm: '',
  months: FR_MONTHS,
  monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  days: FR_DAYS,
  daysShort: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  currencySymbol: '€',
  currencyPositive: 3,
  currencyNegative: 8,
  numberNegative: 1,
  leadingZero: true,
  trueName: 'Vrai',
  falseName: 'Faux',
};

const NL_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const NL_DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const NL_NL: LocaleInfo = {
  lcid: 1043,
  tag: 'nl-NL',
  decimal: ',',
  thousands: '.',
  dateOrder: 'DMY',
  shortDate: 'd-M-yyyy',
  longDate: 'dddd d MMMM yyyy',
  longTime: 'HH:mm:ss',
  shortTime: 'HH:mm',
  am: '',
  pm: '',
  months: NL_MONTHS,
  monthsShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  days: NL_DAYS,
  daysShort: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  currencySymbol: '€',
  currencyPositive: 2,
  currencyNegative: 12,
  numberNegative: 1,
  leadingZero: true,
  trueName: 'Waar',
  falseName: 'Onwaar',
};

const LOCALES: ReadonlyMap<number, LocaleInfo> = new Map([EN_US, EN_GB, DE_DE, FR_FR, NL_NL].map((l) => [l.lcid, l]));
const BY_TAG: ReadonlyMap<string, LocaleInfo> = new Map([EN_US, EN_GB, DE_DE, FR_FR, NL_NL].map((l) => [l.tag.toLowerCase(), l]));

export const DEFAULT_LCID = 1033;

/** The locale for an LCID, or undefined when we carry no data for it. */
export function localeInfo(lcid: number): LocaleInfo | undefined {
  return LOCALES.get(lcid);
}

/** Resolves what SetLocale accepts: an LCID or a tag like "de-de"/"de". */
export function findLocale(id: number | string): LocaleInfo | undefined {
  if (typeof id === 'number') return LOCALES.get(id);
  const key = id.trim().toLowerCase();
  const exact = BY_TAG.get(key);
  if (exact) return exact;
  for (const l of BY_TAG.values()) if (l.tag.toLowerCase().startsWith(key + '-')) return l;
  return undefined;
}

export function supportedLcids(): number[] {
  return [...LOCALES.keys()];
}

let current: LocaleInfo = EN_US;

export function currentLocale(): LocaleInfo {
  return current;
}

/** Makes `lcid` the locale coercion and formatting use; returns false (unchanged) if unsupported. */
export function setCurrentLocale(lcid: number): boolean {
  const l = LOCALES.get(lcid);
  if (!l) return false;
  current = l;
  return true;
}
