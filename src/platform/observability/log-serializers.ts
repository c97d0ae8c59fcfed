// What a request log line may contain: method, path and request id. Query strings can hold
// tokens (invitation and reset links) and addresses are personal data, so both stay out.

export const logSerializers = {
  req(req: { id: string; method?: string; url?: string }) {
    return { id: req.id, method: req.method, path: req.url?.split('?')[0] };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};
