export { discoverEhr, requestEhrToken, EhrTokenSchema, type EhrConfiguration, type EhrToken } from './ehr-client.js';
export { seal, unseal, PendingSchema, SessionSchema, type Pending, type Session } from './session.js';
