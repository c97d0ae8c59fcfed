// JSON API of the menukaart: /api/v1/interventions (list, same filters as the site) and
// /api/v1/interventions/:code (detail with praktijkkaart), with ETags and cache headers. The
// schemas below are also their description in the platform's generated OpenAPI document
// (/api/v1/openapi.json, platform/http/openapi.ts); the old address of the hand-written one
// redirects there.
//
// The answers are sent as JSON text made here (for the ETag over the exact bytes), and Fastify
// does not serialise a text body again: the response schemas describe the answers, and the
// types below (z.input of those schemas) keep the answers and their description the same.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/auth/access.ts';
import { openApiPath } from '../../../platform/http/openapi.ts';
import { sendErrorPage } from '../../../platform/http/error-pages.tsx';
import { params, query, z } from '../../../platform/http/schemas.ts';
import { versionByLabel, type VersionRow } from '../repository/versions.ts';
import { interventionWithHistory, todayIn, type Intervention } from '../services/menu.ts';
import {
  applyFilters,
  parseFilters,
  sectorOptions,
  sortInterventions,
  sortOptions,
} from '../services/catalogue.ts';
import { sectionHeadings } from '../services/praktijkkaart.ts';
import { effectPerHundredEuro } from '../services/scales.ts';
import type { MenuRouteContext } from './support.ts';

const api = { access: access.public(), csrf: false } as const;

// ---- Parameters --------------------------------------------------------------------------

/**
 * A query parameter of the API: one string (a repeated one counts with its first value). The
 * values a filter allows are its enum in the document; the handler answers any other value
 * with 400 and a Dutch explanation of what is allowed (as the website does), not the schema.
 */
const parameter = (description: string, extra: { enum?: readonly string[]; examples?: string[] } = {}) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(200).optional())
    .meta({ description, ...extra });

const versie = parameter('Een gepubliceerde versie, bijvoorbeeld 2021-05; zonder: de versie die nu geldt.', {
  examples: ['2021-05'],
});

const listQuery = query({
  categorie: parameter('Categorie van de menukaart.', { enum: ['A', 'B', 'C', 'D', 'E', 'F'] }),
  sector: parameter('Sector.', { enum: sectorOptions.map((o) => o.value) }),
  kosten: parameter('Kosten tot en met deze klasse; onbekende kosten vallen erbuiten.', {
    enum: ['1', '2', '3', '4', '5'],
  }),
  bewijs: parameter('Bewijskracht ten minste deze waarde.', { enum: ['1', '2', '3', '4', '5'] }),
  sortering: parameter('Volgorde; ingetrokken interventies komen altijd achteraan.', {
    enum: sortOptions.map((o) => o.value),
  }),
  versie,
});

const detailParams = params({
  code: z
    .string()
    .max(100)
    .meta({ description: 'Code van de interventie (hoofdletters of kleine letters).', examples: ['B6'] }),
});

// ---- Answers -----------------------------------------------------------------------------

const score = (description: string, min: number, max: number) =>
  z
    .number()
    .int()
    .min(min)
    .max(max)
    .nullable()
    .meta({ description: `${description} null: niet gepubliceerd (onbekend).` });

const versionInfo = z.object({
  label: z.string().meta({ examples: ['2022-04'] }),
  title: z.string(),
  validFrom: z.string().nullable().meta({ description: 'Datum (JJJJ-MM-DD) vanaf wanneer de versie geldt.' }),
});

const categoryInfo = z.object({
  code: z.string().meta({ examples: ['B'] }),
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  supportOnly: z.boolean().meta({ description: 'Alleen ter ondersteuning van een interventie uit A-E.' }),
});

const scoreFields = z.string().meta({ enum: ['effect', 'evidence', 'cost'] });

