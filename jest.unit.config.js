module.exports = {
  ...require('./jest.base'),
  displayName: 'unit',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testRegex: '\\.spec\\.ts$',
};
