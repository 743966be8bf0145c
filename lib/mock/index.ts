export { createMockBackend, MockBackend, type MockBackendOptions } from './backend';
export { createMockTransport } from './transport';
export { generateDataset, DATASET_SIZES, type Dataset, type DatasetSize } from './dataset';
export { SCENARIO_NAMES, SCENARIO_DESCRIPTIONS, scenarioSettings, type ScenarioName, type ScenarioSettings } from './scenarios';
