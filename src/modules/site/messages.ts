import { defineMessages } from '../../platform/i18n/i18n.ts';

export const siteText = defineMessages({
  nl: {
    homeTitle: 'Home',
    homeLead:
      'Met het Nationaal Programma Onderwijs kregen alle scholen in het primair, speciaal en voortgezet onderwijs extra geld per leerling, om leervertraging en het welbevinden van leerlingen na de coronajaren te herstellen.',
    homeHowTitle: 'Zo werkt het programma',
    homeStep1: 'De school brengt met een schoolscan in kaart wat haar leerlingen nodig hebben.',
    homeStep2:
      'Ze kiest passende interventies van de menukaart: aanpakken waarvan onderzoek laat zien dat ze werken.',
    homeStep3:
      'Ze legt haar keuzes en de begroting vast in een schoolprogramma, waarmee de medezeggenschapsraad moet instemmen.',
    homeStep4:
      'Na afloop van elk schooljaar legt de school verantwoording af in een korte vragenlijst; het bestuur in zijn jaarverslag.',
    homeYearsTitle: 'Schooljaren van het programma',
    homeYearsCaption: 'Schooljaren, met de telling van leerlingen waarop de bedragen zijn gebaseerd',
    colYear: 'Schooljaar',
    colPeriod: 'Periode',
    colTeldatum: 'Teldatum leerlingen',
    colNote: 'Toelichting',
    noTeldatum: 'geen nieuwe toekenning',
    spendUntil: 'Al het geld van het programma moet uiterlijk {date} zijn besteed.',
    homeForWhomTitle: 'Voor wie is dit platform?',
    homeForWhom:
      'Voor schoolleiders, leraren, leden van medezeggenschapsraden, schoolbesturen, ouders en medewerkers van het ministerie. Wie voor een school of bestuur werkt, logt in om het plan van de school te maken en te volgen.',
    a11yTitle: 'Toegankelijkheid',
    privacyTitle: 'Privacy',
  },
  en: {
    homeTitle: 'Home',
    homeLead:
      'Through the National Education Programme, every primary, special and secondary school received extra money per pupil to recover learning delays and pupil well-being after the pandemic years.',
    homeHowTitle: 'How the programme works',
    homeStep1: 'The school uses a school scan to find out what its pupils need.',
    homeStep2: 'It picks suitable interventions from the menu: approaches that research shows to work.',
    homeStep3:
      'It sets out its choices and budget in a school programme, which the participation council must approve.',
    homeStep4:
      'After each school year the school accounts for it in a short questionnaire; the board in its annual report.',
    homeYearsTitle: 'School years of the programme',
    homeYearsCaption: 'School years, with the pupil count date on which the amounts are based',
    colYear: 'School year',
    colPeriod: 'Period',
    colTeldatum: 'Pupil count date',
    colNote: 'Note',
    noTeldatum: 'no new allocation',
    spendUntil: 'All programme money must be spent by {date}.',
    homeForWhomTitle: 'Who is this platform for?',
    homeForWhom:
      'For school leaders, teachers, members of participation councils, school boards, parents and ministry staff. People who work for a school or board sign in to make and follow the school plan.',
    a11yTitle: 'Accessibility',
    privacyTitle: 'Privacy',
  },
});
