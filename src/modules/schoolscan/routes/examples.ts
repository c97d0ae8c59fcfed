// How the authorization matrix and the browser suite fill this module's routes.
import type { RouteExamples } from '../../../platform/http/fastify-types.ts';
import {
  exampleFocusPoint,
  exampleNewFocusPoint,
  exampleGroup,
  exampleMapping,
  exampleMonitorResult,
  exampleScan,
  exampleTeamMember,
  firstSchoolYearId,
} from '../repository/examples.ts';
import { profileFile } from '../services/parse/lvs-mapping.ts';

export const schoolExample: RouteExamples = { params: ({ schoolId }) => ({ schoolId }) };
export const boardExample: RouteExamples = { params: ({ boardId }) => ({ boardId }) };

export const yearExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({ schoolId, schoolYearId: await firstSchoolYearId(db) }),
};

/** A subject's analysis page; the example school has no results, so it says how to import them. */
export const subjectExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    schoolYearId: await firstSchoolYearId(db),
    vak: 'rekenen-wiskunde-cito',
  }),
};

export const stepExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    ...(await exampleScan(db, schoolId, 'concept', 'context')),
    stap: 'context',
  }),
  body: { tekst: 'De school was in het voorjaar van 2020 acht weken dicht.', versie: '0' },
};

export const completeExample: RouteExamples = {
  params: async ({ schoolId, db }) => exampleScan(db, schoolId, 'concept'),
  body: {},
};

export const reopenExample: RouteExamples = {
  params: async ({ schoolId, db }) => exampleScan(db, schoolId, 'afgerond'),
  body: {},
};

/** A small, correct file in the flat format, pasted instead of uploaded. */
export const exampleFile = [
  'leerlingsleutel;groep;toetsaanbieder;vakgebied;moment;schooljaar;vaardigheidsscore;niveau',
  'A1;4;cito;rekenen-wiskunde;M;2019-2020;45,5;III',
  'A1;4;cito;rekenen-wiskunde;E;2019-2020;55;III',
  'B2;4;cito;rekenen-wiskunde;M;2019-2020;41;IV',
].join('\n');

export const uploadExample: RouteExamples = { ...schoolExample, body: { inhoud: exampleFile } };

/** Steps 3 and 4: group 5 of step 3, a scan in progress, the sender assigned when a team member. */
export const assessmentExample: RouteExamples = {
  params: async ({ schoolId, db, personId }) => ({
    ...(await exampleGroup(db, schoolId, personId)),
    stap: 'sociaal-emotioneel',
    groep: '5',
  }),
  body: {
    versie: '0',
    'score-veiligheid': '4',
    'score-plezier': '2',
    'toelichting-plezier': 'Veel onrust na de zomer.',
  },
};

export const assignmentExample: RouteExamples = {
  params: yearExample.params,
  bodyFor: async ({ schoolId, db }) => ({ 'groep-5': String(await exampleTeamMember(db, schoolId)) }),
};

/** Monitoring results of group 5: a team member sender is assigned to it (their own group). */
export const monitorExample: RouteExamples = {
  params: async ({ schoolId, db, personId }) => exampleGroup(db, schoolId, personId),
  body: {
    groep: '5',
    instrument: 'Voorbeeldinstrument',
    maat: 'aandeel extra aandacht',
    aantal: '24',
    waarde: '12,5',
  },
};

export const monitorImportExample: RouteExamples = {
  params: monitorExample.params,
  body: {
    regels:
      'groep;instrument;maat;aantal leerlingen;waarde\n5;Voorbeeldinstrument;aandeel extra aandacht;26;8\n',
  },
};

/** A monitoring result of the tenant's scan, made anew for each request (deleting uses it up). */
export const monitorDeleteExample: RouteExamples = {
  params: async ({ schoolId, db, personId }) => {
    const ids = await exampleGroup(db, schoolId, personId);
    return { ...ids, resultId: await exampleMonitorResult(db, schoolId, ids.schoolYearId) };
  },
  body: {},
};

/** A focus point of the tenant's open scan (the keuzehulp). */
export const focusExample: RouteExamples = {
  params: ({ schoolId, db }) => exampleFocusPoint(db, schoolId),
};
export const chooseExample: RouteExamples = {
  ...focusExample,
  body: { interventie: 'B6', terug: 'aandachtspunt' },
};
export const unchooseExample: RouteExamples = {
  params: ({ schoolId, db }) => exampleFocusPoint(db, schoolId, 'B6'),
  body: { interventie: 'B6', terug: 'aandachtspunt' },
};

