/** An outcome as test/servers/sailor-api.mjs stores it (`GET /__control/state`). */
export interface SailorStored {
  outcome_id: string;
  outcome_name: string;
  outcome_type: string;
  order: number;
  destination_type: string;
  destination_id: string | null;
  remove_from_smart_lists: unknown;
  webhook_url: string | null;
}
