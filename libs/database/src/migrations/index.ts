export const MIGRATIONS: (new () => object)[] = [];
