import type { Socket } from 'node:net';
import { AppError } from '../core/errors.js';
import { errorToOutcome } from '../fhir/outcomes.js';
import { FHIR_JSON } from './negotiation.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function clientErrorOf(code: string | undefined): { status: number; error: AppError } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      error: new AppError(
        'VITALIS_BAD_REQUEST',
        'Request line or headers too large (URL over 16 KB?); use POST _search',
      ),
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, error: new AppError('VITALIS_BAD_REQUEST', 'Request timed out') };
  }
  return { status: 400, error: new AppError('VITALIS_BAD_REQUEST', 'Malformed HTTP request') };
}

/**
 * Answers requests Node's HTTP parser rejects before any route runs (e.g. a URL over the header size limit) with an
 * OperationOutcome instead of fastify's bare JSON, then closes the socket. Nothing about the request is echoed.
 */
export function handleClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  if (socket.writable) {
    const { status, error } = clientErrorOf(err.code);
    const body = JSON.stringify(errorToOutcome(error));
    socket.write(
      `HTTP/1.1 ${String(status)} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n` +
        `Content-Type: ${FHIR_JSON}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
