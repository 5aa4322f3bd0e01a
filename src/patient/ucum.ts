import { createRequire } from 'node:module';
import { AppError } from '../core/errors.js';

/** The part of @lhncbc/ucum-lhc we use (the package ships no types). */
interface UcumLhcUtils {
  convertUnitTo(
    fromUnit: string,
    fromValue: number,
    toUnit: string,
    options?: { molecularWeight?: number },
  ): { status: string; toVal: number | null };
  validateUnitString(unit: string): { status: string; ucumCode: string | null };
}

let instance: UcumLhcUtils | undefined;

// The library console.logs some parse failures with the unit string; unit strings can be free text, so keep
// them out of our logs. The calls are synchronous, so swapping console.log for their duration is contained.
function quietly<T>(fn: () => T): T {
  const log = console.log;
  console.log = (): void => undefined;
  try {
    return fn();
  } finally {
    console.log = log;
  }
}

function isUcumUtils(value: unknown): value is UcumLhcUtils {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  return (
    'convertUnitTo' in value &&
    typeof value.convertUnitTo === 'function' &&
    'validateUnitString' in value &&
    typeof value.validateUnitString === 'function'
  );
}

/** Returns the shared UCUM utilities instance, loading the CommonJS package once. */
export function ucumUtils(): UcumLhcUtils {
  if (instance) {
    return instance;
  }
  const mod: unknown = createRequire(import.meta.url)('@lhncbc/ucum-lhc');
  const utilsClass: unknown =
    typeof mod === 'object' && mod !== null && 'UcumLhcUtils' in mod ? mod.UcumLhcUtils : undefined;
  const utils: unknown =
    typeof utilsClass === 'function' && 'getInstance' in utilsClass && typeof utilsClass.getInstance === 'function'
      ? (utilsClass.getInstance as () => unknown)()
      : undefined;
  if (!isUcumUtils(utils)) {
    throw new AppError('VITALIS_INTERNAL', '@lhncbc/ucum-lhc does not expose UcumLhcUtils.getInstance()');
  }
  instance = {
    convertUnitTo: (fromUnit, fromValue, toUnit, options) =>
      quietly(() => utils.convertUnitTo(fromUnit, fromValue, toUnit, options)),
    validateUnitString: (unit) => quietly(() => utils.validateUnitString(unit)),
  };
  return instance;
}
