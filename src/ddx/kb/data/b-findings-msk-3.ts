import { defineFindings } from '../schema.js';

/** Part B findings: joints, spine, limbs, fractures and rheumatological tests. (continued) */
export const findings = defineFindings([
  {
    id: 'rheumatoid-factor-positive',
    label: 'Positive rheumatoid factor',
    kind: 'lab',
    synonyms: ['positive rheumatoid factor', 'rf positive', 'rheumatoid factor positive'],
    loinc: ['11572-5'],
    predicate: { op: 'above-range' },
  },
  {
    id: 'anti-ccp-positive',
    label: 'Positive anti-CCP antibodies',
    kind: 'lab',
    synonyms: ['anti-ccp positive', 'positive anti-ccp', 'acpa positive', 'anti-citrullinated peptide antibodies'],
  },
  {
    id: 'ana-positive',
    label: 'Positive antinuclear antibodies',
    kind: 'lab',
    synonyms: ['positive ana', 'ana positive', 'antinuclear antibody positive'],
  },
  {
    id: 'anti-dsdna-positive',
    label: 'Positive anti-dsDNA antibodies',
    kind: 'lab',
    synonyms: ['anti-dsdna positive', 'positive anti-double-stranded dna', 'positive dsdna'],
  },
  {
    id: 'hla-b27-positive',
    label: 'HLA-B27 positive',
    kind: 'lab',
    synonyms: ['hla-b27 positive', 'hla b27 positive'],
  },
  {
    id: 'xray-joint-space-narrowing',
    label: 'Joint-space narrowing and osteophytes on X-ray',
    kind: 'imaging',
    synonyms: ['joint space narrowing', 'osteophytes', 'degenerative changes on x-ray', 'osteoarthritic changes'],
  },
  {
    id: 'mri-disc-herniation',
    label: 'Disc herniation compressing a nerve root on MRI',
    kind: 'imaging',
    synonyms: ['disc herniation on mri', 'disc prolapse on mri', 'nerve root compression', 'l5/s1 disc prolapse'],
  },
  {
    id: 'xray-vertebral-fracture',
    label: 'Vertebral compression fracture on imaging',
    kind: 'imaging',
    synonyms: ['vertebral compression fracture', 'wedge fracture on x-ray', 'loss of vertebral height'],
  },
  {
    id: 'xray-hip-fracture',
    label: 'Proximal femoral fracture on imaging',
    kind: 'imaging',
    synonyms: [
      'fractured neck of femur on x-ray',
      'hip fracture on x-ray',
      'intracapsular fracture',
      'intertrochanteric fracture on x-ray',
    ],
  },
  {
    id: 'xray-wrist-fracture',
    label: 'Distal radius fracture on X-ray',
    kind: 'imaging',
    synonyms: ['distal radius fracture on x-ray', 'fractured radius', 'wrist fracture on x-ray'],
  },
  {
    id: 'xray-ankle-fracture',
    label: 'Ankle fracture on X-ray',
    kind: 'imaging',
    synonyms: ['ankle fracture on x-ray', 'fractured malleolus', 'fibular fracture'],
  },
  {
    id: 'mri-sacroiliitis',
    label: 'Sacroiliitis on MRI',
    kind: 'imaging',
    synonyms: ['sacroiliitis', 'sacroiliitis on mri', 'bone marrow oedema in sacroiliac joints'],
  },
  {
    id: 'mri-osteomyelitis',
    label: 'Osteomyelitis on MRI or bone scan',
    kind: 'imaging',
    synonyms: ['osteomyelitis on mri', 'bone marrow oedema', 'bone marrow edema', 'periosteal reaction'],
  },
  {
    id: 'xray-femoral-head-changes',
    label: 'Femoral head flattening or fragmentation on X-ray',
    kind: 'imaging',
    synonyms: ['flattened femoral head', 'femoral head fragmentation', 'avascular necrosis on x-ray'],
  },
]);
