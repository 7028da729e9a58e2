export * from './schema/bodies';
export * from './schema/people';
export * from './schema/memberships';
export * from './schema/meetings';
export * from './schema/documents';
export * from './schema/contributions';
export * from './schema/search';
export * from './schema/system';
