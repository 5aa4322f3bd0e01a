export { computeScores, parseScoreOptions, SCORE_FUNCTIONS, type ScoreFunction } from './compute.js';
export * from './result-schema.js';
export * from './extra-schema.js';
export { news2, NEWS2_WINDOW_HOURS } from './news2.js';
export { qsofa, QSOFA_WINDOW_HOURS } from './qsofa.js';
export { sofa, SOFA_WINDOW_HOURS } from './sofa.js';
export * from './sofa-points.js';
export { cha2ds2Va, cha2ds2Vasc } from './cha2ds2.js';
export { hasBled } from './has-bled.js';
export {
  ckdEpi2021,
  cockcroftGault,
  ckdStageKdigo,
  crclCockcroftGault,
  egfrCkdEpi2021,
  kdigoGfrCategory,
} from './renal.js';
export { meld3, meld3Score, meldNa, meldNaScore } from './meld.js';
export { wellsDvt, wellsPe } from './wells.js';
export { curb65 } from './curb65.js';
export { triageEsi } from './triage.js';
