export { createCdsJwtAuthenticator, CDS_JWT_ALGORITHMS, type CdsJwtOptions } from './jwt-authenticator.js';
export { parseIssuers, type TrustedIssuer } from './issuers-config.js';
export { createReplayCache, type ReplayCache } from './replay-cache.js';
