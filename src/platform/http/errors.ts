// Errors a handler can throw to end a request with a clear status and page.
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message = '',
  ) {
    super(message || `HTTP ${statusCode}`);
  }
}

export const notFound = (message = '') => new HttpError(404, message);
export const forbidden = (message = '') => new HttpError(403, message);
