// Static assets under content-hashed names (/assets/name.<hash>.css), served from memory with
// a one-year immutable cache lifetime. Compressed copies are made on first request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../paths.ts';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

export interface Asset {
  name: string;
  url: string;
  type: string;
  body: Buffer;
  etag: string;
  encoded: Map<'br' | 'gzip', Buffer>;
}

export type AssetSource =
  /** Logical name used by the views, e.g. 'theme.css'; the file on disk or a body made in code. */
  { name: string; path: string } | { name: string; body: Buffer | string };

const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
};

export class AssetManifest {
  private readonly byUrl = new Map<string, Asset>();
  private readonly byName = new Map<string, Asset>();

  constructor(sources: AssetSource[]) {
    for (const s of sources) this.add(s);
  }

  add(s: AssetSource): void {
    const body = 'path' in s ? fs.readFileSync(s.path) : Buffer.from(s.body);
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = s.name.lastIndexOf('.');
    const ext = s.name.slice(dot + 1);
    const url = `/assets/${s.name.slice(0, dot)}.${hash}.${ext}`;
    const asset: Asset = {
      name: s.name,
      url,
      type: types[ext] ?? 'application/octet-stream',
      body,
      etag: `"${hash}"`,
      encoded: new Map(),
    };
    this.byUrl.set(url, asset);
    this.byName.set(s.name, asset);
  }

  url(name: string): string {
    const a = this.byName.get(name);
    if (!a) throw new Error(`Onbekend bestand: ${name}`);
    return a.url;
  }

  find(url: string): Asset | undefined {
    return this.byUrl.get(url);
  }

  /** The body in the best encoding the client accepts. */
  encode(asset: Asset, acceptEncoding: string | undefined): { body: Buffer; encoding?: 'br' | 'gzip' } {
    // Fonts (woff2) are compressed already.
    if (asset.body.length < 1024 || !acceptEncoding || asset.type.startsWith('font/'))
      return { body: asset.body };
    const enc = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : undefined;
    if (!enc) return { body: asset.body };
    let body = asset.encoded.get(enc);
    if (!body) {
      body =
        enc === 'br'
          ? zlib.brotliCompressSync(asset.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
          : zlib.gzipSync(asset.body, { level: 9 });
      asset.encoded.set(enc, body);
    }
    return { body, encoding: enc };
  }
}

const require = createRequire(import.meta.url);
const uiStatic = fromRoot('src/ui/static');

/** The design system's typeface (Fira Sans, OFL-1.1, from @fontsource/fira-sans): regular and bold. */
const fontWeights = [400, 700] as const;

/** @font-face rules that point at the fonts' content-hashed URLs. */
export function fontFaceCss(manifest: AssetManifest): string {
  return fontWeights
    .map(
      (w) =>
        `@font-face {\n  font-family: 'Fira Sans';\n  font-style: normal;\n  font-weight: ${w};\n` +
        `  font-display: swap;\n  src: url('${manifest.url(`fira-sans-${w}.woff2`)}') format('woff2');\n}\n`,
    )
    .join('');
}

/** The platform's own stylesheet, the design system, the chosen theme and its typeface. */
export function defaultAssets(theme: 'rijkshuisstijl' | 'voorbeeld'): AssetManifest {
  const themeCss =
    theme === 'rijkshuisstijl'
      ? require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.css')
      : require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
  const fontDir = path.join(path.dirname(require.resolve('@fontsource/fira-sans/package.json')), 'files');
  const manifest = new AssetManifest([
    ...fontWeights.map((w) => ({
      name: `fira-sans-${w}.woff2`,
      path: path.join(fontDir, `fira-sans-latin-${w}-normal.woff2`),
    })),
    { name: 'theme.css', path: themeCss },
    {
      name: 'components.css',
      path: require.resolve('@rijkshuisstijl-community/components-css/dist/index.css'),
    },
    { name: 'app.css', path: path.join(uiStatic, 'app.css') },
    { name: 'app.js', path: path.join(uiStatic, 'app.js') },
    { name: 'favicon.svg', path: path.join(uiStatic, 'favicon.svg') },
  ]);
  manifest.add({ name: 'fonts.css', body: fontFaceCss(manifest) });
  return manifest;
}
