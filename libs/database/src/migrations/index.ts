import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';

// Run in this order; append new migrations at the end.
export const MIGRATIONS: (new () => object)[] = [InitialSchema1763800000000];
