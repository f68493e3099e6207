export * from './errors.ts';
export * from './roles.ts';
export * from './workflow.ts';
export * from './registration.ts';
export * from './visit-kind.ts';
export * from './messages.ts';
export * from './identity.ts';
