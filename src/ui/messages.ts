// Texts of the page shell and the error pages.
import { defineMessages } from '../platform/i18n/i18n.ts';

export const shellText = defineMessages({
  nl: {
    skipLink: 'Naar de inhoud',
    mainNav: 'Hoofdmenu',
    breadcrumbs: 'Kruimelpad',
    home: 'Home',
    ministry: 'Ministerie van Onderwijs, Cultuur en Wetenschap',
    switchLanguage: 'English',
    switchLanguageLabel: 'Read this page in English',
    signIn: 'Inloggen',
    signOut: 'Uitloggen',
    myAccount: 'Mijn account',
    dashboard: 'Mijn overzicht',
    signedInAs: 'Ingelogd als {name}',
    accountMenu: 'Menu',
    footerTitle: 'NP Onderwijs',
    helpdeskTitle: 'Vragen?',
    helpdeskText: 'Bel gratis 0800 424 04 24 (op werkdagen).',
    helpdeskTextHours: 'Bel gratis 0800 424 04 24 (werkdagen van {from} tot {to} uur).',
    helpdeskAnswer: 'U krijgt binnen {n} werkdagen antwoord.',
    helpdeskAnswerOne: 'U krijgt binnen één werkdag antwoord.',
    aboutTitle: 'Over deze website',
    accessibility: 'Toegankelijkheid',
    privacy: 'Privacy',
    security: 'Kwetsbaarheid melden',
    demoNotice: 'Dit is een demonstratieomgeving met verzonnen accounts. Voer geen echte gegevens in.',
    dutchOnly: 'Deze pagina is alleen in het Nederlands beschikbaar.',
  },
  en: {
    skipLink: 'Skip to content',
    mainNav: 'Main menu',
    breadcrumbs: 'Breadcrumb',
    home: 'Home',
    ministry: 'Ministry of Education, Culture and Science',
    switchLanguage: 'Nederlands',
    switchLanguageLabel: 'Lees deze pagina in het Nederlands',
    signIn: 'Sign in',
    signOut: 'Sign out',
    myAccount: 'My account',
    dashboard: 'My overview',
    signedInAs: 'Signed in as {name}',
    accountMenu: 'Menu',
    footerTitle: 'NP Onderwijs',
    helpdeskTitle: 'Questions?',
    helpdeskText: 'Call 0800 424 04 24 free of charge (on working days).',
    helpdeskTextHours: 'Call 0800 424 04 24 free of charge (working days, {from} to {to}).',
    helpdeskAnswer: 'You will get an answer within {n} working days.',
    helpdeskAnswerOne: 'You will get an answer within one working day.',
    aboutTitle: 'About this website',
    accessibility: 'Accessibility',
    privacy: 'Privacy',
    security: 'Report a vulnerability',
    demoNotice: 'This is a demonstration environment with made-up accounts. Do not enter real data.',
    dutchOnly: 'This page is only available in Dutch.',
  },
});

export const errorText = defineMessages({
  nl: {
    notFoundTitle: 'Pagina niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de homepage.',
    forbiddenTitle: 'Geen toegang',
    forbiddenBody:
      'U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag de schoolleider, het bestuur of de beheerder om u de juiste rol te geven.',
    csrfTitle: 'Formulier verlopen',
    csrfBody:
      'Het formulier kon niet worden verwerkt, omdat het verlopen is of niet van deze website kwam. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.',
    tooLargeTitle: 'Te veel gegevens',
    tooLargeBody:
      'Wat u verstuurde is te groot. Er is niets opgeslagen. Maak het bestand of de tekst kleiner en probeer het opnieuw.',
    badRequestTitle: 'Verzoek niet begrepen',
    badRequestBody:
      'Het verzoek bevatte gegevens die we niet kunnen verwerken. Er is niets opgeslagen. Ga terug en probeer het opnieuw.',
    tooManyTitle: 'Even geduld',
    tooManyBody:
      'U heeft in korte tijd erg veel verzoeken gedaan. Wacht een paar minuten en probeer het dan opnieuw.',
    serverErrorTitle: 'Er ging iets mis',
    serverErrorBody:
      'Door een fout aan onze kant kon deze pagina niet worden getoond. Probeer het later opnieuw. Blijft het misgaan? Bel de helpdesk (0800 424 04 24) en noem dit kenmerk:',
    signInTitle: 'Inloggen nodig',
    signInBody: 'Log in om deze pagina te gebruiken.',
    backHome: 'Naar de homepage',
  },
  en: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist (any more). Check the address, or go to the home page.',
    forbiddenTitle: 'No access',
    forbiddenBody:
      'You do not have access to this page. If you think this is wrong, ask your school leader, board or administrator for the right role.',
    csrfTitle: 'Form expired',
    csrfBody:
      'The form could not be processed because it expired or did not come from this website. Nothing was saved. Go back, reload the page and submit the form again.',
    tooLargeTitle: 'Too much data',
    tooLargeBody:
      'What you sent is too large. Nothing was saved. Make the file or text smaller and try again.',
    badRequestTitle: 'Request not understood',
    badRequestBody: 'The request contained data we cannot process. Nothing was saved. Go back and try again.',
    tooManyTitle: 'Please wait',
    tooManyBody: 'You made a great many requests in a short time. Wait a few minutes and try again.',
    serverErrorTitle: 'Something went wrong',
    serverErrorBody:
      'An error on our side kept this page from being shown. Please try again later. If it keeps happening, call the helpdesk (0800 424 04 24) and quote this reference:',
    signInTitle: 'Please sign in',
    signInBody: 'Sign in to use this page.',
    backHome: 'Go to the home page',
  },
});
