// What a request log line may contain: method, path and request id. Query strings can hold
// tokens (invitation and reset links) and addresses are personal data, so both stay out.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const logSerializers = {
  req(req: FastifyRequest) {
    return { id: req.id, method: req.method, path: req.url.split('?')[0] };
  },
  res(reply: FastifyReply) {
    return { statusCode: reply.statusCode };
  },
};
