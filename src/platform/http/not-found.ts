// The error a handler throws for an object that does not exist (or that the visitor may not
// know exists): the error handler turns it into the Dutch 404 page, or problem details on /api.
export function notFound(): Error {
  return Object.assign(new Error('Niet gevonden'), { statusCode: 404 });
}
