import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from './exit-codes.js';
import { removeTempFiles } from './temp-files.js';
import { describeFsError } from '../runtime/readers/fs-errors.js';
import { localeLang, setMessageLang } from './message-lang.js';

// Each command's module is loaded when the command runs, so `check` does not pay for DuckDB, the report or YAML.

/** From dist/cli/ (the installed CLI) or cli/ (the tests, which run the sources in-process). */
function packageVersion(): string {
  for (const path of ['../../package.json', '../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // try the next
    }
  }
  return 'unknown';
}

function buildProgram(): Command {
  const program = new Command('leadscore')
    .description('Lead-scoring rules as code: check rule files, score leads, compile scorers.')
    .version(packageVersion())
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addOption(
      new Option(
        '--lang <lang>',
        'language of diagnostic messages (default: ja when the locale is Japanese, else en)',
      ).choices(['ja', 'en']),
    )
    .hook('preAction', (command) => {
      const chosen = command.opts<{ lang?: 'ja' | 'en' }>().lang;
      setMessageLang(chosen ?? localeLang(process.env));
    });

  program
    .command('check')
    .description('parse and type-check rule files; diagnostics on stderr')
    .argument('<files...>', 'rule files (.score)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'fail on warnings too')
    .action(async (files: string[], opts: { format: 'text' | 'json'; strict?: boolean }) => {
      process.exitCode = await (await import('./commands/check.js')).runCheck(files, opts);
    });

  program
    .command('score')
    .description('score every lead of a file')
    .argument('<rules>', 'the rule file')
    .requiredOption('--leads <file>', 'leads: .jsonl/.ndjson, .json or .csv; - reads JSON Lines from stdin')
    .option('--events <file>', 'events in their own file, joined to leads by lead_id')
    .option('--as-of <time>', 'ISO 8601 instant to score at (default: now)')
    .option('--tz <zone>', 'time zone for times without an offset (default: UTC)')
    .option(
      '--encoding <name>',
      'text encoding of the data files: auto (default: UTF-8, or Shift_JIS from Japanese Excel), utf-8 or shift_jis',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'json']).default('jsonl'))
    .option('--out <file>', 'write scores here instead of stdout')
    .option(
      '--rejects <file>',
      'write every invalid record here, whole, as JSON Lines (- for stdout, when --out is a file)',
    )
    .option('--bom', 'with --format csv: start with a UTF-8 byte-order mark, so Excel shows Japanese text correctly')
    .addOption(
      new Option(
        '--csv-formulas <mode>',
        'with --format csv: escape (default) puts an apostrophe before text cells starting with = + - @ so spreadsheets show them instead of running them; keep writes them as they are',
      )
        .choices(['escape', 'keep'])
        .default('escape'),
    )
    .addOption(
      new Option('--engine <engine>', 'scoring engine: js, or duckdb for Parquet/CSV/JSON files at scale (no reasons)')
        .choices(['js', 'duckdb'])
        .default('js'),
    )
    .action(async (rules: string, opts) => {
      process.exitCode = await (await import('./commands/score.js')).runScore(rules, opts);
    });

  program
    .command('compile')
    .description('compile a rule file to a standalone scorer')
    .argument('<rules>', 'the rule file')
    .addOption(new Option('--target <target>', 'what to generate').choices(['js', 'sql']).default('js'))
    .addOption(
      new Option('--dialect <dialect>', 'SQL dialect').choices(['duckdb', 'postgres', 'bigquery', 'snowflake']),
    )
    .option('--leads-table <table>', 'SQL: the leads table (default: leads)')
    .option('--events-table <table>', 'SQL: the events table (default: events)')
    .option('--as-of <time>', 'SQL: score at this ISO 8601 instant (default: the query reads the as_of parameter)')
    .option(
      '--tz <zone>',
      'time zone the module reads event times without an offset in, and of the days, weeks and months of max … per (default: UTC)',
    )
    .option('--out <file>', 'write the module here instead of stdout')
    .action(async (rules: string, opts) => {
      process.exitCode = await (await import('./commands/compile.js')).runCompile(rules, opts);
    });

  program
    .command('fmt')
    .description('rewrite rule files in the canonical layout (comments and labels kept)')
    .argument('<files...>', 'rule files; - formats stdin to stdout')
    .option('--check', 'write nothing; list the files that would change and exit 1 if any')
    .action(async (files: string[], opts: { check?: boolean }) => {
      process.exitCode = await (await import('./commands/fmt.js')).runFmt(files, opts);
    });

  program
    .command('test')
    .description('run the test cases kept next to the rule files (*.test.yaml); exit 1 if any fails')
    .argument(
      '[files...]',
      'test files (.test.yaml) or rule files (.score, meaning their .test.yaml); default: every *.test.yaml under this folder',
    )
    .action(async (files: string[]) => {
      process.exitCode = await (await import('./commands/test.js')).runTest(files);
    });

  program
    .command('report')
    .description(
      'KPI report: tiers, score distribution, MQL→opportunity rate, AUC, recommended threshold, per-rule lift',
    )
    .argument('<rules>', 'the rule file')
    .requiredOption('--leads <file>', 'leads: .jsonl/.ndjson, .json or .csv; - reads JSON Lines from stdin')
    .option('--events <file>', 'events in their own file, joined to leads by lead_id')
    .option(
      '--outcome <field>',
      'lead field saying the lead became an opportunity (true/false, or a date: set = converted)',
    )
    .option('--as-of <time>', 'ISO 8601 instant to score at (default: now)')
    .option('--tz <zone>', 'time zone for times without an offset and for monthly cohorts (default: UTC)')
    .option(
      '--encoding <name>',
      'text encoding of the data files: auto (default: UTF-8, or Shift_JIS from Japanese Excel), utf-8 or shift_jis',
    )
    .option('--by <field>', 'the same KPIs per cohort of this lead field (a date field gives months, YYYY-MM)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'html']).default('md'))
    .option('--out <file>', 'write the report here instead of stdout')
    .option('--criterion <criterion>', 'how to pick the recommended MQL threshold: f1, youden or precision=P', 'f1')
    .action(async (rules: string, opts) => {
      process.exitCode = await (await import('./commands/report.js')).runReport(rules, opts);
    });

  program
    .command('tune')
    .description(
      'fit rule points to outcomes (L2 logistic regression) and write a new rule file that differs only in points',
    )
    .argument('<rules>', 'the rule file')
    .requiredOption('--leads <file>', 'leads: .jsonl/.ndjson, .json or .csv')
    .option('--events <file>', 'events in their own file, joined to leads by lead_id')
    .requiredOption('--outcome <field>', 'lead field saying the lead became an opportunity')
    .option('--as-of <time>', 'ISO 8601 instant to score at (default: now)')
    .option('--tz <zone>', 'time zone for times without an offset (default: UTC)')
    .option(
      '--encoding <name>',
      'text encoding of the data files: auto (default: UTF-8, or Shift_JIS from Japanese Excel), utf-8 or shift_jis',
    )
    .option('--out <file>', 'write the new rule file here instead of stdout')
    .option('--seed <n>', 'seed of the holdout split', '1')
    .option('--holdout <share>', 'share of leads held out to measure AUC before and after', '0.3')
    .option(
      '--tiers',
      'also move the tier thresholds (the first by --criterion, the others keeping their share of leads)',
    )
    .option(
      '--criterion <criterion>',
      'with --tiers: how to pick the first tier threshold: f1, youden or precision=P',
      'f1',
    )
    .action(async (rules: string, opts) => {
      process.exitCode = await (await import('./commands/tune.js')).runTune(rules, opts);
    });

  program
    .command('diff')
    .description(
      'compare two versions of a rule file (a path or a git revision such as main:rules/b2b.score), with the impact on leads',
    )
    .argument('<old>', 'the old version: a file or REV:PATH')
    .argument('<new>', 'the new version: a file or REV:PATH')
    .option('--leads <file>', 'score these leads with both versions and report the impact')
    .option('--events <file>', 'events in their own file, joined to leads by lead_id')
    .option('--as-of <time>', 'ISO 8601 instant to score at (default: now)')
    .option('--tz <zone>', 'time zone for times without an offset (default: UTC)')
    .option(
      '--encoding <name>',
      'text encoding of the data files: auto (default: UTF-8, or Shift_JIS from Japanese Excel), utf-8 or shift_jis',
    )
    .addOption(new Option('--format <format>', 'report format').choices(['md', 'json']).default('md'))
    .option('--top <n>', 'how many top movers to list', '10')
    .option('--out <file>', 'write the report here instead of stdout')
    .action(async (oldSpec: string, newSpec: string, opts) => {
      process.exitCode = await (await import('./commands/diff.js')).runDiff(oldSpec, newSpec, opts);
    });

  program
    .command('lsp')
    .description(
      'language server for editors (Language Server Protocol): diagnostics, completion, hover, fixes, rename, formatting',
    )
    .option('--stdio', 'talk over stdin and stdout (the only transport)')
    .action(async () => {
      process.exitCode = await (await import('../editors/lsp/main.js')).runLsp();
    });

  program
    .command('serve')
    .description(
      "the live scoring service: keeps every lead's score current in a database, over an HTTP API (docs/serve.md)",
    )
    .argument('<rules>', 'the rule file')
    .option('--listen <host:port>', 'address to listen on; port 0 takes a free one', '127.0.0.1:8080')
    .option('--data-dir <dir>', 'embedded database directory (default: ./.leadscore)')
    .option('--database <url>', 'a PostgreSQL server instead: postgres://…')
    .option('--tokens <file>', 'bearer tokens: {"tokens":[{"name","sha256","scopes"}]}')
    .option('--webhook <url>', 'POST tier changes here (repeatable)', (value: string, list: string[] = []) => [
      ...list,
      value,
    ])
    .option('--webhook-secret-file <file>', "key of the webhooks' HMAC-SHA256 signature")
    .addOption(
      new Option('--clock <clock>', 'system, or manual: time moves only by POST /v1/clock')
        .choices(['system', 'manual'])
        .default('system'),
    )
    .option('--tz <zone>', 'time zone for times without an offset (default: UTC)')
    .option('--outcome <field>', 'lead field saying the lead became an opportunity (for the KPIs)')
    .addOption(
      new Option(
        '--webhook-format <format>',
        'body of each --webhook without a prefix: json (signed event), slack or teams (a message people read)',
      ).choices(['json', 'slack', 'teams']),
    )
    .option(
      '--notify-tier <tier>',
      'deliver only changes into this tier (repeatable)',
      (value: string, list: string[] = []) => [...list, value],
    )
    .option(
      '--webhook-dead-after <duration>',
      'dead-letter a delivery still failing after this long, e.g. 3d, 12h (default 3d)',
    )
    .option('--segment-map <file>', 'JSON {"Segment event name": "event type"} for POST /v1/segment')
    .action(async (rules: string, opts) => {
      process.exitCode = await (await import('../server/serve-command.js')).runServe(rules, opts);
    });

  return program;
}

