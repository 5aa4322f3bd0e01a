import type { CdsService } from '../cds/contract.js';
import { allergyCdsService, summaryCdsService } from '../cds/index.js';
import { ddxCdsServices } from '../ddx/index.js';
import { medsCdsServices } from '../meds/index.js';

/**
 * Every engine's CDS Hooks services, in discovery order. Each engine contributes its services here with one line;
 * the HTTP layer never names an engine.
 */
export function allCdsServices(): CdsService[] {
  return [
    // engine services (one spread per engine), e.g. ...scoreCdsServices(),
    summaryCdsService(),
    allergyCdsService(),
    ...ddxCdsServices(),
    ...medsCdsServices(),
  ];
}
