export * from './blocks';
export * from './characters-by-name';
export * from './chat-history';
export * from './mutes';
export * from './post-chat';
export * from './purge-chat';
export * from './report-message';
export * from './word-filter';
