import type { AgencyNames } from '@/lib/agencies/short-name';
import { AgencyName } from '@/components/agency-name';

export type AgencyLike = AgencyNames;

/** An agency known by its code: with its name as the expansion when the commitment names it, else the bare code. */
export function AgencyCode({ code, agencies }: { code: string; agencies: readonly AgencyLike[] }) {
  const agency = agencies.find((a) => a.code === code);
  return agency ? <AgencyName agency={agency} /> : <span className="agency">{code}</span>;
}
