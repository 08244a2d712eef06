import { z } from "zod";

// Config section `storage:` (shared-storage capacity). Bytes come from
// materialization metadata under the labels `sizeKeys` names (the first one an
// event records wins); a quota is a capacity over some code locations (all of
// a deployment's, or all of every deployment's, when none are listed).

export const storageQuotaSchema = z.strictObject({
  name: z.string().min(1),
  bytes: z.number().positive(),
  /** Limits the quota to one deployment's locations; all deployments when absent. */
  deployment: z.string().min(1).optional(),
  /** The code locations writing to this storage; every location when empty. */
  locations: z.array(z.string().min(1)).default([]),
});

export const storageSchema = z
  .strictObject({
    sizeKeys: z.array(z.string().min(1)).default(["dagster/size_bytes"]),
    quotas: z.array(storageQuotaSchema).default([]),
  })
  .prefault({});

export type StorageConfig = z.infer<typeof storageSchema>;
export type StorageQuota = z.infer<typeof storageQuotaSchema>;
