export {
  parseScopes,
  narrowScopes,
  reach,
  type Interaction,
  type ResourceScope,
  type ScopeLevel,
  type ScopeSet,
  type Reach,
} from './scopes.js';
export { loadAuthKeys, generateAuthKeys, KEY_FILE, type AuthKeys, type SigningAlg } from './keys.js';
export {
  createTokenService,
  ReplayCache,
  GrantSchema,
  CodeSchema,
  LaunchSchema,
  type Grant,
  type CodeClaims,
  type LaunchClaims,
  type TokenKind,
  type TokenService,
} from './tokens.js';
export {
  loadClients,
  clientRegistry,
  verifyClientAssertion,
  ClientSchema,
  ASSERTION_ALGS,
  type Client,
  type ClientRegistry,
} from './clients.js';
export { s256, verifyPkce, newVerifier } from './pkce.js';
export { isCompartmentType, patientIdsOf, visibleToPatient, compartmentParamCodes } from './compartment.js';
export {
  classifyFhir,
  authorizeFhir,
  authorizeBatch,
  authorizeApi,
  mayReadType,
  compartmentFilter,
  type FhirAccess,
  type Principal,
  type Restriction,
} from './access.js';
