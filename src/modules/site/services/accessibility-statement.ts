// The facts of the accessibility statement, as data: its status in the terms of the Dutch model
// statement (A–E), how and when the platform was evaluated, and the problems we know of. Keep the
// list true: when a problem is fixed, remove it here (the site tests read the page from this list).

/** The model statement's compliance levels; B is "voldoet gedeeltelijk". */
export type ComplianceStatus = 'A' | 'B' | 'C' | 'D' | 'E';

export interface KnownProblem {
  /** The WCAG 2.1 success criterion it fails. */
  criterion: string;
  nl: { what: string; meanwhile: string };
  en: { what: string; meanwhile: string };
}

export const statement = {
  status: 'B' as ComplianceStatus,
  /** When this statement was last checked against the platform. */
  reviewedOn: '2026-11-30',
  /** The standard we test against. */
  standard: 'EN 301 549 (WCAG 2.1, niveau A en AA)',
  knownProblems: [
    {
      criterion: '1.4.10 Reflow',
      nl: {
        what: 'Op een scherm van 320 pixels breed moet u op een aantal pagina’s opzij scrollen, vooral bij brede tabellen en de menukaart. In de bovenbalk van de werkomgeving valt “Uitloggen” dan soms buiten beeld.',
        meanwhile:
          'Draai uw scherm een kwart slag of zoom minder ver in. Op de pagina Mijn account kunt u ook uitloggen (dan op al uw apparaten tegelijk).',
      },
      en: {
        what: 'On a screen 320 pixels wide some pages, mainly wide tables and the menukaart, need sideways scrolling. In the workspace header “Uitloggen” (sign out) can then fall off the screen.',
        meanwhile:
          'Turn your screen sideways or zoom in less. You can also sign out on the My account page (on all your devices at once).',
      },
    },
    {
      criterion: '1.3.1 Info and Relationships / 1.4.10 Reflow',
      nl: {
        what: 'In de kaartweergave van de menukaart kunnen lange namen van interventies over de kaart ernaast heen lopen.',
        meanwhile: 'Kies bij Weergave voor Tabel; die bevat dezelfde gegevens.',
      },
      en: {
        what: 'In the card view of the menukaart long intervention names can run over the neighbouring card.',
        meanwhile: 'Choose Table under View; it holds the same information.',
      },
    },
  ] satisfies KnownProblem[],
};
