/**
 * The closed vocabularies of the canonical model. Kept apart from the zod schemas so that
 * element code can use them without pulling zod into its bundle.
 */
export const CLASSIFICATIONS = ['positive', 'negative', 'neutral'] as const;
export const CATEGORIES = ['impression', 'response'] as const;
export const KINDS = ['disposition', 'action'] as const;
export const STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const APPLIES_TO = ['calls', 'meetings'] as const;
export const AUTO_APPLIED_ON = ['voicemail-drop'] as const;
export const RECORD_SOURCES = ['agent', 'timeout'] as const;
export const ROLES = ['viewer', 'editor'] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Kind = (typeof KINDS)[number];
export type Status = (typeof STATUSES)[number];
export type AppliesTo = (typeof APPLIES_TO)[number];
export type AutoAppliedOn = (typeof AUTO_APPLIED_ON)[number];
export type RecordSource = (typeof RECORD_SOURCES)[number];
export type Role = (typeof ROLES)[number];

/** The more restrictive of two roles; an unknown or missing role counts as viewer. */
export function restrictRole(...roles: (Role | null | undefined)[]): Role {
  return roles.every((role) => role === 'editor') ? 'editor' : 'viewer';
}
