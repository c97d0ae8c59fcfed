// The API's OpenAPI 3.1 document, generated from the routes' zod schemas by @fastify/swagger
// and served at /api/v1/openapi.json. Only routes under /api/ are described; the HTML pages
// are not an API.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { access } from '../auth/access.ts';

export const openApiPath = '/api/v1/openapi.json';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'NP Onderwijs API',
        version: '1',
        description:
          'Open gegevens van het Nationaal Programma Onderwijs: de menukaart met interventies. ' +
          'Alle antwoorden zijn JSON; fouten zijn problem details (RFC 9457).',
      },
      servers: [{ url: app.platform.config.baseUrl }],
    },
    transform: (input) => {
      if (!input.url.startsWith('/api/') || input.url === openApiPath)
        return { schema: { ...input.schema, hide: true }, url: input.url };
      return jsonSchemaTransform(input);
    },
  });
  app.get(openApiPath, { config: { access: access.public(), csrf: false } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=300')
      .type('application/json; charset=utf-8')
      .send(app.swagger()),
  );
}
