// Test kit of the schoolscan: flat LVS files built line by line, and a multipart upload over
// app.inject with a valid CSRF token.
import type { FastifyInstance } from 'fastify';
import { TestClient } from '../../../../test/support/app.ts';

export const header =
  'leerlingsleutel;groep;toetsaanbieder;vakgebied;moment;schooljaar;afnamedatum;ruwe_score;vaardigheidsscore;niveau;referentieniveau;dle';

/** A file of the header and these lines (CRLF, as spreadsheets write them). */
export const file = (...lines: string[]) => [header, ...lines].join('\r\n');

/** A correct line; `over` replaces fields by column name. */
export function line(over: Partial<Record<string, string>> = {}): string {
  const v: Record<string, string> = {
    leerlingsleutel: 'K1',
    groep: '4',
    toetsaanbieder: 'cito',
    vakgebied: 'rekenen-wiskunde',
    moment: 'M',
    schooljaar: '2020-2021',
    afnamedatum: '25-01-2021',
    ruwe_score: '31',
    vaardigheidsscore: '45,5',
    niveau: 'III',
    referentieniveau: '',
    dle: '14',
    ...over,
  };
  return header
    .split(';')
    .map((k) => v[k] ?? '')
    .join(';');
}

/** A multipart body with a file part and fields. */
export function multipart(fields: Record<string, string>, upload?: { name: string; data: Buffer }) {
  const boundary = `----npo${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (upload)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${upload.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      upload.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file as the browser does (multipart, CSRF token in a field). */
export async function upload(
  app: FastifyInstance,
  client: TestClient,
  schoolId: number,
  data: Buffer | string,
  opts: { name?: string; fields?: Record<string, string>; csrf?: boolean } = {},
) {
  const fields = { ...(opts.csrf === false ? {} : { _csrf: client.csrfToken() }), ...(opts.fields ?? {}) };
  const body = multipart(fields, {
    name: opts.name ?? 'export.csv',
    data: Buffer.isBuffer(data) ? data : Buffer.from(data),
  });
  return app.inject({
    method: 'POST',
    url: `/scholen/${schoolId}/schoolscan/toetsgegevens`,
    payload: body.payload,
    headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
  });
}
