export { buildApp } from './app.js';
export type { ServerDeps } from './deps.js';
export { startServer, type RunningServer, type StartOptions } from './start.js';
