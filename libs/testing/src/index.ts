export { spawnService, type SpawnedService } from './lib/spawn-service';
export { freeLowPort } from './lib/free-low-port';
