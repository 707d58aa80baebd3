export * from './entities';
export * from './takedowns.module';
export { TakedownsService, TakedownConflict } from './takedowns.service';
export type { TakedownConflictCode } from './takedowns.service';
export { TAKEDOWN_STATUSES, TakedownView } from './takedowns.dto';
export type { TakedownStatus } from './takedowns.dto';
