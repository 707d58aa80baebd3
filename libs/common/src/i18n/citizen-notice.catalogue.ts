import type { Catalogue } from './catalogue';

/** What a citizen notice tells (docs/notices.md); one subject and one sentence each. */
export const NOTICE_KINDS = [
  'in_review',
  'solved',
  'closed',
  'referred',
  'funds_frozen',
  'reimbursed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

type NoticeKey =
  | `notice.${NoticeKind}.subject`
  | `notice.${NoticeKind}.body`
  | 'notice.greeting'
  | 'notice.status_hint'
  | 'notice.never_ask'
  | 'notice.automatic';

/**
 * The texts of citizen notices (email subject and body, SMS), in kk, ru and en. `{reference}` is
 * the only parameter: a notice names the report and what happened, nothing about other people,
 * never the access code.
 */
export const CITIZEN_NOTICE_CATALOGUE: Catalogue<NoticeKey> = {
  'notice.in_review.subject': {
    kk: '{reference} арызыңыз қаралуда',
    ru: 'Ваше заявление {reference} рассматривается',
    en: 'Your report {reference} is under review',
  },
  'notice.in_review.body': {
    kk: '{reference} арызыңыз іске қосылды, оны тергеуші қарап жатыр.',
    ru: 'Ваше заявление {reference} приобщено к делу, его рассматривает следователь.',
    en: 'Your report {reference} is part of a case that an investigator is now reviewing.',
  },
  'notice.solved.subject': {
    kk: '{reference} арызы бойынша іс ашылды',
    ru: 'Дело по заявлению {reference} раскрыто',
    en: 'The case of your report {reference} is solved',
  },
  'notice.solved.body': {
    kk: '{reference} арызыңыз бойынша іс ашылды.',
    ru: 'Дело по вашему заявлению {reference} раскрыто.',
    en: 'The case that your report {reference} belongs to has been solved.',
  },
  'notice.closed.subject': {
    kk: '{reference} арызы бойынша іс жабылды',
    ru: 'Дело по заявлению {reference} закрыто',
    en: 'The case of your report {reference} is closed',
  },
  'notice.closed.body': {
    kk: '{reference} арызыңыз бойынша іс жабылды.',
    ru: 'Дело по вашему заявлению {reference} закрыто.',
    en: 'The case that your report {reference} belongs to has been closed.',
  },
  'notice.referred.subject': {
    kk: '{reference} арызы басқа органға жіберілді',
    ru: 'Заявление {reference} передано в другой орган',
    en: 'Your report {reference} was referred to another agency',
  },
  'notice.referred.body': {
    kk: '{reference} арызыңыз бойынша іс басқа органға жіберілді.',
    ru: 'Дело по вашему заявлению {reference} передано в другой орган.',
    en: 'The case that your report {reference} belongs to has been referred to another agency.',
  },
  'notice.funds_frozen.subject': {
    kk: '{reference} арызы бойынша ақша бұғатталды',
    ru: 'По заявлению {reference} заморожены деньги',
    en: 'Money frozen for your report {reference}',
  },
  'notice.funds_frozen.body': {
    kk: '{reference} арызыңыз бойынша банкте ақша бұғатталды.',
    ru: 'По вашему заявлению {reference} в банке заморожены деньги.',
    en: 'Money has been frozen at a bank for your report {reference}.',
  },
  'notice.reimbursed.subject': {
    kk: '{reference} арызы бойынша өтемақы',
    ru: 'Возмещение по заявлению {reference}',
    en: 'Reimbursement for your report {reference}',
  },
  'notice.reimbursed.body': {
    kk: '{reference} арызыңыз бойынша сізге өтемақы тіркелді.',
    ru: 'По вашему заявлению {reference} вам зарегистрировано возмещение.',
    en: 'A reimbursement to you has been recorded for your report {reference}.',
  },
  'notice.greeting': {
    kk: 'Сәлеметсіз бе!',
    ru: 'Здравствуйте!',
    en: 'Hello,',
  },
  'notice.status_hint': {
    kk: 'Толығырақ: арыз нөмірі мен қол жеткізу коды арқылы сайттағы арыздың мәртебесі бетінде.',
    ru: 'Подробнее — на странице статуса заявления на сайте, по номеру заявления и коду доступа.',
    en: 'More on the status page of the website, with your reference and access code.',
  },
  'notice.never_ask': {
    kk: 'Біз қол жеткізу кодын, карта деректерін немесе құпиясөзді ешқашан сұрамаймыз.',
    ru: 'Мы никогда не просим код доступа, данные карты или пароли.',
    en: 'We never ask for your access code, card details or passwords.',
  },
  'notice.automatic': {
    kk: 'Бұл хат автоматты түрде жіберілді, оған жауап бермеңіз.',
    ru: 'Это письмо отправлено автоматически, не отвечайте на него.',
    en: 'This message was sent automatically; please do not reply.',
  },
};
