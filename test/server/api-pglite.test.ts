import { describe } from 'vitest';
import { apiCases } from './api-cases.js';

describe('leadscore serve on the embedded PGlite', () => apiCases('pglite'));
