import { describe, expect, it } from 'vitest';
import { ingredientsFromText, resolveIngredients } from './ingredients.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

describe('ingredient resolution', () => {
  it('parses ingredient names out of drug displays, salts and multi-word names included', () => {
    expect(ingredientsFromText('Warfarin Sodium 5 MG Oral Tablet').map((e) => e.name)).toEqual(['warfarin']);
    expect(ingredientsFromText('Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet').map((e) => e.rxcui)).toEqual([
      '723',
      '48203',
    ]);
    expect(ingredientsFromText('Penicillin V Potassium 500 MG Oral Tablet').map((e) => e.name)).toEqual([
      'penicillin V',
    ]);
    expect(ingredientsFromText('100 UNT/ML Insulin Glargine Pen').map((e) => e.rxcui)).toEqual(['274783']);
    expect(ingredientsFromText('Paracetamol 500 mg')).toHaveLength(1);
    expect(ingredientsFromText('Allergy to peanuts')).toEqual([]);
  });

  it('prefers the Medication resource, then RxNorm codes, then the display', () => {
    const fromMedication = resolveIngredients(
      { text: 'Warfarin 5 mg' },
      {
        resourceType: 'Medication',
        ingredient: [{ itemCodeableConcept: { coding: [{ system: RXNORM, code: '5640', display: 'ibuprofen' }] } }],
      },
    );
    expect(fromMedication).toEqual([
      { rxcui: '5640', name: 'ibuprofen', classes: ['nsaid'], resolvedBy: 'medication-resource' },
    ]);

    const fromTable = resolveIngredients({ coding: [{ system: RXNORM, code: '1049221', display: 'Percocet-like' }] });
    expect(fromTable.map((i) => [i.name, i.resolvedBy])).toEqual([
      ['oxycodone', 'clinical-drug-table'],
      ['acetaminophen', 'clinical-drug-table'],
    ]);

    const fromIngredientCode = resolveIngredients({ coding: [{ system: RXNORM, code: '11289' }] });
    expect(fromIngredientCode[0]).toMatchObject({ name: 'warfarin', resolvedBy: 'ingredient-code' });
    expect(fromIngredientCode[0]?.classes).toContain('anticoagulant');

    const fromText = resolveIngredients({
      coding: [{ system: RXNORM, code: '999999999', display: 'Metoprolol Tartrate 25 MG' }],
    });
    expect(fromText).toEqual([
      { rxcui: '6918', name: 'metoprolol', classes: ['antihypertensive', 'beta-blocker'], resolvedBy: 'display-text' },
    ]);
    expect(resolveIngredients({ text: 'Unknown compounded cream' })).toEqual([]);
  });

  it('keeps uncoded Medication ingredients by name', () => {
    const found = resolveIngredients(undefined, {
      resourceType: 'Medication',
      ingredient: [{ itemCodeableConcept: { text: 'Zinc oxide' } }],
    });
    expect(found).toEqual([{ rxcui: null, name: 'zinc oxide', classes: [], resolvedBy: 'medication-resource' }]);
  });
});
