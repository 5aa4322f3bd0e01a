export { OpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './provider.js';
