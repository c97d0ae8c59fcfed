// The event duo-import publishes after an import is committed: the open data changed, so
// whatever is derived from it (the funding module's amounts) is out of date. duo-import knows
// nothing of its subscribers; they handle it in their descriptor (`on`).
export interface OpenDataChanged {
  /** Why, in Dutch, for the run history: "Import alle-vestigingen-bo.csv". */
  reason: string;
  /** Who started the import (null for the CLI and the first-start load). */
  personId: number | null;
}

declare module '../../platform/events.ts' {
  interface PlatformEvents {
    'open-data.gewijzigd': OpenDataChanged;
  }
}
