export { parseEventJson, postJson, readJson, readSse, type SseEvent } from './http.js';
