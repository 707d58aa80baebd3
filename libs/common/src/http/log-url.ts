import { Injectable } from '@nestjs/common';

/** Stands for whatever was removed from a logged URL. */
export const REDACTED = '[redacted]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Report references and case numbers: `FR-2026-000123`, `CY-2026-000045`. */
const RECORD_NUMBER = /^(FR|CY)-\d{4}-\d{6}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Short enough never to be a phone, a card or its last four digits. */
const SMALL_NUMBER = /^\d{1,3}$/;
/** A URL with more known query parameters than this logs the rest as a count. */
const MAX_LOGGED_PARAMS = 20;

/** How a known query parameter's value may be logged. */
type ValueRule =
  { kind: 'enum'; values: Set<string> } | { kind: 'pattern'; pattern: RegExp } | { kind: 'redact' };

/** The parts of an OpenAPI document the policy reads. */
export interface OpenApiPaths {
  paths: Record<string, object>;
}

interface QueryParameter {
  in?: unknown;
  name?: unknown;
  schema?: { type?: unknown; format?: unknown; enum?: unknown };
}

export interface LoggedUrl {
  /** The path with every segment that is not ours masked, and the known query parameters. */
  url: string;
  /** Query parameters the API does not know, counted, never named. */
  otherParams?: number;
}

function ruleFor(schema: QueryParameter['schema']): ValueRule {
  if (Array.isArray(schema?.enum))
    return { kind: 'enum', values: new Set(schema.enum.map(String)) };
  if (schema?.format === 'uuid') return { kind: 'pattern', pattern: UUID };
  if (schema?.format === 'date') return { kind: 'pattern', pattern: DATE };
  if (schema?.type === 'boolean') return { kind: 'pattern', pattern: /^(true|false)$/ };
  if (schema?.type === 'number' || schema?.type === 'integer') {
    return { kind: 'pattern', pattern: SMALL_NUMBER };
  }
  // Free text (`value`, `cursor`, `assignee`, comma lists): may hold anything a client typed.
  return { kind: 'redact' };
}

function allows(rule: ValueRule, value: string): boolean {
  if (rule.kind === 'enum') return rule.values.has(value);
  if (rule.kind === 'pattern') return rule.pattern.test(value);
  return false;
}

/**
 * What of a request URL reaches the log. Paths and query strings carry what people type
 * (a citizen pastes a phone into the reference field, staff search by card number), so a path
 * segment is logged only when it is a fixed part of one of our routes, a UUID or a record
 * number, and a query parameter only when the API declares it; its value only when it is an
 * enum member, a date, a flag or a small number. The routes and parameters are learnt from
 * the OpenAPI document at boot (`learn`); until then every variable part is masked.
 */
@Injectable()
export class LogUrlPolicy {
  private readonly segments = new Set<string>();
  private readonly params = new Map<string, ValueRule>();

  learn(document: OpenApiPaths): void {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const segment of path.split('/')) {
        if (segment !== '' && !segment.startsWith('{')) this.segments.add(segment);
      }
      for (const operation of Object.values(operations as Record<string, unknown>)) {
        const parameters = (operation as { parameters?: unknown[] } | null)?.parameters ?? [];
        for (const p of parameters as QueryParameter[]) {
          if (p.in !== 'query' || typeof p.name !== 'string') continue;
          this.addParam(p.name, ruleFor(p.schema));
        }
      }
    }
  }

  /** Fixed path segments served outside the OpenAPI document (the web form's files). */
  learnSegments(segments: Iterable<string>): void {
    for (const s of segments) this.segments.add(s);
  }

  render(rawUrl: string): LoggedUrl {
    const at = rawUrl.indexOf('?');
    const path = at < 0 ? rawUrl : rawUrl.slice(0, at);
    const masked = path
      .split('/')
      .map((s) => (s === '' || this.isOurs(s) ? s : REDACTED))
      .join('/');
    if (at < 0) return { url: masked };
    const logged: string[] = [];
    let other = 0;
    for (const pair of rawUrl.slice(at + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const rule = this.params.get(name);
      if (rule === undefined || logged.length >= MAX_LOGGED_PARAMS) {
        other += 1;
        continue;
      }
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      logged.push(`${name}=${allows(rule, value) ? value : REDACTED}`);
    }
    const url = logged.length > 0 ? `${masked}?${logged.join('&')}` : masked;
    return other > 0 ? { url, otherParams: other } : { url };
  }

  private isOurs(segment: string): boolean {
    return this.segments.has(segment) || UUID.test(segment) || RECORD_NUMBER.test(segment);
  }

  private addParam(name: string, rule: ValueRule): void {
    const known = this.params.get(name);
    if (known === undefined) {
      this.params.set(name, rule);
    } else if (known.kind === 'enum' && rule.kind === 'enum') {
      for (const v of rule.values) known.values.add(v);
    } else if (known.kind !== rule.kind || known.kind === 'pattern') {
      // One name, two shapes on two routes: log neither shape's values.
      const same = known.kind === 'pattern' && rule.kind === 'pattern';
      if (!same || known.pattern !== rule.pattern) this.params.set(name, { kind: 'redact' });
    }
  }
}
