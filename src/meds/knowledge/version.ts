/** Version of Vitalis's own medication-safety knowledge; bump when any rule, table or threshold changes. */
export const MEDS_KNOWLEDGE_VERSION = 'vitalis-meds-2026.11.1';
