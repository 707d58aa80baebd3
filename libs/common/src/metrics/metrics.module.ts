import { Global, Module } from '@nestjs/common';
import { FraudMetrics } from './fraud-metrics';

/** One `FraudMetrics` per app, injectable everywhere (both apps import this module once). */
@Global()
@Module({ providers: [FraudMetrics], exports: [FraudMetrics] })
export class MetricsModule {}
