// The rules of the menukaart (no HTTP and no SQL; the *-repository.ts files do the queries),
// gathered in one place so callers can `import * as svc from './service.ts'`. Other modules use
// menuInForce and mayChoose from here.
export * from './menu-service.ts';
export * from './search-service.ts';
export * from './version-diff-service.ts';
export * from './form-checks.ts';
export * from './entry-editing-service.ts';
export * from './publishing-service.ts';
export * from './praktijkkaart-import.ts';
export * from './kennisplein-service.ts';
