export { createRemoteRepository, type RemoteFhirRepository } from './remote-repository.js';
export { remoteRepositoryFromConfig, remoteOptionsFromConfig, loadPrivateKey } from './from-config.js';
export { generateClientKeys, type ClientKeys } from './client-keys.js';
export type { RemoteRepositoryOptions, RemoteAuth, SmartBackendAuth, FetchFn } from './options.js';
export type { ClientAlg } from './private-key.js';
