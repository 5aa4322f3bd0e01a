import {
  AsAtom,
  DotAtom,
  evalFhirPathTyped,
  FhirPathAtom,
  FunctionAtom,
  getSearchParameters,
  getTypedPropertyValue,
  IsAtom,
  parseFhirPath,
  SymbolAtom,
  UnionAtom,
  type Atom,
  type TypedValue,
} from '@medplum/core';
import type { SearchParameter } from '@medplum/fhirtypes';

/** Evaluates one compiled SearchParameter expression against a resource. */
export type ValueGetter = (resource: TypedValue) => TypedValue[];

/** A SearchParameter of one resource type, with its expression compiled once. */
export interface CompiledParam {
  code: string;
  type: SearchParameter['type'];
  get: ValueGetter;
}

type Step = (values: TypedValue[]) => TypedValue[];

const compiledByType = new Map<string, CompiledParam[]>();

// Parameters searched and sorted on columns of `resources` (id, last_updated), never on index rows: writing rows
// for them would cost two index rows per resource (~15% of the rows of a bulk import) that no query reads.
const COLUMN_PARAMS: ReadonlySet<string> = new Set(['_id', '_lastUpdated']);

/** Returns the indexable SearchParameters of a resource type with compiled expressions (cached per type). */
export function compiledParams(resourceType: string): CompiledParam[] {
  let params = compiledByType.get(resourceType);
  if (!params) {
    params = compileType(resourceType);
    compiledByType.set(resourceType, params);
  }
  return params;
}

function compileType(resourceType: string): CompiledParam[] {
  const out: CompiledParam[] = [];
  for (const [code, sp] of Object.entries(getSearchParameters(resourceType) ?? {})) {
    if (!sp.expression || sp.type === 'composite' || sp.type === 'special' || COLUMN_PARAMS.has(code)) {
      continue;
    }
    const get = compileExpression(resourceType, sp.expression);
    if (get) {
      out.push({ code, type: sp.type, get });
    }
  }
  return out;
}

/** Compiles the branches of an expression that apply to resourceType; undefined when none apply. */
export function compileExpression(resourceType: string, expression: string): ValueGetter | undefined {
  const root = parseFhirPath(expression).child;
  const branches = flattenUnion(root).filter((b) => appliesTo(b, resourceType));
  if (branches.length === 0) {
    return undefined;
  }
  const getters = branches.map((b) => compileBranch(b, resourceType) ?? slowGetter(b));
  if (getters.length === 1 && getters[0]) {
    return getters[0];
  }
  return (resource) => getters.flatMap((g) => g(resource));
}

function flattenUnion(atom: Atom): Atom[] {
  return atom instanceof UnionAtom ? [...flattenUnion(atom.left), ...flattenUnion(atom.right)] : [atom];
}

/** The leftmost symbol of a path, e.g. `Observation` in `Observation.code`. */
function rootSymbol(atom: Atom): string | undefined {
  if (atom instanceof SymbolAtom) {
    return atom.name;
  }
  if (atom instanceof DotAtom || atom instanceof AsAtom || atom instanceof IsAtom) {
    return rootSymbol(atom.left);
  }
  return undefined;
}

function appliesTo(branch: Atom, resourceType: string): boolean {
  const root = rootSymbol(branch);
  // A branch rooted in another resource type (e.g. `Condition.code` in a shared `code` parameter) never matches.
  return root === undefined || root === resourceType || root === 'Resource' || !/^[A-Z]/.test(root);
}

function slowGetter(branch: Atom): ValueGetter {
  const atom = new FhirPathAtom(branch.toString(), branch);
  return (resource) => evalFhirPathTyped(atom, [resource], { '%resource': resource, '%context': resource });
}

/** Compiles simple paths (navigation, `as`/`ofType`, `where(resolve() is X)`) to direct property access. */
function compileBranch(atom: Atom, resourceType: string): ValueGetter | undefined {
  const steps = compileSteps(atom, resourceType);
  if (!steps) {
    return undefined;
  }
  return (resource) => {
    let values = [resource];
    for (const step of steps) {
      if (values.length === 0) {
        return values;
      }
      values = step(values);
    }
    return values;
  };
}

function compileSteps(atom: Atom, resourceType: string): Step[] | undefined {
  if (atom instanceof SymbolAtom) {
    return atom.name === resourceType || atom.name === 'Resource' ? [] : undefined;
  }
  if (atom instanceof AsAtom && atom.right instanceof SymbolAtom) {
    const left = compileSteps(atom.left, resourceType);
    return left ? [...left, ofTypeStep(atom.right.name)] : undefined;
  }
  if (!(atom instanceof DotAtom)) {
    return undefined;
  }
  const left = compileSteps(atom.left, resourceType);
  const right = atom.right;
  if (!left) {
    return undefined;
  }
  if (right instanceof SymbolAtom) {
    return [...left, propertyStep(right.name)];
  }
  if (right instanceof FunctionAtom) {
    const arg = right.args[0];
    if ((right.name === 'as' || right.name === 'ofType') && right.args.length === 1 && arg instanceof SymbolAtom) {
      return [...left, ofTypeStep(arg.name)];
    }
    if (
      right.name === 'where' &&
      arg instanceof IsAtom &&
      arg.left instanceof FunctionAtom &&
      arg.left.name === 'resolve' &&
      arg.right instanceof SymbolAtom
    ) {
      return [...left, referenceTypeStep(arg.right.name)];
    }
  }
  return undefined;
}

function propertyStep(name: string): Step {
  return (values) => {
    const out: TypedValue[] = [];
    for (const v of values) {
      const got = getTypedPropertyValue(v, name);
      if (Array.isArray(got)) {
        for (const g of got) {
          if (g.value !== undefined && g.value !== null) {
            out.push(g);
          }
        }
      } else if (got && got.value !== undefined && got.value !== null) {
        out.push(got);
      }
    }
    return out;
  };
}

function ofTypeStep(typeName: string): Step {
  const lower = typeName.toLowerCase();
  return (values) => values.filter((v) => v.type === typeName || v.type.toLowerCase() === lower);
}

/** Keeps references whose target type (from `Type/id` or an absolute URL ending in it) is typeName. */
function referenceTypeStep(typeName: string): Step {
  return (values) =>
    values.filter((v) => {
      const ref = (v.value as { reference?: unknown } | undefined)?.reference;
      return typeof ref === 'string' && referenceTarget(ref)?.[0] === typeName;
    });
}

const REFERENCE_TAIL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Parses `Type/id`, `Type/id/_history/v` or an absolute URL ending in one into [type, id]. */
export function referenceTarget(ref: string): [string, string] | undefined {
  const m = REFERENCE_TAIL.exec(ref);
  return m?.[1] && m[2] ? [m[1], m[2]] : undefined;
}
