import { z } from 'zod';

/** Severity from SEV0 (most severe) to SEV4; `null` means not yet assessed ("unset"). */
export const SEVERITIES = ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Lifecycle states in the order an incident normally passes through them. */
export const STATUSES = [
  'triage',
  'investigating',
  'identified',
  'mitigated',
  'monitoring',
  'resolved',
  'closed',
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Milestones whose timestamps are recorded; each is an ISO-8601 UTC time or null. */
export const MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Each milestone is stamped the first time the incident reaches this status or a later one. */
const MILESTONE_FROM_STATUS: [Milestone, Status][] = [
  ['acknowledged', 'investigating'],
  ['mitigated', 'mitigated'],
  ['resolved', 'resolved'],
];

/** Milestones that reaching `status` implies, so a jump from triage to closed stamps all three. */
export function milestonesReachedBy(status: Status): Milestone[] {
  const rank = STATUSES.indexOf(status);
  return MILESTONE_FROM_STATUS.filter(([, from]) => rank >= STATUSES.indexOf(from)).map(([m]) => m);
}

/** Moves allowed from each status: forward, one step back, and straight to resolved. */
export function allowedTransitions(from: Status): Status[] {
  const index = STATUSES.indexOf(from);
  if (from === 'closed') return ['resolved'];
  const forward = STATUSES.slice(index + 1);
  const back = index > 0 ? [STATUSES[index - 1] as Status] : [];
  return [...forward, ...back];
}

/** Whether an incident may move from one status to another. */
export function canTransition(from: Status, to: Status): boolean {
  return allowedTransitions(from).includes(to);
}

export const IncidentSchema = z.object({
  /** UUIDv7, so ids sort by creation time and stay unique across machines. */
  id: z.string(),
  title: z.string(),
  severity: SeveritySchema.nullable(),
  status: StatusSchema,
  commander: z.string().nullable(),
  /** ISO-8601 UTC. */
  createdAt: z.string(),
  /** ISO-8601 UTC of the latest timeline event, or of creation. */
  updatedAt: z.string(),
  milestones: z.record(z.enum(MILESTONES), z.string().nullable()),
});
export type Incident = z.infer<typeof IncidentSchema>;