/**
 * Runs one command and returns its exit code, without touching process-wide
 * handlers (the fuzz tests call it in-process). A bug surfaces as exit 70
 * with a request for a report, never as a stack trace (unless LEADSCORE_DEBUG=1).
 */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv]);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    removeTempFiles();
    if (e instanceof CommanderError) {
      const benign =
        e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      return benign ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`leadscore: ${e.message}\n`);
      return EXIT.usage;
    }
    reportInternalError(e);
    return EXIT.internal;
  }
}

export function reportInternalError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(
    `leadscore: internal error: ${message}\n` +
      'This is a bug in leadscore, not a problem with your files: please report it with the command you ran and this message' +
      (process.env['LEADSCORE_DEBUG'] ? '.\n' : ' (run again with LEADSCORE_DEBUG=1 to add the details).\n'),
  );
  if (process.env['LEADSCORE_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
}

/** Runs the CLI; sets process.exitCode (never exits early, so piped output is flushed). */
export async function main(argv: readonly string[]): Promise<void> {
  // `leadscore score … | head`: the reader has seen enough; stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // stdout redirected to a full disk, a closed terminal: not a bug, and nothing more can be written there.
    removeTempFiles();
    process.stderr.write(`leadscore: cannot write to stdout: ${describeFsError(e)}\n`);
    process.exit(EXIT.usage);
  });
  // A throw from a callback or a stream escapes the command's try: still a bug report and exit 70, and no temp file left.
  const crash = (e: unknown): void => {
    removeTempFiles();
    reportInternalError(e);
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.exitCode = await runCommand(argv);
}
