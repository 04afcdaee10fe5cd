/** The command-line options of `leadscore serve`, as the CLI parsed them. */
export interface ServeOptions {
  readonly listen?: string;
  readonly dataDir?: string;
  readonly database?: string;
  readonly tokens?: string;
  readonly webhook?: string[];
  readonly webhookSecretFile?: string;
  readonly clock?: string;
  readonly tz?: string;
  readonly outcome?: string;
  readonly webhookFormat?: string;
  readonly notifyTier?: string[];
  readonly webhookDeadAfter?: string;
  readonly segmentMap?: string;
}
