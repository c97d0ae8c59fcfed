// The analysis page's section on growth of the same pupils between consecutive moments: per
// subject (and test provider) a chart of the mean gain now and before 2020-2021 per step, and a
// table with the same numbers, the number of pupils (pairs) and what the data can support.
import { Alert, Heading, Paragraph, Table } from '../../../ui/components.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import { minGroupSize, type Analysis } from '../services/analysis.ts';
import type { GrowthStep, GrowthVerdict, MomentRef } from '../services/growth.ts';
import { providerLabel, subjectLabel } from '../services/parse/lvs-format.ts';
import { decimal, momentName, signed, yearLabel } from './format.ts';
import { RenderedOnce } from '../../../platform/http/rendered-once.tsx';

const ink = '#1a1a1a';
const axis = '#6b6b6b';
const nowFill = '#154273';
const beforeFill = '#8fa8c8';

export const growthVerdictText: Record<GrowthVerdict, string> = {
  'te-weinig-paren': 'Te weinig leerlingen op beide momenten om conclusies uit te trekken',
  'geen-basis': 'Geen eerdere jaargangen om mee te vergelijken',
  'basis-te-klein': 'Te weinig eerdere leerlingen om mee te vergelijken',
  'geen-duidelijk-verschil': 'Geen duidelijk verschil in groei met eerdere jaargangen',
  'minder-groei': 'Minder groei dan eerdere jaargangen',
  'meer-groei': 'Meer groei dan eerdere jaargangen',
};

/** 'M4' */
const code = (m: MomentRef) => `${m.moment}${m.grade}`;
/** 'M4 → E4' */
export const stepCode = (s: GrowthStep) => `${code(s.from)} → ${code(s.to)}`;
/** 'groep 4 midden naar groep 4 eind' */
const stepWords = (s: GrowthStep) =>
  `groep ${s.from.grade} ${momentName(s.from.moment)} naar groep ${s.to.grade} ${momentName(s.to.moment)}`;

/**
 * The section for one subject (and test provider) on its own page, rendered once per computed
 * analysis (it holds nothing personal).
 */
export function GrowthSection({
  analysis,
  subject,
  provider,
}: {
  analysis: Analysis;
  subject: string;
  provider: string;
}) {
  return (
    <RenderedOnce
      owner={analysis}
      name={`groei ${subject} ${provider}`}
      render={() => <GrowthContent analysis={analysis} subject={subject} provider={provider} />}
    />
  );
}

