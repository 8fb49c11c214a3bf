// Public API of the lab (used by the CLI, the investigation tests and the demo).
export { generateLab, DEFAULT_START, type LabOptions, type LabResult, type LabFormat } from './generate.js';
export type { Truth, TruthEntity, TruthEvidence, TruthTechnique, TruthVerdict } from './truth.js';
export { SCENARIOS, scenarioNames, type ScenarioDef } from './scenarios/defs.js';
