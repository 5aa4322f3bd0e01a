export { AnthropicProvider, type AnthropicOptions } from './provider.js';
