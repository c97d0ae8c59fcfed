// The keuzehulp's rule table, as data: which menu categories (A–F) fit a focus point of a given
// domain in a school of a given sector, each with a short reason in Dutch. The mapping follows
// the doelgebieden of the menukaart: learning time → A, effective teaching → B, social-emotional
// and physical development (well-being) → C, executive functions → D, (extra) staff → E, and F
// only as support next to an intervention from A–E. The menu says A–E fit every school type of
// funderend onderwijs; differences between sectors come from the sectors of each menu entry,
// so the categories are the same for every sector and only a few reasons add a sector's note.

/** The focus point domains the keuzehulp knows (the LVS subjects and the three other domains). */
export const keuzehulpDomains = [
  'rekenen-wiskunde',
  'begrijpend-lezen',
  'technisch-lezen',
  'spelling',
  'sociaal-emotioneel',
  'welbevinden',
  'executieve-functies',
] as const;
export type KeuzehulpDomain = (typeof keuzehulpDomains)[number];

/** The sectors as the menukaart names them in an entry's `sectors`. */
export const menuSectors = ['PO', 'VO', '(V)SO'] as const;
export type MenuSector = (typeof menuSectors)[number];

export type CategoryCode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface CategoryRule {
  code: CategoryCode;
  reason: string;
}

export interface KeuzehulpRule {
  /** The categories whose interventions fit this focus point, in the order the page lists them. */
  categories: CategoryRule[];
  /** F: facilities and conditions, only as support next to a chosen intervention from A–E. */
  support: CategoryRule;
}

export const domainLabels: Record<KeuzehulpDomain, string> = {
  'rekenen-wiskunde': 'Rekenen-wiskunde',
  'begrijpend-lezen': 'Begrijpend lezen',
  'technisch-lezen': 'Technisch lezen',
  spelling: 'Spelling',
  'sociaal-emotioneel': 'Sociaal-emotionele ontwikkeling',
  welbevinden: 'Welbevinden',
  'executieve-functies': 'Executieve functies',
};

export const menuSectorLabels: Record<MenuSector, string> = {
  PO: 'primair onderwijs',
  VO: 'voortgezet onderwijs',
  '(V)SO': '(voortgezet) speciaal onderwijs',
};

/**
 * The school's sector (organisation.sector, as DUO gives it) as the menukaart names it:
 * basisonderwijs and speciaal basisonderwijs are PO, SO and VSO are (V)SO.
 */
export const menuSectorOf: Record<string, MenuSector> = {
  BO: 'PO',
  SBO: 'PO',
  SO: '(V)SO',
  VSO: '(V)SO',
  VO: 'VO',
};

const support: CategoryRule = {
  code: 'F',
  reason:
    'Faciliteiten en randvoorwaarden (zoals leermiddelen, professionalisering of monitoren) mogen alleen als steun naast een gekozen interventie uit A tot en met E.',
};

/** The rule for a school subject (rekenen, lezen, spelling): more time, better teaching, more hands. */
function subjectRule(subject: string, sector: MenuSector): KeuzehulpRule {
  return {
    categories: [
      {
        code: 'A',
        reason: `Extra leertijd, binnen of buiten het rooster, geeft leerlingen met een achterstand in ${subject} de tijd om in te halen.`,
      },
      {
        code: 'B',
        reason:
          `Een doeltreffender aanpak in de les laat de bestaande lestijd voor ${subject} meer opleveren.` +
          (sector === 'VO'
            ? ' In het voortgezet onderwijs kan dat vaak ook bij de beroepsgerichte vakken.'
            : ''),
      },
      {
        code: 'E',
        reason: `Meer of anders ingezet personeel, zoals kleinere groepen of onderwijsassistenten, geeft ruimte voor meer begeleiding bij ${subject}.`,
      },
    ],
    support,
  };
}

function socialEmotionalRule(): KeuzehulpRule {
  return {
    categories: [
      {
        code: 'C',
        reason:
          'Categorie C richt zich op de sociaal-emotionele en fysieke ontwikkeling van leerlingen: precies dit aandachtspunt.',
      },
      {
        code: 'D',
        reason:
          'Emotieregulatie wordt ook tot de executieve functies gerekend; een aanpak voor zelfsturing kan daarom ook hier helpen.',
      },
    ],
    support,
  };
}

