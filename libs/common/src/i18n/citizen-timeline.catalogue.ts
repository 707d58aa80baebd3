import type { Language } from '../domain-constants';
import type { Catalogue } from './catalogue';
import { translate } from './catalogue';

/**
 * The codes of the citizen's timeline (`GET /reports/{reference}/status`), stable machine codes
 * clients may key on. Each is something that happened to the citizen's own report; internal
 * entries of a case (notes, merges, assignments, other reports' money) have no code here, so
 * they cannot reach a citizen. docs/intake.md lists them with their meaning.
 */
export const CITIZEN_TIMELINE_CODES = [
  'report.received',
  'report.statement_added',
  'report.evidence_added',
  'report.linked_to_case',
  'case.in_review',
  'case.investigating',
  'case.solved',
  'case.closed',
  'case.referred',
  'funds.frozen',
  'funds.reimbursed',
  'funds.reimbursement_reversed',
] as const;
export type CitizenTimelineCode = (typeof CITIZEN_TIMELINE_CODES)[number];

/** One sentence per code in kk, ru and en; `{amount}` is a formatted tenge amount. */
export const CITIZEN_TIMELINE_CATALOGUE: Catalogue<CitizenTimelineCode> = {
  'report.received': {
    kk: 'Арызыңыз қабылданды.',
    ru: 'Ваше заявление принято.',
    en: 'Your report was received.',
  },
  'report.statement_added': {
    kk: 'Сіз арызға қосымша мәліметтер жібердіңіз.',
    ru: 'Вы дополнили заявление новыми сведениями.',
    en: 'You added information to your report.',
  },
  'report.evidence_added': {
    kk: 'Сіз арызға файл жүктедіңіз.',
    ru: 'Вы приложили к заявлению файл.',
    en: 'You uploaded a file to your report.',
  },
  'report.linked_to_case': {
    kk: 'Арызыңыз тіркеліп, іске қосылды.',
    ru: 'Заявление зарегистрировано и приобщено к делу.',
    en: 'Your report was registered and added to a case.',
  },
  'case.in_review': {
    kk: 'Ісіңізді тергеуші қарап жатыр.',
    ru: 'Дело по вашему заявлению рассматривает следователь.',
    en: 'An investigator is reviewing your case.',
  },
  'case.investigating': {
    kk: 'Ісіңіз бойынша тергеу басталды.',
    ru: 'По делу начато расследование.',
    en: 'An investigation of your case has started.',
  },
  'case.solved': {
    kk: 'Ісіңіз бойынша қылмыс ашылды.',
    ru: 'Преступление по вашему делу раскрыто.',
    en: 'The crime in your case has been solved.',
  },
  'case.closed': {
    kk: 'Ісіңіз бойынша іс жүргізу аяқталды, іс жабылды.',
    ru: 'Производство по делу завершено, дело закрыто.',
    en: 'Work on your case has ended and the case was closed.',
  },
  'case.referred': {
    kk: 'Ісіңіз басқа органға жіберілді.',
    ru: 'Дело передано в другой орган.',
    en: 'Your case was referred to another agency.',
  },
  'funds.frozen': {
    kk: 'Арызыңыз бойынша {amount} қаражат тоқтатып қойылды.',
    ru: 'По вашему заявлению заморожено {amount}.',
    en: '{amount} was frozen for your report.',
  },
  'funds.reimbursed': {
    kk: 'Сізге {amount} өтелді.',
    ru: 'Вам возмещено {amount}.',
    en: '{amount} was paid back to you.',
  },
  'funds.reimbursement_reversed': {
    kk: '{amount} өтемі туралы жазба қате деп танылып, есептен алынып тасталды.',
    ru: 'Запись о возмещении {amount} признана ошибочной и отменена.',
    en: 'The record of a {amount} reimbursement was found to be wrong and was reversed.',
  },
};

/**
 * A money amount as a citizen reads it in `lang`: `30 000,00 ₸` in kk and ru, `KZT 30,000.00`
 * in en. `amount` is the API's decimal string (`Money.format`); no float ever touches it.
 */
export function formatTenge(amount: string, lang: Language): string {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (match === null) throw new RangeError(`not a money string: ${amount}`);
  const [, sign, whole, cents] = match;
  const separator = lang === 'en' ? ',' : '\u00a0';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return lang === 'en'
    ? `${sign}KZT\u00a0${grouped}.${cents}`
    : `${sign}${grouped},${cents}\u00a0₸`;
}

/** The sentence of a timeline code in `lang`; `amount` (a money string) fills `{amount}`. */
export function citizenTimelineMessage(
  code: CitizenTimelineCode,
  lang: Language,
  amount?: string,
): string {
  const params: Record<string, string> =
    amount === undefined ? {} : { amount: formatTenge(amount, lang) };
  return translate(CITIZEN_TIMELINE_CATALOGUE, code, lang, params);
}
