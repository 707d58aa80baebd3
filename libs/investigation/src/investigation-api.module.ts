import { Module } from '@nestjs/common';

/**
 * Read models that join several domains (reports, cases, funds): the case detail, the staff
 * report view, identifier search and the citizen status page (API app). Owns no tables and
 * writes nothing; it sits above reports, cases and funds, and nothing imports it but the app.
 */
@Module({})
export class InvestigationApiModule {}
