// The audit log in words: an action code such as `schoolscan.aandachtspunt-gewijzigd` reads as
// "Schoolscan: aandachtspunt gewijzigd", an object type such as `schoolscan_focus_point` as
// "aandachtspunt". Codes are Dutch already; this only makes them sentences, so actions that
// modules add later read well without being listed here.

/** Codes whose generic reading is unclear. */
const actionOverrides: Record<string, string> = {
  inloggen: 'Inloggen',
  uitloggen: 'Uitloggen',
  'uitloggen.overal': 'Overal uitloggen',
  'lvs.geimporteerd': 'Toetsgegevens (LVS) geïmporteerd',
  'import.geupload': 'DUO-bestand geüpload',
  'import.sluiten-bevestigd': 'DUO-import: sluiten van scholen bevestigd',
  'toegang.geweigerd': 'Toegang geweigerd',
  'export.bedragen-per-school': 'Bedragen per school gedownload',
};

/** Letters the codes leave out (codes are ASCII). */
const spelling: Record<string, string> = {
  geimporteerd: 'geïmporteerd',
  geupload: 'geüpload',
  beeindigd: 'beëindigd',
};

const objectTypes: Record<string, string> = {
  person: 'persoon',
  school: 'school',
  organisation: 'organisatie',
  invitation: 'uitnodiging',
  membership: 'lidmaatschap',
  schoolscan: 'schoolscan',
  schoolscan_focus_point: 'aandachtspunt',
  schoolscan_monitor_result: 'uitslag volginstrument',
  lvs_mapping: 'kolomkoppeling',
  lvs_import: 'import van toetsgegevens',
  duo_import: 'DUO-import',
  menukaart_version: 'menukaartversie',
  menukaart_intervention: 'interventie',
  menukaart_category: 'categorie',
  kennisplein_item: 'kennisplein-voorbeeld',
  board_reservation: 'reservering',
  funding_rate: 'tarief',
  school_plan: 'schoolprogramma',
  school_plan_goal: 'doel van het schoolprogramma',
  school_plan_intervention: 'interventie van het schoolprogramma',
  school_plan_expense: 'uitgave',
  school_plan_expense_import: 'import van uitgaven',
  school_plan_evaluation: 'evaluatie',
  school_plan_version: 'versie van het schoolprogramma',
  school_plan_comment: 'reactie',
  schoolprogramma: 'schoolprogramma',
  'schoolprogramma-evaluatie': 'evaluatie',
  'schoolprogramma-interventie': 'interventie van het schoolprogramma',
  'schoolprogramma-reactie': 'reactie op een versie',
  'schoolprogramma-versie': 'versie van het schoolprogramma',
  bestuur: 'bestuur',
  board_plan: 'bovenschools plan',
  board_plan_intervention: 'bovenschoolse interventie',
  board_plan_version: 'versie van het bovenschools plan',
  board_plan_comment: 'reactie op het bovenschools plan',
  questionnaire: 'vragenlijst',
  questionnaire_submission: 'ingediende vragenlijst',
  route: 'pagina',
  'open-data': 'open data',
};

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (code: string) =>
  code
    .split('-')
    .map((w) => spelling[w] ?? w)
    .join(' ');

/** "schoolscan.aandachtspunt-gewijzigd" → "Schoolscan: aandachtspunt gewijzigd". */
export function actionInWords(action: string): string {
  const override = actionOverrides[action];
  if (override) return override;
  const [subject, ...rest] = action.split('.');
  if (!rest.length) return sentence(words(subject!));
  return `${sentence(words(subject!))}: ${rest.map(words).join(' ')}`;
}

/** "schoolscan_focus_point" → "aandachtspunt"; an unknown type with its underscores as spaces. */
export function objectTypeInWords(type: string): string {
  return objectTypes[type] ?? type.replace(/[_-]/g, ' ');
}

/** Whether the type has its own Dutch words (the test checks every type the code audits). */
export function hasWordsFor(type: string): boolean {
  return Object.hasOwn(objectTypes, type);
}
