export { cpuLlama, LlamaCppProvider, type LlamaCppOptions } from './provider.js';
