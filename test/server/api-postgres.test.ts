import { describe, it } from 'vitest';
import { PG_URL, requirePostgres } from '../sql/postgres-harness.js';
import { apiCases } from './api-cases.js';

describe('leadscore serve on PostgreSQL', () => {
  if (PG_URL) apiCases('postgres');
  else it('needs a PostgreSQL server', (context) => requirePostgres(context));
});
