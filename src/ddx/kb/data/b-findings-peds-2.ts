import { defineFindings } from '../schema.js';

/** Part B findings: paediatric symptoms, exanthems, safeguarding and neonatal findings. (continued) */
export const findings = defineFindings([
  {
    id: 'maternal-gbs-or-prom',
    label: 'Maternal GBS, intrapartum fever or prolonged rupture of membranes',
    kind: 'risk-factor',
    synonyms: [
      'mother gbs positive',
      'group b strep',
      'maternal fever in labour',
      'prolonged rupture of membranes',
      'maternal chorioamnionitis',
    ],
  },
  // Safeguarding
  {
    id: 'injury-inconsistent-history',
    label: 'Injury inconsistent with the history or development',
    kind: 'history',
    synonyms: [
      'inconsistent history',
      'mechanism does not fit the injury',
      'changing story',
      'unexplained injury',
      'implausible explanation',
    ],
  },
  {
    id: 'bruising-non-mobile-infant',
    label: 'Bruising in a non-mobile infant',
    kind: 'sign',
    synonyms: [
      'bruise in a baby who is not crawling',
      'bruising in a non-mobile baby',
      'bruises on a young infant',
      'non-mobile infant',
      'non-mobile',
      'not yet mobile',
      'bruises on a baby',
      'bruising in an infant',
      'bruised baby',
    ],
  },
  {
    id: 'delayed-presentation',
    label: 'Delayed presentation after injury',
    kind: 'history',
    synonyms: ['delayed presentation', 'waited days before seeking help', 'late presentation'],
  },
  {
    id: 'patterned-injury',
    label: 'Patterned bruises, bites or burns',
    kind: 'sign',
    synonyms: ['patterned bruising', 'slap marks', 'cigarette burns', 'bite marks', 'fingertip bruises', 'loop marks'],
  },
  {
    id: 'fracture-multiple-ages',
    label: 'Multiple fractures of different ages or rib fractures in infancy',
    kind: 'imaging',
    synonyms: [
      'fractures of different ages',
      'posterior rib fractures',
      'metaphyseal corner fracture',
      'healing fractures on skeletal survey',
    ],
  },
]);
