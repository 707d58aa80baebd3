// The lib's HTTP module is its only export, from `@app/investigation/api`: nothing imports
// read models from here.
export * from './report-figures.sql';
