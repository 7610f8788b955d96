export * from './types';
export * from './guards';
export * from './relations';
export * from './validation';
export * from './domains';
export * from './refs';
export * from './limits';
export * from './urls';
