export * from './takedown.entity';
