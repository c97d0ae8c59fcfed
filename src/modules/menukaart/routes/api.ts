// JSON API of the menukaart: /api/v1/interventions (list, same filters as the site) and
// /api/v1/interventions/:code (detail with praktijkkaart), with ETags and cache headers, and
// an OpenAPI 3.1 description at /api/v1/menukaart/openapi.json.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/platform.ts';
import { access } from '../../../platform/auth/access.ts';
import { versionByLabel } from '../repository/versions.ts';
import { entryByCode, ratings } from '../repository/entries.ts';
import { publishedItems } from '../repository/kennisplein.ts';
import { loadMenu, toIntervention, type Intervention } from '../services/menu.ts';
import { applyFilters, parseFilters, sortInterventions } from '../services/catalogue.ts';
import { sectionHeadings } from '../services/praktijkkaart.ts';
import { effectPerHundredEuro } from '../services/scales.ts';
import type { MenuState } from '../services/menu-state.ts';

const api = { access: access.public(), csrf: false } as const;

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
  };
}

/** Sends JSON with a strong ETag over the body; 304 when the client has it already. */
function sendJson(req: FastifyRequest, reply: FastifyReply, body: unknown, status = 200) {
  const json = JSON.stringify(body);
  if (status !== 200)
    return reply
      .status(status)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(json);
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

export function registerApi(app: FastifyInstance, platform: Platform, state: MenuState) {
  const db = platform.database.db;

  const versionFor = async (req: FastifyRequest) => {
    const label = (req.query as Record<string, unknown>).versie;
    if (label === undefined) return state.inForce();
    return typeof label === 'string' ? versionByLabel(db, label) : undefined;
  };

  app.get(
    '/api/v1/interventions',
    { config: { ...api, examples: { query: '?categorie=B&sortering=effect' } } },
    async (req, reply) => {
      const version = await versionFor(req);
      if (!version)
        return sendJson(
          req,
          reply,
          {
            error: 'Deze versie van de menukaart bestaat niet.',
            hint: 'Laat versie weg voor de versie die nu geldt, of zie /menukaart/versies.',
          },
          400,
        );
      const current = await state.menu();
      const menu = version.id === current.version.id ? current.menu : await loadMenu(db, version);
      const parsed = parseFilters(
        req.query as Record<string, unknown>,
        menu.categories.map((c) => c.code),
      );
      if (!parsed.ok)
        return sendJson(req, reply, { error: 'Onbekende filterwaarde.', details: parsed.errors }, 400);
      const rows = sortInterventions(
        applyFilters(menu.interventions, parsed.filters),
        parsed.filters.sortering,
      );
      return sendJson(req, reply, {
        version: { label: version.label, title: version.title, validFrom: version.valid_from },
        categories: menu.categories,
        count: rows.length,
        interventions: rows.map(summary),
      });
    },
  );

  app.get(
    '/api/v1/interventions/:code',
    { config: { ...api, examples: { params: () => ({ code: 'B6' }) } } },
    async (req, reply) => {
      const code = String((req.params as { code: string }).code).toUpperCase();
      const version = await versionFor(req);
      const entry =
        version && /^[A-Z]\d{1,2}$/.test(code) ? await entryByCode(db, version.id, code) : undefined;
      if (!version || !entry)
        return reply
          .status(404)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify({ error: `Interventie ${code.slice(0, 10)} staat niet op deze menukaart.` }));
      const i = toIntervention(entry);
      const [history, items] = await Promise.all([
        ratings(db, i.id),
        publishedItems(db, { interventionId: i.id }),
      ]);
      return sendJson(req, reply, {
        version: { label: version.label, title: version.title, validFrom: version.valid_from },
        ...summary(i),
        notes: i.notes,
        addedNote: i.addedNote,
        subtypes: i.subtypes,
        praktijkkaart: i.praktijkkaart
          ? sectionHeadings.map(({ key, heading }) => ({ key, heading, markdown: i.praktijkkaart![key] }))
          : null,
        ratingHistory: history.map((r) => ({
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
      });
    },
  );

  app.get('/api/v1/menukaart/openapi.json', { config: api }, async (req, reply) =>
    sendJson(req, reply, openApiDocument(platform.config.baseUrl)),
  );
}

export function openApiDocument(baseUrl: string) {
  const score = (desc: string, min: number, max: number) => ({
    type: ['integer', 'null'],
    minimum: min,
    maximum: max,
    description: `${desc} null: niet gepubliceerd (onbekend).`,
  });
  const filters = [
    {
      name: 'categorie',
      in: 'query',
      schema: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'] },
      description: 'Categorie van de menukaart.',
    },
    { name: 'sector', in: 'query', schema: { type: 'string', enum: ['po', 'vo', 'vso'] } },
    {
      name: 'kosten',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 5 },
      description: 'Kosten tot en met deze klasse; onbekende kosten vallen erbuiten.',
    },
    {
      name: 'bewijs',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 5 },
      description: 'Bewijskracht ten minste deze waarde.',
    },
    {
      name: 'sortering',
      in: 'query',
      schema: { type: 'string', enum: ['code', 'effect', 'effect-per-euro', 'naam'] },
    },
    {
      name: 'versie',
      in: 'query',
      schema: { type: 'string', examples: ['2021-05', '2022-04'] },
      description: 'Een gepubliceerde versie; zonder: de versie die nu geldt.',
    },
  ];
  const summarySchema = {
    type: 'object',
    required: ['code', 'category', 'name', 'effectMonths', 'evidence', 'cost', 'withdrawn'],
    properties: {
      code: { type: 'string', examples: ['B6'] },
      category: { type: 'string' },
      name: { type: 'string' },
      nameEn: { type: ['string', 'null'] },
      summary: { type: 'string' },
      sectors: { type: 'array', items: { type: 'string', enum: ['PO', 'VO', '(V)SO'] } },
      source: { type: 'string' },
      effectMonths: score('Extra maanden leerwinst.', -12, 12),
      evidence: score('Bewijskracht in vinkjes.', 1, 5),
      cost: score('Kosten in eurotekens.', 1, 5),
      effectPer100EurPerPupil: {
        type: ['number', 'null'],
        description:
          'Maanden per 100 euro per leerling, op de bovengrens van de kostenklasse: een eigen berekening van dit platform (indicatie), geen gepubliceerd cijfer.',
      },
      inferredFields: {
        type: 'array',
        items: { type: 'string', enum: ['effect', 'evidence', 'cost'] },
        description: 'Scores die zijn afgeleid, niet letterlijk gepubliceerd.',
      },
      rating: {
        type: ['object', 'null'],
        properties: {
          version: { type: ['string', 'null'] },
          date: { type: 'string', format: 'date' },
          source: { type: ['string', 'null'] },
        },
      },
      withdrawn: { type: 'boolean' },
      withdrawnReason: { type: ['string', 'null'] },
      url: { type: 'string' },
    },
  };
  const error = {
    type: 'object',
    properties: { error: { type: 'string' }, details: { type: 'array', items: { type: 'string' } } },
  };
  const etag = { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Menukaart NP Onderwijs',
      version: '1.0.0',
      description:
        'De interventies van de menukaart van het Nationaal Programma Onderwijs, met scores, bronnen en praktijkkaarten.',
    },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/v1/interventions': {
        get: {
          summary: 'Interventies van de menukaart',
          parameters: [...filters, { name: 'If-None-Match', in: 'header', schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'De interventies',
              headers: etag,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      version: { type: 'object' },
                      categories: { type: 'array' },
                      count: { type: 'integer' },
                      interventions: { type: 'array', items: summarySchema },
                    },
                  },
                },
              },
            },
            304: { description: 'Niet gewijzigd sinds de ETag' },
            400: {
              description: 'Onbekende filterwaarde of versie',
              content: { 'application/json': { schema: error } },
            },
          },
        },
      },
      '/api/v1/interventions/{code}': {
        get: {
          summary: 'Eén interventie met praktijkkaart en geschiedenis van de scores',
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string', examples: ['B6'] } },
            filters[5],
            { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'De interventie',
              headers: etag,
              content: {
                'application/json': {
                  schema: {
                    allOf: [
                      summarySchema,
                      {
                        type: 'object',
                        properties: {
                          praktijkkaart: {
                            type: ['array', 'null'],
                            items: {
                              type: 'object',
                              properties: {
                                key: { type: 'string' },
                                heading: { type: 'string' },
                                markdown: { type: 'string' },
                              },
                            },
                          },
                          ratingHistory: { type: 'array', items: { type: 'object' } },
                          kennisplein: { type: 'array', items: { type: 'object' } },
                        },
                      },
                    ],
                  },
                },
              },
            },
            304: { description: 'Niet gewijzigd sinds de ETag' },
            404: {
              description: 'Geen interventie met deze code',
              content: { 'application/json': { schema: error } },
            },
          },
        },
      },
    },
  };
}
