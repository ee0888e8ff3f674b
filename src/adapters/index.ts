export * from './adapter.js';
export { MemoryAdapter } from './memory-adapter.js';
export type { MemoryAdapterOptions, SeedOutcomeType, StorageLike } from './memory-adapter.js';
export { withRecorder } from './with-recorder.js';
export type { HostRecorder, RecordingAdapter } from './with-recorder.js';
export { parseListLeniently } from './parse-list.js';
export { SYSTEM_DEFAULT_OUTCOME_TYPES } from '../model/system-defaults.js';
export type { SystemDefaultOutcomeType } from '../model/system-defaults.js';