function wellBeingRule(): KeuzehulpRule {
  return {
    categories: [
      {
        code: 'C',
        reason:
          'Welbevinden hoort bij de sociaal-emotionele en fysieke ontwikkeling van leerlingen (categorie C), de basis om te kunnen leren.',
      },
    ],
    support,
  };
}

function executiveRule(sector: MenuSector): KeuzehulpRule {
  return {
    categories: [
      {
        code: 'D',
        reason:
          'Categorie D gaat over de executieve functies zelf: plannen, zelfsturing, aandacht vasthouden en doelgericht werken.' +
          (sector === 'VO'
            ? ' In het voortgezet onderwijs waren executieve functies en welbevinden volgens de monitor van het programma de grootste zorg.'
            : ''),
      },
    ],
    support,
  };
}

/** The rule table: every domain × sector. */
export const keuzehulpRules: Record<KeuzehulpDomain, Record<MenuSector, KeuzehulpRule>> = Object.fromEntries(
  keuzehulpDomains.map((domain) => [
    domain,
    Object.fromEntries(
      menuSectors.map((sector) => {
        const rule =
          domain === 'sociaal-emotioneel'
            ? socialEmotionalRule()
            : domain === 'welbevinden'
              ? wellBeingRule()
              : domain === 'executieve-functies'
                ? executiveRule(sector)
                : subjectRule(domainLabels[domain].toLowerCase(), sector);
        return [sector, rule];
      }),
    ),
  ]),
) as Record<KeuzehulpDomain, Record<MenuSector, KeuzehulpRule>>;

/**
 * Interventions whose name ties them to particular subjects or another goal fit only focus
 * points of those domains, even though their category fits others too (e.g. phonics is in B,
 * but does not help with rekenen). By menu code; codes not listed fit every domain of their
 * category. Loopbaanoriëntatie (B12) is about careers, not about these domains.
 */
export const subjectBound: Record<string, { domains: KeuzehulpDomain[]; reason: string }> = {
  A4: {
    domains: ['begrijpend-lezen', 'technisch-lezen', 'spelling'],
    reason: 'Beginnende geletterdheid gaat over lezen en schrijven.',
  },
  A5: { domains: ['rekenen-wiskunde'], reason: 'Beginnende gecijferdheid gaat over rekenen.' },
  B8: {
    domains: ['begrijpend-lezen'],
    reason: 'Technieken voor begrijpend lezen gaan over begrijpend lezen.',
  },
  B9: {
    domains: ['begrijpend-lezen', 'technisch-lezen', 'spelling'],
    reason: 'Gesprokentaalinterventies gaan over taal.',
  },
  B10: {
    domains: ['technisch-lezen', 'spelling'],
    reason: 'Fonemisch bewustzijn gaat over klanken en letters: technisch lezen en spelling.',
  },
  B11: { domains: ['spelling'], reason: 'Schrijfonderwijs gaat over schrijven.' },
  B12: {
    domains: [],
    reason: 'Loopbaanoriëntatie en -begeleiding gaat over de schoolloopbaan, niet over deze domeinen.',
  },
};

/** Whether an intervention (by menu code) may serve a focus point of this domain. */
export function fitsDomain(code: string, domain: string): boolean {
  const bound = subjectBound[code];
  return !bound || (bound.domains as string[]).includes(domain);
}

export function isKeuzehulpDomain(d: string): d is KeuzehulpDomain {
  return (keuzehulpDomains as readonly string[]).includes(d);
}

/**
 * The rule for a focus point's domain in a school's sector (organisation.sector). A school whose
 * sector is unknown gets the categories of its domain (they are the same in every sector); an
 * unknown domain gets no rule.
 */
export function ruleFor(domain: string, schoolSector: string | null): KeuzehulpRule | undefined {
  if (!isKeuzehulpDomain(domain)) return undefined;
  const sector = (schoolSector && menuSectorOf[schoolSector]) || 'PO';
  return keuzehulpRules[domain][sector];
}

export function domainLabel(domain: string): string {
  return isKeuzehulpDomain(domain) ? domainLabels[domain] : domain;
}
