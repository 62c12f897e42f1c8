import { normalizePackagingType } from "@/lib/shipping/package-types";
import { packageMatrixFromMailClasses, type TPackageMatrix } from "@/lib/shipping/package-matrix";
import type { TCarrierService } from "@/lib/sera/transform";

/**
 * The mail-class / package-type matrix: which packaging SERA's carrier services offer for each
 * service, with ShipDesk's USPS limits for each. Without SERA's answer, ShipDesk's own table.
 */
export function packageMatrixFromSera(services: readonly TCarrierService[] | null): TPackageMatrix {
  const local = packageMatrixFromMailClasses();
  if (!services || services.length === 0) return local;
  const offered = new Map(services.map((service) => [service.serviceType, new Set(service.packagingTypes.map((p) => normalizePackagingType(p.packagingType)))]));
  const matrix: TPackageMatrix = {};
  for (const [serviceType, service] of Object.entries(local)) {
    const types = offered.get(serviceType);
    if (!types) continue;
    matrix[serviceType] = { ...service, packaging: service.packaging.filter((packaging) => types.has(packaging.packagingType)) };
  }
  return matrix;
}
