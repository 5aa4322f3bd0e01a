import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/load.js';
import { TINY_SOURCES } from '../kb/test-fixtures/tiny-kb.js';
import { FindingDefSchema } from '../kb/schema.js';
import { RuleRecognizer } from './rule-recognizer.js';

const recognizer = new RuleRecognizer(loadKnowledgeBase(TINY_SOURCES).findings);

function states(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of recognizer.recognizeSync(text).findings) {
    out[f.id] = `${f.present ? 'present' : 'absent'}${f.temporality === 'current' ? '' : `/${f.temporality}`}`;
  }
  return out;
}

describe('rule recognizer: synonyms and negation', () => {
  it('finds synonyms, longest match first, and tolerates word order', () => {
    expect(states('Pleuritic chest pain and breathlessness.')).toEqual({
      'chest-pain-pleuritic': 'present',
      dyspnea: 'present',
    });
    expect(states('Complains of pain in the chest.')).toEqual({ 'chest-pain': 'present' });
    expect(states('Pain in the left chest.')).toEqual({ 'chest-pain': 'present' });
    expect(states('Pt c/o SOB, denies DM.')).toEqual({ dyspnea: 'present', diabetes: 'absent' });
    expect(states('Chest pain and cough.')).toEqual({ 'chest-pain': 'present', cough: 'present' });
    expect(states('Pleuritic chest pain and tightness.')).toEqual({ 'chest-pain-pleuritic': 'present' });
  });

  it('shares the head word across a coordination ("leg pain and swelling")', () => {
    const legs = new RuleRecognizer(
      [
        { id: 'leg-pain', label: 'Leg pain', kind: 'symptom' },
        { id: 'leg-swelling', label: 'Leg swelling', kind: 'sign' },
      ].map((f) => FindingDefSchema.parse(f)),
    );
    const found = legs.recognizeSync('Unilateral leg pain and swelling for 5 days.').findings.map((f) => f.id);
    expect(found.sort()).toEqual(['leg-pain', 'leg-swelling']);
  });

  it('negates with no / denies / without / negative for, across a list of pertinent negatives', () => {
    expect(states('Denies fever, cough, or shortness of breath.')).toEqual({
      fever: 'absent',
      cough: 'absent',
      dyspnea: 'absent',
    });
    expect(states('Chest pain without dyspnea.')).toEqual({ 'chest-pain': 'present', dyspnea: 'absent' });
    expect(states('Negative for fever and cough.')).toEqual({ fever: 'absent', cough: 'absent' });
    expect(states('Afebrile, coughing.')).toEqual({ fever: 'absent', cough: 'present' });
    expect(states('No fever but she has a cough.')).toEqual({ fever: 'absent', cough: 'present' });
  });

  it('ends negation at the sentence and reads post-negations', () => {
    expect(states('No cough. Fever since Monday.')).toEqual({ cough: 'absent', fever: 'present' });
    expect(states('Non-productive cough with fever.')).toEqual({ cough: 'present', fever: 'present' });
    expect(states('Denies:\nfever\ncough')).toEqual({ fever: 'absent', cough: 'absent' });
    expect(states('A long line of a hard-wrapped vignette mentions pleuritic chest\n\npain here.')).toEqual({
      'chest-pain-pleuritic': 'present',
    });
    expect(states('Elevated d-dimer was negative.')).toMatchObject({ 'd-dimer-elevated': 'absent' });
    expect(states('Elevated troponin was normal.')).toEqual({ 'troponin-elevated': 'absent' });
    expect(states('Fever and normal breathing.')).toEqual({ fever: 'present' });
  });

  it('ignores hypothetical and uncertain mentions', () => {
    expect(states('CT to rule out elevated d-dimer; return if fever develops. Cough.')).toEqual({ cough: 'present' });
    expect(states('Concern for pneumonia, possible fever.')).toEqual({});
  });

  it('keeps family and past history apart from current findings', () => {
    expect(states('Family history of diabetes.')).toEqual({ 'family-history-diabetes': 'present' });
    expect(states('Her mother had diabetes.')).toEqual({
      diabetes: 'present/family',
      'family-history-diabetes': 'present',
    });
    expect(states('History of diabetes, presents with cough.')).toEqual({ diabetes: 'present/past', cough: 'present' });
    expect(states('A 3-day history of cough.')).toEqual({ cough: 'present', 'symptoms-over-two-weeks': 'absent' });
    expect(states('A man with a history of diabetes was witnessed to have a cough.')).toEqual({
      diabetes: 'present/past',
      cough: 'present',
    });
  });
});

describe('rule recognizer: values and demographics', () => {
  it('turns temperature, heart rate and SpO2 into value findings, present or absent', () => {
    expect(states('Temperature 101.5 F, HR 118, SpO2 91% on room air.')).toEqual({
      'temperature-high': 'present',
      tachycardia: 'present',
      hypoxemia: 'present',
    });
    expect(states('O2 saturation on room air of 91%.')).toEqual({ hypoxemia: 'present' });
    expect(states('T 37.1 C, pulse 80, sats 98%.')).toEqual({
      'temperature-high': 'absent',
      tachycardia: 'absent',
      hypoxemia: 'absent',
    });
  });

  it('decides duration findings from the longest duration stated', () => {
    expect(states('Polyuria for 3 weeks.')).toEqual({ polyuria: 'present', 'symptoms-over-two-weeks': 'present' });
    expect(states('Polyuria for 2 days.')).toEqual({ polyuria: 'present', 'symptoms-over-two-weeks': 'absent' });
  });

  it('reads age and sex stated in the text', () => {
    expect(recognizer.recognizeSync('61 year old Male with chest pain').demographics).toEqual({ age: 61, sex: 'male' });
    expect(recognizer.recognizeSync('A 45-year-old woman presents.').demographics).toEqual({ age: 45, sex: 'female' });
    expect(recognizer.recognizeSync('3-month-old boy, irritable').demographics).toEqual({ age: 0.25, sex: 'male' });
    expect(recognizer.recognizeSync('72 yo F, dizzy').demographics).toEqual({ age: 72, sex: 'female' });
  });

  it('cites the text span of each finding', () => {
    const text = 'Sudden pleuritic chest pain.';
    const f = recognizer.recognizeSync(text).findings[0];
    expect(f?.source).toEqual({ kind: 'text', start: 7, end: 27, text: 'pleuritic chest pain' });
  });
});
