/** Picks a stable colour per service name, so one service keeps its colour across traces. */
export function serviceColour(service: string | null): string {
  if (!service) return 'hsl(0 0% 55%)';
  let hash = 0;
  for (let index = 0; index < service.length; index += 1) {
    hash = (hash * 31 + service.charCodeAt(index)) | 0;
  }
  return `hsl(${Math.abs(hash) % 360} 55% 55%)`;
}
