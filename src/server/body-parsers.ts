import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';

const JSON_TYPES = ['application/json', 'application/fhir+json', 'application/json+fhir'];

/** Parses request bodies: FHIR/plain JSON (400 on malformed JSON) and form-encoded search parameters. */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(new AppError('VITALIS_BAD_REQUEST', 'Request body is empty'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (err) {
      // Never echo the parser's message: it quotes body text.
      done(new AppError('VITALIS_BAD_REQUEST', 'Malformed JSON body', { cause: err }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const out: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      out[key] = [...(out[key] ?? []), value];
    }
    done(null, out);
  });
}
