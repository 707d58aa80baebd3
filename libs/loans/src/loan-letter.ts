import PDFDocument from 'pdfkit';

export type LetterLanguage = 'ru' | 'kk';

export interface LetterFacts {
  language: LetterLanguage;
  unit: string;
  /** The date printed on the letter, `DD.MM.YYYY` in the reporting time zone. */
  date: string;
  lender: string;
  contractNumber: string;
  /** Decimal string, two places. */
  amount: string;
  reference: string;
  caseNumber: string;
  victimName: string;
  /** Already masked: the IIN is never printed in full (DESIGN). */
  victimIinMasked: string | null;
}

interface LetterText {
  title: string;
  to: string;
  from: string;
  date: string;
  reference: string;
  caseNumber: string;
  contract: string;
  amountLabel: string;
  amount: (amount: string) => string;
  victim: string;
  iin: string;
  body: string;
  closing: string;
}

/** The letter in the two languages DESIGN names; one table, so neither can miss a line. */
const TEXT: Record<LetterLanguage, LetterText> = {
  ru: {
    title: 'Запрос о списании кредита, оформленного на имя потерпевшего',
    to: 'Кому',
    from: 'От',
    date: 'Дата',
    reference: 'Номер заявления',
    caseNumber: 'Номер дела',
    contract: 'Кредитный договор',
    amountLabel: 'Сумма',
    amount: (a) => `${a} тенге`,
    victim: 'Потерпевший',
    iin: 'ИИН',
    body:
      'По заявлению потерпевшего проводится проверка по факту интернет-мошенничества. ' +
      'Кредит по указанному договору оформлен на имя потерпевшего без его ведома в результате ' +
      'мошеннических действий. Просим рассмотреть вопрос о списании задолженности по договору ' +
      'и сообщить о принятом решении, указав номер дела.',
    closing: 'С уважением,',
  },
  kk: {
    title: 'Жәбірленушінің атына ресімделген несиені есептен шығару туралы сұрау',
    to: 'Кімге',
    from: 'Кімнен',
    date: 'Күні',
    reference: 'Өтініш нөмірі',
    caseNumber: 'Іс нөмірі',
    contract: 'Несие шарты',
    amountLabel: 'Сомасы',
    amount: (a) => `${a} теңге`,
    victim: 'Жәбірленуші',
    iin: 'ЖСН',
    body:
      'Жәбірленушінің өтініші бойынша интернет-алаяқтық фактісі бойынша тексеру жүргізілуде. ' +
      'Көрсетілген шарт бойынша несие алаяқтық әрекеттер нәтижесінде жәбірленушінің атына оның ' +
      'келісімінсіз ресімделген. Шарт бойынша берешекті есептен шығару мәселесін қарап, ' +
      'қабылданған шешім туралы іс нөмірін көрсете отырып хабарлауыңызды сұраймыз.',
    closing: 'Құрметпен,',
  },
};

/** DejaVu Sans covers Cyrillic and every Kazakh letter (ә ғ қ ң ө ұ ү һ і); it is embedded. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** `********1234`: the last four digits only. */
export function maskIin(iin: string): string {
  return `${'*'.repeat(Math.max(0, iin.length - 4))}${iin.slice(-4)}`;
}

/** Renders the police letter to the lender as a PDF (A4, fonts embedded). */
export function renderLoanLetter(facts: LetterFacts): Promise<Buffer> {
  const t = TEXT[facts.language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: t.title, Author: facts.unit, Subject: facts.reference },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  doc.font('body').fontSize(11);
  line(t.to, facts.lender);
  line(t.from, facts.unit);
  line(t.date, facts.date);
  doc.moveDown();
  doc.font('bold').fontSize(13).text(t.title, { align: 'center' });
  doc.moveDown().fontSize(11);
  line(t.reference, facts.reference);
  line(t.caseNumber, facts.caseNumber);
  line(t.contract, facts.contractNumber);
  line(t.amountLabel, t.amount(facts.amount));
  line(
    t.victim,
    facts.victimIinMasked === null
      ? facts.victimName
      : `${facts.victimName}, ${t.iin} ${facts.victimIinMasked}`,
  );
  doc.moveDown();
  doc.font('body').text(t.body, { align: 'justify' });
  doc.moveDown(2);
  doc.text(t.closing);
  doc.text(facts.unit);
  doc.end();
  return done;
}
