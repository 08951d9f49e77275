export { spawnService, type SpawnedService } from './lib/spawn-service';
