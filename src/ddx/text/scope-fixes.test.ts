import { describe, expect, it } from 'vitest';
import { defaultDdxEngine } from '../default-engine.js';
import { extractDemographics, extractDurations, extractMeasurements } from './values.js';

const recognizer = defaultDdxEngine().recognizer;

/** Finding id to "present" / "absent" (with "/past" or "/family" when not current). */
function states(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of recognizer.recognizeSync(text).findings) {
    out[f.id] = `${f.present ? 'present' : 'absent'}${f.temporality === 'current' ? '' : `/${f.temporality}`}`;
  }
  return out;
}

describe('durations: gestational and postnatal ages are not illness durations', () => {
  it('skips "N weeks pregnant", "weeks gestation", "postnatal", "postpartum day N"', () => {
    expect(extractDurations('She is 34 weeks pregnant.')).toEqual([]);
    expect(extractDurations('G3P2 at 28 weeks of gestation.')).toEqual([]);
    expect(extractDurations('A mother 2 weeks postnatal.')).toEqual([]);
    expect(extractDurations('Now 4 days post-partum.')).toEqual([]);
    expect(extractDurations('On postpartum day 5 she is tired.')).toEqual([]);
    expect(extractDurations('Cough for 3 weeks.').map((d) => d.days)).toEqual([21]);
  });

  it('skips "N weeks since her last menstrual period" and background durations ("smoked for 30 years")', () => {
    expect(extractDurations('8 weeks since her last menstrual period.')).toEqual([]);
    const s = states('She has smoked for 30 years and has had a cough for 3 weeks.');
    expect(s['symptoms-over-two-weeks']).toBe('present');
    expect(s['symptoms-over-three-months']).toBe('absent');
    expect(states('Diabetic for 10 years, now fever for 2 days.')['symptoms-over-six-months']).toBe('absent');
    expect(states('Cough for 7 months.')['symptoms-over-six-months']).toBe('present');
  });

  it('keeps the illness duration beside a gestational age', () => {
    const s = states('A woman 36 weeks pregnant with swollen ankles for 2 days.');
    expect(s['symptoms-over-two-weeks']).toBe('absent');
    expect(s['symptoms-over-six-months']).toBe('absent');
  });
});

describe('negation scope', () => {
  it('"X without Y" negates Y only, not the comma items after it', () => {
    const s = states('Toddler with sore throat without cough, swollen neck glands, vomiting.');
    expect(s['cough']).toBe('absent');
    expect(s['vomiting']).toBe('present');
  });

  it('"X without A, B or C" negates the whole disjunctive list', () => {
    expect(states('Headache without vomiting, cough or rash, and with neck stiffness.')).toMatchObject({
      headache: 'present',
      vomiting: 'absent',
      cough: 'absent',
      rash: 'absent',
    });
  });

  it('a list of pertinent negatives stays negative', () => {
    expect(states('No vomiting, cough or headache.')).toMatchObject({
      vomiting: 'absent',
      cough: 'absent',
      headache: 'absent',
    });
    expect(states('He has no vomiting, diarrhoea, or cough.')).toMatchObject({ vomiting: 'absent', cough: 'absent' });
  });

  it('the list ends after its last conjunction or at a clause that starts with "with"', () => {
    expect(states('Denies cough or wheeze, vomiting since this morning.')).toMatchObject({
      cough: 'absent',
      vomiting: 'present',
    });
    expect(states('No cough, with a severe headache.')).toMatchObject({ cough: 'absent', headache: 'present' });
  });
});

describe('family history scope', () => {
  it('a patient who is a mother is not family history', () => {
    expect(states('A nursing mother with cough and vomiting.')).toMatchObject({ cough: 'present', vomiting: 'present' });
  });

  it('"mother had", "her father has", "family history of" are family history', () => {
    expect(states('Her father has diabetes.')['family-history-diabetes']).toBe('present');
    expect(states('Mother had diabetes; he has cough.')).toMatchObject({ cough: 'present' });
    expect(states('Family history of diabetes.')['family-history-diabetes']).toBe('present');
    expect(states('Mother has diabetes.')['family-history-diabetes']).toBe('present');
    expect(states('A mother of two has diabetes.')['diabetes']).toBe('present');
  });
});

describe('past history scope', () => {
  it('"previous" and "known" qualify one item; later comma items are current', () => {
    expect(states('Woman with known asthma, productive cough and vomiting.')).toMatchObject({
      'cough-productive': 'present',
      vomiting: 'present',
    });
    expect(states('Previous appendicectomy, now vomiting.')['vomiting']).toBe('present');
  });

  it('a PMH header keeps its list', () => {
    const s = states('PMH: asthma, diabetes.');
    expect(s['diabetes']).toBe('present/past');
  });
});

describe('temperatures without the word "temperature"', () => {
  const celsius = (text: string): number[] =>
    extractMeasurements(text)
      .filter((m) => m.measurement.loinc === '8310-5')
      .map((m) => m.measurement.value);

  it('reads "fever 39.8", "febrile to 40 C", "temp 101F", "T 38.5", "102 °F"', () => {
    expect(celsius('Fever 39.8 since yesterday')).toEqual([39.8]);
    expect(celsius('febrile to 40 C')).toEqual([40]);
    expect(celsius('temp 101F')).toEqual([38.3]);
    expect(celsius('T 38.5, HR 110')).toEqual([38.5]);
    expect(celsius('a fever of 102 °F')).toEqual([38.9]);
  });

  it('gives the high-fever finding and does not read "101F" as an age and sex', () => {
    expect(states('Child with fever 39.9 and cough.')['fever-high']).toBe('present');
    expect(extractDemographics('Temp 101F, HR 100.')).toEqual({ age: null, sex: null });
    expect(extractDemographics('45 F with temp 101F')).toEqual({ age: 45, sex: 'female' });
  });
});

describe('knowledge-base synonyms', () => {
  it('a drug name alone does not evoke an overdose finding', () => {
    const s = states('She took Tylenol for a headache.');
    expect(s['paracetamol-ingestion']).toBeUndefined();
    expect(s['headache']).toBe('present');
    expect(states('He swallowed a bottle of Tylenol.')['paracetamol-ingestion']).toBe('present');
  });

  it('"fit" as in fitness is not a seizure', () => {
    expect(states('A fit, healthy man with cough.')['seizure']).toBeUndefined();
  });

  it('common words do not evoke findings on their own', () => {
    const s = states('Temperature 36.8, renal function normal, oral cavity clear, hiatus hernia, plays the piano.');
    expect(s['fever']).toBe('absent');
    expect(s['abdominal-bruit']).toBeUndefined();
    expect(s['cxr-cavitation']).toBeUndefined();
    expect(states('Rigid abdomen with guarding.')['muscle-rigidity']).toBeUndefined();
    expect(states('Biliary sludge on ultrasound.')['hypersalivation']).toBeUndefined();
    expect(states('She runs a shop and goes running.')['diarrhea']).toBeUndefined();
  });
});