const interventionSummary = z.object({
  code: z.string().meta({ examples: ['B6'] }),
  category: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  summary: z.string(),
  sectors: z.array(z.string().meta({ enum: sectorOptions.map((o) => o.sector) })),
  source: z.string(),
  effectMonths: score('Extra maanden leerwinst.', -12, 12),
  evidence: score('Bewijskracht in vinkjes.', 1, 5),
  cost: score('Kosten in eurotekens.', 1, 5),
  effectPer100EurPerPupil: z.number().nullable().meta({
    description:
      'Maanden per 100 euro per leerling, op de bovengrens van de kostenklasse: een eigen berekening van dit platform (indicatie), geen gepubliceerd cijfer.',
  }),
  inferredFields: z
    .array(scoreFields)
    .meta({ description: 'Scores die zijn afgeleid, niet letterlijk gepubliceerd.' }),
  rating: z
    .object({
      version: z.string().nullable(),
      date: z.string().meta({ format: 'date' }),
      source: z.string().nullable(),
    })
    .nullable()
    .meta({ description: 'Waar de scores vandaan komen; null zonder scores.' }),
  withdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
  url: z.string().meta({ description: 'De pagina van de interventie op deze website.' }),
});

const listAnswer = z
  .object({
    version: versionInfo,
    categories: z.array(categoryInfo),
    count: z.number().int(),
    interventions: z.array(interventionSummary),
  })
  .meta({
    description: 'De interventies van de versie die nu geldt (of van versie), gefilterd en gesorteerd.',
  });

const detailAnswer = z
  .object({
    version: versionInfo,
    ...interventionSummary.shape,
    notes: z.string().nullable(),
    addedNote: z.string().nullable(),
    subtypes: z.array(z.string()),
    praktijkkaart: z
      .array(z.object({ key: z.string(), heading: z.string(), markdown: z.string() }))
      .nullable()
      .meta({ description: 'De secties van de praktijkkaart in Markdown; null als die er (nog) niet is.' }),
    ratingHistory: z.array(
      z.object({
        version: z.string(),
        date: z.string().nullable(),
        effectMonths: score('Extra maanden leerwinst.', -12, 12),
        evidence: score('Bewijskracht in vinkjes.', 1, 5),
        cost: score('Kosten in eurotekens.', 1, 5),
        inferredFields: z.array(scoreFields),
        source: z.string().nullable(),
        basis: z.string().nullable(),
      }),
    ),
    kennisplein: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['voorbeeld', 'onderzoek']),
        title: z.string(),
        url: z.string(),
      }),
    ),
  })
  .meta({
    description: 'Eén interventie met praktijkkaart, de geschiedenis van de scores en het kennisplein.',
  });

// ---- Sending -----------------------------------------------------------------------------

function versionOf(v: VersionRow): z.input<typeof versionInfo> {
  return { label: v.label, title: v.title, validFrom: v.valid_from };
}

function summary(i: Intervention) {
  return {
    code: i.code,
    category: i.categoryCode,
    name: i.nameNl,
    nameEn: i.nameEn,
    summary: i.summary,
    sectors: i.sectors,
    source: i.source,
    effectMonths: i.effectMonths,
    evidence: i.evidence,
    cost: i.cost,
    effectPer100EurPerPupil: effectPerHundredEuro(i.effectMonths, i.cost),
    inferredFields: i.inferredFields,
    rating: i.ratedOn ? { version: i.ratingLabel, date: i.ratedOn, source: i.ratingSource } : null,
    withdrawn: i.withdrawn,
    withdrawnReason: i.withdrawnReason,
    url: `/menukaart/${i.code}`,
  } satisfies z.input<typeof interventionSummary>;
}

/** Sends JSON with a strong ETag over the body; 304 when the client has it already. */
function sendJson(req: FastifyRequest, reply: FastifyReply, body: unknown) {
  const json = JSON.stringify(body);
  const etag = `"${crypto.createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'public, max-age=300, must-revalidate')
    .header('vary', 'accept-encoding');
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`))
    return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

/** The 404 of the detail: a code that is not on (this version of) the menukaart. */
function sendNotOnMenu(req: FastifyRequest, reply: FastifyReply, code: string) {
  return sendErrorPage(
    req,
    reply,
    'notFound',
    `Interventie ${code.slice(0, 10)} staat niet op deze menukaart.`,
  );
}

// ---- Routes ------------------------------------------------------------------------------