function GrowthContent({
  analysis,
  subject,
  provider,
}: {
  analysis: Analysis;
  subject: string;
  provider: string;
}) {
  const all = analysis.growth?.steps ?? [];
  const showProvider = new Set(all.map((s) => s.provider)).size > 1;
  const steps = all.filter((s) => s.subject === subject && s.provider === provider);
  const groups = new Map<string, GrowthStep[]>();
  for (const s of steps) {
    const k = `${s.subject}|${s.provider}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const year = yearLabel(analysis.currentYear);
  return (
    <section aria-labelledby="groei" class="npo-stack">
      <Heading level={2} id="groei">
        Groei van dezelfde leerlingen
      </Heading>
      <Paragraph>
        Hoeveel punten op de vaardigheidsschaal dezelfde leerlingen erbij kregen tussen twee toetsmomenten na
        elkaar: van midden naar eind van een groep (bijvoorbeeld M4 → E4) en van eind van een groep naar
        midden van de volgende groep (E4 → M5). De groei naar een moment in {year} staat naast de groei van
        leerlingen die in de jaren voor 2020-2021 op dezelfde twee momenten zijn getoetst. De eindtoetsen van
        juni 2020 tellen daarbij niet mee.
      </Paragraph>
      <Paragraph>
        Alleen leerlingen met een uitslag op beide momenten tellen mee. Bij minder dan {minGroupSize}{' '}
        leerlingen staat er geen conclusie. De groei verschilt van nature per groep en per vak: vergelijk
        alleen binnen dezelfde stap.
      </Paragraph>
      {groups.size === 0 ? (
        <Alert type="info">
          In {year} zijn er bij dit vak geen leerlingen met uitslagen op twee toetsmomenten na elkaar, dus de
          groei is niet te berekenen.
        </Alert>
      ) : (
        [...groups.values()].map((rows) => (
          <GrowthSubject
            key={`${rows[0]!.subject}-${rows[0]!.provider}`}
            rows={rows}
            showProvider={showProvider}
            year={analysis.currentYear}
          />
        ))
      )}
    </section>
  );
}

function GrowthSubject({
  rows,
  showProvider,
  year,
}: {
  rows: GrowthStep[];
  showProvider: boolean;
  year: number;
}) {
  const first = rows[0]!;
  const name = `${subjectLabel(first.subject)}${showProvider ? ` (${providerLabel(first.provider)})` : ''}`;
  const id = `groei-${first.subject}-${first.provider}`;
  return (
    <section aria-labelledby={id} class="npo-stack">
      <Heading level={3} id={id}>
        {name}: groei tussen twee momenten
      </Heading>
      <figure class="npo-stack">
        <GrowthChart
          id={`${id}-grafiek`}
          title={`${name}: gemiddelde groei van dezelfde leerlingen per stap, naar ${yearLabel(year)} en in de jaren voor 2020-2021`}
          description="Per stap twee balken: de bovenste is de groei naar dit schooljaar (donker), de onderste de groei in de jaren voor 2020-2021 (licht). Bij elke balk staat het getal. Zonder balk zijn er te weinig leerlingen op beide momenten; de tabel hieronder zegt hoeveel."
          steps={rows}
        />
        <figcaption class="nl-paragraph">De getallen bij de grafiek staan in de tabel hieronder.</figcaption>
      </figure>
      <Table
        caption={`${name}: groei van dezelfde leerlingen in punten, naar ${yearLabel(year)} en voor 2020-2021`}
        rows={rows}
        rowKey={(r) => stepCode(r)}
        columns={[
          {
            header: 'Stap',
            cell: (r) => (
              <>
                {stepCode(r)}
                <span class="npo-visually-hidden"> ({stepWords(r)})</span>
              </>
            ),
          },
          { header: 'Leerlingen nu', numeric: true, cell: (r) => formatNumber(r.now?.n ?? 0) },
          { header: 'Groei nu', numeric: true, cell: (r) => decimal(r.now?.mean) },
          {
            header: 'Leerlingen voor 2020-2021',
            numeric: true,
            cell: (r) => formatNumber(r.before?.n ?? 0),
          },
          { header: 'Groei voor 2020-2021', numeric: true, cell: (r) => decimal(r.before?.mean) },
          { header: 'Verschil', numeric: true, cell: (r) => signed(r.difference) },
          {
            header: 'Wat dit zegt',
            cell: (r) => (
              <>
                {growthVerdictText[r.verdict]}
                {r.notes.map((n) => (
                  <span key={n} class="npo-line-note">
                    <br />
                    {n}
                  </span>
                ))}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

/** Horizontal bars: per step the mean gain now and before 2020-2021, each labelled in words. */
export function GrowthChart({
  id,
  title,
  description,
  steps,
}: {
  id: string;
  title: string;
  description: string;
  steps: GrowthStep[];
}) {
  const labelWidth = 200;
  const plotWidth = 360;
  const row = 20;
  const gap = 10;
  const top = 30;
  const height = top + steps.length * (2 * row + gap) + 28;
  const enough = (s: { n: number } | null) => s !== null && s.n >= minGroupSize;
  const values = steps.flatMap((s) => [
    ...(enough(s.now) ? [s.now!.mean] : []),
    ...(enough(s.before) ? [s.before!.mean] : []),
  ]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const unit = niceStep((hi - lo) / 4);
  const min = Math.floor(lo / unit) * unit;
  const max = Math.ceil(hi / unit) * unit;
  const x = (v: number) => labelWidth + ((v - min) / (max - min)) * plotWidth;
  const ticks: number[] = [];
  for (let t = min; t <= max + unit / 2; t += unit) ticks.push(Math.round(t * 1000) / 1000);
  const bar = (
    y: number,
    label: string,
    s: { n: number; mean: number } | null,
    fill: string,
    key: string,
  ) => (
    <g key={key}>
      <text x={labelWidth - 8} y={y + 14} font-size="12" fill={ink} text-anchor="end">
        {label}
      </text>
      {enough(s) ? (
        <>
          <rect
            x={Math.min(x(0), x(s!.mean))}
            y={y + 3}
            width={Math.max(1, Math.abs(x(s!.mean) - x(0)))}
            height={row - 6}
            fill={fill}
            stroke={axis}
          />
          <text x={Math.max(x(0), x(s!.mean)) + 4} y={y + 14} font-size="11" fill={ink}>
            {decimal(s!.mean)}
          </text>
        </>
      ) : (
        <text x={x(0) + 6} y={y + 14} font-size="11" fill={axis} font-style="italic">
          {s ? `te weinig leerlingen (${s.n})` : 'geen leerlingen op beide momenten'}
        </text>
      )}
    </g>
  );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-titel ${id}-omschrijving`}
      viewBox={`0 0 ${labelWidth + plotWidth + 60} ${height}`}
      width="100%"
      class="npo-chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-titel`}>{title}</title>
      <desc id={`${id}-omschrijving`}>{description}</desc>
      <rect x={labelWidth} y="6" width="14" height="14" fill={nowFill} stroke={axis} />
      <text x={labelWidth + 18} y="18" font-size="12" fill={ink}>
        nu
      </text>
      <rect x={labelWidth + 60} y="6" width="14" height="14" fill={beforeFill} stroke={axis} />
      <text x={labelWidth + 78} y="18" font-size="12" fill={ink}>
        voor 2020-2021
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 24} stroke={t === 0 ? ink : '#d0d0d0'} />
          <text x={x(t)} y={height - 8} font-size="11" fill={ink} text-anchor="middle">
            {decimal(t, unit < 1 ? 1 : 0)}
          </text>
        </g>
      ))}
      {steps.map((s, i) => {
        const y = top + i * (2 * row + gap);
        return (
          <g key={stepCode(s)}>
            {bar(y, `${stepCode(s)}, nu`, s.now, nowFill, 'nu')}
            {bar(y + row, `${stepCode(s)}, voor 2020`, s.before, beforeFill, 'voor')}
          </g>
        );
      })}
      <text x={labelWidth + plotWidth + 8} y={height - 8} font-size="11" fill={ink}>
        punten
      </text>
    </svg>
  );
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
