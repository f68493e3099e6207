export * from './common.ts';
export * from './auth.ts';
export * from './org.ts';
export * from './matter.ts';
export * from './api.ts';
export * from './actions.ts';
export * from './case.ts';
