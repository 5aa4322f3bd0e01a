export { buildServeApp, type ServeOptions } from './app.js';