// Focus points (aandachtspunten).
const exampleAnchor = 'vgl-rekenen-wiskunde-cito-5m';

export const newFocusPointExample: RouteExamples = {
  ...yearExample,
  query: `?vergelijking=${exampleAnchor}&jaar=2021`,
};

export const addFocusPointExample: RouteExamples = {
  params: async ({ schoolId, db }) => exampleScan(db, schoolId, 'concept'),
  // The evidence link names the tenant's own analysis: another tenant's link is refused.
  bodyFor: async ({ schoolId, db }) => ({
    domein: 'rekenen-wiskunde',
    groepen: '5',
    leerlingen: '28',
    ernst: 'zorg',
    onderbouwing: 'Groep 5 scoort bij rekenen lager dan eerdere jaargangen.',
    links: `/scholen/${schoolId}/schoolscan/${await firstSchoolYearId(db)}/analyse?jaar=2021#${exampleAnchor}`,
    doel: 'Groep 5 rekent aan het eind van het jaar weer zoals eerdere jaargangen.',
    versie: '0',
  }),
};

export const focusPointExample: RouteExamples = {
  params: ({ schoolId, db }) => exampleNewFocusPoint(db, schoolId),
};

export const changeFocusPointExample: RouteExamples = {
  params: ({ schoolId, db }) => exampleNewFocusPoint(db, schoolId),
  body: {
    domein: 'rekenen-wiskunde',
    groepen: '5',
    leerlingen: '30',
    ernst: 'ernstig',
    onderbouwing: 'Ook de leerkrachten zien het in de klas.',
    doel: 'Groep 5 rekent aan het eind van het jaar weer zoals eerdere jaargangen.',
    versie: '1',
  },
};

export const removeFocusPointExample: RouteExamples = { ...focusPointExample, body: {} };
export const moveFocusPointExample: RouteExamples = { ...focusPointExample, body: { richting: 'omhoog' } };
/** The retention setting: a period the school leader may choose. */
export const retentionExample: RouteExamples = { ...schoolExample, body: { bewaartermijn: '12' } };

/** A small export in another layout: a name column (dropped), own column names, known codes. */
export const exampleMappedFile = [
  'Naam leerling;LVS-nr;Gr.;Toets;Afname;Jaar;Datum;VS;Niv.',
  'Sanne de Vries;A1;4;rekenen;M;2019/2020;21-01-2020;45,5;III',
  'Daan Bakker;B2;4;rekenen;M;2019/2020;22-01-2020;41;IV',
].join('\n');

/** The form that maps exampleMappedFile. */
export const exampleMappingForm: Record<string, string> = {
  naam: 'Voorbeeldexport',
  aanbieder: 'cito',
  kolom_leerlingsleutel: 'LVS-nr',
  kolom_groep: 'Gr.',
  kolom_vakgebied: 'Toets',
  kolom_moment: 'Afname',
  kolom_schooljaar: 'Jaar',
  kolom_afnamedatum: 'Datum',
  kolom_vaardigheidsscore: 'VS',
  kolom_niveau: 'Niv.',
};

export const mappingFileExample: RouteExamples = {
  ...schoolExample,
  body: {},
  file: { field: 'bestand', name: 'export.csv', type: 'text/csv', content: exampleMappedFile },
};

export const mappingCreateExample: RouteExamples = {
  ...schoolExample,
  body: { ...exampleMappingForm, bestand: JSON.stringify(exampleProfile()) },
};

export const mappingExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    mappingId: await exampleMapping(db, schoolId, 'wijzigen'),
  }),
};

export const mappingEditExample: RouteExamples = {
  ...mappingExample,
  // The columns of exampleMapping (repository/examples.ts).
  body: {
    naam: 'Voorbeeldexport (gewijzigd)',
    aanbieder: 'iep',
    kolom_leerlingsleutel: 'LVS-nr',
    kolom_groep: 'Gr.',
    kolom_vakgebied: 'Toets',
    kolom_moment: 'Afname',
    kolom_schooljaar: 'Jaar',
    kolom_vaardigheidsscore: 'VS',
    van_moment: 'B',
    naar_moment: 'overslaan',
  },
};

export const mappingDeleteExample: RouteExamples = {
  params: async ({ schoolId, db }) => ({
    schoolId,
    mappingId: await exampleMapping(db, schoolId, 'verwijderen'),
  }),
  body: {},
};

function exampleProfile() {
  const r = profileFile(Buffer.from(exampleMappedFile), 'export.csv');
  if (!r.ok) throw new Error(r.fileProblem);
  return r.profile;
}