export function registerApi({ app, platform, db, state }: MenuRouteContext) {
  const today = () => todayIn(platform.now());
  /** The version asked for (versie), or the one in force; undefined for an unknown or scheduled label. */
  const versionFor = (label: string | undefined) =>
    label === undefined ? state.inForce() : versionByLabel(db, label, today());

  app.get(
    '/api/v1/interventions',
    {
      config: { ...api, examples: { query: '?categorie=B&sortering=effect' } },
      schema: {
        summary: 'Interventies van de menukaart',
        description:
          'Met dezelfde filters als de website. Antwoorden hebben een ETag: stuur die terug in If-None-Match voor 304. Een onbekende versie of filterwaarde geeft 400 met problem details (RFC 9457) in het Nederlands: detail en errors.',
        tags: ['menukaart'],
        querystring: listQuery,
        response: { 200: listAnswer },
      },
    },
    async (req, reply) => {
      const version = await versionFor(req.query.versie);
      if (!version)
        return sendErrorPage(
          req,
          reply,
          'badRequest',
          'Deze versie van de menukaart bestaat niet. Laat versie weg voor de versie die nu geldt, of zie /menukaart/versies.',
          [{ field: 'versie', message: 'bestaat niet' }],
        );
      const menu = await state.menuOf(version);
      const parsed = parseFilters(
        req.query,
        menu.categories.map((c) => c.code),
      );
      if (!parsed.ok)
        return sendErrorPage(
          req,
          reply,
          'badRequest',
          'Onbekende filterwaarde.',
          parsed.errors.map((message) => ({ field: '', message })),
        );
      const rows = sortInterventions(
        applyFilters(menu.interventions, parsed.filters),
        parsed.filters.sortering,
      );
      const body: z.input<typeof listAnswer> = {
        version: versionOf(version),
        categories: menu.categories,
        count: rows.length,
        interventions: rows.map(summary),
      };
      return sendJson(req, reply, body);
    },
  );

  app.get(
    '/api/v1/interventions/:code',
    {
      config: { ...api, examples: { params: () => ({ code: 'B6' }) } },
      schema: {
        summary: 'Eén interventie met praktijkkaart en geschiedenis van de scores',
        description:
          'Met een ETag zoals de lijst. Een code die niet op (deze versie van) de menukaart staat geeft 404 met problem details (RFC 9457).',
        tags: ['menukaart'],
        params: detailParams,
        querystring: query({ versie }),
        response: { 200: detailAnswer },
      },
    },
    async (req, reply) => {
      const code = req.params.code.toUpperCase();
      const version = await versionFor(req.query.versie);
      const found =
        version && /^[A-Z]\d{1,2}$/.test(code)
          ? await interventionWithHistory(db, version, code, today())
          : undefined;
      if (!version || !found) return sendNotOnMenu(req, reply, code);
      const { intervention: i, ratingHistory, items } = found;
      const body: z.input<typeof detailAnswer> = {
        version: versionOf(version),
        ...summary(i),
        notes: i.notes,
        addedNote: i.addedNote,
        subtypes: i.subtypes,
        praktijkkaart: i.praktijkkaart
          ? sectionHeadings.map(({ key, heading }) => ({ key, heading, markdown: i.praktijkkaart![key] }))
          : null,
        ratingHistory: ratingHistory.map((r) => ({
          version: r.label,
          date: r.rated_on,
          effectMonths: r.effect_months,
          evidence: r.evidence,
          cost: r.cost,
          inferredFields: r.inferred_fields,
          source: r.source_url,
          basis: r.basis,
        })),
        kennisplein: items.map((k) => ({
          id: k.id,
          kind: k.kind,
          title: k.title,
          url: `/kennisplein/${k.id}`,
        })),
      };
      return sendJson(req, reply, body);
    },
  );

  // The hand-written description that lived here is now part of the generated document.
  app.get(
    '/api/v1/menukaart/openapi.json',
    { config: { ...api, examples: {} }, schema: { hide: true } },
    async (_req, reply) => reply.redirect(openApiPath, 308),
  );
}
