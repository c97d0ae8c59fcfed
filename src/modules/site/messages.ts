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
      'Aan het begin van schooljaar 2021-2022 beantwoordden schoolleiders online een paar vragen: is er een schoolscan gedaan, wat zijn de aandachtspunten en welke interventies zijn gekozen. Het plan zelf hoefde niet naar het ministerie. Besturen leggen verantwoording af in hun jaarverslag.',
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
      'Iedereen kan hier de menukaart met praktijkkaarten en het kennisplein lezen, en opzoeken welk bedrag een school uit het programma kreeg. Wie voor een school of bestuur werkt, logt in om bijvoorbeeld het eigen team te beheren, de bedragen van de eigen scholen te bekijken of een ervaring te delen op het kennisplein. Het platform groeit: nieuwe onderdelen verschijnen hier zodra ze klaar zijn.',
    contactIntro: 'Iedereen kan met vragen en zorgen over het programma terecht bij de helpdesk.',
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
      'At the start of school year 2021-2022 school leaders answered a few questions online: was a school scan done, what are the points of attention and which interventions were chosen. The plan itself did not go to the ministry. Boards account for the money in their annual report.',
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
      'Anyone can read the intervention menu with its practice cards and the knowledge hub here, and look up the amount a school received from the programme. People who work for a school or board sign in to, for example, manage their team, see the amounts of their own schools or share an experience on the knowledge hub. The platform grows: new parts appear here as soon as they are ready.',
    contactIntro: 'Anyone with questions or concerns about the programme can contact the helpdesk.',
    a11yTitle: 'Accessibility',
    privacyTitle: 'Privacy',
  },
});
