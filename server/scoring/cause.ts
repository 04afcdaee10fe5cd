/** Why a lead was re-scored; carried by every history row. */
export type Cause =
  | { readonly kind: 'event'; readonly event_ids: readonly unknown[] }
  | { readonly kind: 'lead' }
  | { readonly kind: 'time' }
  | { readonly kind: 'rules' };
