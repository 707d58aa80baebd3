/*
 * FraudI18n — UI strings (Kazakh, Russian, English) and the language switcher.
 *
 * Language choice: ?lang= in the URL, then navigator.languages, then 'ru'.
 * Markup hooks:
 *   data-i18n="key"              -> textContent
 *   data-i18n-placeholder="key"  -> placeholder attribute
 *   data-i18n-aria-label="key"   -> aria-label attribute
 *   data-i18n-title="key"        -> <title> (on <html>) / title attribute
 *   button[data-lang="kk|ru|en"] -> language switch buttons
 * A value may be a plural object { one, few, many, other } selected by the
 * `n` parameter through Intl.PluralRules.
 */
/* eslint-disable */
var FraudI18n = (function () {
  'use strict';

  var SUPPORTED = ['kk', 'ru', 'en'];
  var DEFAULT_LANG = 'ru';

  var STRINGS = {
    // ------------------------------------------------------------- Kazakh
    kk: {
      'doc.report': 'Интернет-алаяқтық туралы хабарлау — Қазақстан Республикасының полициясы',
      'doc.status': 'Арыздың мәртебесі — Қазақстан Республикасының полициясы',
      'app.agency': 'Қазақстан Республикасының полициясы',
      'app.service': 'Интернет-алаяқтық туралы арыздар',
      'lang.switch': 'Интерфейс тілі',
      skip: 'Негізгі мазмұнға өту',
      'nav.main': 'Сервис бөлімдері',
      'nav.report': 'Арыз беру',
      'nav.status': 'Арыздың мәртебесін тексеру',
      'footer.emergency':
        'Өміріңізге немесе денсаулығыңызға қауіп төнсе, 102 нөміріне қоңырау шалыңыз.',
      'footer.privacy':
        'Дербес деректеріңіз «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес тек арызды қарау мақсатында өңделеді.',
      optional: '(міндетті емес)',
      'select.placeholder': 'Таңдаңыз…',
      'error.prefix': 'Қате:',

      'report.title': 'Интернет-алаяқтық туралы хабарлау',
      'report.intro':
        'Не болғанын айтып беріңіз. Толтыру шамамен 10 минут алады. Арыз жіберілген соң сізге тіркеу нөмірі мен қол жеткізу коды беріледі — олар арқылы арыздың мәртебесін тексеріп, дәлелдер қоса аласыз.',
      'report.urgentTitle': 'Ақшаны жаңа ғана аудардыңыз ба?',
      'report.urgent':
        'Дереу банкіңізге қоңырау шалып, аударымды тоқтатуды және картаны бұғаттауды сұраңыз, содан кейін осы нысанды толтырыңыз. Біз неғұрлым ерте білсек, ақшаны тоқтатып қалу мүмкіндігі соғұрлым жоғары.',

      'section.reporter': 'Сіз туралы мәліметтер',
      'reporter.fullName': 'Тегі, аты, әкесінің аты',
      'reporter.iin': 'ЖСН',
      'reporter.iin.hint': '12 цифрдан тұратын жеке сәйкестендіру нөмірі',
      'reporter.phone': 'Телефон нөмірі',
      'reporter.phone.hint': 'Мысалы: +7 701 123 45 67 немесе 8 701 123 45 67',
      'reporter.email': 'Электрондық пошта',
      'reporter.region': 'Тұратын өңіріңіз',
      'reporter.region.hint': 'Арызыңызды осы өңірдің киберқылмысқа қарсы іс-қимыл бөлімі қарайды',
      'reporter.ageGroup': 'Жас тобы',
      'ageGroup.minor': '18 жасқа дейін',
      'ageGroup.adult': '18–59 жас',
      'ageGroup.senior': '60 жас және одан үлкен',

      'section.incident': 'Не болды',
      'incident.fraudType': 'Алаяқтық түрі',
      'incident.channel': 'Алаяқтар сізбен қалай байланысты?',
      'incident.occurredAt': 'Бұл қашан болды?',
      'incident.occurredAt.hint': 'Күні мен уақыты. Нақты білмесеңіз, шамамен көрсетіңіз.',
      'incident.description': 'Болған жағдайды сипаттаңыз',
      'incident.description.hint':
        'Сізбен кім және қалай хабарласты, не деді, сіз не істедіңіз. Кемінде 20, ең көбі 5000 таңба.',
      'counter.count': 'Таңба саны: {n} / {max}',
      'counter.under': 'Тағы кемінде {n} таңба жазыңыз',
      'counter.over': 'Шектен {n} таңба асып кетті',

      'section.loan': 'Сіздің атыңызға рәсімделген несие',
      'section.loan.hint': 'Несие шартынан немесе банктің хабарламасынан деректерді көрсетіңіз.',
      'loan.lender': 'Несие берген ұйым (банк немесе микроқаржы ұйымы)',
      'loan.contractNumber': 'Шарт нөмірі',
      'loan.amount': 'Несие сомасы, ₸',
      'loan.issuedAt': 'Несие берілген күн',

      'section.transactions': 'Алаяқтарға төленген төлемдер',
      'section.transactions.hint':
        'Әр төлемді немесе аударымды жеке қосыңыз. Ештеңе төлемеген болсаңыз, бұл бөлімді бос қалдырыңыз.',
      'tx.legend': '{n}-төлем',
      'tx.paidAt': 'Төлем күні мен уақыты',
      'tx.amount': 'Сомасы, ₸',
      'tx.amount.hint': 'Мысалы: 12500 немесе 12500,50',
      'tx.method': 'Төлеу тәсілі',
      'tx.fromBank': 'Сіздің банкіңіз',
      'tx.toBank': 'Алушының банкі',
      'tx.toAccount': 'Алушының шоты',
      'tx.toAccount.hint': 'IBAN, карта нөмірі немесе телефон нөмірі',
      'tx.add': 'Төлем қосу',
      'tx.remove': '{n}-төлемді жою',
      'tx.limit': 'Ең көбі 50 төлем қосуға болады.',
      'tx.empty': 'Төлемдер қосылмаған.',

      'section.suspects': 'Алаяқтар туралы деректер',
      'section.suspects.hint':
        'Телефон нөмірлері, карталар, шоттар, сайттар, мессенджердегі аккаунттар. Әрбір дерек арызыңызды басқа арыздармен байланыстыруға көмектеседі.',
      'suspect.legend': '{n}-дерек',
      'suspect.type': 'Деректің түрі',
      'suspect.value': 'Мәні',
      'suspect.add': 'Дерек қосу',
      'suspect.remove': '{n}-деректі жою',
      'suspect.limit': 'Ең көбі 50 дерек қосуға болады.',
      'suspect.empty': 'Деректер қосылмаған.',

      'section.consent': 'Келісім',
      'consent.label':
        'Осы арызды қарау мақсатында дербес деректерімнің жиналуына және өңделуіне келісім беремін',
      submit: 'Арызды жіберу',
      submitting: 'Жіберілуде…',

      'summary.title': 'Нысанда қателер бар',
      'summary.intro': 'Келесі өрістерді тексеріңіз:',
      'summary.generic': 'Арызды жіберу мүмкін болмады',

      'net.offline':
        'Сервиске қосылу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз. Енгізген деректеріңіз осы бетте сақталды.',
      'net.409':
        'Осы нысанмен бұрын жіберілген арыз тым көп уақыт бұрын қабылданғандықтан, оны қайта растау мүмкін емес. Жаңа арыз ретінде жіберу үшін «Арызды жіберу» түймесін қайта басыңыз.',
      'net.413':
        'Арыз тым үлкен. Сипаттаманы қысқартыңыз немесе жазбалар санын азайтып, қайталап көріңіз.',
      'net.429': 'Сұраулар тым көп. Бір минуттай күтіп, қайталап көріңіз.',
      'net.5xx':
        'Сервис уақытша қолжетімсіз. Енгізген деректеріңіз осы бетте сақталды — бірнеше минуттан кейін қайталап көріңіз.',
      'net.unknown': 'Күтпеген қате орын алды (код {status}). Қайталап көріңіз.',

      'result.title': 'Арызыңыз қабылданды',
      'result.reference': 'Тіркеу нөмірі',
      'result.accessCode': 'Қол жеткізу коды',
      'result.warningTitle':
        'Оларды қазір сақтап алыңыз — қол жеткізу коды тек бір рет көрсетіледі.',
      'result.warning':
        'Арыздың мәртебесін тексеру және ақпарат қосу үшін тіркеу нөмірі де, код та қажет. Кодты ешкімге, соның ішінде «полиция қызметкерлері» мен «банк қызметкерлеріне» де айтпаңыз.',
      'result.copy': 'Нөмір мен кодты көшіру',
      'result.copied': 'Алмасу буферіне көшірілді',
      'result.copyFailed': 'Көшіру мүмкін болмады — нөмір мен кодты жазып алыңыз.',
      'result.copyText': 'Тіркеу нөмірі: {reference}\nҚол жеткізу коды: {accessCode}',
      'result.print': 'Басып шығару',
      'result.submittedAt': 'Қабылданған уақыты: {date}',
      'result.earlierVersion':
        'Бұл — сіз бұрын жіберген арыз: оның растауы сізге жетпеген. Кейін енгізген өзгерістеріңіз оған кірмеген — оларды төмендегі тіркеу нөмірі мен қол жеткізу кодын пайдаланып, мәртебе бетінде қосыңыз.',
      'result.nextTitle': 'Әрі қарай не болады',
      'result.next':
        'Арызыңызды өңіріңіздің киберқылмысқа қарсы іс-қимыл бөлімі қарайды. Қосымша ақпарат қажет болса, тергеуші сізге телефон арқылы хабарласады. Мәртебені тексеріп, дәлелдерді кез келген уақытта қоса аласыз.',
      'result.statusLink': 'Арыздың мәртебесін тексеру',
      'result.another': 'Тағы бір арыз беру',

      'status.title': 'Арыздың мәртебесін тексеру',
      'status.intro': 'Арыз берген кезде алған тіркеу нөмірі мен қол жеткізу кодын енгізіңіз.',
      'status.reference': 'Тіркеу нөмірі',
      'status.accessCode': 'Қол жеткізу коды',
      'status.lookup': 'Мәртебені тексеру',
      'status.loading': 'Тексерілуде…',
      'status.notFound':
        'Арыз табылмады немесе қол жеткізу коды қате. Нөмір мен кодты тексеріп, қайталап көріңіз.',
      'status.heading': '{reference} арызы',
      'status.current': 'Ағымдағы мәртебе',
      'status.submittedAt': 'Қабылданған уақыты',
      'status.refresh': 'Жаңарту',
      'money.title': 'Қаражат',
      'money.loss': 'Көрсетілген залал',
      'money.frozen': 'Тоқтатып қойылды (бұғатталды)',
      'money.reimbursed': 'Өтелді',
      'money.none': 'мәлімет жоқ',
      'timeline.title': 'Арыз тарихы',
      'timeline.empty': 'Әзірге оқиғалар жоқ.',

      'statement.title': 'Ақпарат қосу',
      'statement.hint':
        'Жаңа мән-жайлар, қосымша төлемдер немесе алаяқтардың деректері белгілі болса, осында жазыңыз.',
      'statement.text': 'Қосымша ақпарат',
      'statement.submit': 'Жіберу',
      'statement.sending': 'Жіберілуде…',
      'statement.sent': 'Ақпаратыңыз арызға қосылды.',

      'evidence.title': 'Дәлелдерді жүктеу',
      'evidence.hint':
        'Скриншоттар, түбіртектер, фотосуреттер (JPEG, PNG, GIF, WebP, HEIC) немесе PDF құжаттар, әрқайсысы 10 МБ-қа дейін.',
      'evidence.file': 'Файл',
      'evidence.submit': 'Жүктеу',
      'evidence.uploading': 'Жүктелуде…',
      'evidence.done': '«{name}» файлы жүктелді.',
      'evidence.sha': 'SHA-256 бақылау сомасы: {sha}',

      'err.required': 'Бұл өрісті толтырыңыз',
      'err.length': 'Ұзындығы {min}-ден {max} таңбаға дейін болуы керек',
      'err.tooLong': '{max} таңбадан аспауы керек',
      'err.iin': 'ЖСН дұрыс емес — 12 цифрды тексеріңіз',
      'err.phone': 'Телефон нөмірін +7 701 123 45 67 түрінде енгізіңіз',
      'err.email': 'Электрондық пошта мекенжайын name@example.kz түрінде енгізіңіз',
      'err.oneOf': 'Тізімнен мәнді таңдаңыз',
      'err.amountFormat': 'Соманы 12500.00 түрінде енгізіңіз (бөлшек бөлігінде ең көбі екі цифр)',
      'err.amountPositive': 'Сома нөлден үлкен болуы керек',
      'err.amountMax': 'Сома 1 000 000 000 000,00 ₸-ден аспауы керек',
      'err.date': 'Күн мен уақытты толық әрі дұрыс енгізіңіз',
      'err.future': 'Күн болашақта болмауы керек',
      'err.tooOld': 'Күн {year} жылдан ерте болмауы керек',
      'err.consent': 'Арызды жіберу үшін дербес деректерді өңдеуге келісім беріңіз',
      'err.tooMany': 'Ең көбі {max} жазба',
      'err.account': 'IBAN, карта нөмірін немесе телефон нөмірін енгізіңіз',
      'err.card': 'Карта нөмірі дұрыс емес — цифрларды тексеріңіз',
      'err.iban': 'IBAN дұрыс емес — мысалы: KZ86 125K ZT50 0410 0100',
      'err.url': 'Сайт мекенжайын енгізіңіз, мысалы: example.com',
      'err.cryptoWallet': 'Әмиян мекенжайы 20–128 латын әрпі мен цифрдан тұрады',
      'err.loanNotAllowed':
        'Несие туралы мәліметтер тек «несие» түріндегі алаяқтық үшін толтырылады',
      'err.fileRequired': 'Файлды таңдаңыз',
      'err.fileEmpty': 'Таңдалған файл бос',
      'err.fileTooLarge': 'Файл көлемі 10 МБ-тан аспауы керек',
      'err.evidenceQuota': 'Бұл өтінішке тіркелген файлдардың жалпы көлемі шегіне жетті',
      'err.evidenceLimit': 'Бұл өтінішке бұдан артық файл тіркеу мүмкін емес',
      'err.fileType':
        'Тек суреттер (JPEG, PNG, GIF, WebP, HEIC) немесе PDF файлдарын жүктеуге болады',

      'region.astana': 'Астана',
      'region.almaty_city': 'Алматы',
      'region.shymkent': 'Шымкент',
      'region.abai': 'Абай облысы',
      'region.akmola': 'Ақмола облысы',
      'region.aktobe': 'Ақтөбе облысы',
      'region.almaty_region': 'Алматы облысы',
      'region.atyrau': 'Атырау облысы',
      'region.east_kazakhstan': 'Шығыс Қазақстан облысы',
      'region.jambyl': 'Жамбыл облысы',
      'region.jetisu': 'Жетісу облысы',
      'region.karaganda': 'Қарағанды облысы',
      'region.kostanay': 'Қостанай облысы',
      'region.kyzylorda': 'Қызылорда облысы',
      'region.mangystau': 'Маңғыстау облысы',
      'region.north_kazakhstan': 'Солтүстік Қазақстан облысы',
      'region.pavlodar': 'Павлодар облысы',
      'region.turkistan': 'Түркістан облысы',
      'region.ulytau': 'Ұлытау облысы',
      'region.west_kazakhstan': 'Батыс Қазақстан облысы',

      'fraudType.online_purchase': 'Интернеттегі сатып алу (тауар жеткізілмеді)',
      'fraudType.phishing': 'Фишинг (жалған сайттар, сілтемелер, хабарламалар)',
      'fraudType.investment_scam': 'Жалған инвестициялар, қаржы пирамидалары',
      'fraudType.fake_loan': 'Сіздің атыңызға рәсімделген несие',
      'fraudType.impersonation': 'Банк, полиция немесе туыс атын жамылу',
      'fraudType.romance': 'Танысу арқылы алаяқтық',
      'fraudType.job_offer': 'Жалған жұмыс ұсынысы',
      'fraudType.rental': 'Тұрғын үй немесе көлік жалдау',
      'fraudType.prize_lottery': 'Ұтыс, сыйлық, лотерея',
      'fraudType.other': 'Басқа',

      'channel.phone_call': 'Телефон қоңырауы',
      'channel.sms': 'SMS',
      'channel.messenger': 'Мессенджер (WhatsApp, Telegram және т.б.)',
      'channel.social_media': 'Әлеуметтік желі',
      'channel.website': 'Веб-сайт',
      'channel.marketplace': 'Маркетплейс немесе хабарландырулар сайты',
      'channel.email': 'Электрондық пошта',
      'channel.other': 'Басқа',

      'method.bank_transfer': 'Банктік аударым',
      'method.card': 'Картамен төлеу',
      'method.mobile_transfer': 'Телефон нөмірі бойынша аударым',
      'method.crypto': 'Криптовалюта',
      'method.cash': 'Қолма-қол ақша',
      'method.other': 'Басқа',

      'suspectType.phone': 'Телефон нөмірі',
      'suspectType.card': 'Банк картасының нөмірі',
      'suspectType.iban': 'Шот нөмірі (IBAN)',
      'suspectType.url': 'Сайт немесе сілтеме',
      'suspectType.messenger': 'Мессенджердегі аккаунт',
      'suspectType.email': 'Электрондық пошта',
      'suspectType.crypto_wallet': 'Криптоәмиян',
      'suspectType.social_profile': 'Әлеуметтік желідегі профиль',

      'statusValue.received': 'Қабылданды',
      'statusValue.submitted': 'Қабылданды',
      'statusValue.triaged': 'Тіркелді, тергеушіні күтуде',
      'statusValue.open': 'Тергеушіні күтуде',
      'statusValue.in_review': 'Қаралуда',
      'statusValue.investigating': 'Тергеу жүргізілуде',
      'statusValue.solved': 'Қылмыс ашылды',
      'statusValue.closed': 'Жабылды',
      'statusValue.referred': 'Басқа органға жіберілді',

      // citizen-status: the status page's statements, files and statement form
      'sent.statements': 'Сіз қосқан мәліметтер',
      'sent.statementsEmpty': 'Сіз әлі мәлімет қосқан жоқсыз.',
      'sent.files': 'Сіз жүктеген файлдар',
      'sent.filesEmpty': 'Сіз әлі файл жүктеген жоқсыз.',
      'sent.payments': 'Төлемдер:',
      'sent.suspects': 'Алаяқтардың деректері:',
      'sent.bytes': '{n} байт',
      'sent.kb': '{n} КБ',
      'sent.mb': '{n} МБ',
      'statement.transactions': 'Алаяқтарға жасалған жаңа төлемдер',
      'statement.suspects': 'Алаяқтардың жаңа деректері',
      'err.statementEmpty': 'Мәтін жазыңыз немесе төлем не алаяқтың деректерін қосыңыз',
      // Check before you pay: lookup.html (citizen-lookup)
      'doc.lookup': 'Төлемес бұрын тексеру — Қазақстан Республикасының полициясы',
      'nav.lookup': 'Төлемес бұрын нөмірді тексеру',
      'lookup.title': 'Төлемес бұрын нөмірді тексеру',
      'lookup.intro':
        'Ақша аудармас бұрын осы телефон нөміріне, картаға, шотқа, сайтқа немесе аккаунтқа шағым түскен-түспегенін тексеріңіз.',
      'lookup.type': 'Нені тексеру керек',
      'lookup.value': 'Нөмір, мекенжай немесе сілтеме',
      'lookup.submit': 'Тексеру',
      'lookup.loading': 'Тексерілуде…',
      'lookup.hint.phone':
        'Мысалы: +7\u00a0701\u00a0123\u00a045\u00a067 немесе 8\u00a0701\u00a0123\u00a045\u00a067',
      'lookup.hint.card':
        'Картаның барлық цифрлары, мысалы: 4400 4301 2345 6789. Нөмір сақталмайды.',
      'lookup.hint.iban': 'Мысалы: KZ86 125K ZT50 0410 0100',
      'lookup.hint.url': 'Мысалы: shop-example.kz немесе https://shop-example.kz/tauar',
      'lookup.hint.messenger': 'Telegram немесе WhatsApp аты, мысалы: @seller немесе t.me/seller',
      'lookup.hint.email': 'Мысалы: seller@mail.kz',
      'lookup.hint.crypto_wallet': 'Әмиянның толық мекенжайы',
      'lookup.hint.social_profile': 'Профильге сілтеме, мысалы: instagram.com/seller',
      'lookup.heading': 'Тексеру нәтижесі: {value}',
      'lookup.reports.none': 'Бұл туралы шағым түскен жоқ.',
      'lookup.reports.few': 'Бұл туралы 1–2 шағым түсті.',
      'lookup.reports.several': 'Бұл туралы 3-тен 9-ға дейін шағым түсті.',
      'lookup.reports.many': 'Бұл туралы 10 немесе одан көп шағым түсті.',
      'lookup.last': 'Соңғы шағым: {month}.',
      'lookup.blocked': 'Полицияның сұрауы бойынша бұғатталған.',
      'lookup.advice.none':
        'Бұл қауіпсіз дегенді білдірмейді: алаяқтар нөмірлерін жиі ауыстырады. Бейтаныс адамдарға алдын ала төлем жасамаңыз.',
      'lookup.advice.warn':
        'Ақша аудармаңыз. Сізден төлем сұраса, сөйлесуді тоқтатып, полицияға хабарлаңыз.',
      'lookup.report': 'Егер сізді алдап кетсе — арыз беріңіз',
      'lookup.privacy':
        'Біз сіз тексеретін деректі сақтамаймыз. Жауап шамамен қанша шағым түскенін ғана көрсетеді — есімдерсіз, сомаларсыз және іс нөмірлерінсіз.',
      'lookup.badValue': 'Мәнді тексеріңіз: ол таңдалған түрге сәйкес келмейді',
      'lookup.tooMany': 'Тексерулер тым көп. Бір минуттай күтіп, қайталап көріңіз.',

      // citizen notices (reporter.notify)
      'reporter.notify': 'Іс барысы туралы қалай хабарлау керек',
      'reporter.notify.hint':
        'Арызды қарай бастағанда, іс қалай аяқталғанда және ақша бұғатталса немесе өтелсе, хабарлаймыз. Ештеңе таңдамасаңыз — электрондық пошта көрсетілсе, соған.',
      'notify.email': 'Электрондық поштаға',
      'notify.sms': 'Телефонға SMS',
      'notify.both': 'Поштаға және SMS',
      'notify.none': 'Хабарламау',
      'err.notifyEmail': 'Электрондық поштаны көрсетіңіз немесе басқа тәсілді таңдаңыз',
    },

    // ------------------------------------------------------------ Russian
    ru: {
      'doc.report': 'Сообщить об интернет-мошенничестве — Полиция Республики Казахстан',
      'doc.status': 'Статус заявления — Полиция Республики Казахстан',
      'app.agency': 'Полиция Республики Казахстан',
      'app.service': 'Заявления об интернет-мошенничестве',
      'lang.switch': 'Язык интерфейса',
      skip: 'Перейти к основному содержанию',
      'nav.main': 'Разделы сервиса',
      'nav.report': 'Подать заявление',
      'nav.status': 'Проверить статус заявления',
      'footer.emergency': 'Если есть угроза жизни или здоровью, звоните 102.',
      'footer.privacy':
        'Ваши персональные данные обрабатываются только для рассмотрения заявления в соответствии с Законом Республики Казахстан «О персональных данных и их защите».',
      optional: '(необязательно)',
      'select.placeholder': 'Выберите…',
      'error.prefix': 'Ошибка:',

      'report.title': 'Сообщить об интернет-мошенничестве',
      'report.intro':
        'Расскажите, что произошло. Заполнение займёт около 10 минут. После отправки вы получите номер заявления и код доступа — с ними можно проверить статус и добавить доказательства.',
      'report.urgentTitle': 'Вы только что перевели деньги?',
      'report.urgent':
        'Немедленно позвоните в свой банк и попросите остановить перевод и заблокировать карту, затем заполните эту форму. Чем раньше мы узнаем, тем выше шанс заморозить деньги.',

      'section.reporter': 'Сведения о вас',
      'reporter.fullName': 'Фамилия, имя, отчество',
      'reporter.iin': 'ИИН',
      'reporter.iin.hint': 'Индивидуальный идентификационный номер из 12 цифр',
      'reporter.phone': 'Номер телефона',
      'reporter.phone.hint': 'Например: +7 701 123 45 67 или 8 701 123 45 67',
      'reporter.email': 'Электронная почта',
      'reporter.region': 'Регион проживания',
      'reporter.region.hint':
        'Заявление рассмотрит подразделение по противодействию киберпреступности этого региона',
      'reporter.ageGroup': 'Возрастная группа',
      'ageGroup.minor': 'Младше 18 лет',
      'ageGroup.adult': '18–59 лет',
      'ageGroup.senior': '60 лет и старше',

      'section.incident': 'Что произошло',
      'incident.fraudType': 'Вид мошенничества',
      'incident.channel': 'Как мошенники связались с вами?',
      'incident.occurredAt': 'Когда это произошло?',
      'incident.occurredAt.hint': 'Дата и время. Если не помните точно, укажите примерно.',
      'incident.description': 'Опишите, что произошло',
      'incident.description.hint':
        'Кто и как с вами связался, что говорил, что вы сделали. Не менее 20 и не более 5000 символов.',
      'counter.count': 'Символов: {n} из {max}',
      'counter.under': {
        one: 'Нужно ещё не менее {n} символа',
        few: 'Нужно ещё не менее {n} символов',
        many: 'Нужно ещё не менее {n} символов',
        other: 'Нужно ещё не менее {n} символа',
      },
      'counter.over': {
        one: 'Превышение на {n} символ',
        few: 'Превышение на {n} символа',
        many: 'Превышение на {n} символов',
        other: 'Превышение на {n} символа',
      },

      'section.loan': 'Кредит, оформленный на ваше имя',
      'section.loan.hint': 'Укажите данные из кредитного договора или уведомления банка.',
      'loan.lender': 'Кредитор (банк или микрофинансовая организация)',
      'loan.contractNumber': 'Номер договора',
      'loan.amount': 'Сумма кредита, ₸',
      'loan.issuedAt': 'Дата выдачи кредита',

      'section.transactions': 'Платежи мошенникам',
      'section.transactions.hint':
        'Добавьте каждый платёж или перевод отдельно. Если вы ничего не платили, оставьте раздел пустым.',
      'tx.legend': 'Платёж {n}',
      'tx.paidAt': 'Дата и время платежа',
      'tx.amount': 'Сумма, ₸',
      'tx.amount.hint': 'Например: 12500 или 12500,50',
      'tx.method': 'Способ оплаты',
      'tx.fromBank': 'Ваш банк',
      'tx.toBank': 'Банк получателя',
      'tx.toAccount': 'Счёт получателя',
      'tx.toAccount.hint': 'IBAN, номер карты или номер телефона',
      'tx.add': 'Добавить платёж',
      'tx.remove': 'Удалить платёж {n}',
      'tx.limit': 'Можно добавить не более 50 платежей.',
      'tx.empty': 'Платежи не добавлены.',

      'section.suspects': 'Данные мошенников',
      'section.suspects.hint':
        'Номера телефонов, карт и счетов, сайты, аккаунты в мессенджерах. Каждое значение помогает связать ваше заявление с другими.',
      'suspect.legend': 'Данные {n}',
      'suspect.type': 'Тип данных',
      'suspect.value': 'Значение',
      'suspect.add': 'Добавить данные',
      'suspect.remove': 'Удалить данные {n}',
      'suspect.limit': 'Можно добавить не более 50 записей.',
      'suspect.empty': 'Данные не добавлены.',

      'section.consent': 'Согласие',
      'consent.label':
        'Я даю согласие на сбор и обработку моих персональных данных для рассмотрения этого заявления',
      submit: 'Отправить заявление',
      submitting: 'Отправка…',

      'summary.title': 'В форме есть ошибки',
      'summary.intro': 'Проверьте следующие поля:',
      'summary.generic': 'Не удалось отправить заявление',

      'net.offline':
        'Не удалось связаться с сервисом. Проверьте подключение к интернету и попробуйте ещё раз. Введённые данные сохранены на этой странице.',
      'net.409':
        'Заявление, отправленное ранее из этой формы, принято слишком давно, и подтвердить его повторно нельзя. Чтобы подать его как новое, снова нажмите «Отправить заявление».',
      'net.413':
        'Заявление слишком большое. Сократите описание или уменьшите количество записей и попробуйте ещё раз.',
      'net.429': 'Слишком много запросов. Подождите минуту и попробуйте ещё раз.',
      'net.5xx':
        'Сервис временно недоступен. Введённые данные сохранены на этой странице — попробуйте ещё раз через несколько минут.',
      'net.unknown': 'Произошла непредвиденная ошибка (код {status}). Попробуйте ещё раз.',

      'result.title': 'Ваше заявление принято',
      'result.reference': 'Номер заявления',
      'result.accessCode': 'Код доступа',
      'result.warningTitle': 'Сохраните их сейчас — код доступа показывается только один раз.',
      'result.warning':
        'Номер и код понадобятся, чтобы проверить статус заявления и добавить сведения. Никому не сообщайте код, в том числе «сотрудникам полиции» и «сотрудникам банка».',
      'result.copy': 'Скопировать номер и код',
      'result.copied': 'Скопировано в буфер обмена',
      'result.copyFailed': 'Не удалось скопировать — запишите номер и код.',
      'result.copyText': 'Номер заявления: {reference}\nКод доступа: {accessCode}',
      'result.print': 'Распечатать',
      'result.submittedAt': 'Принято: {date}',
      'result.earlierVersion':
        'Это заявление, которое вы отправили раньше: подтверждение до вас не дошло. Изменения, внесённые после этого, в него не вошли — добавьте их на странице статуса, указав номер и код доступа ниже.',
      'result.nextTitle': 'Что будет дальше',
      'result.next':
        'Заявление рассмотрит подразделение по противодействию киберпреступности вашего региона. Если понадобятся дополнительные сведения, следователь свяжется с вами по телефону. Проверять статус и добавлять доказательства можно в любое время.',
      'result.statusLink': 'Проверить статус заявления',
      'result.another': 'Подать ещё одно заявление',

      'status.title': 'Проверить статус заявления',
      'status.intro':
        'Введите номер заявления и код доступа, которые вы получили при подаче заявления.',
      'status.reference': 'Номер заявления',
      'status.accessCode': 'Код доступа',
      'status.lookup': 'Проверить статус',
      'status.loading': 'Проверка…',
      'status.notFound':
        'Заявление не найдено или код доступа неверен. Проверьте номер и код и попробуйте ещё раз.',
      'status.heading': 'Заявление {reference}',
      'status.current': 'Текущий статус',
      'status.submittedAt': 'Принято',
      'status.refresh': 'Обновить',
      'money.title': 'Денежные средства',
      'money.loss': 'Заявленный ущерб',
      'money.frozen': 'Заморожено (заблокировано)',
      'money.reimbursed': 'Возмещено',
      'money.none': 'нет данных',
      'timeline.title': 'История заявления',
      'timeline.empty': 'Событий пока нет.',

      'statement.title': 'Добавить сведения',
      'statement.hint':
        'Если стали известны новые обстоятельства, платежи или данные мошенников, напишите об этом здесь.',
      'statement.text': 'Дополнительные сведения',
      'statement.submit': 'Отправить',
      'statement.sending': 'Отправка…',
      'statement.sent': 'Сведения добавлены к заявлению.',

      'evidence.title': 'Загрузить доказательства',
      'evidence.hint':
        'Снимки экрана, квитанции, фотографии (JPEG, PNG, GIF, WebP, HEIC) или документы PDF, каждый до 10 МБ.',
      'evidence.file': 'Файл',
      'evidence.submit': 'Загрузить',
      'evidence.uploading': 'Загрузка…',
      'evidence.done': 'Файл «{name}» загружен.',
      'evidence.sha': 'Контрольная сумма SHA-256: {sha}',

      'err.required': 'Заполните это поле',
      'err.length': 'Длина должна быть от {min} до {max} символов',
      'err.tooLong': 'Не более {max} символов',
      'err.iin': 'Неверный ИИН — проверьте 12 цифр',
      'err.phone': 'Введите номер в формате +7 701 123 45 67',
      'err.email': 'Введите адрес электронной почты в формате name@example.kz',
      'err.oneOf': 'Выберите значение из списка',
      'err.amountFormat': 'Введите сумму в формате 12500.00 (не более двух знаков после запятой)',
      'err.amountPositive': 'Сумма должна быть больше нуля',
      'err.amountMax': 'Сумма не может превышать 1 000 000 000 000,00 ₸',
      'err.date': 'Введите полную и правильную дату',
      'err.future': 'Дата не может быть в будущем',
      'err.tooOld': 'Дата не может быть раньше {year} года',
      'err.consent': 'Чтобы отправить заявление, дайте согласие на обработку персональных данных',
      'err.tooMany': 'Не более {max} записей',
      'err.account': 'Укажите IBAN, номер карты или номер телефона',
      'err.card': 'Неверный номер карты — проверьте цифры',
      'err.iban': 'Неверный IBAN — например: KZ86 125K ZT50 0410 0100',
      'err.url': 'Введите адрес сайта, например: example.com',
      'err.cryptoWallet': 'Адрес кошелька — от 20 до 128 латинских букв и цифр',
      'err.loanNotAllowed': 'Сведения о кредите заполняются только для вида «кредит на ваше имя»',
      'err.fileRequired': 'Выберите файл',
      'err.fileEmpty': 'Выбранный файл пуст',
      'err.fileTooLarge': 'Размер файла не должен превышать 10 МБ',
      'err.evidenceQuota': 'Общий объём файлов этого обращения достиг предела',
      'err.evidenceLimit': 'К этому обращению нельзя добавить больше файлов',
      'err.fileType': 'Можно загружать только изображения (JPEG, PNG, GIF, WebP, HEIC) и PDF',

      'region.astana': 'Астана',
      'region.almaty_city': 'Алматы',
      'region.shymkent': 'Шымкент',
      'region.abai': 'Абайская область',
      'region.akmola': 'Акмолинская область',
      'region.aktobe': 'Актюбинская область',
      'region.almaty_region': 'Алматинская область',
      'region.atyrau': 'Атырауская область',
      'region.east_kazakhstan': 'Восточно-Казахстанская область',
      'region.jambyl': 'Жамбылская область',
      'region.jetisu': 'Область Жетісу',
      'region.karaganda': 'Карагандинская область',
      'region.kostanay': 'Костанайская область',
      'region.kyzylorda': 'Кызылординская область',
      'region.mangystau': 'Мангистауская область',
      'region.north_kazakhstan': 'Северо-Казахстанская область',
      'region.pavlodar': 'Павлодарская область',
      'region.turkistan': 'Туркестанская область',
      'region.ulytau': 'Область Ұлытау',
      'region.west_kazakhstan': 'Западно-Казахстанская область',

      'fraudType.online_purchase': 'Покупка в интернете (товар не доставлен)',
      'fraudType.phishing': 'Фишинг (поддельные сайты, ссылки, сообщения)',
      'fraudType.investment_scam': 'Ложные инвестиции, финансовые пирамиды',
      'fraudType.fake_loan': 'Кредит, оформленный на ваше имя',
      'fraudType.impersonation': 'Звонок от имени банка, полиции или родственника',
      'fraudType.romance': 'Мошенничество под видом знакомства',
      'fraudType.job_offer': 'Ложное предложение работы',
      'fraudType.rental': 'Аренда жилья или транспорта',
      'fraudType.prize_lottery': 'Выигрыш, приз, лотерея',
      'fraudType.other': 'Другое',

      'channel.phone_call': 'Телефонный звонок',
      'channel.sms': 'SMS',
      'channel.messenger': 'Мессенджер (WhatsApp, Telegram и др.)',
      'channel.social_media': 'Социальная сеть',
      'channel.website': 'Сайт',
      'channel.marketplace': 'Маркетплейс или сайт объявлений',
      'channel.email': 'Электронная почта',
      'channel.other': 'Другое',

      'method.bank_transfer': 'Банковский перевод',
      'method.card': 'Оплата картой',
      'method.mobile_transfer': 'Перевод по номеру телефона',
      'method.crypto': 'Криптовалюта',
      'method.cash': 'Наличные',
      'method.other': 'Другое',

      'suspectType.phone': 'Номер телефона',
      'suspectType.card': 'Номер банковской карты',
      'suspectType.iban': 'Номер счёта (IBAN)',
      'suspectType.url': 'Сайт или ссылка',
      'suspectType.messenger': 'Аккаунт в мессенджере',
      'suspectType.email': 'Электронная почта',
      'suspectType.crypto_wallet': 'Криптокошелёк',
      'suspectType.social_profile': 'Профиль в социальной сети',

      'statusValue.received': 'Принято',
      'statusValue.submitted': 'Принято',
      'statusValue.triaged': 'Зарегистрировано, ожидает следователя',
      'statusValue.open': 'Ожидает следователя',
      'statusValue.in_review': 'На рассмотрении',
      'statusValue.investigating': 'Ведётся расследование',
      'statusValue.solved': 'Преступление раскрыто',
      'statusValue.closed': 'Закрыто',
      'statusValue.referred': 'Передано в другой орган',

      // citizen-status: the status page's statements, files and statement form
      'sent.statements': 'Сведения, которые вы добавили',
      'sent.statementsEmpty': 'Вы ещё не добавляли сведений.',
      'sent.files': 'Файлы, которые вы загрузили',
      'sent.filesEmpty': 'Вы ещё не загружали файлов.',
      'sent.payments': 'Платежи:',
      'sent.suspects': 'Данные мошенников:',
      'sent.bytes': '{n} байт',
      'sent.kb': '{n} КБ',
      'sent.mb': '{n} МБ',
      'statement.transactions': 'Новые платежи мошенникам',
      'statement.suspects': 'Новые данные мошенников',
      'err.statementEmpty': 'Напишите текст или добавьте платёж либо данные мошенников',
      // Check before you pay: lookup.html (citizen-lookup)
      'doc.lookup': 'Проверить номер перед оплатой — Полиция Республики Казахстан',
      'nav.lookup': 'Проверить номер перед оплатой',
      'lookup.title': 'Проверить номер перед оплатой',
      'lookup.intro':
        'Прежде чем переводить деньги, проверьте, жаловались ли на этот номер телефона, карту, счёт, сайт или аккаунт.',
      'lookup.type': 'Что проверить',
      'lookup.value': 'Номер, адрес или ссылка',
      'lookup.submit': 'Проверить',
      'lookup.loading': 'Проверяем…',
      'lookup.hint.phone':
        'Например: +7\u00a0701\u00a0123\u00a045\u00a067 или 8\u00a0701\u00a0123\u00a045\u00a067',
      'lookup.hint.card': 'Все цифры карты, например: 4400 4301 2345 6789. Номер не сохраняется.',
      'lookup.hint.iban': 'Например: KZ86 125K ZT50 0410 0100',
      'lookup.hint.url': 'Например: shop-example.kz или https://shop-example.kz/tovar',
      'lookup.hint.messenger': 'Имя в Telegram или WhatsApp, например: @seller или t.me/seller',
      'lookup.hint.email': 'Например: seller@mail.kz',
      'lookup.hint.crypto_wallet': 'Адрес кошелька целиком',
      'lookup.hint.social_profile': 'Ссылка на профиль, например: instagram.com/seller',
      'lookup.heading': 'Результат проверки: {value}',
      'lookup.reports.none': 'Жалоб на это не поступало.',
      'lookup.reports.few': 'На это поступило 1–2 жалобы.',
      'lookup.reports.several': 'На это поступило от 3 до 9 жалоб.',
      'lookup.reports.many': 'На это поступило 10 и более жалоб.',
      'lookup.last': 'Последняя жалоба: {month}.',
      'lookup.blocked': 'Заблокировано по запросу полиции.',
      'lookup.advice.none':
        'Это не значит, что здесь безопасно: мошенники часто меняют номера. Не вносите предоплату незнакомым.',
      'lookup.advice.warn':
        'Не переводите деньги. Если у вас просят оплату, прекратите разговор и сообщите в полицию.',
      'lookup.report': 'Если вас уже обманули — подайте заявление',
      'lookup.privacy':
        'Мы не сохраняем то, что вы проверяете. Ответ показывает только, сколько примерно жалоб поступило, — без имён, сумм и номеров дел.',
      'lookup.badValue': 'Проверьте значение: оно не подходит к выбранному типу',
      'lookup.tooMany': 'Слишком много проверок подряд. Подождите минуту и попробуйте снова.',

      // citizen notices (reporter.notify)
      'reporter.notify': 'Как сообщать вам о ходе дела',
      'reporter.notify.hint':
        'Мы сообщим, когда заявление начнут рассматривать, чем закончится дело и если деньги заморозят или возместят. Если ничего не выбрать — по электронной почте, когда она указана.',
      'notify.email': 'По электронной почте',
      'notify.sms': 'SMS на телефон',
      'notify.both': 'По почте и SMS',
      'notify.none': 'Не сообщать',
      'err.notifyEmail': 'Укажите электронную почту или выберите другой способ',
    },

    // ------------------------------------------------------------ English
    en: {
      'doc.report': 'Report internet fraud — Police of the Republic of Kazakhstan',
      'doc.status': 'Report status — Police of the Republic of Kazakhstan',
      'app.agency': 'Police of the Republic of Kazakhstan',
      'app.service': 'Internet fraud reports',
      'lang.switch': 'Interface language',
      skip: 'Skip to main content',
      'nav.main': 'Service sections',
      'nav.report': 'File a report',
      'nav.status': 'Check report status',
      'footer.emergency': 'If someone’s life or health is in danger, call 102.',
      'footer.privacy':
        'Your personal data are processed only to examine your report, in accordance with the Law of the Republic of Kazakhstan “On Personal Data and Their Protection”.',
      optional: '(optional)',
      'select.placeholder': 'Select…',
      'error.prefix': 'Error:',

      'report.title': 'Report internet fraud',
      'report.intro':
        'Tell us what happened. It takes about 10 minutes. When you send the report you will get a reference number and an access code — use them to check the status and add evidence later.',
      'report.urgentTitle': 'Have you just transferred money?',
      'report.urgent':
        'Call your bank immediately and ask it to stop the transfer and block your card, then fill in this form. The sooner we know, the better the chance of freezing the money.',

      'section.reporter': 'About you',
      'reporter.fullName': 'Full name',
      'reporter.iin': 'IIN',
      'reporter.iin.hint': 'Your 12-digit individual identification number',
      'reporter.phone': 'Phone number',
      'reporter.phone.hint': 'For example: +7 701 123 45 67 or 8 701 123 45 67',
      'reporter.email': 'Email address',
      'reporter.region': 'Region where you live',
      'reporter.region.hint': 'The cyber-crime unit of this region will examine your report',
      'reporter.ageGroup': 'Age group',
      'ageGroup.minor': 'Under 18',
      'ageGroup.adult': '18 to 59',
      'ageGroup.senior': '60 or older',

      'section.incident': 'What happened',
      'incident.fraudType': 'Type of fraud',
      'incident.channel': 'How did the fraudsters contact you?',
      'incident.occurredAt': 'When did it happen?',
      'incident.occurredAt.hint': 'Date and time. If you are not sure, give an approximate time.',
      'incident.description': 'Describe what happened',
      'incident.description.hint':
        'Who contacted you and how, what they said, what you did. At least 20 and at most 5000 characters.',
      'counter.count': '{n} of {max} characters',
      'counter.under': {
        one: 'Enter at least {n} more character',
        other: 'Enter at least {n} more characters',
      },
      'counter.over': {
        one: '{n} character too many',
        other: '{n} characters too many',
      },

      'section.loan': 'Loan taken out in your name',
      'section.loan.hint': 'Use the details from the loan agreement or the lender’s notification.',
      'loan.lender': 'Lender (bank or microfinance organisation)',
      'loan.contractNumber': 'Contract number',
      'loan.amount': 'Loan amount, ₸',
      'loan.issuedAt': 'Date the loan was issued',

      'section.transactions': 'Payments to the fraudsters',
      'section.transactions.hint':
        'Add each payment or transfer separately. If you did not pay anything, leave this section empty.',
      'tx.legend': 'Payment {n}',
      'tx.paidAt': 'Date and time of payment',
      'tx.amount': 'Amount, ₸',
      'tx.amount.hint': 'For example: 12500 or 12500.50',
      'tx.method': 'Payment method',
      'tx.fromBank': 'Your bank',
      'tx.toBank': 'Recipient’s bank',
      'tx.toAccount': 'Recipient’s account',
      'tx.toAccount.hint': 'IBAN, card number or phone number',
      'tx.add': 'Add payment',
      'tx.remove': 'Remove payment {n}',
      'tx.limit': 'You can add at most 50 payments.',
      'tx.empty': 'No payments added.',

      'section.suspects': 'Details of the fraudsters',
      'section.suspects.hint':
        'Phone numbers, cards, accounts, websites, messenger accounts. Each detail helps us link your report to others.',
      'suspect.legend': 'Detail {n}',
      'suspect.type': 'Type of detail',
      'suspect.value': 'Value',
      'suspect.add': 'Add detail',
      'suspect.remove': 'Remove detail {n}',
      'suspect.limit': 'You can add at most 50 details.',
      'suspect.empty': 'No details added.',

      'section.consent': 'Consent',
      'consent.label':
        'I consent to the collection and processing of my personal data for the examination of this report',
      submit: 'Send report',
      submitting: 'Sending…',

      'summary.title': 'There is a problem',
      'summary.intro': 'Check the following fields:',
      'summary.generic': 'The report could not be sent',

      'net.offline':
        'Could not connect to the service. Check your internet connection and try again. Your answers are kept on this page.',
      'net.409':
        'A report sent earlier from this form was received too long ago to be confirmed again. Press “Send report” again to file it as a new report.',
      'net.413':
        'The report is too large. Shorten the description or remove some entries and try again.',
      'net.429': 'Too many requests. Please wait a minute and try again.',
      'net.5xx':
        'The service is temporarily unavailable. Your answers are kept on this page — please try again in a few minutes.',
      'net.unknown': 'Something went wrong (code {status}). Please try again.',

      'result.title': 'Your report has been received',
      'result.reference': 'Reference number',
      'result.accessCode': 'Access code',
      'result.warningTitle': 'Save these now — the access code is shown only once.',
      'result.warning':
        'You need both the reference number and the access code to check the status of your report or add information. Never tell anyone the code, including people who say they are from the police or your bank.',
      'result.copy': 'Copy reference and code',
      'result.copied': 'Copied to the clipboard',
      'result.copyFailed': 'Could not copy — please write the reference and code down.',
      'result.copyText': 'Reference number: {reference}\nAccess code: {accessCode}',
      'result.print': 'Print',
      'result.submittedAt': 'Received: {date}',
      'result.earlierVersion':
        'This is the report you sent earlier: its confirmation did not reach you. The changes you made afterwards are not in it — add them on the status page with the reference number and access code below.',
      'result.nextTitle': 'What happens next',
      'result.next':
        'The cyber-crime unit of your region will examine your report. If more information is needed, an investigator will contact you by phone. You can check the status and add evidence at any time.',
      'result.statusLink': 'Check the status of your report',
      'result.another': 'File another report',

      'status.title': 'Check the status of a report',
      'status.intro':
        'Enter the reference number and the access code you got when you filed the report.',
      'status.reference': 'Reference number',
      'status.accessCode': 'Access code',
      'status.lookup': 'Check status',
      'status.loading': 'Checking…',
      'status.notFound':
        'No report was found, or the access code is wrong. Check the reference number and the code and try again.',
      'status.heading': 'Report {reference}',
      'status.current': 'Current status',
      'status.submittedAt': 'Received',
      'status.refresh': 'Refresh',
      'money.title': 'Money',
      'money.loss': 'Reported loss',
      'money.frozen': 'Frozen (blocked)',
      'money.reimbursed': 'Reimbursed',
      'money.none': 'no data',
      'timeline.title': 'History',
      'timeline.empty': 'No events yet.',

      'statement.title': 'Add information',
      'statement.hint':
        'If you have learned anything new — more payments, details of the fraudsters — write it here.',
      'statement.text': 'Additional information',
      'statement.submit': 'Send',
      'statement.sending': 'Sending…',
      'statement.sent': 'Your information has been added to the report.',

      'evidence.title': 'Upload evidence',
      'evidence.hint':
        'Screenshots, receipts, photos (JPEG, PNG, GIF, WebP, HEIC) or PDF documents, up to 10 MB each.',
      'evidence.file': 'File',
      'evidence.submit': 'Upload',
      'evidence.uploading': 'Uploading…',
      'evidence.done': 'File “{name}” uploaded.',
      'evidence.sha': 'SHA-256 checksum: {sha}',

      'err.required': 'This field is required',
      'err.length': 'Must be between {min} and {max} characters',
      'err.tooLong': 'Must be at most {max} characters',
      'err.iin': 'This IIN is not valid — check the 12 digits',
      'err.phone': 'Enter a phone number like +7 701 123 45 67',
      'err.email': 'Enter an email address like name@example.kz',
      'err.oneOf': 'Select a value from the list',
      'err.amountFormat': 'Enter an amount like 12500.00 (at most two decimal places)',
      'err.amountPositive': 'The amount must be greater than zero',
      'err.amountMax': 'The amount cannot exceed ₸1,000,000,000,000.00',
      'err.date': 'Enter a complete, valid date',
      'err.future': 'The date cannot be in the future',
      'err.tooOld': 'The date cannot be earlier than {year}',
      'err.consent': 'To send the report, give your consent to the processing of personal data',
      'err.tooMany': 'At most {max} entries',
      'err.account': 'Enter an IBAN, a card number or a phone number',
      'err.card': 'This card number is not valid — check the digits',
      'err.iban': 'This IBAN is not valid — for example: KZ86 125K ZT50 0410 0100',
      'err.url': 'Enter a website address, for example: example.com',
      'err.cryptoWallet': 'A wallet address is 20 to 128 Latin letters and digits',
      'err.loanNotAllowed': 'Loan details are only filled in for the “loan in your name” type',
      'err.fileRequired': 'Choose a file',
      'err.fileEmpty': 'The selected file is empty',
      'err.fileTooLarge': 'The file must be 10 MB or smaller',
      'err.evidenceQuota': 'The files of this report have reached their total size limit',
      'err.evidenceLimit': 'No more files can be added to this report',
      'err.fileType': 'Only images (JPEG, PNG, GIF, WebP, HEIC) or PDF files can be uploaded',

      'region.astana': 'Astana',
      'region.almaty_city': 'Almaty',
      'region.shymkent': 'Shymkent',
      'region.abai': 'Abai Region',
      'region.akmola': 'Akmola Region',
      'region.aktobe': 'Aktobe Region',
      'region.almaty_region': 'Almaty Region',
      'region.atyrau': 'Atyrau Region',
      'region.east_kazakhstan': 'East Kazakhstan Region',
      'region.jambyl': 'Jambyl Region',
      'region.jetisu': 'Jetisu Region',
      'region.karaganda': 'Karaganda Region',
      'region.kostanay': 'Kostanay Region',
      'region.kyzylorda': 'Kyzylorda Region',
      'region.mangystau': 'Mangystau Region',
      'region.north_kazakhstan': 'North Kazakhstan Region',
      'region.pavlodar': 'Pavlodar Region',
      'region.turkistan': 'Turkistan Region',
      'region.ulytau': 'Ulytau Region',
      'region.west_kazakhstan': 'West Kazakhstan Region',

      'fraudType.online_purchase': 'Online purchase (goods never delivered)',
      'fraudType.phishing': 'Phishing (fake websites, links, messages)',
      'fraudType.investment_scam': 'Investment scam or financial pyramid',
      'fraudType.fake_loan': 'Loan taken out in your name',
      'fraudType.impersonation': 'Someone posing as a bank, the police or a relative',
      'fraudType.romance': 'Romance scam',
      'fraudType.job_offer': 'Fake job offer',
      'fraudType.rental': 'Rental of housing or a vehicle',
      'fraudType.prize_lottery': 'Prize, winnings or lottery',
      'fraudType.other': 'Other',

      'channel.phone_call': 'Phone call',
      'channel.sms': 'SMS',
      'channel.messenger': 'Messenger (WhatsApp, Telegram, etc.)',
      'channel.social_media': 'Social network',
      'channel.website': 'Website',
      'channel.marketplace': 'Marketplace or classifieds site',
      'channel.email': 'Email',
      'channel.other': 'Other',

      'method.bank_transfer': 'Bank transfer',
      'method.card': 'Card payment',
      'method.mobile_transfer': 'Transfer by phone number',
      'method.crypto': 'Cryptocurrency',
      'method.cash': 'Cash',
      'method.other': 'Other',

      'suspectType.phone': 'Phone number',
      'suspectType.card': 'Bank card number',
      'suspectType.iban': 'Account number (IBAN)',
      'suspectType.url': 'Website or link',
      'suspectType.messenger': 'Messenger account',
      'suspectType.email': 'Email address',
      'suspectType.crypto_wallet': 'Crypto wallet',
      'suspectType.social_profile': 'Social media profile',

      'statusValue.received': 'Received',
      'statusValue.submitted': 'Received',
      'statusValue.triaged': 'Registered, waiting for an investigator',
      'statusValue.open': 'Waiting for an investigator',
      'statusValue.in_review': 'Under review',
      'statusValue.investigating': 'Under investigation',
      'statusValue.solved': 'Crime solved',
      'statusValue.closed': 'Closed',
      'statusValue.referred': 'Referred to another agency',

      // citizen-status: the status page's statements, files and statement form
      'sent.statements': 'Information you added',
      'sent.statementsEmpty': 'You have not added any information yet.',
      'sent.files': 'Files you uploaded',
      'sent.filesEmpty': 'You have not uploaded any files yet.',
      'sent.payments': 'Payments:',
      'sent.suspects': 'Fraudster details:',
      'sent.bytes': '{n} bytes',
      'sent.kb': '{n} KB',
      'sent.mb': '{n} MB',
      'statement.transactions': 'New payments to the fraudsters',
      'statement.suspects': 'New details of the fraudsters',
      'err.statementEmpty': 'Write some text or add a payment or a fraudster detail',
      // Check before you pay: lookup.html (citizen-lookup)
      'doc.lookup': 'Check before you pay — Police of the Republic of Kazakhstan',
      'nav.lookup': 'Check a number before you pay',
      'lookup.title': 'Check a number before you pay',
      'lookup.intro':
        'Before you send money, check whether people have reported this phone number, card, account, website or profile.',
      'lookup.type': 'What to check',
      'lookup.value': 'Number, address or link',
      'lookup.submit': 'Check',
      'lookup.loading': 'Checking…',
      'lookup.hint.phone':
        'For example: +7\u00a0701\u00a0123\u00a045\u00a067 or 8\u00a0701\u00a0123\u00a045\u00a067',
      'lookup.hint.card':
        'All digits of the card, for example: 4400 4301 2345 6789. It is not stored.',
      'lookup.hint.iban': 'For example: KZ86 125K ZT50 0410 0100',
      'lookup.hint.url': 'For example: shop-example.kz or https://shop-example.kz/item',
      'lookup.hint.messenger': 'A Telegram or WhatsApp name, for example: @seller or t.me/seller',
      'lookup.hint.email': 'For example: seller@mail.kz',
      'lookup.hint.crypto_wallet': 'The whole wallet address',
      'lookup.hint.social_profile': 'A link to the profile, for example: instagram.com/seller',
      'lookup.heading': 'Result for {value}',
      'lookup.reports.none': 'No one has reported it.',
      'lookup.reports.few': 'It has been reported once or twice.',
      'lookup.reports.several': 'It has been reported 3 to 9 times.',
      'lookup.reports.many': 'It has been reported 10 times or more.',
      'lookup.last': 'Last reported: {month}.',
      'lookup.blocked': 'Blocked at the request of the police.',
      'lookup.advice.none':
        'That does not make it safe: fraudsters change numbers often. Do not pay strangers in advance.',
      'lookup.advice.warn':
        'Do not send money. If you are asked to pay, stop the conversation and tell the police.',
      'lookup.report': 'Already cheated? File a report',
      'lookup.privacy':
        'We do not keep what you check. The answer only says roughly how many reports there are — no names, amounts or case numbers.',
      'lookup.badValue': 'Check the value: it does not fit the type you chose',
      'lookup.tooMany': 'Too many checks in a row. Wait a minute and try again.',

      // citizen notices (reporter.notify)
      'reporter.notify': 'How to tell you about progress',
      'reporter.notify.hint':
        'We will tell you when your report is being reviewed, how the case ends, and if money is frozen or reimbursed. If you choose nothing: by email, when you give one.',
      'notify.email': 'By email',
      'notify.sms': 'By SMS to your phone',
      'notify.both': 'By email and SMS',
      'notify.none': 'Do not notify me',
      'err.notifyEmail': 'Enter your email or choose another way',
    },
  };

  var LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
  var current = DEFAULT_LANG;
  var listeners = [];

  function isSupported(lang) {
    return SUPPORTED.indexOf(lang) !== -1;
  }

  /** ?lang= first, then the browser's preferred languages, then Russian. */
  function detect(search, navigatorLanguages) {
    var m = /[?&]lang=([^&#]*)/.exec(search || '');
    if (m) {
      var q = decodeURIComponent(m[1]).toLowerCase();
      if (isSupported(q)) return q;
    }
    var langs = navigatorLanguages || [];
    for (var i = 0; i < langs.length; i++) {
      var base = String(langs[i]).toLowerCase().split('-')[0];
      if (isSupported(base)) return base;
    }
    return DEFAULT_LANG;
  }

  function pluralCategory(lang, n) {
    try {
      return new Intl.PluralRules(LOCALES[lang]).select(n);
    } catch (e) {
      return n === 1 ? 'one' : 'other';
    }
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(STRINGS[current], key);
  }

  /** Translate `key`, replacing {name} placeholders with params.name. */
  function t(key, params, lang) {
    lang = lang || current;
    var table = STRINGS[lang] || STRINGS[DEFAULT_LANG];
    var v = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : STRINGS.en[key];
    if (v === undefined) return key;
    params = params || {};
    if (typeof v === 'object') {
      var cat = pluralCategory(lang, Number(params.n));
      v = v[cat] !== undefined ? v[cat] : v.other;
    }
    return String(v).replace(/\{(\w+)\}/g, function (all, name) {
      return params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
    });
  }

  /** 'in_review' -> 'In review' (fallback for codes the UI has no text for). */
  function humanize(code) {
    var s = String(code || '').replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** Localised text for a coded value, e.g. label('statusValue', 'solved'). */
  function label(prefix, code) {
    var key = prefix + '.' + code;
    return has(key) || STRINGS.en[key] !== undefined ? t(key) : humanize(code);
  }

  function locale() {
    return LOCALES[current];
  }

  var KK_MONTHS = [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ];

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** ISO 8601 -> localised date and time (falls back to the raw string). */
  function formatDateTime(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d.getTime())) return String(iso || '');
    if (current === 'kk') {
      // Many browsers ship incomplete Kazakh locale data ("2025 M03 1"): format by hand.
      return (
        d.getFullYear() +
        ' жылғы ' +
        d.getDate() +
        ' ' +
        KK_MONTHS[d.getMonth()] +
        ', ' +
        two(d.getHours()) +
        ':' +
        two(d.getMinutes())
      );
    }
    try {
      return new Intl.DateTimeFormat(LOCALES[current], {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(d);
    } catch (e) {
      return d.toLocaleString();
    }
  }

  /**
   * Decimal string "1234567.5" -> "1 234 567,50 ₸" (ru/kk) or "₸1,234,567.50"
   * (en). Pure string work: money never goes through floating point.
   */
  function formatMoney(value) {
    var m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(
      String(value === undefined || value === null ? '' : value).trim(),
    );
    if (!m) return String(value);
    var intPart = m[2].replace(/^0+(?=\d)/, '');
    var frac = ((m[3] || '') + '00').slice(0, 2);
    var group = current === 'en' ? ',' : '\u00a0';
    var dec = current === 'en' ? '.' : ',';
    var grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    if (current === 'en') return m[1] + '₸' + grouped + dec + frac;
    return m[1] + grouped + dec + frac + '\u00a0₸';
  }

  function apply(root) {
    if (typeof document === 'undefined') return;
    root = root || document;
    var html = document.documentElement;
    html.setAttribute('lang', current);
    var titleKey = html.getAttribute('data-i18n-title');
    if (titleKey) document.title = t(titleKey);
    each(root, '[data-i18n]', function (el) {
      el.textContent = t(el.getAttribute('data-i18n'), dataParams(el));
    });
    each(root, '[data-i18n-placeholder]', function (el) {
      el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
    });
    each(root, '[data-i18n-aria-label]', function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria-label'), dataParams(el)));
    });
    each(document, 'button[data-lang]', function (el) {
      el.setAttribute('aria-pressed', el.getAttribute('data-lang') === current ? 'true' : 'false');
    });
    // Internal links keep the chosen language.
    each(document, 'a[data-lang-link]', function (el) {
      var base = (el.getAttribute('href') || '').split('?')[0];
      el.setAttribute('href', base + '?lang=' + current);
    });
  }

  /** data-i18n-n="3" supplies the {n} parameter. */
  function dataParams(el) {
    var n = el.getAttribute('data-i18n-n');
    return n === null ? {} : { n: n };
  }

  function each(root, selector, fn) {
    var list = root.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) fn(list[i]);
  }

  function setLang(lang) {
    if (!isSupported(lang)) return;
    current = lang;
    if (typeof window !== 'undefined' && window.history && window.history.replaceState) {
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('lang', lang);
        window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
      } catch (e) {
        /* ignore: file:// or old browser */
      }
    }
    apply();
    listeners.forEach(function (fn) {
      fn(lang);
    });
  }

  function onChange(fn) {
    listeners.push(fn);
  }

  function getLang() {
    return current;
  }

  function init() {
    current = detect(window.location.search, navigator.languages || [navigator.language]);
    each(document, 'button[data-lang]', function (el) {
      el.addEventListener('click', function () {
        setLang(el.getAttribute('data-lang'));
      });
    });
    apply();
  }

  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }

  return {
    SUPPORTED: SUPPORTED,
    STRINGS: STRINGS,
    detect: detect,
    t: t,
    label: label,
    humanize: humanize,
    locale: locale,
    formatDateTime: formatDateTime,
    formatMoney: formatMoney,
    apply: apply,
    setLang: setLang,
    getLang: getLang,
    onChange: onChange,
  };
})();

if (typeof module !== 'undefined') module.exports = FraudI18n;
