// DUO school files that do not say their own date, recognised by their exact bytes (SHA-256):
// the copies shipped in resources/open-data/duo. Their dates come from the publications
// (resources/open-data/README.md); a file from DUO's site that is not listed here takes its
// date from its name, from --peildatum or the upload form, or else the day of the import.
export const knownPublications: Record<string, { peildatum: string; what: string }> = {
  // alle-vestigingen-bo.csv: DUO's PO file as downloaded in December 2020.
  '646204ff74244d200280ba9a71448e7b02bb4b04362eb71f3f0843e95809d7b6': {
    peildatum: '2020-12-01',
    what: 'DUO-scholenbestand po van december 2020',
  },
  // alle-vestigingen-vo.csv: DUO's VO file as downloaded in December 2020.
  '5541de329cec42e6682d8b3bb57de4d41ca83da106f98cdc97c6827c0a65e9d1': {
    peildatum: '2020-12-01',
    what: 'DUO-scholenbestand vo van december 2020',
  },
  // 02.-alle-schoolvestigingen-basisonderwijs.csv: the 2025/26 file; DUO updates it monthly and
  // the copy was committed on 4 August 2026, the latest day its data can be from.
  '357d63db22d4255874424415c0e94bcebc7a15708be6d52ccd4802311318a50f': {
    peildatum: '2026-08-04',
    what: 'DUO-scholenbestand po van schooljaar 2025/26 (vastgelegd 4 augustus 2026)',
  },
};
