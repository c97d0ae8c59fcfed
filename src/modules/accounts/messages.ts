// Texts of the sign-in pages and the dashboard, in Dutch and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const signInText = defineMessages({
  nl: {
    title: 'Inloggen',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    forgot: 'Wachtwoord vergeten?',
    noAccount:
      'Nog geen account? U krijgt een account via een uitnodiging van uw school, uw bestuur of het ministerie.',
    errorTitle: 'Er ging iets mis. Controleer de volgende velden:',
    emailMissing: 'Vul uw e-mailadres in.',
    passwordMissing: 'Vul uw wachtwoord in.',
    wrong: 'Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',
    throttled:
      'Te veel mislukte pogingen om in te loggen. Wacht even en probeer het dan opnieuw: na elke volgende mislukte poging duurt het wachten langer, tot hoogstens 15 minuten. Hoort het e-mailadres bij een account? Dan krijgt dat adres een e-mail met een link om direct weer te kunnen inloggen. Wachtwoord vergeten? Vraag dan een nieuw wachtwoord aan.',
    signedOut: 'U bent uitgelogd.',
    signedOutEverywhere: 'U bent overal uitgelogd.',
    passwordReset: 'Uw nieuwe wachtwoord is opgeslagen. Log in met uw nieuwe wachtwoord.',
    codeTitle: 'Inlogcode',
    codeHeading: 'Vul uw inlogcode in',
    codeIntro:
      'Open de authenticator-app op uw telefoon en vul de code van zes cijfers in. Heeft u uw telefoon niet bij de hand? Vul dan een van uw herstelcodes in.',
    codeLabel: 'Code of herstelcode',
    codeSubmit: 'Bevestigen',
    codeAgain: 'Opnieuw inloggen',
    codeMissing: 'Vul de code uit uw app of een herstelcode in.',
    codeWrong:
      'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app en probeer het opnieuw.',
  },
  en: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount:
      'No account yet? You get one through an invitation from your school, your school board or the ministry.',
    errorTitle: 'Something went wrong. Please check these fields:',
    emailMissing: 'Enter your e-mail address.',
    passwordMissing: 'Enter your password.',
    wrong: 'The e-mail address or the password is not correct. Please check them and try again.',
    throttled:
      'Too many failed attempts to sign in. Wait a moment and try again: each further failed attempt makes the wait longer, up to 15 minutes. If the e-mail address belongs to an account, it receives an e-mail with a link to sign in again straight away. Forgot your password? Ask for a new one.',
    signedOut: 'You have signed out.',
    signedOutEverywhere: 'You have signed out everywhere.',
    passwordReset: 'Your new password has been saved. Sign in with your new password.',
    codeTitle: 'Sign-in code',
    codeHeading: 'Enter your sign-in code',
    codeIntro:
      'Open the authenticator app on your phone and enter the six-digit code. No phone at hand? Enter one of your recovery codes instead.',
    codeLabel: 'Code or recovery code',
    codeSubmit: 'Confirm',
    codeAgain: 'Sign in again',
    codeMissing: 'Enter the code from your app or a recovery code.',
    codeWrong:
      'This code is not correct or has been used already. Wait for the next code in your app and try again.',
  },
});

export const dashboardText = defineMessages({
  nl: {
    title: 'Mijn overzicht',
    mustEnrolBefore: 'Een of meer van uw rollen vragen tweestapsverificatie.',
    mustEnrolLink: 'Stel tweestapsverificatie in',
    mustEnrolAfter: 'om ze te gebruiken.',
    waiting: 'Deze rollen zijn pas actief na tweestapsverificatie bij het inloggen: {roles}.',
    noRoles:
      'U heeft nog geen rol bij een school, bestuur of het ministerie. Vraag uw schoolleider of bestuur om een uitnodiging.',
    nothing: 'Er staat nu niets voor u klaar.',
    urgent: '(let op)',
  },
  en: {
    title: 'My overview',
    mustEnrolBefore: 'One or more of your roles require two-step verification.',
    mustEnrolLink: 'Set up two-step verification',
    mustEnrolAfter: 'to use them.',
    waiting: 'These roles become active after two-step verification at sign-in: {roles}.',
    noRoles:
      'You have no role at a school, board or the ministry yet. Ask your school leader or board for an invitation.',
    nothing: 'Nothing is waiting for you right now.',
    urgent: '(attention)',
  },
});

export type SignInMessage = 'wrong' | 'throttled';
export type SignInNotice = 'signedOut' | 'signedOutEverywhere' | 'passwordReset';

/** Refusal to change the second factor from a session that signed in without it. */
export const notStepUpMessage =
  'Dit kan alleen als u bij het inloggen uw code uit de app heeft gebruikt. Log uit, log opnieuw in met uw wachtwoord en de code, en probeer het dan nog eens.';
