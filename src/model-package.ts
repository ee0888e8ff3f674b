// The `outcome-elements/model` entry: the canonical model (src/model/, which names no backend),
// and — as before the rules moved to their adapters' folders — each backend's write rules.
export * from './model/index.js';
export * from './adapters/rules.js';
